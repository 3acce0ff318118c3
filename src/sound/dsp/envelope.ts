// Amplitude envelopes, evaluated per sample from time since note-on (random access, so a
// note rendered in chunks or at an offset sounds identical).

export interface Adsr {
  attack: number; // seconds
  decay: number;
  /** Sustain level 0..1. */
  sustain: number;
  release: number;
}

function adsrLevel(env: Adsr, x: number): number {
  if (x < env.attack) return x / env.attack;
  const d = x - env.attack;
  if (d < env.decay) return 1 - (1 - env.sustain) * (d / env.decay);
  return env.sustain;
}

/** ADSR value at time `t` for a note held `hold` seconds (release starts at `hold`). */
export function adsrAt(env: Adsr, t: number, hold: number): number {
  // No closures in here: this runs once per sample per voice, and a per-call closure (plus
  // the name-keeping wrapper tsx adds) cost more than the whole synthesis.
  if (t < 0) return 0;
  if (t < hold) return adsrLevel(env, t);
  const r = t - hold;
  if (r >= env.release) return 0;
  // Exponential-looking release (quadratic) from wherever the envelope was at note-off.
  const k = 1 - r / env.release;
  return adsrLevel(env, hold) * k * k;
}

/** Percussive envelope: linear attack, exponential decay with time constant `decay` (s). */
export function percAt(t: number, attack: number, decay: number): number {
  if (t < 0) return 0;
  if (t < attack) return t / attack;
  return Math.exp(-(t - attack) / decay);
}
