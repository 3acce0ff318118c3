// The script model: what a screenplay *says*, independent of the file it came from. Fountain and
// FDX both parse into an element stream (./elements) and one builder (./assemble) turns that
// stream into this model, so an FDX and its Fountain twin give the same facts.
//
// Every type here is `z.infer` of its schema: the schema that checks a script at runtime is the
// type the editor autocompletes.

import { z } from 'zod';

export const SCRIPT_SCHEMA_VERSION = 1 as const;

/** Interior / exterior of a scene heading. `EST` (establishing) counts as exterior. */
export const IntExtSchema = z.enum(['int', 'ext', 'int/ext']);
export type IntExt = z.infer<typeof IntExtSchema>;

/** A run of text with one emphasis style (Fountain `*`/`**`/`_`, FDX `Style="Bold+Italic"`). */
export const StyledRunSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
});
export type StyledRun = z.infer<typeof StyledRunSchema>;

/** One title-page entry as written: `Draft date: 1/27/2012` → `{ key: 'Draft date', values: ['1/27/2012'] }`. */
export const TitleFieldSchema = z.object({
  /** The key as written (Fountain) or as recognised on an FDX title page. Unknown keys are kept. */
  key: z.string(),
  /** One value per line, emphasis markup removed. */
  values: z.array(z.string()),
});
export type TitleField = z.infer<typeof TitleFieldSchema>;

/** A piece of one speech, in order: parentheticals can sit in the middle of a speech. */
export const DialoguePartSchema = z.object({
  kind: z.enum(['dialogue', 'parenthetical', 'lyrics']),
  /** Plain text (emphasis removed). Parentheticals keep their parentheses. */
  text: z.string(),
  /** 1-based source line. */
  line: z.number().int(),
});
export type DialoguePart = z.infer<typeof DialoguePartSchema>;

/** One speech: a character cue and everything under it until the block ends. */
export const DialogueSchema = z.object({
  kind: z.literal('dialogue'),
  /** Character name: the cue with extensions removed, normalised (see ./cue). */
  character: z.string(),
  /** The cue as written, without `@`, `^` and surrounding whitespace: `EDWARD (V.O.)(CONT'D)`. */
  cue: z.string(),
  /** Normalised extensions, in order: `['V.O.', "CONT'D"]`. */
  extensions: z.array(z.string()),
  /** The parenthetical before the first spoken line, if any: `(beat)`. */
  parenthetical: z.string().nullable(),
  /** The spoken (and sung) text, parts joined by newlines; parentheticals left out. */
  text: z.string(),
  parts: z.array(DialoguePartSchema),
  /** Dual dialogue: `left` is the first speaker, `right` the one whose cue ends in `^`. */
  dual: z.enum(['left', 'right']).nullable(),
  line: z.number().int(),
});
export type Dialogue = z.infer<typeof DialogueSchema>;

/** Action (including forced `!` action), centred text `> x <`, or lyrics outside dialogue. */
export const ActionSchema = z.object({
  kind: z.enum(['action', 'centered', 'lyrics']),
  /** Plain text, line breaks and leading indentation kept. */
  text: z.string(),
  runs: z.array(StyledRunSchema),
  line: z.number().int(),
});
export type Action = z.infer<typeof ActionSchema>;

export const TransitionSchema = z.object({
  kind: z.literal('transition'),
  text: z.string(),
  line: z.number().int(),
});
export type Transition = z.infer<typeof TransitionSchema>;

export const SceneElementSchema = z.discriminatedUnion('kind', [ActionSchema, DialogueSchema, TransitionSchema]);
export type SceneElement = z.infer<typeof SceneElementSchema>;

export const SceneSchema = z.object({
  /** Scene number: the written one (`#12A#`, FDX `Number`) or the 1-based position. The opening
   *  (material before the first heading) is `"0"`. */
  number: z.string(),
  /** True when the number came from the script rather than from the scene's position. */
  numbered: z.boolean(),
  /** Heading without scene number or notes; null only for the opening. */
  heading: z.string().nullable(),
  /** Forced Fountain heading (`.THE FINGER`): often a shot dressed as a heading. */
  forced: z.boolean(),
  interior: IntExtSchema.nullable(),
  location: z.string().nullable(),
  timeOfDay: z.string().nullable(),
  /** Page the heading prints on (1-based, title page not counted). */
  startPage: z.number().int(),
  /** Length in eighths of a page (minimum 1). From FDX `SceneProperties` when present. */
  lengthEighths: z.number().int(),
  lengthSource: z.enum(['estimated', 'fdx']),
  /** Printed lines the scene takes in kino's page model (see ./pagination). */
  lengthLines: z.number().int(),
  /** 0-based index of the scene's first printed line in the page model (page 1 starts at 0). */
  printedLine: z.number().int(),
  /** Estimated screen time of the scene (see ./runtime). */
  estimatedSeconds: z.number(),
  /** Speaking characters, in order of first speech. */
  characters: z.array(z.string()),
  elements: z.array(SceneElementSchema),
  /** `[[notes]]` inside the scene (including ones stripped from the heading). */
  notes: z.array(z.string()),
  /** Section path (`# ACT I` > `## Meet Scott`) the scene sits under. */
  sections: z.array(z.string()),
  synopses: z.array(z.string()),
  /** 1-based source line of the heading (of the first element for the opening). */
  line: z.number().int(),
});
export type Scene = z.infer<typeof SceneSchema>;

