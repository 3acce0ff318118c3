// Bytes → screenplay text. Script files arrive as UTF-8 with or without a BOM, UTF-16 LE/BE from
// Windows tools, mixed LF/CRLF (seen in an official Fountain sample) and CR-only from old Mac
// apps. All three reference parsers turn a UTF-16 file into an empty script without a word
// (reference/screenplay.md), so the encoding is decided here, once, before any parsing.

import { KinoError, issue, warning, type KinoIssue } from '../doc/errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** Text with a leading BOM removed and every line ending turned into `\n`. */
  text: string;
  encoding: TextEncodingName;
  warnings: KinoIssue[];
}

function swapBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  return out;
}

/** UTF-16 without a BOM shows as a NUL in every other byte of ASCII text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** `\r\n` and lone `\r` become `\n`. */
export function normalizeLineEndings(text: string): string {
  if (text.indexOf('\r') < 0) return text;
  return text.replace(/\r\n?/g, '\n');
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Finds the first character that marks the text as binary: NUL, or C0 control characters
 * other than tab, line feed, form feed and carriage return making up more than 1 % of the
 * first 64 KiB. Returns its offset, or -1.
 */
export function findBinaryMarker(text: string): number {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return nul;
  // Native scans first: text files almost never hold a C0 control character at all. One indexOf
  // per control character (27 SIMD scans) is about 3× faster than the one-class regex here.
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  let any = false;
  for (let c = 1; c < 32 && !any; c++) {
    if (c === 9 || c === 10 || c === 12 || c === 13) continue;
    any = head.indexOf(String.fromCharCode(c)) >= 0;
  }
  if (!any) return -1;
  const n = head.length;
  let controls = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) {
      controls++;
      if (first < 0) first = i;
    }
  }
  return controls > 0 && controls > n * 0.01 ? first : -1;
}

/**
 * Decodes a script file. Throws a KinoError (with file and line) for empty or binary input.
 * Invalid UTF-8 without a BOM is read as Windows-1252, with a warning.
 */
export function decodeScriptBytes(input: string | Uint8Array, fileName?: string): DecodedText {
  const warnings: KinoIssue[] = [];
  let text: string;
  let encoding: TextEncodingName = 'utf-8';
  if (typeof input === 'string') {
    text = input;
  } else {
    const bytes = input;
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
      encoding = 'utf-16le';
      text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
      encoding = 'utf-16be';
      text = new TextDecoder('utf-16le').decode(swapBytes(bytes.subarray(2)));
    } else {
      const sniffed = sniffUtf16(bytes);
      if (sniffed) {
        encoding = sniffed;
        text = new TextDecoder('utf-16le').decode(sniffed === 'utf-16le' ? bytes : swapBytes(bytes));
      } else {
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          encoding = 'windows-1252';
          text = new TextDecoder('windows-1252').decode(bytes);
          warnings.push(
            warning('script/encoding', 'The file is not valid UTF-8; it was read as Windows-1252.', {
              location: fileName ? { file: fileName } : undefined,
              hint: 'Save the script as UTF-8 to be sure accented names come through as written.',
            }),
          );
        }
      }
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const binaryAt = findBinaryMarker(text);
  if (binaryAt >= 0) {
    throw new KinoError(
      issue('script/binary', 'This is binary data, not a screenplay (Fountain or Final Draft .fdx).', {
        location: { file: fileName, line: lineAt(text, binaryAt) },
        hint: 'Export the script from your writing app as Fountain (.fountain) or Final Draft (.fdx).',
      }),
    );
  }
  text = normalizeLineEndings(text);
  if (!/\S/.test(text)) {
    throw new KinoError(
      issue('script/empty', 'The script is empty: there is no screenplay text in it.', {
        location: { file: fileName, line: 1 },
        hint: 'Check that you passed the right file and that it was saved.',
      }),
    );
  }
  return { text, encoding, warnings };
}
