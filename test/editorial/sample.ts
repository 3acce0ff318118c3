// A small film's cut list, used by the editorial tests: fade in from black, a cut, a centred
// dissolve (the shots were rendered with handles), a wipe, a fade out; dialogue, music, effects.
import { timelineFromCuts, type CutList, type Rate, type Timeline } from '../../src/editorial';

export function sampleCutList(rate: Rate, name = 'Kino Test Cut'): CutList {
  const fps = Math.round(rate.num / rate.den);
  return {
    name,
    rate,
    cuts: [
      { clipName: 'sc1_sh010', mediaPath: '/renders/shots/sc1/sh010/clip.mov', mediaFrames: 3 * fps, sourceIn: 0, sourceOut: 2 * fps, sceneId: '1', shotId: '010', transitionIn: { kind: 'fade-in', frames: 12 } },
      { clipName: 'sc1_sh020', mediaPath: '/renders/shots/sc1/sh020/clip.mov', mediaFrames: 4 * fps, sourceIn: 12, sourceOut: 12 + 3 * fps, sceneId: '1', shotId: '020' },
      { clipName: 'sc2_sh010', mediaPath: '/renders/shots/sc2/sh010/clip.mov', mediaFrames: 5 * fps, sourceIn: 12, sourceOut: 12 + 2 * fps + 5, sceneId: '2', shotId: '010', transitionIn: { kind: 'dissolve', frames: 16 } },
      { clipName: 'sc2_sh020 "wide"', mediaPath: '/renders/shots/sc2/sh020 wide/clip.mov', mediaFrames: 4 * fps, sourceIn: 10, sourceOut: 10 + 2 * fps, sceneId: '2', shotId: '020', transitionIn: { kind: 'wipe', frames: 8, wipeCode: 1 }, transitionOut: { kind: 'fade-out', frames: 24 } },
    ],
    audio: [
      { name: 'line_001', path: '/renders/audio/dialogue/line_001.wav', startFrame: 10, frames: 40, role: 'dialogue' },
      { name: 'line_002', path: '/renders/audio/dialogue/line_002.wav', startFrame: 40, frames: 30, role: 'dialogue' },
      { name: 'line_003', path: '/renders/audio/dialogue/line_003.wav', startFrame: 100, frames: 20, role: 'dialogue' },
      { name: 'score', path: '/renders/audio/music.wav', startFrame: 0, frames: 9 * fps + 5, role: 'music', mediaFrames: 10 * fps },
      { name: 'door', path: '/renders/audio/fx/door.wav', startFrame: 3 * fps, frames: 12, role: 'effects' },
    ],
  };
}

export function sampleTimeline(rate: Rate, name?: string): Timeline {
  return timelineFromCuts(sampleCutList(rate, name));
}
