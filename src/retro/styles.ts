// Named looks: ready-made option sets for <Retro style="…">, per-output styles and
// `kino styles` (a contact sheet of every look). Each is plain RetroOptions input, so any field
// can be overridden.

import type { RetroOptionsInput } from './options';

export interface RetroStyle {
  label: string;
  options: RetroOptionsInput;
}

export const RETRO_STYLES = {
  nes: { label: 'NES (attribute palettes, 256×240)', options: { constraint: 'nes', size: '256x240', dither: 'bayer4', strength: 0.8 } },
  snes: { label: 'SNES cutscene (15-bit colour, 256×224)', options: { palette: 'snes', size: '256x224', dither: 'bayer4', strength: 0.6 } },
  'gameboy-color': { label: 'Game Boy Color (15-bit colour, 160×144, LCD)', options: { palette: 'gameboy_color', size: '160x144', dither: 'bayer4', strength: 0.5, crt: 'handheld-lcd' } },
  gba: { label: 'Game Boy Advance (15-bit colour, 240×160, LCD)', options: { palette: 'gameboy_color', size: '240x160', dither: 'bayer4', strength: 0.35, crt: 'handheld-lcd' } },
  genesis: { label: 'Mega Drive / Genesis (9-bit colour, 320×224)', options: { palette: 'sega_genesis', size: '320x224', dither: 'floyd-steinberg' } },
  'master-system': { label: 'Master System (64 colours, 256×192)', options: { palette: 'sega_master_system', size: '256x192', dither: 'bayer4' } },
  gameboy: { label: 'Game Boy on its LCD (4 shades, 160×144)', options: { constraint: 'gameboy', size: '160x144', dither: 'bayer4', crt: 'handheld-lcd' } },
  'zx-spectrum': { label: 'ZX Spectrum (attribute clash, 256×192)', options: { constraint: 'zx-spectrum', size: '256x192', dither: 'bayer4' } },
  c64: { label: 'C64 multicolour (160×200 wide pixels)', options: { constraint: 'c64-multicolor', size: '320x200', dither: 'bayer4' } },
  cga: { label: 'CGA mode 4, palette 1 high (320×200)', options: { palette: 'cga_mode4_pal1_high', size: '320x200', dither: 'bayer4' } },
  ega: { label: 'EGA 16 colours (320×200)', options: { palette: 'ega_default_16', size: '320x200', dither: 'floyd-steinberg' } },
  vga: { label: 'VGA mode 13h (256 of 262,144 colours, 320×200)', options: { palette: 'adaptive:256', size: '320x200', dither: 'bayer8', strength: 0.35 } },
  pico8: { label: 'PICO-8 (16 colours, 128×128)', options: { palette: 'pico8', size: '128x128', dither: 'knoll' } },
  'mac-1bit': { label: 'Classic Mac 1-bit (Atkinson, 512×342)', options: { palette: '#000000,#ffffff', size: '512x342', dither: 'atkinson' } },
  halftone: { label: 'Newsprint halftone (clustered dot)', options: { palette: '#1b1b1b,#f2efe6', size: '480x270', dither: 'clustered-dot' } },
  'arcade-crt': { label: 'Arcade monitor (DB32, slot mask)', options: { palette: 'db32', size: '320x240', dither: 'floyd-steinberg', crt: 'arcade' } },
  'pvm-crt': { label: 'Studio PVM (Endesga 32, aperture grille)', options: { palette: 'endesga32', size: '320x240', dither: 'yliluoma', crt: 'pvm' } },
  'tv-crt': { label: 'Living-room TV (AAP-64, shadow mask)', options: { palette: 'aap64', size: '320x240', dither: 'blue-noise', crt: 'consumer-tv' } },
  '16bit-game': { label: '16-bit game (adaptive 64, 320×180)', options: { palette: 'adaptive:64', size: '320x180', dither: 'floyd-steinberg' } },
} as const satisfies Record<string, RetroStyle>;

export type RetroStyleName = keyof typeof RETRO_STYLES;
export const RETRO_STYLE_NAMES = Object.keys(RETRO_STYLES) as RetroStyleName[];
