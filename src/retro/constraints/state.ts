// What a constraint mode remembers between frames of a shot. Re-choosing colour sets from scratch
// every frame lets a cell flip between two near-equal sets, which reads as flicker; a previous set
// is kept while it costs at most STICKY× the best new one.

export interface ConstraintState {
  sets?: number[][];
  shared?: number[];
}

export const STICKY = 1.05;
/** Absolute slack (summed squared OKLab distance) so near-zero costs do not flip on noise. */
export const STICKY_EPS = 1e-3;
