// manifest.json: every file the render wrote, with its content hash, frame count, duration and
// the hash of the inputs that made it — the render cache reads it to skip unchanged shots, and a
// pipeline can verify deliveries against it.

import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../util/fs';

export const MANIFEST_VERSION = 1;

export const OutputEntry = z.object({
  path: z.string(),
  kind: z.enum(['movie', 'clip', 'cut', 'still', 'pass', 'contact-sheet', 'plan', 'audio', 'stem', 'subtitles', 'timeline', 'report', 'sprites']),
  /** sha256 of the file (for a pass folder: of its files' hashes in order). */
  hash: z.string(),
  bytes: z.number().int(),
  frames: z.number().int().optional(),
  duration: z.number().optional(),
  inputsHash: z.string(),
  shot: z.string().optional(),
});
export type OutputEntry = z.infer<typeof OutputEntry>;

export const ShotRecord = z.object({
  inputsHash: z.string(),
  /** Frames in the cut (the shot's edit range). */
  frames: z.number().int(),
  /** Frames in the editorial clip, including handles for transitions. */
  clipFrames: z.number().int(),
  handles: z.tuple([z.number().int(), z.number().int()]),
  /** sha256 of each frame of the cut, as rendered (PNG bytes). */
  frameHashes: z.array(z.string()),
  framesHash: z.string(),
  renderSeconds: z.number(),
});
export type ShotRecord = z.infer<typeof ShotRecord>;

export const ManifestSchema = z.object({
  schemaVersion: z.literal(MANIFEST_VERSION),
  kino: z.string(),
  renderer: z.string(),
  title: z.string(),
  profile: z.string(),
  size: z.tuple([z.number().int(), z.number().int()]),
  fps: z.object({ num: z.number().int(), den: z.number().int() }),
  totalFrames: z.number().int(),
  duration: z.number(),
  shots: z.record(z.string(), ShotRecord),
  outputs: z.array(OutputEntry),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function readManifest(file: string): Manifest | undefined {
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function writeManifest(file: string, m: Manifest): Promise<void> {
  const sorted: Manifest = { ...m, outputs: [...m.outputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
  await writeFileAtomic(file, JSON.stringify(sorted, null, 2) + '\n');
}
