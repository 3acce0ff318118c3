// Offline speech through the npm `espeak-ng` build (eSpeak NG compiled to WebAssembly with
// its voice data embedded; GPL-3.0-or-later, used as an unmodified separate program).
//
// Each line runs in a fresh WebAssembly instance of one compiled module: eSpeak's CLI keeps
// global state between runs, and a fresh instance (with a frozen clock, see below) is what
// makes the same text give byte-identical samples every time. Compiling the 18 MB module is done once per process
// (~20 ms, V8 compiles lazily); instantiating and speaking a sentence is ~100 ms here.
// The text goes through a file in the instance's virtual FS, never through argv, so a line
// that starts with "-" is spoken rather than parsed as a flag.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { KinoError, issue } from '../../doc/errors';

const require = createRequire(import.meta.url);

interface EspeakModule {
  FS: { writeFile(path: string, data: string | Uint8Array): void; readFile(path: string): Uint8Array };
}
type EspeakFactory = (opts: Record<string, unknown>) => Promise<EspeakModule>;

interface Loaded {
  factory: EspeakFactory;
  module: WebAssembly.Module;
  version: string;
}
const loaded = new Map<string, Promise<Loaded>>();

function unavailable(why: string): KinoError {
  return new KinoError(
    issue('dialogue/espeak-unavailable', `Speech synthesis is unavailable: ${why}`, {
      hint: 'Dialogue needs the npm package espeak-ng (a WebAssembly build of eSpeak NG). Run `npm install` in the kino checkout (or point KINO_ESPEAK_DIR at a folder with espeak-ng.js and espeak-ng.wasm); kino does not fall back to silent dialogue.',
    }),
  );
}

/** Folder holding espeak-ng.js and espeak-ng.wasm: KINO_ESPEAK_DIR, else the npm package. */
function espeakDir(): string {
  if (process.env.KINO_ESPEAK_DIR) return path.resolve(process.env.KINO_ESPEAK_DIR);
  try {
    return path.dirname(require.resolve('espeak-ng'));
  } catch {
    throw unavailable('the espeak-ng package is not installed.');
  }
}

function load(): Promise<Loaded> {
  const dir = espeakDir();
  let p = loaded.get(dir);
  if (p) return p;
  p = (async () => {
    const jsFile = path.join(dir, 'espeak-ng.js');
    const wasmFile = path.join(dir, 'espeak-ng.wasm');
    let version = 'unknown';
    try {
      version = (JSON.parse(fs.readFileSync(path.join(dir, '..', 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      /* version only feeds the cache key */
    }
    let factory: EspeakFactory;
    let module: WebAssembly.Module;
    try {
      factory = ((await import(pathToFileURL(jsFile).href)) as { default: EspeakFactory }).default;
      module = await WebAssembly.compile(fs.readFileSync(wasmFile));
    } catch (e) {
      throw unavailable(`loading eSpeak NG from ${dir} failed: ${(e as Error).message.split('\n')[0]}`);
    }
    return { factory, module, version };
  })();
  loaded.set(dir, p);
  p.catch(() => loaded.delete(dir)); // let a later call retry (e.g. after npm install)
  return p;
}

/** The eSpeak NG package version (feeds the dialogue cache key). */
export async function espeakVersion(): Promise<string> {
  return (await load()).version;
}

/**
 * Runs eSpeak NG once: `args` are CLI flags (voice, pitch, speed); the text is read from a
 * file. Returns the WAV bytes eSpeak wrote (22.05 kHz mono PCM16).
 */
export async function runEspeak(args: string[], text: string): Promise<Uint8Array> {
  const { factory, module } = await load();
  let stderr = '';
  const opts: Record<string, unknown> & Partial<EspeakModule> = {
    arguments: [...args, '-w', '/out.wav', '-f', '/in.txt'],
    print: () => {},
    printErr: (s: string) => {
      stderr += s + '\n';
    },
    instantiateWasm(imports: WebAssembly.Imports, done: (i: WebAssembly.Instance, m: WebAssembly.Module) => void) {
      // eSpeak seeds its pitch/amplitude jitter from the clock (srand(time(NULL))), so two
      // renders a second apart differ. Freezing the clock the WASM sees makes speech a pure
      // function of its input; nothing else in eSpeak needs the real time.
      const env = imports.env as Record<string, unknown>;
      imports.env = { ...env, emscripten_date_now: () => 0, emscripten_get_now: () => 0 };
      WebAssembly.instantiate(module, imports).then((inst) => done(inst, module));
      return {};
    },
  };
  opts.preRun = [() => opts.FS!.writeFile('/in.txt', text)];
  let es: EspeakModule;
  try {
    es = await factory(opts);
  } catch (e) {
    throw unavailable(`eSpeak NG failed to start: ${(e as Error).message}`);
  }
  let wav: Uint8Array;
  try {
    wav = es.FS.readFile('/out.wav');
  } catch {
    const why = stderr.split('\n').find((l) => l.startsWith('Error')) ?? stderr.trim().split('\n')[0] ?? 'no output';
    throw new KinoError(issue('dialogue/tts-failed', `eSpeak NG produced no audio: ${why}`, { hint: 'Check the voice language and variant (see VOICE_VARIANTS) and the line text.' }));
  }
  return wav.slice();
}
