// Tiled (mapeditor.org) tilesets and maps, per the TMX/JSON map format docs (reference/retro.md
// §5): a grid tileset as .tsx (XML) or .tsj (JSON) with tile animations from the sheet's tags,
// a map as .tmj (JSON) or .tmx (XML, CSV data), and slicing a rendered image into unique tiles
// (optionally matching flipped copies via the GID flip bits) so a frame becomes a tile map.

import { KinoError, issue } from '../../doc/errors';
import type { Frame } from '../frame';
import { packSpriteSheet } from './pack';
import type { SpriteSheet } from './sheet';
import { cropFrame } from './trim';

export const TILED_VERSION = '1.10';
export const TILED_APP_VERSION = '1.10.2';
export const GID_FLIP_H = 0x80000000;
export const GID_FLIP_V = 0x40000000;
export const GID_FLIP_D = 0x20000000;

function xmlAttr(s: string | number): string {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface TilesetInfo {
  name: string;
  image: string;
  tilewidth: number;
  tileheight: number;
  spacing: number;
  margin: number;
  columns: number;
  tilecount: number;
  imagewidth: number;
  imageheight: number;
  /** Tile id of each sheet frame. */
  idOf: number[];
  animations: { tileid: number; name: string; frames: { tileid: number; duration: number }[] }[];
}

function tilesetInfo(sheet: SpriteSheet, name: string, image: string): TilesetInfo {
  if (sheet.layout !== 'grid' || !sheet.grid) {
    throw new KinoError(issue('sprites/tiled-grid', 'Tiled tilesets need a grid sheet: every tile the same size on a regular grid.', { hint: 'Pack with layout: "grid".' }));
  }
  const g = sheet.grid;
  // Tiled derives columns and count from the image size, so use its formula.
  const columns = Math.floor((sheet.image.width - 2 * g.margin + g.spacing) / (g.cellW + g.spacing));
  const rows = Math.floor((sheet.image.height - 2 * g.margin + g.spacing) / (g.cellH + g.spacing));
  const idOf = sheet.frames.map((f) => {
    const col = (f.frame.x - g.margin) / (g.cellW + g.spacing);
    const row = (f.frame.y - g.margin) / (g.cellH + g.spacing);
    return row * columns + col;
  });
  const animations: TilesetInfo['animations'] = [];
  const used = new Set<number>();
  for (const t of sheet.tags) {
    const first = idOf[t.from];
    if (used.has(first)) continue;
    used.add(first);
    const order: number[] = [];
    for (let i = t.from; i <= t.to; i++) order.push(i);
    if (t.direction === 'reverse' || t.direction === 'pingpong_reverse') order.reverse();
    if (t.direction === 'pingpong' || t.direction === 'pingpong_reverse') order.push(...[...order].reverse().slice(1, -1));
    animations.push({ tileid: first, name: t.name, frames: order.map((i) => ({ tileid: idOf[i], duration: Math.round(sheet.frames[i].durationMs) })) });
  }
  return { name, image, tilewidth: g.cellW, tileheight: g.cellH, spacing: g.spacing, margin: g.margin, columns, tilecount: columns * rows, imagewidth: sheet.image.width, imageheight: sheet.image.height, idOf, animations };
}

export function tiledTilesetJson(sheet: SpriteSheet, opts: { name: string; image: string }) {
  const t = tilesetInfo(sheet, opts.name, opts.image);
  return {
    type: 'tileset',
    version: TILED_VERSION,
    tiledversion: TILED_APP_VERSION,
    name: t.name,
    tilewidth: t.tilewidth,
    tileheight: t.tileheight,
    spacing: t.spacing,
    margin: t.margin,
    tilecount: t.tilecount,
    columns: t.columns,
    image: t.image,
    imagewidth: t.imagewidth,
    imageheight: t.imageheight,
    ...(t.animations.length
      ? {
          tiles: t.animations.map((a) => ({
            id: a.tileid,
            animation: a.frames,
            properties: [{ name: 'animation', type: 'string', value: a.name }],
          })),
        }
      : {}),
  };
}

export function tiledTilesetTsx(sheet: SpriteSheet, opts: { name: string; image: string }): string {
  const t = tilesetInfo(sheet, opts.name, opts.image);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tileset version="${TILED_VERSION}" tiledversion="${TILED_APP_VERSION}" name="${xmlAttr(t.name)}" tilewidth="${t.tilewidth}" tileheight="${t.tileheight}" spacing="${t.spacing}" margin="${t.margin}" tilecount="${t.tilecount}" columns="${t.columns}">`,
    ` <image source="${xmlAttr(t.image)}" width="${t.imagewidth}" height="${t.imageheight}"/>`,
  ];
  for (const a of t.animations) {
    lines.push(` <tile id="${a.tileid}">`, '  <properties>', `   <property name="animation" value="${xmlAttr(a.name)}"/>`, '  </properties>', '  <animation>');
    for (const f of a.frames) lines.push(`   <frame tileid="${f.tileid}" duration="${f.duration}"/>`);
    lines.push('  </animation>', ' </tile>');
  }
  lines.push('</tileset>', '');
  return lines.join('\n');
}

export type TiledOrientation = 'orthogonal' | 'isometric' | 'staggered' | 'hexagonal';

export interface TiledLayerInput {
  name: string;
  /** Tile layer: width×height GIDs (0 = empty), flip bits allowed. */
  data?: ArrayLike<number>;
  /** Image layer: image path instead of tiles. */
  image?: string;
  repeatX?: boolean;
  repeatY?: boolean;
  opacity?: number;
  visible?: boolean;
  offsetX?: number;
  offsetY?: number;
  /** Parallax factors (1 = moves with the camera); side-scroller layers use < 1 for distance. */
  parallaxX?: number;
  parallaxY?: number;
}

export interface TiledMapInput {
  orientation?: TiledOrientation;
  width: number;
  height: number;
  tileWidth: number;
  tileHeight: number;
  tilesets: { firstgid: number; source: string }[];
  layers: TiledLayerInput[];
}

export function tiledMapJson(m: TiledMapInput) {
  const layers = m.layers.map((l, i) => {
    if (l.data && l.data.length !== m.width * m.height) {
      throw new KinoError(issue('sprites/tiled-map', `Layer "${l.name}" has ${l.data.length} tiles; the map is ${m.width}×${m.height} = ${m.width * m.height}.`));
    }
    const common = {
      id: i + 1,
      name: l.name,
      opacity: l.opacity ?? 1,
      visible: l.visible ?? true,
      x: 0,
      y: 0,
      ...(l.offsetX ? { offsetx: l.offsetX } : {}),
      ...(l.offsetY ? { offsety: l.offsetY } : {}),
      ...(l.parallaxX !== undefined && l.parallaxX !== 1 ? { parallaxx: l.parallaxX } : {}),
      ...(l.parallaxY !== undefined && l.parallaxY !== 1 ? { parallaxy: l.parallaxY } : {}),
    };
    if (l.image !== undefined) return { ...common, type: 'imagelayer' as const, image: l.image, repeatx: l.repeatX ?? false, repeaty: l.repeatY ?? false };
    return { ...common, type: 'tilelayer' as const, width: m.width, height: m.height, data: Array.from(l.data ?? new Uint32Array(m.width * m.height), (v) => v >>> 0) };
  });
  return {
    type: 'map',
    version: TILED_VERSION,
    tiledversion: TILED_APP_VERSION,
    orientation: m.orientation ?? 'orthogonal',
    renderorder: 'right-down',
    width: m.width,
    height: m.height,
    tilewidth: m.tileWidth,
    tileheight: m.tileHeight,
    infinite: false,
    compressionlevel: -1,
    parallaxoriginx: 0,
    parallaxoriginy: 0,
    nextlayerid: layers.length + 1,
    nextobjectid: 1,
    tilesets: m.tilesets.map((t) => ({ firstgid: t.firstgid, source: t.source })),
    layers,
  };
}

export function tiledMapTmx(m: TiledMapInput): string {
  const j = tiledMapJson(m);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<map version="${j.version}" tiledversion="${j.tiledversion}" orientation="${j.orientation}" renderorder="${j.renderorder}" width="${j.width}" height="${j.height}" tilewidth="${j.tilewidth}" tileheight="${j.tileheight}" infinite="0" nextlayerid="${j.nextlayerid}" nextobjectid="1">`,
  ];
  for (const t of j.tilesets) lines.push(` <tileset firstgid="${t.firstgid}" source="${xmlAttr(t.source)}"/>`);
  for (const l of j.layers) {
    const extra = [
      'offsetx' in l ? ` offsetx="${l.offsetx}"` : '',
      'offsety' in l ? ` offsety="${l.offsety}"` : '',
      'parallaxx' in l ? ` parallaxx="${l.parallaxx}"` : '',
      'parallaxy' in l ? ` parallaxy="${l.parallaxy}"` : '',
      l.opacity !== 1 ? ` opacity="${l.opacity}"` : '',
      l.visible ? '' : ' visible="0"',
    ].join('');
    if (l.type === 'imagelayer') {
      lines.push(` <imagelayer id="${l.id}" name="${xmlAttr(l.name)}"${extra} repeatx="${l.repeatx ? 1 : 0}" repeaty="${l.repeaty ? 1 : 0}">`, `  <image source="${xmlAttr(l.image)}"/>`, ' </imagelayer>');
    } else {
      const rows: string[] = [];
      for (let y = 0; y < j.height; y++) rows.push(l.data.slice(y * j.width, (y + 1) * j.width).join(','));
      lines.push(` <layer id="${l.id}" name="${xmlAttr(l.name)}" width="${j.width}" height="${j.height}"${extra}>`, '  <data encoding="csv">', rows.join(',\n'), '</data>', ' </layer>');
    }
  }
  lines.push('</map>', '');
  return lines.join('\n');
}

