// FCPXML structure checks shared by the editorial tests and the conform test: a real XML parse,
// the FCPXML 1.11 DTD's content models, required/declared attributes, id references and the
// frame grid.

import { expect } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Rate } from '../../src/editorial';

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
}

/** Parses with a real XML parser, keeping document order (fast-xml-parser preserveOrder). */
export function parse(xml: string): El {
  expect(XMLValidator.validate(xml)).toBe(true);
  const raw = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, processEntities: true, parseAttributeValue: false, parseTagValue: false }).parse(xml) as Record<string, unknown>[];
  const conv = (node: Record<string, unknown>): El | null => {
    const name = Object.keys(node).find((k) => k !== ':@')!;
    if (name === '#text' || name.startsWith('?') || name.startsWith('!')) return null;
    const kids = (node[name] as Record<string, unknown>[]).map(conv).filter((x): x is El => !!x);
    return { name, attrs: (node[':@'] as Record<string, string>) ?? {}, children: kids };
  };
  const roots = raw.map(conv).filter((x): x is El => !!x);
  expect(roots.length).toBe(1);
  return roots[0];
}

export function* all(el: El): Generator<El> {
  yield el;
  for (const c of el.children) yield* all(c);
}

// Content models of the FCPXML 1.11 DTD for the elements kino writes, restated as regular
// expressions over the child element names (each followed by a space). Elements we never
// write (intrinsic adjust-* parameters, titles…) are left out, which only makes this stricter.
const ANCHOR = '(audio|video|clip|title|caption|mc-clip|ref-clip|sync-clip|asset-clip|audition|spine|live-drawing) ';
const MARKER = '(marker|chapter-marker|rating|keyword|analysis-marker) ';
const MODELS: Record<string, RegExp> = {
  fcpxml: /^(import-options )?(resources )?(library )$/,
  resources: /^((asset|effect|format|media|locator) )*$/,
  format: /^$/,
  effect: /^$/,
  asset: /^(media-rep )+(metadata )?$/,
  'media-rep': /^(bookmark )?$/,
  metadata: /^(md )*$/,
  md: /^(array )?$/,
  library: /^((event|smart-collection) )*$/,
  event: /^((clip|audition|mc-clip|ref-clip|sync-clip|asset-clip|collection-folder|keyword-collection|smart-collection|project) )*$/,
  project: /^sequence $/,
  sequence: /^(note )?spine (metadata )?$/,
  spine: /^((audio|video|clip|title|mc-clip|ref-clip|sync-clip|asset-clip|audition|gap|live-drawing|transition) )*$/,
  'asset-clip': new RegExp(`^(note )?(conform-rate )?(timeMap )?(${ANCHOR})*(${MARKER})*(audio-channel-source )*((filter-video|filter-video-mask) )*(filter-audio )*(metadata )?$`),
  gap: new RegExp(`^(note )?(${ANCHOR})*(${MARKER})*(metadata )?$`),
  transition: new RegExp(`^(filter-video )?(filter-audio )?(${MARKER})*(metadata )?(reserved )?$`),
  'filter-video': /^(data )*(param )*$/,
};
const REQUIRED: Record<string, string[]> = {
  fcpxml: ['version'],
  format: ['id'],
  asset: ['id'],
  'media-rep': ['src'],
  effect: ['id', 'uid'],
  'asset-clip': ['ref'],
  gap: ['duration'],
  transition: ['duration'],
  sequence: ['format'],
  'filter-video': ['ref'],
  md: ['key'],
};
// Declared attributes (ATTLIST) of the same elements: DTD validation rejects any other.
const ATTRS: Record<string, string[]> = {
  fcpxml: ['version'],
  format: ['id', 'name', 'frameDuration', 'fieldOrder', 'width', 'height', 'paspH', 'paspV', 'colorSpace', 'projection', 'stereoscopic'],
  effect: ['id', 'name', 'uid', 'src'],
  asset: ['id', 'name', 'uid', 'start', 'duration', 'hasVideo', 'format', 'hasAudio', 'videoSources', 'audioSources', 'audioChannels', 'audioRate', 'customLUTOverride', 'colorSpaceOverride', 'projectionOverride', 'stereoscopicOverride', 'auxVideoFlags'],
  'media-rep': ['kind', 'sig', 'src', 'suggestedFilename'],
  metadata: [],
  md: ['key', 'value', 'editable', 'type', 'displayName', 'description', 'source'],
  library: ['location', 'colorProcessing'],
  event: ['name', 'uid'],
  project: ['name', 'uid', 'id', 'modDate'],
  sequence: ['format', 'duration', 'tcStart', 'tcFormat', 'audioLayout', 'audioRate', 'renderFormat', 'keywords'],
  spine: ['lane', 'offset', 'name', 'format'],
  'asset-clip': ['ref', 'lane', 'offset', 'name', 'start', 'duration', 'enabled', 'srcEnable', 'audioStart', 'audioDuration', 'format', 'tcStart', 'tcFormat', 'modDate', 'audioRole', 'videoRole'],
  gap: ['name', 'offset', 'start', 'duration', 'enabled'],
  transition: ['name', 'offset', 'duration'],
  'filter-video': ['ref', 'name', 'enabled'],
};
const ENUMS: Record<string, RegExp> = { tcFormat: /^(DF|NDF)$/, audioRate: /^(32k|44\.1k|48k|88\.2k|96k|176\.4k|192k|\d+)$/, audioLayout: /^(mono|stereo|surround)$/, kind: /^(original-media|proxy-media)$/, enabled: /^[01]$/ };
const TIME_ATTRS = ['offset', 'start', 'duration', 'tcStart', 'frameDuration'];

