// One screenplay scene → one <Scene>: the set, the light, the blocking, the lines and the coverage.
//
// Blocking is chosen so coverage can film it. The speakers stand in the acting area in front of
// the furniture, facing their partner across a conversational 1.8 m (three or more in an arc open
// to the camera side), so every OTS, single and master of a <CoverageSet> has a clear view from
// the open fourth wall. Each dialogue exchange gets its own <CoverageSet> on its two people,
// starting with the first beat of the exchange (a turn, an entrance or the first line), with the
// cameras on the open side of their action line. Speeches longer than a few seconds are split at
// sentences (analysis/dialogue), so the cut never leaves a speaker for a reaction shot mid-line.
//
// The action between lines becomes performance where kino has a verb for it — entrances and
// exits through the door, crosses to the window, sitting, standing, the common gestures, a look
// at a prop with an insert on it — and otherwise a pause before the next line, as long as the
// action would play.

import type { TimeOfDay } from '../../doc/schema';
import { parseHeading } from '../../plan/build';
import { findActions } from '../analysis/actions';
import { SCORE_MOOD } from '../analysis/mood';
import { dialogueExchanges, onScreen, speechLines, speechesOf } from '../analysis/dialogue';
import { findProps, type PropSpec } from '../analysis/props';
import type { Dialogue, Scene } from '../model';
import { actionSeconds } from '../shotlist/fromScript';
import type { SceneStyle } from '../style/director';
import { PRESET_INFO } from '../style/presets';
import { el, num, type AttrValue, type JsxElement, type JsxNode } from './jsx';
import { NameBook, slugId } from './names';
import type { SetDesign } from './sets';

type V3 = [number, number, number];

export interface SceneInput {
  scene: Scene;
  sceneId: string;
  component: string;
  set: SetDesign;
  style: SceneStyle;
  /** Character name → id, for every speaking character of the film. */
  ids: Map<string, string>;
  /** True the first time the film visits an exterior: it opens on an establishing shot. */
  establish: boolean;
}

export interface SceneCode {
  id: string;
  component: string;
  element: JsxElement;
  /** The script's transition out of this scene (its last transition element). */
  transition?: { kind: 'cut' | 'dissolve' | 'fade' | 'fade-out' | 'wipe'; duration?: string; color?: string };
  /** Opens the film with a fade in ("FADE IN:"). */
  fadeIn: boolean;
  lines: number;
  /** Ids of lines heard but not seen (V.O., O.S., phone): their speaker is off screen on purpose. */
  offScreenLines: string[];
  coverageSets: number;
  inserts: number;
  speakers: string[];
}

export function transitionOf(text: string): SceneCode['transition'] | 'fade-in' | undefined {
  const t = text.toUpperCase();
  if (/FADE IN/.test(t)) return 'fade-in';
  if (/DISSOLVE/.test(t)) return { kind: 'dissolve', duration: '1s' };
  if (/FADE TO WHITE/.test(t)) return { kind: 'fade', duration: '1s', color: '#ffffff' };
  if (/FADE (OUT|TO BLACK)|FADE TO:|FADE\.?$|IRIS/.test(t)) return { kind: 'fade', duration: '1s' };
  if (/WIPE/.test(t)) return { kind: 'wipe', duration: '0.6s' };
  if (/CUT|TO:$/.test(t)) return { kind: 'cut' };
  return undefined;
}

function volumeOf(parenthetical: string | undefined, text: string): 'whisper' | 'quiet' | 'loud' | 'shout' | undefined {
  const p = (parenthetical ?? '').toLowerCase();
  if (/whisper/.test(p)) return 'whisper';
  if (/quiet|softly|under (his|her|their) breath|murmur|hushed/.test(p)) return 'quiet';
  if (/shout|yell|scream|bellow|roar/.test(p)) return 'shout';
  if (/loud|calling/.test(p)) return 'loud';
  // A line in capitals with an exclamation mark is shouted.
  if (/!/.test(text) && text.length > 3 && text === text.toUpperCase() && /[A-Z]/.test(text)) return 'shout';
  return undefined;
}

