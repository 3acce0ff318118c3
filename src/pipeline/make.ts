// `kino make`: a screenplay in, a film project and its movie out — in one command.
//
//   1. parse the script (Fountain or FDX) and direct it: looks, palettes, lighting (src/script/style);
//   2. write an editable film.tsx (src/script/codegen) — unless the user has edited the one there:
//      a sidecar, .kino-make.json, keeps the sha256 of what was generated, and a film.tsx that no
//      longer matches it is the user's work: make refuses to overwrite it without --force (and
//      with --force keeps a copy as film.tsx.bak);
//   3. load it like any film (loadFilm) and render it through the render pipeline: dialogue spoken
//      and timed first (the sound department's two-pass timing), then the picture, the mix, the
//      editorial files;
//   4. reports in <out>/reports/: breakdown, shot list (CSV + JSON), look book (HTML with a
//      rendered frame per scene), and the speakers-on-screen check of the blocking.
//
// A project outside the kino repository gets what it needs to resolve `import … from 'kino'`:
// package.json ("type": "module"), a tsconfig.json for editors and tsc, and node_modules/kino
// linked to this installation — what `npm install kino` would give it.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KinoError, issue, type KinoIssue } from '../doc/errors';
import { OutputLayout } from '../deliver/layout';
import { readManifest, writeManifest, type OutputEntry } from '../deliver/manifest';
import type { FilmPlan, ScenePlan, ShotPlan } from '../plan/schema';
import { renderFilm, type RenderEvent, type RenderSummary } from '../render/film';
import type { RenderProfile } from '../render/profiles';
import { breakdown, formatBreakdown, loadScript } from '../script';
import { generateFilm, type GeneratedFilm } from '../script/codegen';
import { speakerVisibility, type LineVisibility } from '../script/codegen/check';
import { shotListCsv, shotListFromPlan, type ShotList } from '../script/shotlist';
import { lookBookFromStyle, lookBookHtml, type LookBookFrame, type StylePreset } from '../script/style';
import { writeFileAtomic } from '../util/fs';
import { hashFile, hashValue, sha256 } from '../util/hash';
import { loadFilm } from './load';
import { prepareSound } from './soundtrack';

export const MAKE_SIDECAR = '.kino-make.json';
const SIDECAR_VERSION = 1;

const kinoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface MakeSidecar {
  version: number;
  /** The script, relative to the sidecar's folder. */
  script: string;
  scriptSha256: string;
  /** sha256 of film.tsx exactly as generated. */
  filmSha256: string;
  options: { style?: string; fps?: number; resolution?: string };
  /** Lines heard but not seen, "<sceneId>/<lineId>" (skipped by the speakers-on-screen check). */
  offScreenLines: string[];
}

export interface MakeOptions {
  out: string;
  style?: StylePreset;
  force?: boolean;
  profile?: RenderProfile['name'];
  fps?: number;
  resolution?: string;
  /** Speak the lines and mix a soundtrack (default true). */
  audio?: boolean;
  /** Render the movie (default true); false writes film.tsx and the script reports only. */
  render?: boolean;
  log?: (message: string) => void;
  onEvent?: (e: RenderEvent) => void;
}

export interface MakeResult {
  film: string;
  /** 'written' (new or regenerated), 'unchanged' (same as generated), or 'regenerated-over-edits' (--force). */
  filmStatus: 'written' | 'unchanged' | 'regenerated-over-edits';
  backup?: string;
  generated: GeneratedFilm;
  plan?: FilmPlan;
  summary?: RenderSummary;
  reports: string[];
  visibility?: VisibilitySummary;
  warnings: KinoIssue[];
}

export interface VisibilitySummary {
  lines: number;
  frames: number;
  visible: number;
  /** Share of line frames with the speaker on screen. */
  share: number;
  worst: LineVisibility[];
}

/** Makes sure `import … from 'kino'` resolves for a film written in `dir`. Returns the files it wrote. */
export async function ensureKinoProject(dir: string): Promise<string[]> {
  const abs = path.resolve(dir);
  const written: string[] = [];
  // Inside a package that is kino, or that has kino installed, nothing is needed.
  for (let d = abs; ; d = path.dirname(d)) {
    const pkg = path.join(d, 'package.json');
    if (fs.existsSync(path.join(d, 'node_modules', 'kino', 'package.json'))) return written;
    if (fs.existsSync(pkg)) {
      try {
        const j = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string };
        if (j.name === 'kino') return written;
      } catch {
        // An unreadable package.json is not ours to fix; keep looking up.
      }
    }
    if (path.dirname(d) === d) break;
  }
  await fsp.mkdir(path.join(abs, 'node_modules'), { recursive: true });
  const pkg = path.join(abs, 'package.json');
  if (!fs.existsSync(pkg)) {
    await writeFileAtomic(pkg, JSON.stringify({ name: path.basename(abs).toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'film', private: true, type: 'module' }, null, 2) + '\n');
    written.push(pkg);
  }
  const tsconfig = path.join(abs, 'tsconfig.json');
  if (!fs.existsSync(tsconfig)) {
    const compilerOptions = {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      allowImportingTsExtensions: true,
      noEmit: true,
      strict: true,
      skipLibCheck: true,
      jsx: 'react-jsx',
      jsxImportSource: 'kino',
      // kino's sources use Node's types; they come with the linked kino.
      typeRoots: ['./node_modules/kino/node_modules/@types', './node_modules/@types'],
      types: ['node'],
    };
    await writeFileAtomic(tsconfig, JSON.stringify({ compilerOptions, include: ['*.tsx', '*.ts'] }, null, 2) + '\n');
    written.push(tsconfig);
  }
  const link = path.join(abs, 'node_modules', 'kino');
  if (!fs.existsSync(link)) {
    await fsp.symlink(kinoRoot, link, 'junction');
    written.push(link);
  }
  return written;
}

