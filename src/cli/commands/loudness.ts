import path from 'node:path';
import { KinoError, issue } from '../../doc/errors';
import type { Command } from '../command';
import { ffmpegEbur128 } from '../../sound/ebur128-ffmpeg';
import { measureLoudness } from '../../sound/loudness';
import { normalizeLoudness } from '../../sound/normalize';
import { LOUDNESS_TARGETS } from '../../sound/mix';
import { readWav, writeWav, WAV_FORMATS, type WavFormat } from '../../sound/wav';

const fmt = (v: number, unit: string) => (Number.isFinite(v) ? `${v.toFixed(1)} ${unit}` : `-inf ${unit}`);

export const command: Command = {
  name: 'loudness',
  summary: 'Measure WAV loudness (BS.1770-4 / EBU R128: integrated, LRA, true peak), or normalise to a target.',
  usage: '<file.wav> [more.wav …]',
  options: {
    json: { type: 'boolean', description: 'Print the measurements as JSON.' },
    ffmpeg: { type: 'boolean', description: "Also measure with FFmpeg's ebur128 filter and show the difference." },
    normalize: { type: 'string', value: '<LUFS|preset>', description: `Normalise to an integrated target: a number (e.g. -23) or ${Object.keys(LOUDNESS_TARGETS).join(', ')}.` },
    'true-peak': { type: 'string', value: '<dBTP>', description: 'True-peak ceiling when normalising (default: the preset\'s, else -1).' },
    out: { type: 'string', short: 'o', value: '<file.wav>', description: 'Where to write the normalised audio (one input only).' },
    format: { type: 'string', choices: WAV_FORMATS, default: 'pcm24', description: 'Sample format of --out.' },
  },
  details: `
Examples:
  kino loudness out/demo/audio/mix.wav
  kino loudness dialogue.wav --ffmpeg --json
  kino loudness master.wav --normalize streaming -o master-14.wav

Integrated loudness is gated (absolute −70 LUFS, relative −10 LU); LRA follows EBU Tech 3342;
true peak uses 4× oversampling (BS.1770-4 Annex 2). Exit code 1 on unreadable input.`,
  async run({ positionals, values }) {
    if (!positionals.length) throw new KinoError(issue('cli/usage', 'kino loudness needs a WAV file: kino loudness mix.wav'));
    const results: Record<string, unknown>[] = [];
    let target: { lufs: number; truePeakDb: number } | undefined;
    if (typeof values.normalize === 'string') {
      const preset = LOUDNESS_TARGETS[values.normalize as keyof typeof LOUDNESS_TARGETS];
      const n = Number(values.normalize);
      if (!preset && !(Number.isFinite(n) && n < 0 && n >= -50)) {
        throw new KinoError(issue('cli/bad-value', `kino loudness: --normalize must be a LUFS value between -50 and 0 or one of ${Object.keys(LOUDNESS_TARGETS).join(', ')}; got "${values.normalize}".`));
      }
      target = preset ? { ...preset } : { lufs: n, truePeakDb: -1 };
      if (typeof values['true-peak'] === 'string') {
        const tp = Number(values['true-peak']);
        if (!(Number.isFinite(tp) && tp <= 0 && tp >= -20)) throw new KinoError(issue('cli/bad-value', `kino loudness: --true-peak must be between -20 and 0 dBTP; got "${values['true-peak']}".`));
        target.truePeakDb = tp;
      }
      if (!values.out) throw new KinoError(issue('cli/usage', 'kino loudness --normalize needs --out <file.wav>.'));
      if (positionals.length > 1) throw new KinoError(issue('cli/usage', 'kino loudness --normalize takes one input file.'));
    }
    for (const file of positionals) {
      const wav = await readWav(file);
      const m = measureLoudness(wav.channels, wav.sampleRate);
      const row: Record<string, unknown> = {
        file,
        sampleRate: wav.sampleRate,
        channels: wav.channels.length,
        durationSeconds: m.durationSeconds,
        integratedLufs: m.integratedLufs,
        loudnessRangeLu: m.loudnessRangeLu,
        truePeakDbtp: m.truePeakDbtp,
        samplePeakDbfs: m.samplePeakDbfs,
        momentaryMaxLufs: m.momentaryMaxLufs,
        shortTermMaxLufs: m.shortTermMaxLufs,
      };
      if (values.ffmpeg) {
        const f = await ffmpegEbur128(file);
        row.ffmpeg = f;
        row.differenceLu = m.integratedLufs - f.integratedLufs;
      }
      if (target) {
        const n = normalizeLoudness(wav.channels, wav.sampleRate, target.lufs, target.truePeakDb);
        await writeWav(String(values.out), n.channels, wav.sampleRate, values.format as WavFormat);
        row.normalized = { out: values.out, gainDb: n.gainDb, integratedLufs: n.integratedLufs, truePeakDbtp: n.truePeakDbtp, limiterReductionDb: n.limiter.maxReductionDb };
      }
      results.push(row);
    }
    if (values.json) {
      process.stdout.write(JSON.stringify(results.length === 1 ? results[0] : results, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
      return 0;
    }
    const lines: string[] = [];
    for (const r of results) {
      const rel = path.relative(process.cwd(), String(r.file));
      lines.push(`${rel && !rel.startsWith('..') ? rel : String(r.file)}  (${r.channels} ch, ${Number(r.sampleRate) / 1000} kHz, ${Number(r.durationSeconds).toFixed(2)} s)`);
      lines.push(`  integrated  ${fmt(r.integratedLufs as number, 'LUFS')}`);
      lines.push(`  range       ${fmt(r.loudnessRangeLu as number, 'LU')}`);
      lines.push(`  true peak   ${fmt(r.truePeakDbtp as number, 'dBTP')}`);
      lines.push(`  momentary   max ${fmt(r.momentaryMaxLufs as number, 'LUFS')}   short-term max ${fmt(r.shortTermMaxLufs as number, 'LUFS')}`);
      if (r.ffmpeg) {
        const f = r.ffmpeg as { integratedLufs: number; loudnessRangeLu: number; truePeakDbtp: number };
        lines.push(`  ffmpeg      ${fmt(f.integratedLufs, 'LUFS')}, LRA ${fmt(f.loudnessRangeLu, 'LU')}, TP ${fmt(f.truePeakDbtp, 'dBTP')}  (difference ${(r.differenceLu as number).toFixed(2)} LU)`);
      }
      if (r.normalized) {
        const n = r.normalized as { out: string; gainDb: number; integratedLufs: number; truePeakDbtp: number; limiterReductionDb: number };
        lines.push(`  → ${n.out}: ${n.gainDb >= 0 ? '+' : ''}${n.gainDb.toFixed(2)} dB, ${fmt(n.integratedLufs, 'LUFS')}, TP ${fmt(n.truePeakDbtp, 'dBTP')}, limiter ${n.limiterReductionDb.toFixed(1)} dB`);
      }
    }
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
