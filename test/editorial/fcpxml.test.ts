import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RATES, buildFcpxml, fcpxTime, placeItems, runtime, writeFcpxml, type Rate, type Timeline } from '../../src/editorial';
import { writeFcpxmlFile } from '../../src/editorial/fcpxml';
import { sampleTimeline } from './sample';
import { checkStructure, find, frames, parse } from './fcpxml-dtd';

describe('FCPXML', () => {
  for (const [label, rate, fd] of [
    ['23.976', RATES['23.976'], '1001/24000s'],
    ['24', RATES['24'], '100/2400s'],
    ['25', RATES['25'], '100/2500s'],
    ['29.97 DF', RATES['29.97'], '1001/30000s'],
  ] as const) {
    it(`at ${label}: well-formed, DTD structure, ids resolve, times on the frame grid, duration = runtime`, () => {
      const t = sampleTimeline(rate);
      const { xml, warnings } = buildFcpxml(t);
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE fcpxml>')).toBe(true);
      const root = parse(xml);
      checkStructure(root, rate);
      expect(root.attrs.version).toBe('1.11');
      expect(find(root, 'format')[0].attrs.frameDuration).toBe(fd);
      const seq = find(root, 'sequence')[0];
      expect(frames(seq.attrs.duration, rate)).toBe(runtime(t).frames);
      expect(frames(seq.attrs.tcStart, rate)).toBe(t.startFrame);
      expect(seq.attrs.tcFormat).toBe(t.dropFrame ? 'DF' : 'NDF');

      // The primary storyline: clips and gaps end to end from tcStart; transitions straddle the cuts.
      const spine = find(root, 'spine')[0].children;
      let at = t.startFrame;
      for (const el of spine.filter((e) => e.name !== 'transition')) {
        expect(frames(el.attrs.offset, rate)).toBe(at);
        at += frames(el.attrs.duration, rate);
      }
      expect(at - t.startFrame).toBe(runtime(t).frames);
      const placed = placeItems(t.videoTracks[0]).filter((p) => p.item.kind === 'transition');
      const trans = spine.filter((e) => e.name === 'transition');
      expect(trans.map((e) => [frames(e.attrs.offset, rate) - t.startFrame, frames(e.attrs.duration, rate)])).toEqual(placed.map((p) => [p.recordIn, p.recordOut - p.recordIn]));

      // Clips: names, source starts and scene/shot metadata.
      const clips = spine.filter((e) => e.name === 'asset-clip');
      expect(clips.map((c) => c.attrs.name)).toEqual(['sc1_sh010', 'sc1_sh020', 'sc2_sh010', 'sc2_sh020 "wide"']);
      expect(clips.map((c) => frames(c.attrs.start, rate))).toEqual([0, 12, 12, 10]);
      expect(find(clips[2], 'md').map((m) => [m.attrs.key, m.attrs.value])).toEqual([
        ['com.apple.proapps.studio.scene', '2'],
        ['com.apple.proapps.studio.shot', '010'],
      ]);

      // Audio: connected below the picture, one lane per track, at the right timeline position.
      const audio = clips.flatMap((c) => c.children.filter((x) => x.name === 'asset-clip').map((x) => ({ parent: c, x })));
      const gaps = spine.filter((e) => e.name === 'gap').flatMap((g) => g.children.filter((x) => x.name === 'asset-clip').map((x) => ({ parent: g, x })));
      const connected = [...audio, ...gaps];
      expect(connected.length).toBe(5);
      for (const { parent, x } of connected) {
        expect(Number(x.attrs.lane)).toBeLessThan(0);
        const local = frames(x.attrs.offset, rate) - frames(parent.attrs.start ?? '0s', rate);
        expect(local).toBeGreaterThanOrEqual(0);
        expect(local).toBeLessThan(frames(parent.attrs.duration, rate));
        const recordAt = frames(parent.attrs.offset, rate) - t.startFrame + local;
        const track = t.audioTracks[-Number(x.attrs.lane) - 1];
        const item = placeItems(track).find((p) => p.item.kind === 'clip' && p.item.name === x.attrs.name)!;
        expect(recordAt).toBe(item.recordIn);
        expect(x.attrs.audioRole).toBe(String(track.metadata.role));
      }

      // Assets: file URLs of the rendered per-shot files, with the right media flags.
      const assets = find(root, 'asset');
      expect(assets.length).toBe(9);
      const shot = assets.find((a) => a.attrs.name === 'sc2_sh020 "wide"' && fileURLToPath(find(a, 'media-rep')[0].attrs.src) === '/renders/shots/sc2/sh020 wide/clip.mov')!;
      expect(shot.attrs).toMatchObject({ hasVideo: '1', format: 'r1' });
      expect(shot.attrs.hasAudio).toBeUndefined();
      expect(frames(shot.attrs.duration, rate)).toBe(4 * Math.round(rate.num / rate.den));
      const music = assets.find((a) => a.attrs.name === 'score')!;
      expect(music.attrs).toMatchObject({ hasAudio: '1', audioRate: '48000' });
      expect(music.attrs.hasVideo).toBeUndefined();
      expect(warnings.map((w) => w.code)).toEqual(['fcpxml/wipe']);
    });
  }

  it('writes N frames at 23.976 as N·1001/24000s and whole seconds as Ns', () => {
    expect(fcpxTime(10, RATES['23.976'])).toBe('10010/24000s');
    expect(fcpxTime(24, RATES['24'])).toBe('1s');
    expect(fcpxTime(86400, RATES['24'])).toBe('3600s');
    expect(fcpxTime(86400, RATES['23.976'])).toBe('86486400/24000s');
    expect(fcpxTime(1, RATES['25'])).toBe('100/2500s');
    expect(fcpxTime(0, RATES['29.97'])).toBe('0s');
  });

  it('pads the spine when audio runs past the picture, escapes names, and is deterministic', () => {
    const t: Timeline = structuredClone(sampleTimeline(RATES['24']));
    const music = t.audioTracks[3].items[0];
    if (music.kind !== 'clip') throw new Error('fixture');
    music.sourceRange.duration = 230; // 9 frames past the last picture
    music.name = 'score <final> & "mix"';
    const xml = writeFcpxml(t);
    const root = parse(xml);
    checkStructure(root, RATES['24']);
    const spine = find(root, 'spine')[0].children;
    expect(spine[spine.length - 1]).toMatchObject({ name: 'gap', attrs: { duration: '900/2400s' } });
    expect(frames(find(root, 'sequence')[0].attrs.duration, RATES['24'])).toBe(230);
    expect(find(root, 'asset-clip').some((c) => c.attrs.name === 'score <final> & "mix"')).toBe(true);
    expect(writeFcpxml(t)).toBe(xml);
  });

  it('writes to disk atomically, resolving relative media against the file folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-fcpxml-'));
    const t: Timeline = structuredClone(sampleTimeline(RATES['25']));
    const c = t.videoTracks[0].items[1];
    if (c.kind !== 'clip' || !c.media) throw new Error('fixture');
    c.media.path = '../shots/sc1/sh010/clip.mov';
    const file = path.join(dir, 'editorial', 'cut.fcpxml');
    const warnings = await writeFcpxmlFile(file, t);
    expect(warnings.length).toBe(1);
    const root = parse(fs.readFileSync(file, 'utf8'));
    const srcs = find(root, 'media-rep').map((m) => fileURLToPath(m.attrs.src));
    expect(srcs).toContain(path.join(dir, 'shots/sc1/sh010/clip.mov'));
    expect(fs.readdirSync(path.dirname(file))).toEqual(['cut.fcpxml']);
    fs.rmSync(dir, { recursive: true });
  });
});