/** Seconds between one speaker's line and the next speaker's. */
export const TURN_GAP = 0.2;

const r2 = (n: number) => Math.round(n * 100) / 100;
const secs = (s: number) => `${num(s, 2)}s`;

/** Standing spots for the on-screen speakers of a scene, in order of first speech. */
export function spotsFor(n: number): Array<{ position: V3; facing?: number }> {
  if (n <= 0) return [];
  if (n === 1) return [{ position: [0, 0, 0.35], facing: 15 }];
  if (n === 2) return [{ position: [-0.9, 0, 0.35] }, { position: [0.9, 0, 0.35] }];
  // An arc open toward the camera side (+Z): everyone visible from the fourth wall.
  const r = n <= 4 ? 1.5 : 1.9;
  const cz = 0.1 + r;
  const spread = Math.min(80, 30 + 12 * n);
  return Array.from({ length: n }, (_, i) => {
    const phi = ((-spread + (2 * spread * i) / (n - 1)) * Math.PI) / 180;
    return { position: [r2(r * Math.sin(phi)), 0, r2(cz - r * Math.cos(phi))] as V3 };
  });
}

/** Which side of the A→B action line faces the open fourth wall (+Z): see plan/coverage actionSide. */
export function openSide(a: V3, b: V3): 'left' | 'right' {
  // actionSide's "right" normal is (−ab.z, 0, ab.x): it faces +Z when ab.x > 0.
  const abx = b[0] - a[0];
  const abz = b[2] - a[2];
  if (Math.abs(abx) > 1e-3) return abx > 0 ? 'right' : 'left';
  return -abz > 0 ? 'right' : 'left';
}

interface Segment {
  exchange: number;
  characters: string[];
  start?: string;
  inserts: Array<{ subject: string; at: string; duration: string }>;
  side: 'left' | 'right';
}

