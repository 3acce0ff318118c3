// Models referenced by props are read in Node and handed to the page as GLB/glTF bytes, so the
// page never touches the filesystem. A .gltf's external buffers and images are inlined as data
// URIs; anything missing or unreadable is reported before a single frame renders.

import fs from 'node:fs';
import path from 'node:path';
import { KinoError, issue, type KinoIssue } from '../doc/errors';
import { sha256 } from '../util/hash';
import type { FilmPlan } from '../plan/schema';

export interface ModelAsset {
  /** Absolute path as the plan names it. */
  key: string;
  data: Buffer;
  hash: string;
}

const MIME: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.bin': 'application/octet-stream', '.ktx2': 'image/ktx2', '.webp': 'image/webp' };

function inlineGltf(file: string, text: string): Buffer {
  let json: { buffers?: Array<{ uri?: string }>; images?: Array<{ uri?: string }> };
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new KinoError(issue('asset/unreadable', `${file} is not valid glTF JSON: ${(e as Error).message}`, { location: { file } }));
  }
  for (const list of [json.buffers ?? [], json.images ?? []]) {
    for (const item of list) {
      if (!item.uri || item.uri.startsWith('data:')) continue;
      const p = path.resolve(path.dirname(file), decodeURIComponent(item.uri));
      if (!fs.existsSync(p)) throw new KinoError(issue('asset/missing', `${path.basename(file)} refers to ${item.uri}, which is missing (looked for ${p}).`, { location: { file } }));
      item.uri = `data:${MIME[path.extname(p).toLowerCase()] ?? 'application/octet-stream'};base64,${fs.readFileSync(p).toString('base64')}`;
    }
  }
  return Buffer.from(JSON.stringify(json));
}

export function loadModels(plan: FilmPlan): ModelAsset[] {
  const keys = new Set<string>();
  for (const s of plan.scenes) for (const p of s.props) if (p.model) keys.add(p.model);
  const problems: KinoIssue[] = [];
  const out: ModelAsset[] = [];
  for (const key of keys) {
    try {
      if (!fs.existsSync(key)) throw new KinoError(issue('asset/missing', `Model ${key} is missing.`, { location: { file: key }, hint: 'Check the <Prop model> path; it is relative to the film file.' }));
      const raw = fs.readFileSync(key);
      let data: Buffer;
      if (key.toLowerCase().endsWith('.glb')) {
        if (raw.length < 12 || raw.toString('latin1', 0, 4) !== 'glTF') throw new KinoError(issue('asset/unreadable', `${key} is not a binary glTF (no "glTF" magic).`, { location: { file: key } }));
        data = raw;
      } else data = inlineGltf(key, raw.toString('utf8'));
      out.push({ key, data, hash: sha256(data) });
    } catch (e) {
      if (e instanceof KinoError) problems.push(...e.issues);
      else problems.push(issue('asset/unreadable', `Could not read ${key}: ${(e as Error).message}`, { location: { file: key } }));
    }
  }
  if (problems.length) throw new KinoError(problems);
  return out;
}