export const CharacterSchema = z.object({
  /** The cue name with extensions removed: `EDWARD (V.O.)(CONT'D)` → `EDWARD`. */
  name: z.string(),
  /** Distinct cues as written (whitespace normalised) that resolve to this name, e.g.
   *  `EDWARD (V.O.)`, `EDWARD (CONT’D)`, `MOM(O.S.)`. */
  aliases: z.array(z.string()),
  /** Distinct normalised extensions used: `V.O.`, `O.S.`, `CONT'D`, `PRELAP`… */
  extensions: z.array(z.string()),
  /** Number of speeches (dialogue blocks); each side of dual dialogue counts for its speaker. */
  dialogueCount: z.number().int(),
  /** Scene numbers of the first and last speech. */
  firstScene: z.string(),
  lastScene: z.string(),
  scenes: z.array(z.string()),
  /** Other speaking names that are probably the same person (`YOUNG EDWARD`, `ADAM'S VOICE`):
   *  suggestions for a human, never merged automatically. */
  suggestedSameAs: z.array(z.string()),
  /** 1-based source line of the first cue. */
  line: z.number().int(),
});
export type Character = z.infer<typeof CharacterSchema>;

export const LocationSchema = z.object({
  /** Location as written in the headings (upper-cased, whitespace collapsed). */
  name: z.string(),
  interior: z.array(IntExtSchema),
  scenes: z.array(z.string()),
});
export type Location = z.infer<typeof LocationSchema>;

export const BeatNameSchema = z.enum([
  'Opening Image',
  'Theme Stated',
  'Set-Up',
  'Catalyst',
  'Debate',
  'Break into Two',
  'B Story',
  'Fun and Games',
  'Midpoint',
  'Bad Guys Close In',
  'All Is Lost',
  'Dark Night of the Soul',
  'Break into Three',
  'Finale',
  'Final Image',
]);

export const BeatSchema = z.object({
  name: BeatNameSchema,
  /** Position as a share of the script, 0–1; a point beat has `start === end`. */
  start: z.number(),
  end: z.number(),
  /** Pages the beat spans in this script (1-based). */
  startPage: z.number().int(),
  endPage: z.number().int(),
  /** Scene at the beat's start, and every scene the span touches. */
  scene: z.string().nullable(),
  scenes: z.array(z.string()),
});
export type Beat = z.infer<typeof BeatSchema>;

export const RuntimeSchema = z.object({
  minutes: z.number(),
  /** Share of printed body lines that are dialogue (cues, parentheticals, speech). */
  dialogueShare: z.number(),
  /** The model, in words, so every report can show how the number was made. */
  assumptions: z.array(z.string()),
});
export type Runtime = z.infer<typeof RuntimeSchema>;

export const ScriptSchema = z.object({
  schemaVersion: z.literal(SCRIPT_SCHEMA_VERSION),
  format: z.enum(['fountain', 'fdx']),
  /** Title-page title, lines joined by newlines; null when the script has none. */
  title: z.string().nullable(),
  credit: z.string().nullable(),
  authors: z.array(z.string()),
  source: z.string().nullable(),
  draftDate: z.string().nullable(),
  contact: z.array(z.string()),
  copyright: z.string().nullable(),
  /** Every title-page entry in order, unknown keys included. */
  titlePage: z.array(TitleFieldSchema),
  /** Material before the first scene heading (Big Fish opens with a river), or null. */
  opening: SceneSchema.nullable(),
  scenes: z.array(SceneSchema),
  characters: z.array(CharacterSchema),
  locations: z.array(LocationSchema),
  /** Pages the body prints on (title page not counted). */
  pages: z.number().int(),
  /** Body length in printed lines of the page model. */
  lengthLines: z.number().int(),
  runtime: RuntimeSchema,
  beatSheet: z.array(BeatSchema),
});
export type Script = z.infer<typeof ScriptSchema>;
