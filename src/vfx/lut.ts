// .cube LUTs (the Adobe/Resolve "Cube LUT Specification 1.0"): a 3D table (LUT_3D_SIZE N, then
// N³ lines "r g b", red changing fastest) or a 1D table (LUT_1D_SIZE N, per-channel curves), with
// optional DOMAIN_MIN/DOMAIN_MAX. 1D tables are baked into a 33³ 3D table so the render page has
// one code path. Read in Node; the page gets the table as a 3D texture.

import fs from 'node:fs';
import { KinoError, issue, type KinoIssue } from '../doc/errors';
import { sampleLut, type Lut3D, type Vec3 } from './grade-math';

export interface CubeLut extends Lut3D {
  title?: string;
}

const BAKE_1D = 33;

export function parseCube(text: string, file = 'LUT'): CubeLut {
  const problems: KinoIssue[] = [];
  const bad = (line: number, msg: string) => problems.push(issue('grade/lut-format', `${msg}`, { location: { file, line }, hint: 'A .cube file has LUT_3D_SIZE N (or LUT_1D_SIZE N) and then one "r g b" line per entry.' }));
  let title: string | undefined;
  let size3 = 0;
  let size1 = 0;
  let min: Vec3 = [0, 0, 0];
  let max: Vec3 = [1, 1, 1];
  const values: number[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/#.*$/, '').trim();
    if (!line) continue;
    const parts = line.split(/\s+/);
    const key = parts[0].toUpperCase();
    if (key === 'TITLE') title = line.slice(5).trim().replace(/^"|"$/g, '');
    else if (key === 'LUT_3D_SIZE') size3 = Number(parts[1]);
    else if (key === 'LUT_1D_SIZE') size1 = Number(parts[1]);
    else if (key === 'DOMAIN_MIN' || key === 'DOMAIN_MAX') {
      const v = parts.slice(1, 4).map(Number) as Vec3;
      if (v.length !== 3 || v.some((x) => !Number.isFinite(x))) bad(i + 1, `${key} needs three numbers.`);
      else if (key === 'DOMAIN_MIN') min = v;
      else max = v;
    } else if (key === 'LUT_3D_INPUT_RANGE' || key === 'LUT_1D_INPUT_RANGE') {
      const v = parts.slice(1, 3).map(Number);
      min = [v[0], v[0], v[0]];
      max = [v[1], v[1], v[1]];
    } else if (/^[-+.\d]/.test(parts[0])) {
      if (parts.length !== 3) {
        bad(i + 1, `Line ${i + 1} has ${parts.length} numbers; a table line has three (r g b).`);
        continue;
      }
      const v = parts.map(Number);
      if (v.some((x) => !Number.isFinite(x))) bad(i + 1, `Line ${i + 1} is not three numbers: "${line}".`);
      else values.push(v[0], v[1], v[2]);
    }
    // Other keywords (e.g. vendor extensions) are ignored, as the spec allows.
    if (problems.length > 10) break;
  }
  if (!size3 && !size1) problems.push(issue('grade/lut-format', `${file} declares neither LUT_3D_SIZE nor LUT_1D_SIZE.`, { location: { file } }));
  if (size3 && (!Number.isInteger(size3) || size3 < 2 || size3 > 256)) problems.push(issue('grade/lut-format', `LUT_3D_SIZE must be 2–256; got ${size3}.`, { location: { file } }));
  if (size1 && (!Number.isInteger(size1) || size1 < 2 || size1 > 65536)) problems.push(issue('grade/lut-format', `LUT_1D_SIZE must be 2–65536; got ${size1}.`, { location: { file } }));
  const want = size3 ? size3 ** 3 : size1;
  if (!problems.length && values.length / 3 !== want) {
    problems.push(issue('grade/lut-format', `${file} has ${values.length / 3} table entries; ${size3 ? `LUT_3D_SIZE ${size3} needs ${want}` : `LUT_1D_SIZE ${size1} needs ${want}`}.`, { location: { file } }));
  }
  if (problems.length) throw new KinoError(problems);
  // Inputs outside [0, 1] domains are rescaled so the table is indexed by a [0, 1] colour.
  const domainIsUnit = min.every((v) => v === 0) && max.every((v) => v === 1);
  if (size3) {
    if (!domainIsUnit) {
      // The table is indexed over [min, max]; resample it over [0, 1] (clamping outside).
      return { title, ...resample3d(size3, Float32Array.from(values), min, max) };
    }
    return { title, size: size3, data: Float32Array.from(values) };
  }
  return { title, ...bake1d(size1, values, min, max) };
}

function bake1d(n: number, values: number[], min: Vec3, max: Vec3): Lut3D {
  const N = BAKE_1D;
  const curve = (ch: number, x: number) => {
    const t = Math.min(1, Math.max(0, (x - min[ch]) / (max[ch] - min[ch] || 1))) * (n - 1);
    const i = Math.min(n - 2, Math.floor(t));
    const f = t - i;
    return values[i * 3 + ch] * (1 - f) + values[(i + 1) * 3 + ch] * f;
  };
  const data = new Float32Array(N * N * N * 3);
  for (let b = 0; b < N; b++)
    for (let g = 0; g < N; g++)
      for (let r = 0; r < N; r++) {
        const k = ((b * N + g) * N + r) * 3;
        data[k] = curve(0, r / (N - 1));
        data[k + 1] = curve(1, g / (N - 1));
        data[k + 2] = curve(2, b / (N - 1));
      }
  return { size: N, data };
}

function resample3d(n: number, table: Float32Array, min: Vec3, max: Vec3): Lut3D {
  const src: Lut3D = { size: n, data: table };
  const data = new Float32Array(n * n * n * 3);
  const out: Vec3 = [0, 0, 0];
  const idx = (v: number, ch: number) => (v - min[ch]) / (max[ch] - min[ch] || 1);
  for (let b = 0; b < n; b++)
    for (let g = 0; g < n; g++)
      for (let r = 0; r < n; r++) {
        const x = r / (n - 1), y = g / (n - 1), z = b / (n - 1);
        sampleLut(src, idx(x, 0), idx(y, 1), idx(z, 2), out);
        data.set(out, ((b * n + g) * n + r) * 3);
      }
  return { size: n, data };
}

export function readCube(file: string): CubeLut {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new KinoError(issue('grade/lut-missing', `Cannot read LUT ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`, { location: { file }, hint: 'Give the path of a .cube file relative to the film file.' }));
  }
  return parseCube(text, file);
}

/** Writes a LUT as .cube text (used by tests and to export a preset's look for other tools). */
export function formatCube(lut: Lut3D, title = 'kino'): string {
  const lines = [`TITLE "${title}"`, `LUT_3D_SIZE ${lut.size}`];
  for (let i = 0; i < lut.data.length; i += 3) lines.push(`${lut.data[i].toFixed(6)} ${lut.data[i + 1].toFixed(6)} ${lut.data[i + 2].toFixed(6)}`);
  return lines.join('\n') + '\n';
}
