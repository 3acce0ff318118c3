// Atomic writes: a killed process must never leave a truncated file where a good one was.
// Every output goes to a temp file in the same directory (same filesystem, so rename is
// atomic on POSIX) and is renamed over the target only when complete.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

let counter = 0;

/** A temp path next to `target`, unique to this process and call. */
export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  counter += 1;
  return path.join(dir, `.${base}.${process.pid}.${counter}.tmp`);
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  try {
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, target);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
}

export function writeFileAtomicSync(target: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Moves a finished temp file (e.g. written by FFmpeg) over its target atomically. */
export async function commitFile(tmp: string, target: string): Promise<void> {
  await fsp.mkdir(path.dirname(target), { recursive: true });
  await fsp.rename(tmp, target);
}

/** Removes stale `.name.pid.n.tmp` leftovers of killed runs in a directory tree. */
export async function removeStaleTemps(dir: string): Promise<number> {
  let removed = 0;
  async function walk(d: string): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fsp.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.startsWith('.') && e.name.endsWith('.tmp')) {
        await fsp.rm(p, { force: true });
        removed += 1;
      }
    }
  }
  await walk(dir);
  return removed;
}