function readSidecar(file: string): MakeSidecar | undefined {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8')) as MakeSidecar;
    return j && j.version === SIDECAR_VERSION && typeof j.filmSha256 === 'string' ? j : undefined;
  } catch {
    return undefined;
  }
}

/** The shot a scene is best shown by in a look book: its first wide (master/establishing), else its first. */
export function lookShot(scene: ScenePlan): ShotPlan {
  return scene.shots.find((s) => s.type === 'master' || s.type === 'establishing' || s.size === 'WS' || s.size === 'EWS') ?? scene.shots[0];
}

/** Frames for a look book from a render folder: each scene's look shot's still, embedded. */
export async function lookBookFrames(plan: FilmPlan, out: string, key: 'id' | 'number'): Promise<Map<string, LookBookFrame>> {
  const layout = new OutputLayout(path.resolve(out));
  const manifest = readManifest(layout.manifest);
  const frames = new Map<string, LookBookFrame>();
  for (const scene of plan.scenes) {
    const shot = lookShot(scene);
    if (!shot) continue;
    const file = [layout.still(scene.id, shot.id, true), layout.still(scene.id, shot.id, false)].find((p) => fs.existsSync(p));
    if (!file) continue;
    const mime = file.endsWith('.jpg') ? 'image/jpeg' : 'image/png';
    const data = (await fsp.readFile(file)).toString('base64');
    frames.set(key === 'id' ? scene.id : scene.number, {
      src: `data:${mime};base64,${data}`,
      alt: `${scene.heading} — ${shot.name}`,
      width: manifest?.size[0],
      height: manifest?.size[1],
      caption: `${shot.key} (${shot.name}), middle frame`,
    });
  }
  return frames;
}

/** Speakers on screen while they speak, summarised (see src/script/codegen/check.ts). */
export function summarizeVisibility(plan: FilmPlan, offScreen: ReadonlySet<string>): VisibilitySummary {
  const lines = speakerVisibility(plan, (s, l) => offScreen.has(`${s}/${l}`));
  const frames = lines.reduce((n, l) => n + l.frames, 0);
  const visible = lines.reduce((n, l) => n + l.visible, 0);
  const worst = [...lines].filter((l) => l.visible < l.frames).sort((a, b) => a.visible / Math.max(1, a.frames) - b.visible / Math.max(1, b.frames)).slice(0, 5);
  return { lines: lines.length, frames, visible, share: frames ? visible / frames : 1, worst };
}

async function writeReport(layout: OutputLayout, name: string, data: string, inputsHash: string, entries: OutputEntry[]): Promise<string> {
  const file = path.join(layout.reports, name);
  await writeFileAtomic(file, data);
  entries.push({ path: layout.rel(file), kind: 'report', hash: await hashFile(file), bytes: Buffer.byteLength(data), inputsHash });
  return file;
}

