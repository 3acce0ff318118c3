// Content and inputs hashing for the render cache and manifest.

import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** JSON with sorted keys, so equal values always hash equal. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortDeep(x);
    }
    return out;
  }
  return v;
}

export function sha256(data: string | ArrayBufferView): string {
  return createHash('sha256').update(typeof data === 'string' ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex');
}

export function hashValue(value: unknown): string {
  return sha256(stableStringify(value));
}

export async function hashFile(file: string): Promise<string> {
  const h = createHash('sha256');
  await new Promise<void>((resolve, reject) => {
    fs.createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve())
      .on('error', reject);
  });
  return h.digest('hex');
}
