// Modal synthesis: a struck or scraped object is a bank of damped resonances (Farnell,
// Designing Sound, "modal synthesis"). Each mode is a two-pole resonator
// y[n] = 2r·cos(ω)·y[n−1] − r²·y[n−2] + g·x[n], with r set from the mode's T60 decay.

export interface Mode {
  freqHz: number;
  /** Time for the mode to fall 60 dB, seconds. */
  t60: number;
  gain: number;
}

/** Runs `excitation` through the mode bank, returning a new buffer of `length` samples. */
export function modalBank(excitation: Float32Array, modes: Mode[], sampleRate: number, length = excitation.length): Float32Array {
  const out = new Float32Array(length);
  for (const m of modes) {
    if (m.freqHz <= 0 || m.freqHz >= sampleRate / 2) continue;
    const r = Math.pow(10, -3 / (m.t60 * sampleRate));
    const w = (2 * Math.PI * m.freqHz) / sampleRate;
    const a1 = 2 * r * Math.cos(w);
    const a2 = -r * r;
    // The impulse response is g·rⁿ·sin((n+1)ω)/sin ω: scale so its peak is ≈ gain.
    const g = m.gain * Math.sin(w);
    let y1 = 0, y2 = 0;
    for (let i = 0; i < length; i++) {
      const x = i < excitation.length ? excitation[i] : 0;
      const y = a1 * y1 + a2 * y2 + g * x;
      y2 = y1;
      y1 = y;
      out[i] += y;
    }
  }
  return out;
}
