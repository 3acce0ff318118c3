export { type Rect, type SpriteFrameInput, type SpriteTag, type SpriteTagInput, type PackedFrame, type SpriteSheet, SpriteTagSchema, TAG_DIRECTIONS } from './sheet';
export { packSpriteSheet, PackOptionsSchema, type PackOptions } from './pack';
export { opaqueBounds, cropFrame, blit, framesEqual } from './trim';
export { MaxRectsBin } from './max-rects';
export { asepriteJson, loadAsepriteSheet, type AsepriteJson, type AsepriteFrameJson, type LoadedSpriteFrame, type AsepriteExportOptions } from './aseprite';
export { texturePackerJson, phaserMultiAtlasJson, phaserAnimationsJson } from './texturepacker';
export { godotSpriteFramesTres, tagFrameOrder } from './godot';
export { unityTextureMeta, unitySpriteFileId, type UnityMetaOptions } from './unity';
export {
  tiledTilesetJson,
  tiledTilesetTsx,
  tiledMapJson,
  tiledMapTmx,
  tileMapFromImage,
  GID_FLIP_H,
  GID_FLIP_V,
  GID_FLIP_D,
  type TiledMapInput,
  type TiledLayerInput,
  type TiledOrientation,
  type TileMapResult,
} from './tiled';
export { writeSpriteSheetFiles, SPRITE_EXPORT_FORMATS, SpriteExportFormatSchema, type SpriteExportFormat, type WriteSheetOptions } from './files';
