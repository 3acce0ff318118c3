// Image files ↔ frames through sharp (libvips). Node-only; the render pipeline hands frames over
// in memory and never needs this.

import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { KinoError, issue } from '../doc/errors';
import { writeFileAtomic } from '../util/fs';
import type { Frame } from './frame';

export async function readImageFrame(file: string): Promise<Frame> {
  if (!fs.existsSync(file)) {
    throw new KinoError(issue('retro/image-missing', `Image not found: ${file}.`, { location: { file }, hint: 'Check the path.' }));
  }
  try {
    const { data, info } = await sharp(file, { animated: false }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  } catch (e) {
    throw new KinoError(
      issue('retro/image-unreadable', `Cannot read image ${file}: ${(e as Error).message}.`, {
        location: { file },
        hint: 'kino reads PNG, JPEG, WebP, GIF, TIFF and AVIF images. Is the file complete?',
      }),
    );
  }
}

/** Encodes a frame by the file's extension (.png, .webp, .jpg, .gif, .tif) and writes it atomically. */
export async function encodeImageFrame(frame: Frame, ext: string): Promise<Buffer> {
  const img = sharp(Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.length), { raw: { width: frame.width, height: frame.height, channels: 4 } });
  switch (ext.toLowerCase()) {
    case '.png':
      return img.png({ compressionLevel: 9 }).toBuffer();
    case '.webp':
      return img.webp({ lossless: true }).toBuffer();
    case '.jpg':
    case '.jpeg':
      return img.jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer();
    case '.gif':
      return img.gif({ dither: 0, effort: 10 }).toBuffer();
    case '.tif':
    case '.tiff':
      return img.tiff().toBuffer();
    default:
      throw new KinoError(issue('retro/bad-output', `Cannot write images with extension "${ext}".`, { hint: 'Use .png, .webp, .gif, .jpg or .tif.' }));
  }
}

export async function writeImageFrame(file: string, frame: Frame): Promise<void> {
  await writeFileAtomic(file, await encodeImageFrame(frame, path.extname(file)));
}
