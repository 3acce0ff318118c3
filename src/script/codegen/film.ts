// Script → film.tsx: an idiomatic, editable production. The file reads top-down the way a
// production is organised: the cast (one <Character> per speaking part), the sets (one component
// per location, reused by every scene there), the scenes (one component each: set, light,
// blocking and lines, coverage), then the film that strings them together with the script's
// transitions inside the chosen looks.

import { KinoError, issue } from '../../doc/errors';
import type { StylePreset } from '../style/presets';
import { characterIntros } from '../analysis/cast';
import type { Script, Scene } from '../model';
import { directStyle, styleScene, type FilmStyle } from '../style/director';
import { nameWords } from '../analysis/mood';
import { PRESET_INFO } from '../style/presets';
import { castCharacters, type CastMember } from './cast';
import { component, el, fragment, printJsx, type AttrValue, type JsxElement, type JsxNode } from './jsx';
import { NameBook, pascal, slugId } from './names';
import { generateScene, type SceneCode } from './scene';
import { designSet, type SetDesign } from './sets';

export interface GenerateOptions {
  /** One look for the whole film (else the style director suggests per scene). */
  style?: StylePreset;
  /** Script file name, for the header comment. */
  source?: string;
  fps?: number;
  /** "1280x720". */
  resolution?: string;
  /** Output name (file name of the movie, without extension). */
  outputName?: string;
}

export interface GeneratedFilm {
  /** The film.tsx source. */
  code: string;
  title: string;
  style: FilmStyle;
  cast: CastMember[];
  scenes: Array<{ id: string; number: string; heading: string; set: string; lines: number; offScreenLines: string[]; coverageSets: number; inserts: number; speakers: string[] }>;
  sets: Array<{ id: string; component: string; style: string; location: string }>;
}

const IMPORT_ORDER = [
  'Backdrop', 'Camera', 'Character', 'Costume', 'CoverageSet', 'Dolly', 'Door', 'Film', 'Gesture', 'Light', 'LightRig', 'LookAt', 'Mark', 'Pan', 'Place', 'Prop', 'Say', 'Scene', 'Set', 'Shot', 'Sit', 'Stand', 'Style', 'Transition', 'Turn', 'Walk', 'Wall', 'Window',
];

function usedComponents(nodes: JsxNode[], out = new Set<string>()): Set<string> {
  for (const n of nodes) {
    if (n.kind !== 'element') continue;
    if (n.name) out.add(n.name);
    usedComponents(n.children, out);
  }
  return out;
}

/** Scenes worth a <Scene>: every headed scene, and the opening when it has lines or real action. */
function scenesOf(script: Script): Scene[] {
  const open = script.opening;
  const openingCounts = open && open.elements.some((e) => e.kind === 'dialogue' || (e.kind === 'action' && !/^\s*FADE IN:?\s*$/i.test(e.text)));
  return openingCounts ? [open!, ...script.scenes] : script.scenes;
}

