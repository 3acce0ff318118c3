// One entry point for every way a user names a palette: a built-in name, an inline hex list,
// a palette file (.gpl, .hex, .pal, .txt) or a swatch image (.png, .gif, …).

import fs from 'node:fs';
import path from 'node:path';
import { KinoError, issue } from '../../doc/errors';
import { BUILTIN_PALETTE_NAMES, PALETTE_ALIASES, builtinPalette } from './builtin';
import { looksLikeHexList, parseHexList } from './hex-list';
import { parseGpl } from './gpl';
import { parseLospecHex } from './lospec-hex';
import { parseJascPal } from './jasc-pal';
import { parsePaintNet } from './paint-net';
import { readSwatchPalette } from './swatch';
import type { Palette } from './palette';

/** A palette as options carry it: a name, path or hex list, or an explicit colour list. */
export type PaletteSpec = string | { name?: string; colors: readonly string[] } | Palette;

const TEXT_FORMATS: Record<string, (text: string, file: string) => Palette> = {
  '.gpl': parseGpl,
  '.hex': parseLospecHex,
  '.pal': parseJascPal,
  '.txt': parsePaintNet,
};
const IMAGE_EXTS = new Set(['.png', '.gif', '.bmp', '.jpg', '.jpeg', '.webp', '.tif', '.tiff']);

export interface ResolveOptions {
  /** Relative palette paths resolve against this directory (the film's, or the cwd). */
  baseDir?: string;
}

function isPalette(x: unknown): x is Palette {
  return typeof x === 'object' && x !== null && (x as Palette).rgb instanceof Uint8Array;
}

function unknownPalette(spec: string): KinoError {
  const aliases = Object.entries(PALETTE_ALIASES)
    .map(([a, n]) => `${a}→${n}`)
    .join(', ');
  return new KinoError(
    issue('retro/unknown-palette', `Unknown palette "${spec}". Available: ${BUILTIN_PALETTE_NAMES.join(', ')}.`, {
      hint: `Short names: ${aliases}. Or pass a palette file (.gpl, .hex, .pal, .txt, a PNG swatch), a hex list like "#000000,#ffffff", or adaptive:<n>.`,
    }),
  );
}

function classify(spec: string, baseDir: string): { kind: 'builtin'; palette: Palette } | { kind: 'hex' } | { kind: 'file'; file: string; ext: string } {
  const b = builtinPalette(spec);
  if (b) return { kind: 'builtin', palette: b };
  if (looksLikeHexList(spec)) return { kind: 'hex' };
  const ext = path.extname(spec).toLowerCase();
  const file = path.resolve(baseDir, spec);
  if (ext && (TEXT_FORMATS[ext] || IMAGE_EXTS.has(ext) || fs.existsSync(file))) return { kind: 'file', file, ext };
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return { kind: 'file', file, ext };
  throw unknownPalette(spec);
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new KinoError(issue('retro/palette-missing', `Cannot read palette file ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`, { location: { file }, hint: 'Check the path, or use a built-in palette name.' }));
  }
}

function parseTextFile(file: string, ext: string): Palette {
  const parse = TEXT_FORMATS[ext];
  if (!parse) {
    throw new KinoError(
      issue('retro/palette-format', `Unknown palette file type "${ext || '(none)'}" for ${file}.`, {
        location: { file },
        hint: 'Palette files: .gpl (GIMP), .hex (Lospec), .pal (JASC), .txt (Paint.NET), or an image swatch (.png).',
      }),
    );
  }
  const p = parse(readText(file), file);
  return { ...p, name: p.name === file ? path.basename(file, ext) : p.name };
}

/** Resolves any palette spec except image swatches, synchronously (for plan-time validation). */
export function resolvePaletteSync(spec: PaletteSpec, opts: ResolveOptions = {}): Palette {
  if (isPalette(spec)) return spec;
  if (typeof spec === 'object') return parseHexList(spec.colors, spec.name ?? 'custom');
  const c = classify(spec, opts.baseDir ?? process.cwd());
  if (c.kind === 'builtin') return c.palette;
  if (c.kind === 'hex') return parseHexList(spec);
  if (IMAGE_EXTS.has(c.ext)) {
    throw new KinoError(issue('retro/palette-async', `The palette ${spec} is an image swatch; it must be read with resolvePalette (async).`));
  }
  return parseTextFile(c.file, c.ext);
}

/** Resolves a palette spec: built-in name, hex list, palette file or swatch image. */
export async function resolvePalette(spec: PaletteSpec, opts: ResolveOptions = {}): Promise<Palette> {
  if (typeof spec === 'string') {
    const c = classify(spec, opts.baseDir ?? process.cwd());
    if (c.kind === 'file' && IMAGE_EXTS.has(c.ext)) {
      const p = await readSwatchPalette(c.file);
      return { ...p, name: path.basename(c.file, c.ext) };
    }
  }
  return resolvePaletteSync(spec, opts);
}
