// The sprite-sheet model every engine exporter reads: one atlas image and, per animation frame,
// where its (possibly trimmed, possibly shared) pixels sit in the atlas and where they sit in the
// original frame. Field names follow the TexturePacker/Aseprite vocabulary the exports use.

import { z } from 'zod';
import type { Frame } from '../frame';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SpriteFrameInput {
  /** Unique frame name, e.g. "hero_walk 0". */
  name: string;
  frame: Frame;
  /** How long the frame shows, in milliseconds. */
  durationMs: number;
}

export const TAG_DIRECTIONS = ['forward', 'reverse', 'pingpong', 'pingpong_reverse'] as const;

export const SpriteTagSchema = z.object({
  name: z.string().min(1),
  /** First and last frame index, inclusive. */
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  direction: z.enum(TAG_DIRECTIONS).default('forward'),
  /** Times to play; omitted = loop forever. */
  repeat: z.number().int().min(1).optional(),
  /** #rrggbbaa, shown in Aseprite's timeline. */
  color: z.string().optional(),
});
export type SpriteTag = z.infer<typeof SpriteTagSchema>;
export type SpriteTagInput = z.input<typeof SpriteTagSchema>;

export interface PackedFrame {
  name: string;
  /** Where the pixels are in the atlas. */
  frame: Rect;
  rotated: false;
  trimmed: boolean;
  /** Where the atlas pixels go inside the untrimmed frame. */
  spriteSourceSize: Rect;
  /** The untrimmed frame size. */
  sourceSize: { w: number; h: number };
  durationMs: number;
  /** Index of the earlier frame whose pixels this one reuses (identical content). */
  duplicateOf?: number;
}

export interface SpriteSheet {
  image: Frame;
  frames: PackedFrame[];
  tags: SpriteTag[];
  layout: 'grid' | 'packed';
  /** Grid layout only: cell size, columns, spacing and margin (what Tiled needs). */
  grid?: { cellW: number; cellH: number; columns: number; rows: number; spacing: number; margin: number };
}
