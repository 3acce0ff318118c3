// Entry points: bytes or a path in, Script model and warnings out. Unusable input (missing,
// empty, binary, not-XML or unsafe FDX) throws a KinoError naming the file and line; anything a
// writer can fix but kino can read is a warning.

import fsp from 'node:fs/promises';
import path from 'node:path';
import { KinoError, issue, warning, type KinoIssue } from '../doc/errors';
import { assembleScript } from './assemble';
import { decodeScriptBytes } from './decode';
import { parseFdxXml } from './fdx';
import { tokenizeFountain } from './fountain';
import type { Script } from './model';

export type ScriptFormat = 'fountain' | 'fdx';

export interface ParseScriptOptions {
  /** Shown in errors and warnings; also picks the format by extension. */
  fileName?: string;
  /** Force a format instead of detecting it. */
  format?: ScriptFormat;
  /** Fountain only: accept scene headings with no blank line after them. */
  lenient?: boolean;
}

export interface ParsedScript {
  script: Script;
  warnings: KinoIssue[];
}

/** Refuse absurd inputs before reading them whole (a feature script is ~200 KB). */
export const MAX_SCRIPT_BYTES = 256 * 1024 * 1024;

/** Format from the extension, else from the content (`<?xml` / `<FinalDraft` means FDX). */
export function detectFormat(text: string, fileName?: string): ScriptFormat {
  const ext = fileName ? path.extname(fileName).toLowerCase() : '';
  if (ext === '.fdx') return 'fdx';
  if (ext === '.fountain' || ext === '.spmd' || ext === '.ftn') return 'fountain';
  const head = text.slice(0, 512).trimStart();
  if (head.startsWith('<?xml') || head.startsWith('<FinalDraft')) return 'fdx';
  return 'fountain';
}

function finish(script: Script, warnings: KinoIssue[], fileName?: string): ParsedScript {
  if (script.scenes.length === 0) {
    warnings.push(
      warning('script/no-scenes', 'The script has no scene headings, so the breakdown has no scenes.', {
        location: fileName ? { file: fileName } : undefined,
        hint: 'Scene headings start with INT. or EXT. (or a leading "." to force one) and have a blank line before and after.',
      }),
    );
  }
  return { script, warnings };
}

/** Parses Fountain text or bytes. Throws KinoError only for empty or binary input. */
export function parseFountain(input: string | Uint8Array, options: Omit<ParseScriptOptions, 'format'> = {}): ParsedScript {
  const decoded = decodeScriptBytes(input, options.fileName);
  const tokens = tokenizeFountain(decoded.text, { fileName: options.fileName, lenient: options.lenient });
  return finish(assembleScript(tokens), [...decoded.warnings, ...tokens.warnings], options.fileName);
}

/** Parses Final Draft XML text or bytes. Throws KinoError for malformed, unsafe or non-FDX input. */
export function parseFdx(input: string | Uint8Array, options: Omit<ParseScriptOptions, 'format' | 'lenient'> = {}): ParsedScript {
  const decoded = decodeScriptBytes(input, options.fileName);
  const tokens = parseFdxXml(decoded.text, { fileName: options.fileName });
  return finish(assembleScript(tokens), [...decoded.warnings, ...tokens.warnings], options.fileName);
}

/** Parses a script in either format (detected from the file name, then the content). */
export function parseScript(input: string | Uint8Array, options: ParseScriptOptions = {}): ParsedScript {
  const decoded = decodeScriptBytes(input, options.fileName);
  const format = options.format ?? detectFormat(decoded.text, options.fileName);
  if (format === 'fdx') {
    const tokens = parseFdxXml(decoded.text, { fileName: options.fileName });
    return finish(assembleScript(tokens), [...decoded.warnings, ...tokens.warnings], options.fileName);
  }
  const tokens = tokenizeFountain(decoded.text, { fileName: options.fileName, lenient: options.lenient });
  return finish(assembleScript(tokens), [...decoded.warnings, ...tokens.warnings], options.fileName);
}

/** Reads and parses a script file. */
export async function loadScript(file: string, options: Omit<ParseScriptOptions, 'fileName'> = {}): Promise<ParsedScript> {
  let bytes: Uint8Array;
  try {
    const stat = await fsp.stat(file);
    if (stat.isDirectory()) {
      throw new KinoError(issue('script/not-a-file', `${file} is a directory, not a script file.`, { location: { file }, hint: 'Pass a .fountain or .fdx file.' }));
    }
    if (stat.size > MAX_SCRIPT_BYTES) {
      throw new KinoError(issue('script/too-large', `${file} is ${Math.round(stat.size / 1048576)} MiB; a screenplay is a few hundred KiB.`, { location: { file }, hint: 'Check that this is the script and not a video or archive.' }));
    }
    bytes = await fsp.readFile(file);
  } catch (e) {
    if (e instanceof KinoError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new KinoError(issue('script/not-found', `Script file not found: ${file}`, { location: { file }, hint: 'Check the path (it is relative to the current directory).' }));
    }
    throw new KinoError(issue('script/unreadable', `Cannot read ${file}: ${(e as Error).message}`, { location: { file } }));
  }
  return parseScript(bytes, { ...options, fileName: file });
}