/** "N/Ds" or "Ns" → [numerator, denominator] as BigInt. */
export function rational(s: string): [bigint, bigint] {
  const m = /^(-?\d+)(?:\/(\d+))?s$/.exec(s);
  expect(m, `time "${s}"`).not.toBeNull();
  return [BigInt(m![1]), BigInt(m![2] ?? 1)];
}

/** Whole frames in a time; fails the test when the time is off the frame grid. */
export function frames(s: string, rate: Rate): number {
  const [n, d] = rational(s);
  const num = n * BigInt(rate.num);
  const den = d * BigInt(rate.den);
  expect(num % den, `${s} is on the ${rate.num}/${rate.den} frame grid`).toBe(0n);
  return Number(num / den);
}

export function checkStructure(root: El, rate: Rate): void {
  expect(root.name).toBe('fcpxml');
  const ids = new Map<string, El>();
  for (const el of all(root)) {
    const model = MODELS[el.name];
    expect(model, `kino writes only elements whose content model the test knows: ${el.name}`).toBeDefined();
    const seq = el.children.map((c) => c.name + ' ').join('');
    expect(seq, `children of <${el.name}>`).toMatch(model);
    for (const a of REQUIRED[el.name] ?? []) expect(el.attrs[a], `<${el.name}> requires ${a}`).toBeDefined();
    for (const a of Object.keys(el.attrs)) expect(ATTRS[el.name], `<${el.name}> declares ${a}`).toContain(a);
    for (const [a, re] of Object.entries(ENUMS)) if (el.attrs[a] !== undefined) expect(el.attrs[a]).toMatch(re);
    for (const a of TIME_ATTRS) if (el.attrs[a] !== undefined) frames(el.attrs[a], rate);
    if (el.attrs.id !== undefined) {
      expect(ids.has(el.attrs.id), `duplicate id ${el.attrs.id}`).toBe(false);
      expect(el.attrs.id).toMatch(/^[A-Za-z_][\w.-]*$/); // XML ID syntax
      ids.set(el.attrs.id, el);
    }
    if (el.name === 'asset-clip' && el.attrs.lane !== undefined) expect(Number(el.attrs.lane)).not.toBe(0);
  }
  for (const el of all(root)) {
    for (const a of ['ref', 'format']) {
      if (el.attrs[a] === undefined || el.name === 'media-rep') continue;
      expect(ids.has(el.attrs[a]), `<${el.name} ${a}="${el.attrs[a]}"> refers to an existing id`).toBe(true);
    }
    if (el.name === 'filter-video') expect(ids.get(el.attrs.ref)!.name).toBe('effect');
    if (el.name === 'asset-clip') expect(ids.get(el.attrs.ref)!.name).toBe('asset');
  }
}

export const find = (root: El, name: string) => [...all(root)].filter((e) => e.name === name);