function flipTile(f: Frame, h: boolean, v: boolean): Frame {
  const out = new Uint8Array(f.data.length);
  for (let y = 0; y < f.height; y++)
    for (let x = 0; x < f.width; x++) {
      const sx = h ? f.width - 1 - x : x;
      const sy = v ? f.height - 1 - y : y;
      out.set(f.data.subarray((sy * f.width + sx) * 4, (sy * f.width + sx) * 4 + 4), (y * f.width + x) * 4);
    }
  return { width: f.width, height: f.height, data: out };
}

function tileKey(f: Frame): string {
  return Buffer.from(f.data.buffer, f.data.byteOffset, f.data.length).toString('base64');
}

export interface TileMapResult {
  /** Grid sheet of the unique tiles. */
  sheet: SpriteSheet;
  /** Map size in tiles. */
  width: number;
  height: number;
  /** GIDs (firstgid 1) with flip bits. */
  gids: Uint32Array;
}

/**
 * Slices an image into tileWidth×tileHeight tiles, stores each distinct tile once (flipped copies
 * too, via GID flip bits, when `flips`), and returns the tileset sheet plus the map's GIDs.
 * Fully transparent tiles become GID 0 (empty).
 */
export function tileMapFromImage(frame: Frame, opts: { tileWidth: number; tileHeight: number; flips?: boolean; columns?: number; name?: string }): TileMapResult {
  const { tileWidth: tw, tileHeight: th } = opts;
  if (frame.width % tw !== 0 || frame.height % th !== 0) {
    throw new KinoError(issue('sprites/tile-size', `The image is ${frame.width}×${frame.height}, not a whole number of ${tw}×${th} tiles.`, { hint: 'Render or crop the image to a multiple of the tile size.' }));
  }
  const W = frame.width / tw, H = frame.height / th;
  const tiles: Frame[] = [];
  const index = new Map<string, number>();
  const gids = new Uint32Array(W * H);
  for (let ty = 0; ty < H; ty++)
    for (let tx = 0; tx < W; tx++) {
      const tile = cropFrame(frame, { x: tx * tw, y: ty * th, w: tw, h: th });
      let empty = true;
      for (let i = 3; i < tile.data.length; i += 4) if (tile.data[i] !== 0) { empty = false; break; }
      if (empty) continue;
      let gid = 0;
      const variants: [boolean, boolean, number][] = opts.flips ? [[false, false, 0], [true, false, GID_FLIP_H], [false, true, GID_FLIP_V], [true, true, GID_FLIP_H | GID_FLIP_V]] : [[false, false, 0]];
      for (const [h, v, flag] of variants) {
        // A map tile drawn as stored tile T with flags F equals T flipped by F, so look up the
        // map tile flipped by F.
        const probe = flag ? flipTile(tile, h, v) : tile;
        const hit = index.get(tileKey(probe));
        if (hit !== undefined) {
          gid = (hit + 1) | flag;
          break;
        }
      }
      if (!gid) {
        index.set(tileKey(tile), tiles.length);
        tiles.push(tile);
        gid = tiles.length;
      }
      gids[ty * W + tx] = gid >>> 0;
    }
  if (tiles.length === 0) throw new KinoError(issue('sprites/empty', 'The image has no opaque pixels, so the tile map is empty.'));
  const sheet = packSpriteSheet(
    tiles.map((f, i) => ({ name: `${opts.name ?? 'tile'} ${i}`, frame: f, durationMs: 100 })),
    [],
    { layout: 'grid', columns: opts.columns ?? Math.min(16, tiles.length) },
  );
  return { sheet, width: W, height: H, gids };
}