export function generateScene(input: SceneInput): SceneCode {
  const { scene, set, style, ids } = input;
  const idOf = (name: string) => ids.get(name) ?? slugId(name, 'someone');
  const speeches = speechesOf(scene);
  const exchanges = dialogueExchanges(speeches);
  const exchangeOf = new Map<Dialogue, number>();
  exchanges.forEach((ex, k) => ex.speeches.forEach((si) => exchangeOf.set(speeches[si], k)));

  // On-screen speakers in order of first speech get the standing spots; voices stay off the set.
  const principals: string[] = [];
  for (const d of speeches) if (onScreen(d) && !principals.includes(d.character)) principals.push(d.character);
  const voices = scene.characters.filter((c) => !principals.includes(c));
  const spots = spotsFor(principals.length);
  const spotOf = new Map(principals.map((p, i) => [p, spots[i]] as const));

  // Elements in order, with the exchange each one leads into (the next on-screen speech's).
  const els = scene.elements;
  const upcoming: number[] = new Array(els.length).fill(Math.max(0, exchanges.length - 1));
  {
    let next = exchanges.length - 1;
    for (let i = els.length - 1; i >= 0; i--) {
      const e = els[i];
      if (e.kind === 'dialogue' && exchangeOf.has(e)) next = exchangeOf.get(e)!;
      upcoming[i] = Math.max(0, next);
    }
  }

  // Who enters: an entrance in the action before their first line. They start offstage.
  const enterers = new Set<string>();
  {
    const spoken = new Set<string>();
    let subject: string | undefined;
    for (const e of els) {
      if (e.kind === 'dialogue') spoken.add(e.character);
      if (e.kind !== 'action') continue;
      const r = findActions(e.text, scene.characters, subject);
      subject = r.lastSubject;
      for (const ev of r.events) if (ev.kind === 'enter' && principals.includes(ev.who) && !spoken.has(ev.who)) enterers.add(ev.who);
    }
  }

  const cueIds = new NameBook(['camera', ...set.ids, ...ids.values()]);
  const blocking: JsxNode[] = [];
  const scenePropsEls: JsxElement[] = [];
  const pos = new Map<string, V3>();
  const facing = new Map<string, string>();
  const sitting = new Map<string, string>();
  const seatsTaken = new Set<string>();
  const segments: Segment[] = [];
  let lastCue: JsxElement | undefined;
  let pendingPause = 0;
  let lineNo = 0;
  let insertCount = 0;
  const offScreenLines: string[] = [];
  const propIds = new Map<string, string>();

  const firstPartner = (who: string): string | undefined => {
    for (const ex of exchanges) if (ex.speakers.includes(who)) return ex.speakers.find((s) => s !== who);
    return undefined;
  };

  // Starting positions.
  for (const p of principals) {
    const id = idOf(p);
    const spot = spotOf.get(p)!;
    const partner = firstPartner(p);
    if (enterers.has(p)) {
      blocking.push(el('Place', { who: id, position: 'offstage' }));
      pos.set(p, set.marks.offstage);
    } else {
      blocking.push(el('Place', { who: id, position: spot.position, facing: partner && !enterers.has(partner) ? idOf(partner) : spot.facing }));
      pos.set(p, spot.position);
      if (partner) facing.set(p, partner);
    }
  }
  for (const v of voices) {
    // Heard, not seen: placed out of every shot, behind the set.
    blocking.push(el('Place', { who: idOf(v), position: [r2(set.size[0] / 2 + 8), 0, r2(-set.size[1] / 2 - 8)] }, [], voices.indexOf(v) === 0 ? 'Off-screen voices (V.O., O.S., phone): placed out of shot.' : undefined));
  }

  /** Adds a blocking cue, opening the coverage segment of `exchange` if this is its first beat. */
  const emit = (node: JsxElement, exchange: number) => {
    if (exchanges.length && !segments.some((s) => s.exchange === exchange)) {
      const ex = exchanges[exchange];
      let start: string | undefined;
      if (segments.length) {
        let id = node.attrs.find(([k]) => k === 'id')?.[1] as string | undefined;
        if (!id) {
          id = cueIds.take(`beat${segments.length + 1}`, '');
          node.attrs.unshift(['id', id]);
        }
        start = id;
      }
      const a = pos.get(ex.speakers[0]) ?? [0, 0, 0];
      const b = ex.speakers[1] ? pos.get(ex.speakers[1]) ?? [1, 0, 0] : a;
      segments.push({ exchange, characters: ex.speakers.map(idOf), start, inserts: [], side: ex.speakers[1] ? openSide(a, b) : 'right' });
    }
    blocking.push(node);
    lastCue = node;
  };
  const cueId = (node: JsxElement): string => {
    let id = node.attrs.find(([k]) => k === 'id')?.[1] as string | undefined;
    if (!id) {
      id = cueIds.take('beat', '');
      node.attrs.unshift(['id', id]);
    }
    return id;
  };
  const segmentOf = (exchange: number) => segments.find((s) => s.exchange === exchange) ?? segments[segments.length - 1];

  // Head: the opening action plays on the master before the first line.
  let head = 0.6;
  let i0 = 0;
  while (i0 < els.length && els[i0].kind !== 'dialogue') {
    const e = els[i0];
    if (e.kind === 'action' && !/^\s*FADE IN:?\s*$/i.test(e.text)) head += Math.min(2.5, 0.45 * actionSeconds(e.text));
    i0++;
  }
  head = Math.min(head, 3.5);
  if (input.establish) head = Math.max(head, 3);

  // Where each prop is mentioned (element indexes), to put its insert where it is handled.
  const propMentions = new Map<string, number[]>();
  const nameSkip = new Set(scene.characters.flatMap((c) => c.toLowerCase().split(/\s+/)));
  els.forEach((e, k) => {
    if (e.kind !== 'action') return;
    for (const p of findProps(e.text, nameSkip)) propMentions.set(p.spec.name, [...(propMentions.get(p.spec.name) ?? []), k]);
  });
  const firstLineIndex = els.findIndex((e) => e.kind === 'dialogue');
  const inserted = new Set<string>();

  let fadeIn = false;
  let transition: SceneCode['transition'];
  let subject: string | undefined;
  let lastSpeaker: string | undefined;
  els.forEach((e, index) => {
    const exchange = upcoming[index];
    if (e.kind === 'transition') {
      const t = transitionOf(e.text);
      if (t === 'fade-in') fadeIn = true;
      else if (t) transition = t;
      return;
    }
    if (e.kind !== 'dialogue') {
      if (/^\s*FADE IN:?\s*$/i.test(e.text)) {
        fadeIn = true;
        return;
      }
      // "FADE OUT." and "CUT TO BLACK." are transitions Fountain reads as action (no "TO:").
      if (/^\s*(FADE OUT|FADE TO BLACK|CUT TO BLACK|IRIS OUT|THE END)\.?\s*$/i.test(e.text)) {
        transition = { kind: 'fade', duration: '1s' };
        return;
      }
      const r = findActions(e.text, scene.characters, subject);
      subject = r.lastSubject;
      let timed = false;
      const partnerIn = (who: string) => exchanges[exchange]?.speakers.find((s) => s !== who) ?? firstPartner(who);
      for (const ev of r.events) {
        if (!principals.includes(ev.who)) continue;
        const id = idOf(ev.who);
        const laterSpeech = speeches.some((d) => onScreen(d) && d.character === ev.who && els.indexOf(d) > index);
        if (ev.kind === 'enter' && enterers.has(ev.who) && pos.get(ev.who) === set.marks.offstage) {
          const spot = spotOf.get(ev.who)!.position;
          emit(el('Walk', { id: cueIds.take(`enter-${id}`), who: id, path: set.interior ? ['by-door'] : undefined, to: spot }), exchange);
          pos.set(ev.who, spot);
          const partner = partnerIn(ev.who);
          if (partner) {
            emit(el('Turn', { who: id, toward: idOf(partner) }), exchange);
            facing.set(ev.who, partner);
          }
          timed = true;
        } else if (ev.kind === 'exit' && !laterSpeech && pos.get(ev.who) !== set.marks.offstage) {
          if (sitting.has(ev.who)) {
            emit(el('Stand', { who: id }), exchange);
            sitting.delete(ev.who);
          }
          emit(el('Walk', { id: cueIds.take(`exit-${id}`), who: id, path: set.interior ? ['by-door'] : undefined, to: 'offstage' }), exchange);
          pos.set(ev.who, set.marks.offstage);
          timed = true;
        } else if (ev.kind === 'cross' && ev.toward && !sitting.has(ev.who)) {
          const mark = ev.toward === 'door' || ev.toward === 'doorway' || ev.toward === 'exit' ? 'by-door' : `by-${ev.toward}`;
          const target = set.marks[mark] ?? (ev.toward === 'window' ? set.marks['by-window'] : undefined);
          if (target && laterSpeech) {
            emit(el('Walk', { id: cueIds.take(`cross-${id}`), who: id, to: mark }), exchange);
            pos.set(ev.who, target);
            const partner = partnerIn(ev.who);
            if (partner) emit(el('Turn', { who: id, toward: idOf(partner) }), exchange);
            timed = true;
          }
        } else if (ev.kind === 'sit' && !sitting.has(ev.who) && pos.get(ev.who) !== set.marks.offstage) {
          const here = pos.get(ev.who)!;
          const seat = set.seats.filter((s) => !seatsTaken.has(s.id)).sort((a, b) => Math.hypot(a.position[0] - here[0], a.position[2] - here[2]) - Math.hypot(b.position[0] - here[0], b.position[2] - here[2]))[0];
          if (seat && Math.hypot(seat.position[0] - here[0], seat.position[2] - here[2]) < 2.2) {
            emit(el('Sit', { id: cueIds.take(`sit-${id}`), who: id, on: seat.id }), exchange);
            seatsTaken.add(seat.id);
            sitting.set(ev.who, seat.id);
            pos.set(ev.who, [seat.position[0], 0, seat.position[2]]);
            timed = true;
          }
        } else if (ev.kind === 'stand' && sitting.has(ev.who)) {
          emit(el('Stand', { who: id }), exchange);
          seatsTaken.delete(sitting.get(ev.who)!);
          sitting.delete(ev.who);
          timed = true;
        } else if (ev.kind === 'gesture' && ev.gesture && pos.get(ev.who) !== set.marks.offstage) {
          const toward = ev.toward && ids.has(ev.toward) && principals.includes(ev.toward) ? idOf(ev.toward) : ev.toward && set.marks[`by-${ev.toward}`] ? `by-${ev.toward}` : undefined;
          emit(el('Gesture', { who: id, kind: ev.gesture, toward: ev.gesture === 'point' || ev.gesture === 'reach' || ev.gesture === 'beckon' || ev.gesture === 'wave' ? toward : undefined }), exchange);
          timed = true;
        }
      }
      // Props: dressed into the scene; in dialogue scenes someone looks at it and we cut to an insert.
      for (const p of findProps(e.text, nameSkip)) {
        let propId = propIds.get(p.spec.name);
        if (!propId) {
          propId = cueIds.take(slugId(p.spec.name, 'prop'));
          propIds.set(p.spec.name, propId);
          const placed = placeProp(p.spec, propId, set, scenePropsEls.length);
          if (!placed) continue;
          scenePropsEls.push(placed);
        }
        // One insert per prop, where it is handled: its first mention once the talking has
        // started (the opening description only dresses it), else its first mention.
        const mentions = propMentions.get(p.spec.name) ?? [];
        const at = mentions.find((k) => k > firstLineIndex) ?? mentions[0];
        if (at !== index || inserted.has(p.spec.name)) continue;
        inserted.add(p.spec.name);
        const looker = [subject, lastSpeaker, ...principals].find((x) => x && principals.includes(x) && pos.get(x) !== set.marks.offstage && (p.spec.scale === 'hand' || p.spec.scale === 'table'));
        if (looker && exchanges.length) {
          const lid = idOf(looker);
          const look = el('LookAt', { id: cueIds.take(`look-${propId}`), who: lid, target: propId, duration: '1.6s' });
          emit(look, exchange);
          // Eyes free again: the dialogue's eye-lines take over (listeners watch the speaker).
          emit(el('LookAt', { who: lid, target: null }), exchange);
          segmentOf(exchange).inserts.push({ subject: propId, at: `with:${cueId(look)}+0.15s`, duration: '1.3s' });
          insertCount++;
          timed = true;
        }
      }
      if (!timed && lineNo > 0) pendingPause += Math.min(2.5, Math.max(0.6, 0.45 * actionSeconds(e.text)));
      return;
    }
    // Dialogue.
    const d = e;
    const on = onScreen(d);
    const who = idOf(d.character);
    const ex = exchangeOf.get(d);
    const partner = ex !== undefined ? exchanges[ex].speakers.find((s) => s !== d.character) : undefined;
    if (on && ex !== undefined) {
      // A new exchange: the pair turn to face each other before they talk.
      for (const [x, y] of [[d.character, partner], [partner, d.character]] as Array<[string | undefined, string | undefined]>) {
        if (!x || !y || facing.get(x) === y || pos.get(x) === set.marks.offstage) continue;
        emit(el('Turn', { who: idOf(x), toward: idOf(y) }), ex);
        facing.set(x, y);
      }
      if (pos.get(d.character) === set.marks.offstage) {
        // They speak before the script walks them in: bring them on first.
        const spot = spotOf.get(d.character)!.position;
        emit(el('Walk', { id: cueIds.take(`enter-${who}`), who, path: set.interior ? ['by-door'] : undefined, to: spot }), ex);
        pos.set(d.character, spot);
      }
    }
    const lines = speechLines(d);
    lines.forEach((l, k) => {
      lineNo++;
      const lineId = cueIds.take(`l${lineNo}`, '_');
      if (!on) offScreenLines.push(lineId);
      const attrs: Array<[string, AttrValue]> = [['id', lineId], ['who', who]];
      // A breath between speakers (conversation's turn-taking gap): the editor's cut, which lands
      // just before a line, then falls in the gap rather than on the end of the last line.
      const prevSay = lastCue?.name === 'Say' ? (lastCue.attrs.find(([k2]) => k2 === 'who')?.[1] as string) : undefined;
      if (k === 0 && prevSay && prevSay !== who) pendingPause = Math.max(pendingPause, TURN_GAP);
      if (pendingPause > 0 && lastCue) {
        attrs.push(['at', `after:${cueId(lastCue)}+${secs(pendingPause)}`]);
        pendingPause = 0;
      }
      if (on && partner) attrs.push(['to', idOf(partner)]);
      if (l.parenthetical) attrs.push(['parenthetical', l.parenthetical]);
      const vol = volumeOf(l.parenthetical ?? (k === 0 ? d.parenthetical?.replace(/[()]/g, '') : undefined), l.text);
      if (vol) attrs.push(['volume', vol]);
      const comment = k === 0 && !on ? `${d.cue}: heard, not seen` : k === 0 && lines.length > 1 ? `${d.character}'s speech, split at sentences so the cut stays on them` : undefined;
      emit(el('Say', attrs, [l.text], comment), ex ?? upcoming[index]);
    });
    lastSpeaker = d.character;
  });

  // The scene element.
  const children: JsxNode[] = [];
  children.push(el(set.component, []));
  children.push(...scenePropsEls);
  const design = style.lighting;
  const backdrop = design.backdrop.kind === 'sky' ? el('Backdrop', { kind: 'sky', colors: design.backdrop.colors }) : el('Backdrop', { kind: 'solid', color: design.backdrop.color });
  children.push(backdrop);
  if (principals.length) {
    children.push(
      el(
        'LightRig',
        { preset: design.rig, subject: idOf(principals[0]), keySide: design.keySide, temperatureK: design.keyTemperatureK, intensity: design.rigIntensity },
        [],
        design.notes[0],
      ),
    );
  }
  for (const l of design.lights) {
    children.push(el('Light', { id: cueIds.take(l.id), kind: l.kind, role: l.role, position: l.position, target: l.target, intensity: l.intensity, temperatureK: l.temperatureK, color: l.color, groundColor: l.groundColor, gel: l.gel }));
  }
  children.push(...blocking);

  const estab = input.establish;
  if (estab) {
    const [w, dd] = set.size;
    children.push(
      el('Shot', { id: 'establishing', size: 'EWS', type: 'establishing', duration: '2.5s', name: `Establishing: ${scene.location ?? 'the location'}` }, [
        el('Camera', { position: [0, 3.4, r2(dd / 2 + 4)], target: [0, 1.2, r2(-dd / 4)], focalLengthMm: 24 }),
        el('Pan', { degrees: w > 10 ? 8 : 5 }),
      ]),
    );
  }
  let coverageCount = 0;
  const shortLines = speeches.some((d) => speechLines(d).some((l) => l.seconds < 1.3));
  if (exchanges.length) {
    segments.forEach((s, k) => {
      coverageCount++;
      const attrs: Array<[string, AttrValue]> = [['id', cueIds.take(`talk${k + 1}`, '')], ['characters', s.characters]];
      if (s.start) attrs.push(['from', `with:${s.start}`]);
      if (s.characters.length === 2) attrs.push(['side', s.side]);
      // Short lines: a shorter minimum cut, so a quick reply gets its own shot instead of being
      // absorbed into the speaker before (who would then be on screen while the other talks).
      if (shortLines) attrs.push(['minShot', '0.7s']);
      if (s.inserts.length) attrs.push(['inserts', s.inserts]);
      const names = exchanges[s.exchange].speakers.join(' and ');
      children.push(el('CoverageSet', attrs, [], k === 0 ? `Coverage: ${names}${segments.length > 1 ? ' (each exchange gets its own set)' : ''}; cameras on the open side of their action line.` : `Next exchange: ${names}.`));
    });
  } else {
    // No dialogue: one wide shot of the action, as long as it plays (kept short for previz).
    const total = els.filter((e) => e.kind === 'action').reduce((n, e) => n + actionSeconds((e as { text: string }).text), 0);
    const duration = Math.min(8, Math.max(3, total));
    const [, dd] = set.size;
    const people = principals.length ? principals.map(idOf) : undefined;
    children.push(
      el('Shot', { id: 'wide', size: 'WS', type: 'master', duration: secs(duration), name: 'The action, wide' }, [
        people ? null : el('Camera', { position: [0, 1.7, r2(dd / 2 + (set.interior ? 3 : 1))], target: [0, 1.1, r2(-dd / 5)], focalLengthMm: 24 }),
        el('Dolly', { distance: '0.6m' }),
      ]),
    );
  }

  const tod = style.timeOfDay as TimeOfDay;
  const parsed = scene.heading ? parseHeading(scene.heading) : {};
  const attrs: Array<[string, AttrValue]> = [['id', input.sceneId]];
  if (scene.numbered || scene.number) attrs.push(['number', scene.number]);
  if (scene.heading) attrs.push(['heading', scene.heading]);
  else attrs.push(['location', scene.location ?? 'opening']);
  if (parsed.timeOfDay !== tod) attrs.push(['timeOfDay', tod]);
  const mood = SCORE_MOOD[style.mood];
  if (mood && mood !== 'neutral') attrs.push(['mood', mood]);
  attrs.push(['head', secs(head)]);
  const trailing = (() => {
    let t = 0;
    for (let i = els.length - 1; i >= 0 && els[i].kind !== 'dialogue'; i--) if (els[i].kind === 'action') t += actionSeconds((els[i] as { text: string }).text);
    return t;
  })();
  attrs.push(['tail', secs(Math.min(3, Math.max(1.2, 0.45 * trailing)))]);
  const element = el('Scene', attrs, children);
  return {
    id: input.sceneId,
    component: input.component,
    element,
    transition,
    fadeIn,
    lines: lineNo,
    offScreenLines,
    coverageSets: coverageCount,
    inserts: insertCount,
    speakers: principals,
  };
}

