// The element stream: typed screenplay elements with source lines, in document order. Both the
// Fountain scanner and the FDX reader produce it; the builder (./assemble) and later codegen read
// it. It is closer to the page than the model: every note, section and page break is here.

import { z } from 'zod';
import { StyledRunSchema, TitleFieldSchema } from './model';

const line = z.number().int().describe('1-based source line');

export const SceneHeadingElementSchema = z.object({
  type: z.literal('scene-heading'),
  /** Plain heading: scene number, trailing `[[notes]]` and the forcing `.` removed. */
  text: z.string(),
  sceneNumber: z.string().nullable(),
  forced: z.boolean(),
  /** FDX `SceneProperties`: Final Draft's own length and start page. */
  fdxLengthEighths: z.number().int().nullable(),
  fdxPage: z.number().int().nullable(),
  line,
});

export const ActionElementSchema = z.object({
  type: z.literal('action'),
  /** Plain text; line breaks and leading whitespace kept (tabs as written). */
  text: z.string(),
  runs: z.array(StyledRunSchema),
  forced: z.boolean(),
  line,
});

export const CenteredElementSchema = z.object({
  type: z.literal('centered'),
  text: z.string(),
  runs: z.array(StyledRunSchema),
  line,
});

export const CharacterElementSchema = z.object({
  type: z.literal('character'),
  /** The cue as written without `@`, `^` and outer whitespace. */
  text: z.string(),
  /** Name with extensions removed, normalised (./cue). */
  name: z.string(),
  extensions: z.array(z.string()),
  dual: z.enum(['left', 'right']).nullable(),
  forced: z.boolean(),
  line,
});

export const ParentheticalElementSchema = z.object({ type: z.literal('parenthetical'), text: z.string(), line });

export const DialogueElementSchema = z.object({
  type: z.literal('dialogue'),
  text: z.string(),
  runs: z.array(StyledRunSchema),
  line,
});

export const LyricsElementSchema = z.object({
  type: z.literal('lyrics'),
  text: z.string(),
  /** Sung by the speaker of the cue above (false: lyrics on their own, e.g. a song over action). */
  inDialogue: z.boolean(),
  line,
});

export const TransitionElementSchema = z.object({
  type: z.literal('transition'),
  text: z.string(),
  forced: z.boolean(),
  line,
});

export const PageBreakElementSchema = z.object({ type: z.literal('page-break'), line });
export const NoteElementSchema = z.object({ type: z.literal('note'), text: z.string(), line });
export const SectionElementSchema = z.object({
  type: z.literal('section'),
  depth: z.number().int().min(1),
  text: z.string(),
  line,
});
export const SynopsisElementSchema = z.object({ type: z.literal('synopsis'), text: z.string(), line });

export const ScriptElementSchema = z.discriminatedUnion('type', [
  SceneHeadingElementSchema,
  ActionElementSchema,
  CenteredElementSchema,
  CharacterElementSchema,
  ParentheticalElementSchema,
  DialogueElementSchema,
  LyricsElementSchema,
  TransitionElementSchema,
  PageBreakElementSchema,
  NoteElementSchema,
  SectionElementSchema,
  SynopsisElementSchema,
]);
export type ScriptElement = z.infer<typeof ScriptElementSchema>;
export type ScriptElementType = ScriptElement['type'];
export type ElementOf<T extends ScriptElementType> = Extract<ScriptElement, { type: T }>;

export const ElementStreamSchema = z.object({
  format: z.enum(['fountain', 'fdx']),
  titlePage: z.array(TitleFieldSchema),
  elements: z.array(ScriptElementSchema),
});
export type ElementStream = z.infer<typeof ElementStreamSchema>;
