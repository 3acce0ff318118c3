import { renderSoundtrack, writeAudioFolder, ffmpegEbur128, measureLoudness } from '../../src/sound';
const t = performance.now();
const st = await renderSoundtrack({
  seed: 'demo', cacheDir: '/tmp/sndtest/cache',
  dialogue: [
    { id: 'l1', characterId: 'detective', text: 'You were at the diner last night.', startSeconds: 3 },
    { id: 'l2', characterId: 'waitress', text: 'Everybody was at the diner last night. It is the only place open.' },
    { id: 'l3', characterId: 'detective', text: 'Then somebody saw something.' },
    { id: 'l4', characterId: 'waitress', text: 'Somebody always does.', startSeconds: 20 },
  ],
  music: [{ id: 'm1', mood: 'noir', startSeconds: 0, durationSeconds: 30 }],
  ambience: [{ id: 'a1', type: 'diner', startSeconds: 0, durationSeconds: 30 }],
  foley: [{ id: 'f1', startSeconds: 1, sound: { kind: 'footsteps', surface: 'tile', count: 4 } }, { id: 'f2', startSeconds: 2.5, sound: { kind: 'sit', chair: 'upholstered' } }, { id: 'f3', startSeconds: 25, sound: { kind: 'door', action: 'slam' } }],
  mix: { targetLufs: -23 },
});
console.log('render ms', performance.now() - t, st.durationSeconds, st.loudness.integratedLufs, st.loudness.truePeakDbtp, 'gain', st.normalisationGainDb, 'lim', st.limiterReductionDb);
console.log(st.cues);
const files = await writeAudioFolder('/tmp/sndtest/out', st);
const f = await ffmpegEbur128('/tmp/sndtest/out/mix.wav');
console.log('ffmpeg', f);
// stems sum
let maxd = 0; for (let i = 0; i < st.mix[0].length; i++) maxd = Math.max(maxd, Math.abs(st.mix[0][i] - st.stems.dialogue[0][i] - st.stems.music[0][i] - st.stems.effects[0][i]));
console.log('stem sum err', maxd);
// duck
console.log(Array.from(st.duckGain.filter((_, i) => i % 50 === 0)).map(v => (20 * Math.log10(v)).toFixed(0)).join(' '));
