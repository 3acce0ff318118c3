// Error-diffusion kernels as data: taps [dx, dy, weight] relative to the current pixel for a
// left-to-right scan, and the divisor. Values: reference/retro.md §2 (hitherdither diffusion.py,
// makeworld dither error_diffusers.go). Every kernel sums to its divisor except Atkinson, which
// deliberately diffuses 6/8 and drops the rest (Bill Atkinson's MacPaint look: crisper, loses
// shadow detail). Note didder's dither v2.0.0 has Burkes' first row as 8, 8 (sums to 36/32);
// the tests here pin the sums so that cannot creep in.

export interface DiffusionKernel {
  readonly name: string;
  readonly label: string;
  readonly divisor: number;
  readonly taps: readonly (readonly [dx: number, dy: number, weight: number])[];
}

const k = (name: string, label: string, divisor: number, taps: DiffusionKernel['taps']): DiffusionKernel => ({ name, label, divisor, taps });

export const DIFFUSION_KERNELS = {
  'floyd-steinberg': k('floyd-steinberg', 'Floyd–Steinberg (1976)', 16, [
    [1, 0, 7],
    [-1, 1, 3], [0, 1, 5], [1, 1, 1],
  ]),
  'false-floyd-steinberg': k('false-floyd-steinberg', 'False Floyd–Steinberg', 8, [
    [1, 0, 3],
    [0, 1, 3], [1, 1, 2],
  ]),
  'jarvis-judice-ninke': k('jarvis-judice-ninke', 'Jarvis–Judice–Ninke (1976)', 48, [
    [1, 0, 7], [2, 0, 5],
    [-2, 1, 3], [-1, 1, 5], [0, 1, 7], [1, 1, 5], [2, 1, 3],
    [-2, 2, 1], [-1, 2, 3], [0, 2, 5], [1, 2, 3], [2, 2, 1],
  ]),
  stucki: k('stucki', 'Stucki (1981)', 42, [
    [1, 0, 8], [2, 0, 4],
    [-2, 1, 2], [-1, 1, 4], [0, 1, 8], [1, 1, 4], [2, 1, 2],
    [-2, 2, 1], [-1, 2, 2], [0, 2, 4], [1, 2, 2], [2, 2, 1],
  ]),
  burkes: k('burkes', 'Burkes (1988)', 32, [
    [1, 0, 8], [2, 0, 4],
    [-2, 1, 2], [-1, 1, 4], [0, 1, 8], [1, 1, 4], [2, 1, 2],
  ]),
  sierra3: k('sierra3', 'Sierra-3 (1989)', 32, [
    [1, 0, 5], [2, 0, 3],
    [-2, 1, 2], [-1, 1, 4], [0, 1, 5], [1, 1, 4], [2, 1, 2],
    [-1, 2, 2], [0, 2, 3], [1, 2, 2],
  ]),
  sierra2: k('sierra2', 'Sierra two-row', 16, [
    [1, 0, 4], [2, 0, 3],
    [-2, 1, 1], [-1, 1, 2], [0, 1, 3], [1, 1, 2], [2, 1, 1],
  ]),
  'sierra-lite': k('sierra-lite', 'Sierra Lite (Filter Lite, 2-4A)', 4, [
    [1, 0, 2],
    [-1, 1, 1], [0, 1, 1],
  ]),
  atkinson: k('atkinson', 'Atkinson (MacPaint, 6/8 diffused)', 8, [
    [1, 0, 1], [2, 0, 1],
    [-1, 1, 1], [0, 1, 1], [1, 1, 1],
    [0, 2, 1],
  ]),
} as const satisfies Record<string, DiffusionKernel>;

export type DiffusionKernelName = keyof typeof DIFFUSION_KERNELS;
export const DIFFUSION_KERNEL_NAMES = Object.keys(DIFFUSION_KERNELS) as DiffusionKernelName[];

/** Sum of the kernel's weights as a fraction of the error (1 for all but Atkinson's 0.75). */
export function kernelWeightSum(kernel: DiffusionKernel): number {
  return kernel.taps.reduce((s, t) => s + t[2], 0) / kernel.divisor;
}
