// Sidechain ducking: music (the "ducked" signal) is pulled down while dialogue (the key) is
// present. A depth-limited ducker rather than a ratio compressor: a compressor's reduction
// scales with how loud the voice is, so a shouted line buries the score and a whisper barely
// moves it; film mixers want the music to sit a fixed ~12 dB under any line.
//
// Offline we can look ahead: the gain curve is shifted earlier by the attack time, so the
// music is already down when the first consonant arrives instead of 20 ms late. A hold keeps
// the gain down across the short gaps between words, which is what stops audible pumping.

import { z } from 'zod';

export const DuckingSchema = z
  .object({
    /** Reduction applied while the key is above threshold, dB (positive). */
    depthDb: z.number().min(0).max(60).default(12),
    /** Key level where ducking is half-way in, dBFS (RMS over ~10 ms). */
    thresholdDb: z.number().min(-90).max(0).default(-40),
    /** Soft-knee width around the threshold, dB. */
    kneeDb: z.number().min(0).max(40).default(6),
    attackMs: z.number().min(0).max(1000).default(20),
    releaseMs: z.number().min(1).max(5000).default(300),
    /** Gain stays down this long after the key drops, bridging gaps between words. */
    holdMs: z.number().min(0).max(2000).default(300),
    /** How far the gain curve leads the key (offline look-ahead). Default: the attack time. */
    lookaheadMs: z.number().min(0).max(500).optional(),
  })
  .strict();
export type DuckingOptions = z.input<typeof DuckingSchema>;

/**
 * Linear gain curve (one value per sample, 1 = untouched) to multiply the ducked signal by,
 * driven by the `key` channels (e.g. the dialogue stem).
 */
export function duckingGain(key: Float32Array[], sampleRate: number, options: DuckingOptions = {}): Float32Array {
  const o = DuckingSchema.parse(options);
  const n = key[0]?.length ?? 0;
  const gain = new Float32Array(n);
  const detect = 1 - Math.exp(-1 / (0.01 * sampleRate)); // 10 ms power average
  const att = o.attackMs > 0 ? 1 - Math.exp(-1 / ((o.attackMs / 1000) * sampleRate)) : 1;
  const rel = 1 - Math.exp(-1 / ((o.releaseMs / 1000) * sampleRate));
  const holdN = Math.round((o.holdMs / 1000) * sampleRate);
  const kneeLo = o.thresholdDb - o.kneeDb / 2;
  const knee = Math.max(o.kneeDb, 1e-6);
  let power = 0;
  let held = 0;
  let heldFor = 0;
  let red = 0; // current reduction, dB (≥ 0)
  // The key level, hold and the dB→gain conversion run every CTRL samples (0.33 ms at
  // 48 kHz, far below the 20 ms attack), the gain is interpolated between: log10/pow per
  // sample cost more than the rest of the mix.
  const CTRL = 16;
  const attK = 1 - Math.pow(1 - att, CTRL);
  const relK = 1 - Math.pow(1 - rel, CTRL);
  let g0 = 1;
  for (let b = 0; b < n; b += CTRL) {
    const e = Math.min(n, b + CTRL);
    for (let i = b; i < e; i++) {
      let p = 0;
      for (const c of key) p += c[i] * c[i];
      power += detect * (p / key.length - power);
    }
    const levelDb = 10 * Math.log10(power + 1e-20);
    const target = o.depthDb * Math.min(1, Math.max(0, (levelDb - kneeLo) / knee));
    if (target >= held) {
      held = target;
      heldFor = 0;
    } else if ((heldFor += CTRL) > holdN) {
      held = target;
    }
    red += (held > red ? attK : relK) * (held - red);
    const g1 = Math.pow(10, -red / 20);
    for (let i = b; i < e; i++) gain[i] = g0 + ((g1 - g0) * (i - b + 1)) / CTRL;
    g0 = g1;
  }
  const lead = Math.round(((o.lookaheadMs ?? o.attackMs) / 1000) * sampleRate);
  if (lead > 0 && lead < n) {
    gain.copyWithin(0, lead);
    gain.fill(gain[n - lead - 1], n - lead);
  }
  return gain;
}