export function generateFilm(script: Script, opts: GenerateOptions = {}): GeneratedFilm {
  const style = directStyle(script, { style: opts.style });
  const title = (script.title ?? (opts.source ? opts.source.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') : 'Untitled')).replace(/\s*\n\s*/g, ' ').trim() || 'Untitled';
  const intros = characterIntros(script);

  // Cast: ids from names, unique, never colliding with set element ids (those are checked later).
  const castIds = new NameBook(['offstage', 'camera']);
  const names = script.characters.map((c) => c.name);
  const ids = new Map<string, string>();
  for (const n of names) ids.set(n, castIds.take(slugId(n, 'someone')));
  const cast = castCharacters(names, names.map((n) => ids.get(n)!), intros, style.palette.swatches.map((s) => s.hex));

  // Sets: one per location (interior and exterior of a place are different sets).
  const sets = new Map<string, SetDesign>();
  const setIds = new NameBook([...ids.values()]);
  // Component names never shadow kino's own (a film called "Light" is not <Light>).
  const componentNames = new NameBook([...IMPORT_ORDER, 'Cast', 'Defaults', 'React', 'Fragment']);
  const setFor = (s: Scene): SetDesign => {
    const interior = s.interior !== 'ext';
    const key = `${interior ? 'int' : 'ext'}:${s.location ?? s.heading ?? 'opening'}`;
    let set = sets.get(key);
    if (!set) {
      const base = slugId(s.location ?? (interior ? 'room' : 'exterior'), 'set');
      const id = setIds.take(`${base}-set`);
      set = designSet(s.location, interior, id, componentNames.take(`${pascal(s.location ?? 'Opening', 'Place')}${interior ? '' : 'Exterior'}Set`, ''));
      sets.set(key, set);
    }
    return set;
  };

  // Scenes.
  const list = scenesOf(script);
  const sceneIds = new NameBook();
  const seenExteriors = new Set<string>();
  const codes: Array<{ scene: Scene; code: SceneCode; set: SetDesign; preset: StylePreset }> = [];
  list.forEach((s) => {
    const styleIndex = script.scenes.indexOf(s);
    const sceneStyle =
      styleIndex >= 0 ? style.scenes[styleIndex] : styleScene(s, { genre: style.genre, era: style.era, names: nameWords(names), style: opts.style ?? (style.uniform ? style.preset : undefined), index: 1 });
    const set = setFor(s);
    const exteriorKey = `${s.interior}:${s.location}`;
    const establish = s.interior === 'ext' && !seenExteriors.has(exteriorKey) && s.elements.some((e) => e.kind === 'dialogue');
    seenExteriors.add(exteriorKey);
    const id = sceneIds.take(slugId(`s${s.number}-${s.location ?? 'opening'}`, `s${s.number}`).slice(0, 32).replace(/-+$/, ''));
    const comp = componentNames.take(pascal(`Scene ${s.number} ${s.location ?? 'Opening'}`, 'Scene'), '');
    codes.push({ scene: s, set, preset: sceneStyle.preset, code: generateScene({ scene: s, sceneId: id, component: comp, set, style: sceneStyle, ids, establish }) });
  });

  // The film: scenes grouped into <Style> wrappers (one for the film when every scene agrees).
  if (!codes.length) {
    throw new KinoError(
      issue('make/no-scenes', 'The script has nothing to film: no scene headings and no action or dialogue before them.', {
        location: opts.source ? { file: opts.source } : undefined,
        hint: 'Scene headings start with INT. or EXT. (or a leading "." to force one), with a blank line before and after.',
      }),
    );
  }
  const filmChildren: JsxNode[] = cast.length ? [el('Cast', [])] : [];
  // "FADE IN:" usually stands alone before the first heading (the opening we skip) or opens it.
  const opensWithFade = (script.opening?.elements ?? []).some((e) => (e.kind === 'action' || e.kind === 'transition') && /^\s*FADE IN:?\s*$/i.test(e.text));
  if (codes[0]?.code.fadeIn || opensWithFade) filmChildren.push(el('Transition', { kind: 'fade-in', duration: '1s' }));
  const groups: Array<{ preset: StylePreset; items: JsxNode[] }> = [];
  codes.forEach((c, i) => {
    const last = groups[groups.length - 1];
    const items: JsxNode[] = [el(c.code.component, [])];
    const t = c.code.transition;
    const isLast = i === codes.length - 1;
    if (t) {
      const kind = isLast && t.kind === 'fade' ? 'fade-out' : t.kind;
      if (!(isLast && kind === 'cut')) {
        const attrs: Array<[string, AttrValue]> = [['kind', kind]];
        if (t.duration) attrs.push(['duration', t.duration]);
        if (t.color) attrs.push(['color', t.color]);
        items.push(el('Transition', attrs));
      }
    } else if (isLast) items.push(el('Transition', { kind: 'fade-out', duration: '1s' }, [], 'The script ends without a transition: a short fade out.'));
    if (last && last.preset === c.preset) last.items.push(...items);
    else groups.push({ preset: c.preset, items });
  });
  const sceneStyleOf = new Map(style.scenes.map((s) => [s.preset, s.reason] as const));
  for (const g of groups) {
    const why = style.uniform || opts.style ? style.reason : sceneStyleOf.get(g.preset) ?? '';
    filmChildren.push(el('Style', { preset: g.preset }, g.items, `${PRESET_INFO[g.preset].label}: ${why}.`));
  }
  const fps = opts.fps ?? 24;
  // A film in one retro look is framed for that machine's picture: the plan's aspect is the
  // grid's, so coverage frames what the console shows (a SNES frame is 8:7, not 16:9).
  const grid = style.uniform ? PRESET_INFO[style.preset].grid : undefined;
  const scale = grid ? Math.max(1, Math.round(1024 / grid[0])) : 1;
  const resolution = opts.resolution ?? (grid ? `${grid[0] * scale}x${grid[1] * scale}` : '1280x720');
  const filmEl = el(
    'Film',
    [
      ['title', title],
      ['fps', fps],
      ['resolution', resolution],
      ...((script.authors.length ? [['author', script.authors.join(', ')]] : []) as Array<[string, AttrValue]>),
      ['outputs', [{ name: opts.outputName ?? slugId(title, 'film'), format: 'h264' }]],
    ],
    filmChildren,
  );

  // Cast component.
  const castEls: JsxElement[] = cast.map((m) =>
    el(
      'Character',
      [
        ['id', m.id],
        ['name', m.name],
        ['presentation', m.presentation],
        ['age', m.age],
        ['height', m.height],
        ['build', m.build],
        ['skin', m.skin],
        ['hair', m.hair],
        ['hairStyle', m.hairStyle],
        ['voice', m.voice],
      ],
      [el('Costume', Object.entries(m.costume))],
      m.note || undefined,
    ),
  );

  const used = usedComponents([filmEl, ...castEls, ...[...sets.values()].map((s) => s.element), ...codes.map((c) => c.code.element)]);
  const imports = IMPORT_ORDER.filter((n) => used.has(n));
  const header = [
    // The JSX settings travel with the file, so it compiles wherever it is saved (a film outside
    // the kino repository is not covered by kino's own tsconfig).
    '/** @jsxRuntime automatic */',
    '/** @jsxImportSource kino */',
    `// "${title}" — generated by \`kino make\`${opts.source ? ` from ${opts.source.replace(/^.*[\\/]/, '')}` : ''}: ${codes.length} scene${codes.length === 1 ? '' : 's'}, ${cast.length} speaking part${cast.length === 1 ? '' : 's'}, ${sets.size} set${sets.size === 1 ? '' : 's'}.`,
    '//',
    '// This file is yours: change the sets, the blocking, the light and the coverage as you like.',
    '// `kino make` remembers what it generated (.kino-make.json) and will not overwrite your edits',
    '// without --force. Render it with: npx kino render film.tsx --profile draft',
    '//',
    `// Look: ${style.uniform ? `${PRESET_INFO[style.preset].label} for the whole film (${style.reason})` : 'per scene (see the <Style> wrappers)'}; genre ${style.genre}, era ${style.era}.`,
  ].join('\n');
  const parts: string[] = [header, '', `import { ${imports.join(', ')} } from 'kino';`, ''];
  if (cast.length) parts.push(component('Cast', fragment(castEls), 'The speaking cast: one <Character> each, told apart by silhouette, colour and voice.'));
  for (const s of sets.values()) {
    const loc = [...sets.entries()].find(([, v]) => v === s)![0].split(':').slice(1).join(':');
    parts.push(component(s.component, s.element, `${s.interior ? 'INT.' : 'EXT.'} ${loc} — dressed as a ${s.style}. Back wall at −Z, the open side (cameras) at +Z.`));
  }
  for (const c of codes) {
    const h = c.scene.heading ?? 'Opening';
    parts.push(component(c.code.component, c.code.element, `${c.scene.number}. ${h}`));
  }
  parts.push(component(componentNames.take(pascal(title, 'Film'), ''), filmEl, undefined, true));
  const code = parts.join('\n').replace(/\n{3,}/g, '\n\n');
  return {
    code,
    title,
    style,
    cast,
    scenes: codes.map((c) => ({ id: c.code.id, number: c.scene.number, heading: c.scene.heading ?? '', set: c.set.id, lines: c.code.lines, offScreenLines: c.code.offScreenLines, coverageSets: c.code.coverageSets, inserts: c.code.inserts, speakers: c.code.speakers })),
    sets: [...sets.entries()].map(([k, s]) => ({ id: s.id, component: s.component, style: s.style, location: k.split(':').slice(1).join(':') })),
  };
}

export { printJsx };
