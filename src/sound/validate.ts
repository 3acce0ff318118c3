// zod failures → KinoError, so every sound entry point reports bad input the kino way:
// all problems at once, each naming the field and what is allowed.

import type { z } from 'zod';
import { KinoError, issue, type SourceLocation } from '../doc/errors';

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string, location?: SourceLocation): z.infer<T> {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return r.data;
  throw new KinoError(
    r.error.issues.map((i) => {
      const at = i.path.length ? i.path.map(String).join('.') : undefined;
      return issue(`${what}/invalid`, `${what}${at ? `.${at}` : ''}: ${messageFor(i)}`, { location, prop: at, hint: hintFor(i) });
    }),
  );
}

function messageFor(i: z.core.$ZodIssue): string {
  if (i.code === 'invalid_value' && 'values' in i) {
    const got = 'input' in i && i.input !== undefined ? `got ${JSON.stringify(i.input)}; ` : '';
    return `${got}expected one of ${(i.values as unknown[]).map(String).join(', ')}.`;
  }
  return i.message;
}

function hintFor(i: z.core.$ZodIssue): string | undefined {
  if (i.code === 'invalid_value' && 'values' in i) return `Use one of: ${(i.values as unknown[]).map(String).join(', ')}.`;
  if (i.code === 'unrecognized_keys') return 'Remove the unknown field (check its spelling).';
  return undefined;
}
