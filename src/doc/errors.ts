// One error type for every entry point (TSX props, scripts, palettes, CLI flags, renders).
// Errors are values: created near the input they describe, collected, and printed together,
// like tsc does, so a user fixes every problem in one pass instead of one per run.

import path from 'node:path';

export interface SourceLocation {
  /** File the problem is in (absolute or relative to the working directory). */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
}

export interface KinoIssue {
  /** Stable machine-readable code, e.g. `prop/invalid`, `timing/cycle`, `fountain/unclosed-note`. */
  code: string;
  message: string;
  severity: 'error' | 'warning';
  location?: SourceLocation;
  /** Component path from the film root, e.g. `Film > Scene#kitchen > Shot#A1 > Camera`. */
  componentPath?: string;
  /** Name of the user component that produced the element, when it is not a kino built-in. */
  owner?: string;
  /** The prop or field the issue is about. */
  prop?: string;
  /** What to do about it. */
  hint?: string;
}

export function issue(code: string, message: string, extra: Partial<Omit<KinoIssue, 'code' | 'message'>> = {}): KinoIssue {
  return { code, message, severity: 'error', ...extra };
}

export function warning(code: string, message: string, extra: Partial<Omit<KinoIssue, 'code' | 'message'>> = {}): KinoIssue {
  return { code, message, severity: 'warning', ...extra };
}

/** Thrown when one or more issues stop an operation; carries all of them. */
export class KinoError extends Error {
  readonly issues: KinoIssue[];
  constructor(issues: KinoIssue[] | KinoIssue) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.length === 1 ? list[0].message : `${list.length} problems:\n` + list.map((i) => '  ' + i.message).join('\n'));
    this.name = 'KinoError';
    this.issues = list;
  }
  get code(): string {
    return this.issues[0]?.code ?? 'unknown';
  }
}

export function isKinoError(e: unknown): e is KinoError {
  return e instanceof KinoError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'KinoError' && Array.isArray((e as KinoError).issues));
}

/** Throws a KinoError if any issue is an error; returns the warnings otherwise. */
export function throwIfErrors(issues: KinoIssue[]): KinoIssue[] {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new KinoError(issues);
  return issues;
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Formats one issue as `file:line:col - error code: message` plus indented detail lines. */
export function formatIssue(i: KinoIssue, cwd = process.cwd()): string {
  const loc = i.location;
  let head = '';
  if (loc?.file) {
    head = displayPath(loc.file, cwd);
    if (loc.line) head += `:${loc.line}` + (loc.column ? `:${loc.column}` : '');
    head += ' - ';
  }
  const lines = [`${head}${i.severity} ${i.code}: ${i.message}`];
  if (i.componentPath) lines.push(`    at ${i.componentPath}${i.owner ? ` (in <${i.owner}>)` : ''}`);
  if (i.hint) lines.push(`    hint: ${i.hint}`);
  return lines.join('\n');
}

export function formatIssues(issues: KinoIssue[], cwd = process.cwd()): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const body = issues.map((i) => formatIssue(i, cwd)).join('\n');
  const tail = `\nFound ${errors} error${errors === 1 ? '' : 's'}${warnings ? ` and ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`;
  return body + tail;
}

/** Converts anything thrown into issues, so the CLI never prints a bare stack trace. */
export function toIssues(e: unknown, code = 'internal'): KinoIssue[] {
  if (isKinoError(e)) return e.issues;
  const message = e instanceof Error ? e.message : String(e);
  return [issue(code, message)];
}
