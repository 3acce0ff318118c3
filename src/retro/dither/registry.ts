// Every dither by name, with its family, for option validation, --help and `kino styles`.

import { z } from 'zod';
import { DIFFUSION_KERNELS, DIFFUSION_KERNEL_NAMES, type DiffusionKernelName } from './diffusion-kernels';

export type DitherFamily = 'none' | 'ordered' | 'error-diffusion' | 'pattern';

export interface DitherInfo {
  name: string;
  family: DitherFamily;
  label: string;
}

const ORDERED: DitherInfo[] = [
  { name: 'bayer2', family: 'ordered', label: 'Bayer 2×2' },
  { name: 'bayer4', family: 'ordered', label: 'Bayer 4×4' },
  { name: 'bayer8', family: 'ordered', label: 'Bayer 8×8' },
  { name: 'bayer16', family: 'ordered', label: 'Bayer 16×16' },
  { name: 'clustered-dot', family: 'ordered', label: 'Clustered dot 8×8 (halftone, 45°)' },
  { name: 'clustered-dot-4', family: 'ordered', label: 'Clustered dot 4×4' },
  { name: 'blue-noise', family: 'ordered', label: 'Blue noise 64×64 (void-and-cluster)' },
  { name: 'custom', family: 'ordered', label: 'Custom threshold tile from an image (--pattern)' },
];
const PATTERN: DitherInfo[] = [
  { name: 'knoll', family: 'pattern', label: 'Knoll pattern dither (8×8)' },
  { name: 'yliluoma', family: 'pattern', label: 'Yliluoma algorithm 2 (4×4)' },
];

export const DITHERS: readonly DitherInfo[] = [
  { name: 'none', family: 'none', label: 'Nearest colour, no dither' },
  ...ORDERED,
  ...DIFFUSION_KERNEL_NAMES.map((n) => ({ name: n, family: 'error-diffusion' as const, label: DIFFUSION_KERNELS[n].label })),
  ...PATTERN,
];

export const DITHER_NAMES = DITHERS.map((d) => d.name) as [string, ...string[]];

export const DITHER_ALIASES: Readonly<Record<string, string>> = {
  fs: 'floyd-steinberg',
  floyd: 'floyd-steinberg',
  jjn: 'jarvis-judice-ninke',
  jarvis: 'jarvis-judice-ninke',
  sierra: 'sierra3',
  'sierra-3': 'sierra3',
  'sierra-2': 'sierra2',
  'two-row-sierra': 'sierra2',
  'sierra-2-4a': 'sierra-lite',
  'filter-lite': 'sierra-lite',
  bayer: 'bayer8',
  ordered: 'bayer8',
  halftone: 'clustered-dot',
  bluenoise: 'blue-noise',
  pattern: 'custom',
  yliluoma2: 'yliluoma',
};

export function canonicalDitherName(name: string): string | undefined {
  const n = name.trim().toLowerCase().replace(/[_\s]/g, '-');
  if (DITHER_NAMES.includes(n)) return n;
  return DITHER_ALIASES[n];
}

export const DitherNameSchema = z.string().transform((s, ctx) => {
  const n = canonicalDitherName(s);
  if (!n) {
    ctx.addIssue({ code: 'custom', message: `Unknown dither "${s}". Available: ${DITHER_NAMES.join(', ')}.` });
    return z.NEVER;
  }
  return n;
});

export function ditherInfo(name: string): DitherInfo | undefined {
  const n = canonicalDitherName(name);
  return DITHERS.find((d) => d.name === n);
}

export function isDiffusionName(name: string): name is DiffusionKernelName {
  return name in DIFFUSION_KERNELS;
}
