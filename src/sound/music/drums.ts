// Drum synthesis (the analogue-machine recipes): kick = sine with a falling pitch envelope
// and a click; snare = tuned body plus band-passed noise; hats = a cluster of detuned
// square waves (metallic, inharmonic) high-passed; brushes and shakers = shaped noise;
// toms and taiko = pitched sines with a thump. A kit renders each voice in a few seeded
// variants once, and hits pick a variant, so a loop never sounds machine-identical.

import { Biquad } from '../dsp/biquad';
import { Noise } from '../dsp/noise';
import { Oscillator } from '../dsp/oscillators';
import { MUSIC_SAMPLE_RATE } from './instruments';

const SR = MUSIC_SAMPLE_RATE;

export const DRUM_VOICES = ['kick', 'snare', 'rim', 'clap', 'hat', 'openHat', 'ride', 'brush', 'shaker', 'tomLow', 'tomHigh', 'taiko'] as const;
export type DrumVoice = (typeof DRUM_VOICES)[number];

function buf(seconds: number): Float32Array {
  return new Float32Array(Math.round(seconds * SR));
}

function metallic(noise: Noise, seconds: number, decay: number, hp: number): Float32Array {
  // Six square oscillators at inharmonic ratios (the 808 cymbal recipe).
  const out = buf(seconds);
  const base = 40 * noise.range(0.97, 1.03);
  const ratios = [2, 3, 4.16, 5.43, 6.79, 8.21];
  const osc = ratios.map((r) => new Oscillator('square', SR, noise.uniform()));
  for (let i = 0; i < out.length; i++) {
    let v = 0;
    for (let k = 0; k < osc.length; k++) v += osc[k].next(base * ratios[k] * 10);
    out[i] = (v / 6 + noise.white() * 0.5) * Math.exp(-i / SR / decay);
  }
  Biquad.of('highpass', hp, SR, 0.9).process(out);
  Biquad.of('highpass', hp, SR, 0.9).process(out);
  return out;
}

function synth(voice: DrumVoice, noise: Noise): Float32Array {
  switch (voice) {
    case 'kick': {
      const out = buf(0.5);
      let ph = 0;
      const f0 = noise.range(48, 56);
      for (let i = 0; i < out.length; i++) {
        const t = i / SR;
        const f = f0 + 110 * Math.exp(-t / 0.03);
        ph += f / SR;
        out[i] = Math.sin(2 * Math.PI * ph) * Math.exp(-t / 0.18) + (i < 96 ? noise.white() * 0.3 * (1 - i / 96) : 0);
      }
      return out;
    }
    case 'snare': {
      const out = buf(0.35);
      const body = new Oscillator('triangle', SR);
      const n2 = buf(0.35);
      for (let i = 0; i < out.length; i++) n2[i] = noise.white() * Math.exp(-i / SR / 0.07);
      Biquad.of('bandpass', 3500, SR, 0.7).process(n2);
      for (let i = 0; i < out.length; i++) out[i] = body.next(185 * (1 + 0.5 * Math.exp(-i / SR / 0.01))) * Math.exp(-i / SR / 0.05) * 0.5 + n2[i] * 1.4;
      return out;
    }
    case 'rim': {
      const out = buf(0.08);
      for (let i = 0; i < out.length; i++) out[i] = (Math.sin((2 * Math.PI * 1700 * i) / SR) * 0.6 + noise.white() * 0.4) * Math.exp(-i / SR / 0.008);
      return out;
    }
    case 'clap': {
      const out = buf(0.3);
      for (let i = 0; i < out.length; i++) {
        const t = i / SR;
        // Three hands that do not quite coincide, then the room.
        const bursts = [0, 0.011, 0.023].reduce((a, s) => a + (t >= s ? Math.exp(-(t - s) / 0.006) : 0), 0);
        out[i] = noise.white() * (bursts + 0.4 * Math.exp(-t / 0.09) * (t > 0.023 ? 1 : 0));
      }
      return Biquad.of('bandpass', 1200, SR, 0.8).process(out);
    }
    case 'hat':
      return metallic(noise, 0.12, 0.025, 7000);
    case 'openHat':
      return metallic(noise, 0.6, 0.2, 6500);
    case 'ride': {
      const out = metallic(noise, 1.6, 0.7, 3500);
      const ping = buf(1.6);
      for (let i = 0; i < ping.length; i++) ping[i] = Math.sin((2 * Math.PI * 5200 * i) / SR) * Math.exp(-i / SR / 0.4) * 0.15;
      for (let i = 0; i < out.length; i++) out[i] = out[i] * 0.5 + ping[i];
      return out;
    }
    case 'brush': {
      const out = buf(0.3);
      for (let i = 0; i < out.length; i++) {
        const t = i / SR;
        out[i] = noise.white() * Math.sin(Math.PI * Math.min(1, t / 0.25)) * Math.exp(-t / 0.12);
      }
      return Biquad.of('bandpass', 4500, SR, 0.5).process(out);
    }
    case 'shaker': {
      const out = buf(0.1);
      for (let i = 0; i < out.length; i++) out[i] = noise.white() * Math.min(1, i / 300) * Math.exp(-i / SR / 0.025);
      return Biquad.of('highpass', 5000, SR).process(out);
    }
    case 'tomLow':
    case 'tomHigh':
    case 'taiko': {
      const big = voice === 'taiko';
      const out = buf(big ? 1.2 : 0.6);
      const f0 = voice === 'tomHigh' ? 160 : voice === 'tomLow' ? 100 : 62;
      let ph = 0;
      for (let i = 0; i < out.length; i++) {
        const t = i / SR;
        ph += (f0 * (1 + 0.4 * Math.exp(-t / 0.05))) / SR;
        out[i] = Math.sin(2 * Math.PI * ph) * Math.exp(-t / (big ? 0.35 : 0.2)) + noise.white() * Math.exp(-t / 0.01) * (big ? 0.5 : 0.25);
      }
      return out;
    }
  }
}

const VARIANTS = 4;

/** A drum kit: each voice pre-rendered in a few seeded variants. */
export class DrumKit {
  private cache = new Map<DrumVoice, Float32Array[]>();
  constructor(private seed: string) {}
  hit(voice: DrumVoice, index: number): Float32Array {
    let v = this.cache.get(voice);
    if (!v) {
      v = Array.from({ length: VARIANTS }, (_, k) => synth(voice, new Noise(this.seed, 'drum', voice, k)));
      this.cache.set(voice, v);
    }
    return v[((index % VARIANTS) + VARIANTS) % VARIANTS];
  }
}
