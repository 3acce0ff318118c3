// Channel layouts: up-mix, down-mix and panning. Channel order is FFmpeg's / WAVE's
// (FL FR FC LFE BL BR) so files written here open the same way everywhere.

import { KinoError, issue } from '../doc/errors';

/**
 * Constant-power (−3 dB centre) pan law: `pan` −1 = hard left, 0 = centre, +1 = hard right.
 * Returns [gainL, gainR] with gainL² + gainR² = 1.
 */
export function panGains(pan: number): [number, number] {
  const p = Math.min(1, Math.max(-1, pan));
  const a = ((p + 1) * Math.PI) / 4;
  return [Math.cos(a), Math.sin(a)];
}

/** Mono → stereo copies the channel to both sides at full level (FFmpeg's default up-mix). */
export function toStereo(channels: Float32Array[]): [Float32Array, Float32Array] {
  if (channels.length === 1) return [channels[0].slice(), channels[0].slice()];
  if (channels.length === 2) return [channels[0], channels[1]];
  if (channels.length === 6) return downmix51(channels);
  throw new KinoError(issue('sound/channels', `Cannot convert ${channels.length} channels to stereo.`, { hint: 'kino converts mono, stereo and 5.1 (FL FR FC LFE BL BR).' }));
}

/** Stereo (or more) → mono as the mean of the front pair; mono passes through. */
export function toMono(channels: Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0];
  const [l, r] = channels.length === 6 ? downmix51(channels) : [channels[0], channels[1]];
  const out = new Float32Array(l.length);
  for (let i = 0; i < out.length; i++) out[i] = 0.5 * (l[i] + r[i]);
  return out;
}

/** ITU-R BS.775 down-mix: L' = L + 0.707·C + 0.707·Ls (LFE dropped). */
function downmix51(ch: Float32Array[]): [Float32Array, Float32Array] {
  const [fl, fr, fc, , bl, br] = ch;
  const n = fl.length;
  const l = new Float32Array(n);
  const r = new Float32Array(n);
  const g = Math.SQRT1_2;
  for (let i = 0; i < n; i++) {
    l[i] = fl[i] + g * fc[i] + g * bl[i];
    r[i] = fr[i] + g * fc[i] + g * br[i];
  }
  return [l, r];
}

/**
 * Up-mix to `count` channels: mono → stereo duplicates; mono → 5.1 goes to the centre;
 * stereo → 5.1 keeps L/R at the front and leaves centre, LFE and surrounds silent (no
 * phantom-centre extraction: it would smear dialogue that was already panned deliberately).
 */
export function upmix(channels: Float32Array[], count: number): Float32Array[] {
  const have = channels.length;
  if (count === have) return channels;
  const n = channels[0]?.length ?? 0;
  if (count === 2) return toStereo(channels);
  if (count === 1) return [toMono(channels)];
  if (count === 6 && (have === 1 || have === 2)) {
    const silent = () => new Float32Array(n);
    return have === 1 ? [silent(), silent(), channels[0].slice(), silent(), silent(), silent()] : [channels[0], channels[1], silent(), silent(), silent(), silent()];
  }
  throw new KinoError(issue('sound/channels', `Cannot up-mix ${have} channels to ${count}.`, { hint: 'Supported: 1 ↔ 2, 1 → 6, 2 → 6, 6 → 2, 6 → 1.' }));
}
