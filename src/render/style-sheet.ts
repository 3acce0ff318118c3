// `kino styles`: one frame of a shot in every built-in look — the ungraded original, every
// <Style preset> and every retro department look no preset covers — laid out as a labelled
// contact sheet with the page's contactSheet. Grades run on the page; retro looks render at their
// own pixel grid (the canvas is resized, not the frame shrunk) and go through the same post chain
// as a film render.

import { KinoError, issue } from '../doc/errors';
import { STYLE_PRESETS } from '../doc/schema/style';
import type { FilmPlan } from '../plan/schema';
import { RETRO_STYLES, RETRO_STYLE_NAMES, type Frame } from '../retro/index';
import { resolveRetroStyle } from '../retro/resolver';
import { hashValue } from '../util/hash';
import { LOOK_PRESETS } from '../vfx/presets';
import { foldLooks, newFoldContext, type LookSource } from '../vfx/resolver';
import { hasPost, type ShotStyle } from '../vfx/style';
import { loadModels } from './assets';
import { decodeFrame, encodePng, fitFrame, lutAssets, PostChain, setCanvas } from './looks';
import { PROFILES, renderSize, type RenderProfile } from './profiles';
import { RenderSession } from './session';

type KinoWindow = { kino: import('./page/index').KinoPageApi };

export interface BuiltinLook {
  name: string;
  label: string;
  /** Undefined for the original (no look). */
  style?: ShotStyle;
}

