// Everything a rendered shot writes, in one place: the editorial clip (with handles), the cut as
// it plays in the movie (when it differs from the clip, or always for lossless masters), the
// per-frame hashes, the still for the contact sheet, and the AOV passes. Files stream into
// FFmpeg or temp folders and are committed atomically only when the whole shot succeeded.

import fsp from 'node:fs/promises';
import path from 'node:path';
import { h264Sink, losslessSink, type FrameCodec, type FrameSink } from '../deliver/encode';
import type { OutputLayout } from '../deliver/layout';
import type { OutputEntry, ShotRecord } from '../deliver/manifest';
import type { FilmPlan, ScenePlan, ShotPlan } from '../plan/schema';
import { tempPathFor, writeFileAtomic } from '../util/fs';
import { sha256 } from '../util/hash';
import type { PassName, RenderProfile } from './profiles';

export type FileEntryFn = (layout: OutputLayout, file: string, kind: OutputEntry['kind'], inputsHash: string, extra?: { frames?: number; duration?: number; shot?: string }) => Promise<OutputEntry>;

export interface WriterJob {
  scene: Pick<ScenePlan, 'id'>;
  shot: ShotPlan;
  handles: [number, number];
  /** A transition or fade touches the shot, so its cut differs from its clip. */
  blended: boolean;
  inputsHash: string;
}

export class ShotWriter {
  readonly first: number;
  readonly last: number;
  private readonly mid: number;
  private readonly frameHashes: string[] = [];
  private still?: Buffer;
  private readonly t0 = performance.now();

  private constructor(
    private readonly layout: OutputLayout,
    private readonly job: WriterJob,
    private readonly plan: FilmPlan,
    private readonly clipSink: FrameSink,
    private readonly cutSink: FrameSink | undefined,
    private readonly cutPath: string,
    private readonly passTmp: Map<PassName, string>,
    private readonly stillJpeg: boolean,
  ) {
    this.first = job.shot.startFrame - job.handles[0];
    this.last = job.shot.endFrame + job.handles[1];
    this.mid = job.shot.startFrame + Math.floor(job.shot.frames / 2);
  }

  /** Opens the encoders: frames arrive as `codec` images (PNG, or JPEG in draft/preview). */
  static async open(layout: OutputLayout, job: WriterJob, plan: FilmPlan, profile: RenderProfile, passes: PassName[], codec: FrameCodec): Promise<ShotWriter> {
    const { scene, shot } = job;
    await fsp.mkdir(layout.shotDir(scene.id, shot.id), { recursive: true });
    const clip = h264Sink(layout.clip(scene.id, shot.id), plan.fps, profile.crf, profile.preset, codec);
    // Without lossless masters an untouched shot's clip is its cut: encode each frame once.
    const cutPath = layout.cut(scene.id, shot.id, profile.lossless);
    const cut = profile.lossless || job.blended ? (profile.lossless ? losslessSink(cutPath, plan.fps) : h264Sink(cutPath, plan.fps, profile.crf, profile.preset, codec)) : undefined;
    const passTmp = new Map<PassName, string>();
    for (const p of passes) {
      const tmp = tempPathFor(layout.passDir(scene.id, shot.id, p));
      await fsp.mkdir(tmp, { recursive: true });
      passTmp.set(p, tmp);
    }
    return new ShotWriter(layout, job, plan, clip, cut, cutPath, passTmp, codec === 'mjpeg');
  }

  inCut(editFrame: number): boolean {
    return editFrame >= this.job.shot.startFrame && editFrame < this.job.shot.endFrame;
  }

  async clip(image: Buffer): Promise<void> {
    await this.clipSink.write(image);
  }

  /** The frame as it plays in the movie, with its AOV passes (base64 PNGs). */
  async cut(editFrame: number, image: Buffer, passes?: Record<string, string>): Promise<void> {
    if (this.cutSink) await this.cutSink.write(image);
    this.frameHashes.push(sha256(image));
    if (editFrame === this.mid) this.still = image;
    const n = String(editFrame - this.job.shot.startFrame + 1).padStart(6, '0');
    for (const [p, data] of Object.entries(passes ?? {})) await fsp.writeFile(path.join(this.passTmp.get(p as PassName)!, `${n}.png`), Buffer.from(data, 'base64'));
  }

  /** Kills the encoders and removes the temp files: nothing half-written replaces a good file. */
  async abort(): Promise<void> {
    this.clipSink.abort();
    this.cutSink?.abort();
    for (const tmp of this.passTmp.values()) await fsp.rm(tmp, { recursive: true, force: true });
  }

  /** Finishes the encodes and commits every file; returns the manifest record and entries. */
  async finish(fileEntry: FileEntryFn, opts: { manifestRoot?: OutputLayout; shotKey?: string } = {}): Promise<{ record: ShotRecord; files: OutputEntry[] }> {
    const { scene, shot, handles, inputsHash } = this.job;
    const layout = this.layout;
    await Promise.all([this.clipSink.close(), this.cutSink?.close()]);
    const stillPath = layout.still(scene.id, shot.id, this.stillJpeg);
    if (this.still) {
      await writeFileAtomic(stillPath, this.still);
      // A still of the other format from an earlier render would be picked first by the contact sheet.
      await fsp.rm(layout.still(scene.id, shot.id, !this.stillJpeg), { force: true });
    }
    const root = opts.manifestRoot ?? layout;
    const key = opts.shotKey ?? shot.key;
    const files: OutputEntry[] = [];
    for (const [p, tmp] of this.passTmp) {
      const final = layout.passDir(scene.id, shot.id, p);
      await fsp.rm(final, { recursive: true, force: true });
      await fsp.mkdir(path.dirname(final), { recursive: true });
      await fsp.rename(tmp, final);
      files.push(await fileEntry(root, final, 'pass', inputsHash, { frames: shot.frames, shot: key }));
    }
    const seconds = (performance.now() - this.t0) / 1000;
    const clipFrames = this.last - this.first;
    const fps = this.plan.fpsValue;
    files.push(await fileEntry(root, layout.clip(scene.id, shot.id), 'clip', inputsHash, { frames: clipFrames, duration: clipFrames / fps, shot: key }));
    if (this.cutSink) files.push(await fileEntry(root, this.cutPath, 'cut', inputsHash, { frames: shot.frames, duration: shot.frames / fps, shot: key }));
    if (this.still) files.push(await fileEntry(root, stillPath, 'still', inputsHash, { frames: 1, shot: key }));
    const record: ShotRecord = { inputsHash, frames: shot.frames, clipFrames, handles, frameHashes: this.frameHashes, framesHash: sha256(this.frameHashes.join('\n')), renderSeconds: seconds };
    return { record, files };
  }
}