/** Script → film.tsx → movie and reports. */
export async function makeFilm(scriptFile: string, opts: MakeOptions): Promise<MakeResult> {
  const log = opts.log ?? (() => {});
  const out = path.resolve(opts.out);
  const { script, warnings } = await loadScript(scriptFile);
  const scriptBytes = await fsp.readFile(scriptFile);
  const filmFile = path.join(out, 'film.tsx');
  const sidecarFile = path.join(out, MAKE_SIDECAR);
  const generated = generateFilm(script, { style: opts.style, source: scriptFile, fps: opts.fps, resolution: opts.resolution });

  // Never lose the user's edits.
  let filmStatus: MakeResult['filmStatus'] = 'written';
  let backup: string | undefined;
  await fsp.mkdir(out, { recursive: true });
  if (fs.existsSync(filmFile)) {
    const onDisk = sha256(await fsp.readFile(filmFile));
    const side = readSidecar(sidecarFile);
    const edited = !side || side.filmSha256 !== onDisk;
    if (edited && !opts.force) {
      throw new KinoError(
        issue('make/edited', `${filmFile} has been edited since kino make wrote it${side ? '' : ' (or was not written by kino make)'}; not overwriting it.`, {
          location: { file: filmFile },
          hint: `Render your edited film with \`kino render ${path.relative(process.cwd(), filmFile) || filmFile} -o ${path.relative(process.cwd(), out) || '.'}\`, or regenerate it from the script with --force (your version is kept as film.tsx.bak).`,
        }),
      );
    }
    if (edited) {
      backup = `${filmFile}.bak`;
      await fsp.copyFile(filmFile, backup);
      filmStatus = 'regenerated-over-edits';
    } else if (onDisk === sha256(generated.code)) filmStatus = 'unchanged';
  }
  if (filmStatus !== 'unchanged') await writeFileAtomic(filmFile, generated.code);
  const offScreenLines = generated.scenes.flatMap((s) => s.offScreenLines.map((l) => `${s.id}/${l}`));
  const sidecar: MakeSidecar = {
    version: SIDECAR_VERSION,
    script: path.relative(out, path.resolve(scriptFile)).split(path.sep).join('/'),
    scriptSha256: sha256(scriptBytes),
    filmSha256: sha256(generated.code),
    options: { style: opts.style, fps: opts.fps, resolution: opts.resolution },
    offScreenLines,
  };
  await writeFileAtomic(sidecarFile, JSON.stringify(sidecar, null, 2) + '\n');
  const scaffold = await ensureKinoProject(out);
  log(`${filmStatus === 'unchanged' ? 'Unchanged' : 'Wrote'} ${path.relative(process.cwd(), filmFile) || filmFile}: ${generated.scenes.length} scenes, ${generated.cast.length} speaking parts, ${generated.sets.length} sets${backup ? ` (your edited version kept as ${path.basename(backup)})` : ''}${scaffold.length ? `; project files: ${scaffold.map((f) => path.basename(f)).join(', ')}` : ''}`);

  const layout = new OutputLayout(out);
  const result: MakeResult = { film: filmFile, filmStatus, backup, generated, reports: [], warnings: [...warnings] };
  const entries: OutputEntry[] = [];
  const scriptHash = sha256(scriptBytes);
  const b = breakdown(script);
  result.reports.push(await writeReport(layout, 'breakdown.json', JSON.stringify(b, null, 2) + '\n', scriptHash, entries));
  result.reports.push(await writeReport(layout, 'breakdown.txt', formatBreakdown(b, warnings) + '\n', scriptHash, entries));

  const loaded = await loadFilm(filmFile, { fresh: true });
  if (!loaded.plan) {
    // Generated code that does not load is kino's bug, not the user's: say so with the issues.
    throw new KinoError(loaded.errors.length ? loaded.errors : [issue('make/no-plan', `The generated film ${filmFile} produced no plan.`)]);
  }
  result.warnings.push(...loaded.issues.filter((i) => i.severity === 'warning'));
  let plan = loaded.plan;
  if (opts.render !== false) {
    const sound = await prepareSound(loaded, { out, audio: opts.audio !== false, force: opts.force, log });
    result.warnings.push(...sound.warnings);
    plan = sound.plan;
    const summary = await renderFilm(plan, { out, profile: opts.profile ?? 'draft', force: opts.force, onEvent: opts.onEvent, audio: sound.audio });
    const delivered = await sound.finish(summary);
    result.warnings.push(...delivered.warnings);
    result.summary = summary;
  }
  result.plan = plan;

  // Reports on the film as planned (and rendered): shot list, look book, the blocking check.
  const planHash = hashValue(plan).slice(0, 32);
  const list: ShotList = shotListFromPlan(plan, { file: filmFile, looks: Object.fromEntries(generated.scenes.map((s, i) => [s.id, generated.style.scenes[i]?.preset ?? generated.style.preset])) });
  result.reports.push(await writeReport(layout, 'shotlist.csv', shotListCsv(list), planHash, entries));
  result.reports.push(await writeReport(layout, 'shotlist.json', JSON.stringify(list, null, 2) + '\n', planHash, entries));
  const frames = opts.render !== false ? await lookBookFrames(plan, out, 'number') : new Map<string, LookBookFrame>();
  const headed = new Set(script.scenes.map((s) => s.number));
  const book = lookBookFromStyle(generated.style, generated.title, new Map([...frames].filter(([k]) => headed.has(k))), `kino make — ${path.basename(scriptFile)}`);
  result.reports.push(await writeReport(layout, 'lookbook.html', lookBookHtml(book), hashValue({ planHash, frames: [...frames.values()].map((f) => f.src.length) }), entries));
  const visibility = summarizeVisibility(plan, new Set(offScreenLines));
  result.visibility = visibility;
  result.reports.push(await writeReport(layout, 'speakers.json', JSON.stringify({ ...visibility, offScreenLines }, null, 2) + '\n', planHash, entries));

  const manifest = readManifest(layout.manifest);
  if (manifest) {
    const paths = new Set(entries.map((e) => e.path));
    manifest.outputs = manifest.outputs.filter((o) => !paths.has(o.path)).concat(entries);
    await writeManifest(layout.manifest, manifest);
  }
  return result;
}