/** Puts a named prop where it belongs: small ones on the set's main surface, big ones against the back. */
function placeProp(spec: PropSpec, id: string, set: SetDesign, index: number): JsxElement | null {
  const [w, d] = set.size;
  const attrs: Array<[string, AttrValue]> = [['id', id], ['name', spec.name]];
  if (spec.kind) attrs.push(['kind', spec.kind]);
  else {
    attrs.push(['shape', spec.shape ?? 'box']);
    if (spec.size) attrs.push(['size', spec.size]);
  }
  let position: V3;
  if (spec.scale === 'hand' || spec.scale === 'table') {
    // On the surface nearest the acting area, spread along its front edge.
    const surface = [...set.surfaces].sort((a, b) => Math.hypot(a.position[0], a.position[2] - 0.35) - Math.hypot(b.position[0], b.position[2] - 0.35))[0];
    if (!surface) return null;
    const hw = surface.halfWidth ?? 0.3;
    const slots = [0, -0.5, 0.5, -0.25, 0.25, -0.75, 0.75];
    const dx = slots[index % slots.length] * hw;
    position = [r2(surface.position[0] + dx), surface.top ?? 0.75, r2(surface.position[2] + 0.12)];
  } else if (spec.scale === 'vehicle') {
    position = [r2(-w / 4), 0, r2(-d / 2 + 2.6)];
    attrs.push(['rotation', 90]);
  } else {
    position = [r2(-w / 2 + 0.8 + (index % 3) * 0.7), 0, r2(-d / 2 + (set.interior ? 0.45 : 2))];
  }
  attrs.push(['position', position]);
  if (spec.color && !spec.kind) attrs.push(['color', spec.color]);
  return el('Prop', attrs);
}

/** The look's description for a <Style> wrapper comment. */
export function lookComment(preset: keyof typeof PRESET_INFO, reason: string): string {
  return `${PRESET_INFO[preset].label}: ${reason}.`;
}