function describe(st: ShotStyle | undefined): string {
  if (!st) return 'as rendered';
  const parts: string[] = [];
  const r = st.retro as { palette?: unknown; dither?: string; constraint?: string } | undefined;
  if (r) {
    const pal = typeof r.palette === 'string' ? r.palette : r.palette && typeof r.palette === 'object' && 'adaptive' in r.palette ? `adaptive ${(r.palette as { adaptive: number }).adaptive}` : r.constraint !== 'none' ? r.constraint : 'pico8';
    parts.push(String(pal).replace(/^#.*$/, 'custom'), r.dither ?? '');
  }
  if (st.size) parts.push(`${st.size.width}×${st.size.height}`);
  if (st.crt) parts.push(typeof st.crt === 'string' ? st.crt : String((st.crt as { preset?: string }).preset ?? 'crt'));
  if (st.grade && !r) {
    const g = st.grade;
    if (g.saturation !== 1) parts.push(`sat ${g.saturation.toFixed(2)}`);
    if (g.contrast !== 1) parts.push(`con ${g.contrast.toFixed(2)}`);
    if (g.temperature) parts.push(`temp ${g.temperature > 0 ? '+' : ''}${g.temperature}`);
    if (g.letterbox) parts.push(`${g.letterbox}:1`);
  }
  return parts.filter(Boolean).join(' · ');
}

/** Every built-in look, resolved exactly as the planner resolves a <Style>/<Retro> chain. */
export function builtinLooks(aspect: number): BuiltinLook[] {
  const issues: import('../doc/errors').KinoIssue[] = [];
  const fold = newFoldContext(issues);
  const resolve = (chain: LookSource[]): ShotStyle | undefined => {
    const st = foldLooks(chain, fold);
    if (st) resolveRetroStyle(st as never, { issues, reported: new Set(), aspect });
    return st;
  };
  const src = (item: LookSource['item'], key: string): LookSource => ({ item, baseDir: process.cwd(), key });
  const looks: BuiltinLook[] = [{ name: 'original', label: 'Original' }];
  const covered = new Set<string>();
  for (const p of STYLE_PRESETS) {
    const lp = LOOK_PRESETS[p];
    if (lp.retroStyle) covered.add(lp.retroStyle);
    looks.push({ name: p, label: lp.label, style: resolve([src({ kind: 'style', preset: p }, p)]) });
  }
  for (const r of RETRO_STYLE_NAMES) {
    if (covered.has(r)) continue;
    looks.push({ name: r, label: RETRO_STYLES[r].label, style: resolve([src({ kind: 'retro', props: { style: r } }, r)]) });
  }
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new KinoError(errors);
  return looks;
}

export interface StyleSheetOptions {
  /** "scene/shot" or a shot id; default: the first shot. */
  shot?: string;
  profile?: RenderProfile['name'];
  /** Width of each cell in the sheet, pixels. */
  cellWidth?: number;
  columns?: number;
  /** Only these looks (names from builtinLooks). */
  only?: string[];
}

export interface StyleSheetResult {
  png: Buffer;
  shot: string;
  editFrame: number;
  looks: Array<{ name: string; label: string; frame: Frame }>;
}

export function findShot(plan: FilmPlan, want?: string): { sceneIndex: number; shotIndex: number } {
  const all = plan.scenes.flatMap((sc, si) => sc.shots.map((s, k) => ({ s, si, k })));
  if (!all.length) throw new KinoError(issue('cli/no-shots', 'The film has no shots.'));
  if (!want) return { sceneIndex: all[0].si, shotIndex: all[0].k };
  const hit = all.filter((x) => x.s.key === want || x.s.id === want);
  if (hit.length !== 1) {
    throw new KinoError(
      issue('cli/shot', hit.length ? `--shot ${want} is ambiguous: ${hit.map((h) => h.s.key).join(', ')}.` : `--shot ${want}: no such shot.`, {
        hint: `Shots: ${all.slice(0, 16).map((x) => x.s.key).join(', ')}${all.length > 16 ? ', …' : ''}`,
      }),
    );
  }
  return { sceneIndex: hit[0].si, shotIndex: hit[0].k };
}

/** Renders the sheet. The shot is shown clean: its own look in the film is set aside. */
export async function renderStyleSheet(plan: FilmPlan, o: StyleSheetOptions = {}): Promise<StyleSheetResult> {
  const { sceneIndex, shotIndex } = findShot(plan, o.shot);
  const clean = structuredClone(plan);
  const shot = clean.scenes[sceneIndex].shots[shotIndex];
  if (shot.ext?.style) delete shot.ext.style;
  const profile = PROFILES[o.profile ?? 'preview'];
  const base = renderSize(plan.resolution, profile);
  const cellW = o.cellWidth ?? 320;
  const cell: [number, number] = [cellW, Math.round((cellW * base[1]) / base[0] / 2) * 2];
  let looks = builtinLooks(plan.resolution[0] / plan.resolution[1]);
  if (o.only?.length) {
    const unknown = o.only.filter((n) => !looks.some((l) => l.name === n));
    if (unknown.length) throw new KinoError(issue('cli/bad-value', `Unknown look ${unknown.join(', ')}. Looks: ${looks.map((l) => l.name).join(', ')}.`));
    looks = looks.filter((l) => o.only!.includes(l.name));
  }
  const editFrame = shot.startFrame + Math.floor(shot.frames / 2);
  const session = new RenderSession(clean, base, { ...profile.page, capture: 'png' }, loadModels(clean), { luts: lutAssets(clean) });
  await session.open();
  const page = session.rawPage!;
  const setLook = (look: { grade?: unknown; pixelSnap?: boolean } | null) => page.evaluate((l) => (window as unknown as KinoWindow).kino.setLook(l as never), look);
  const out: StyleSheetResult['looks'] = [];
  try {
    for (const l of looks) {
      const st = l.style;
      const grid: [number, number] = st?.size && hasPost(st) ? [st.size.width, st.size.height] : base;
      await setCanvas(session, grid, 'png');
      await setLook(st ? { grade: st.grade, pixelSnap: st.pixelSnap } : null);
      const r = await session.frames([{ scene: sceneIndex, shot: shotIndex, editFrame, clip: true }]);
      let frame = await decodeFrame(r[0].clip!);
      if (st && hasPost(st)) frame = (await PostChain.create(st, cell)).process(frame, 0);
      out.push({ name: l.name, label: l.label, frame: await fitFrame(frame, cell[0], cell[1], !!st?.retro && !st.crt) });
    }
    await setCanvas(session, base, 'png');
    const cells = await Promise.all(
      out.map(async (x, i) => ({ png: (await encodePng(x.frame)).toString('base64'), lines: [`${x.name}`, `${x.label}${looks[i].style ? ' — ' + describe(looks[i].style) : ''}`] })),
    );
    const title = `${plan.title} — ${out.length} looks`;
    const subtitle = `${shot.key} · ${shot.name} · frame ${editFrame - shot.startFrame + 1} of ${shot.frames} · ${hashValue(looks.map((l) => l.style ?? null)).slice(0, 8)}`;
    const png = await page.evaluate((opts) => (window as unknown as KinoWindow).kino.contactSheet(opts), { title, subtitle, columns: o.columns ?? 5, cellWidth: cell[0], cells });
    return { png: Buffer.from(png, 'base64'), shot: shot.key, editFrame, looks: out };
  } finally {
    await session.close();
  }
}

/**
 * How many looks are visibly distinct: greedy clusters where two frames closer than `threshold`
 * (mean absolute difference per channel, 0–255) count as one look.
 */
export function distinctLooks(frames: Frame[], threshold = 12): number {
  const reps: Frame[] = [];
  for (const f of frames) if (!reps.some((r) => meanAbsDiff(r, f) < threshold)) reps.push(f);
  return reps.length;
}

export function meanAbsDiff(a: Frame, b: Frame): number {
  if (a.width !== b.width || a.height !== b.height) return 255;
  let s = 0;
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    s += Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]);
    n += 3;
  }
  return s / n;
}
