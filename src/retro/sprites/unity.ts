// Unity TextureImporter `.png.meta` that slices the atlas into sprites (Sprite Mode: Multiple,
// Point filter, no mipmaps, uncompressed): the import settings pixel art needs. Unity's sprite
// rects have their origin at the bottom-left: y = H − y_top − h. Trimmed frames get a custom pivot
// at the centre of their untrimmed frame so animation frames stay aligned. IDs are derived from
// names (not random), so re-exporting keeps references in scenes and animations intact.

import { sha256 } from '../../util/hash';
import type { SpriteSheet } from './sheet';

export interface UnityMetaOptions {
  /** Pixels per Unity unit (default 16: one tile = one unit for 16-px tiles). */
  pixelsPerUnit?: number;
  /** Seed for the asset GUID (default: the atlas layout). */
  guidSeed?: string;
}

function yamlString(s: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_ .-]*$/.test(s) && !/\s$/.test(s) ? s : JSON.stringify(s);
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Sprite fileIDs follow Unity's classic scheme for Multiple mode: 21300000 + 2·index. */
export function unitySpriteFileId(index: number): number {
  return 21300000 + 2 * index;
}

export function unityTextureMeta(sheet: SpriteSheet, opts: UnityMetaOptions = {}): string {
  const ppu = opts.pixelsPerUnit ?? 16;
  const H = sheet.image.height;
  const guid = sha256(opts.guidSeed ?? JSON.stringify(sheet.frames.map((f) => [f.name, f.frame]))).slice(0, 32);
  const sprites = sheet.frames.map((f, i) => {
    const y = H - f.frame.y - f.frame.h;
    let alignment = 0;
    let px = 0.5, py = 0.5;
    if (f.trimmed) {
      alignment = 9;
      px = round((f.sourceSize.w / 2 - f.spriteSourceSize.x) / f.frame.w);
      // Bottom-left origin inside the untrimmed frame.
      const bottom = f.sourceSize.h - (f.spriteSourceSize.y + f.frame.h);
      py = round((f.sourceSize.h / 2 - bottom) / f.frame.h);
    }
    const spriteId = sha256(`sprite:${f.name}`).slice(0, 32);
    return [
      '    - serializedVersion: 2',
      `      name: ${yamlString(f.name)}`,
      '      rect:',
      '        serializedVersion: 2',
      `        x: ${f.frame.x}`,
      `        y: ${y}`,
      `        width: ${f.frame.w}`,
      `        height: ${f.frame.h}`,
      `      alignment: ${alignment}`,
      `      pivot: {x: ${px}, y: ${py}}`,
      '      border: {x: 0, y: 0, z: 0, w: 0}',
      '      outline: []',
      '      physicsShape: []',
      '      tessellationDetail: 0',
      '      bones: []',
      `      spriteID: ${spriteId}`,
      `      internalID: ${unitySpriteFileId(i)}`,
      '      vertices: []',
      '      indices: ',
      '      edges: []',
      '      weights: []',
    ].join('\n');
  });
  const table = sheet.frames.map((f, i) => [`  - first:`, `      213: ${unitySpriteFileId(i)}`, `    second: ${yamlString(f.name)}`].join('\n'));
  const nameIds = sheet.frames.map((f, i) => `      ${yamlString(f.name)}: ${unitySpriteFileId(i)}`);
  const platform = (target: string) =>
    [
      '  - serializedVersion: 3',
      `    buildTarget: ${target}`,
      '    maxTextureSize: 16384',
      '    resizeAlgorithm: 0',
      '    textureFormat: -1',
      '    textureCompression: 0',
      '    compressionQuality: 50',
      '    crunchedCompression: 0',
      '    allowsAlphaSplitting: 0',
      '    overridden: 0',
      '    androidETC2FallbackOverride: 0',
      '    forceMaximumCompressionQuality_BC6H_BC7: 0',
    ].join('\n');
  return [
    'fileFormatVersion: 2',
    `guid: ${guid}`,
    'TextureImporter:',
    '  internalIDToNameTable:',
    ...table,
    '  externalObjects: {}',
    '  serializedVersion: 12',
    '  mipmaps:',
    '    mipMapMode: 0',
    '    enableMipMap: 0',
    '    sRGBTexture: 1',
    '    linearTexture: 0',
    '    fadeOut: 0',
    '    borderMipMap: 0',
    '    mipMapsPreserveCoverage: 0',
    '    alphaTestReferenceValue: 0.5',
    '    mipMapFadeDistanceStart: 1',
    '    mipMapFadeDistanceEnd: 3',
    '  bumpmap:',
    '    convertToNormalMap: 0',
    '    externalNormalMap: 0',
    '    heightScale: 0.25',
    '    normalMapFilter: 0',
    '  isReadable: 0',
    '  streamingMipmaps: 0',
    '  streamingMipmapsPriority: 0',
    '  grayScaleToAlpha: 0',
    '  generateCubemap: 6',
    '  cubemapConvolution: 0',
    '  seamlessCubemap: 0',
    '  textureFormat: 1',
    '  maxTextureSize: 16384',
    '  textureSettings:',
    '    serializedVersion: 2',
    '    filterMode: 0',
    '    aniso: 1',
    '    mipBias: 0',
    '    wrapU: 1',
    '    wrapV: 1',
    '    wrapW: 1',
    '  nPOTScale: 0',
    '  lightmap: 0',
    '  compressionQuality: 50',
    '  spriteMode: 2',
    '  spriteExtrude: 1',
    '  spriteMeshType: 0',
    '  alignment: 0',
    '  spritePivot: {x: 0.5, y: 0.5}',
    `  spritePixelsToUnits: ${ppu}`,
    '  spriteBorder: {x: 0, y: 0, z: 0, w: 0}',
    '  spriteGenerateFallbackPhysicsShape: 1',
    '  alphaUsage: 1',
    '  alphaIsTransparency: 1',
    '  spriteTessellationDetail: -1',
    '  textureType: 8',
    '  textureShape: 1',
    '  singleChannelComponent: 0',
    '  flipbookRows: 1',
    '  flipbookColumns: 1',
    '  maxTextureSizeSet: 0',
    '  compressionQualitySet: 0',
    '  textureFormatSet: 0',
    '  ignorePngGamma: 0',
    '  applyGammaDecoding: 0',
    '  swizzle: 50462976',
    '  cookieLightType: 0',
    '  platformSettings:',
    platform('DefaultTexturePlatform'),
    platform('Standalone'),
    '  spriteSheet:',
    '    serializedVersion: 2',
    '    sprites:',
    ...sprites,
    '    outline: []',
    '    physicsShape: []',
    '    bones: []',
    '    spriteID: ',
    '    internalID: 0',
    '    vertices: []',
    '    indices: ',
    '    edges: []',
    '    weights: []',
    '    secondaryTextures: []',
    '    nameFileIdTable:',
    ...nameIds,
    '  spritePackingTag: ',
    '  pSDRemoveMatte: 0',
    '  userData: ',
    '  assetBundleName: ',
    '  assetBundleVariant: ',
    '',
  ].join('\n');
}
