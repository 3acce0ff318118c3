// Game Boy (DMG): four shades of one hue, chosen by lightness alone — the LCD has no colour, so
// the frame is reduced to OKLab lightness and spread over the shades as evenly spaced levels
// (dark shade = black, light shade = white). Matching the greens by hue instead would collapse
// most pictures onto the lightest shade.

import { KinoError, issue } from '../../doc/errors';
import { NearestColor } from '../color/nearest';
import { linearToOklab, type Vec3 } from '../color/oklab';
import { SRGB8_TO_LINEAR, linearToSrgb8 } from '../color/srgb';
import type { LinearImage } from '../linear-image';
import type { Palette } from '../palette/palette';
import type { ConstraintContext, ConstraintPlan } from './constraint';

export function gameboyPlan(img: LinearImage, ctx: ConstraintContext): ConstraintPlan {
  const n = ctx.palette.rgb.length / 3;
  if (n < 2 || n > 4) {
    throw new KinoError(
      issue('retro/constraint-palette', `Game Boy mode uses 2–4 shades; "${ctx.palette.name}" has ${n} colours.`, {
        hint: 'Use --palette gameboy_dmg (default) or any 4-colour palette, dark and light shades of one hue.',
      }),
    );
  }
  const t: Vec3 = [0, 0, 0];
  const lightness = (i: number) => linearToOklab(SRGB8_TO_LINEAR[ctx.palette.rgb[i * 3]], SRGB8_TO_LINEAR[ctx.palette.rgb[i * 3 + 1]], SRGB8_TO_LINEAR[ctx.palette.rgb[i * 3 + 2]], t)[0];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => lightness(a) - lightness(b) || a - b);
  // A grey stand-in palette in the same index order: shade of rank k has lightness k/(n−1).
  const grey = new Uint8Array(n * 3);
  order.forEach((idx, rank) => {
    const L = rank / (n - 1);
    const v = linearToSrgb8(L * L * L);
    grey[idx * 3] = grey[idx * 3 + 1] = grey[idx * 3 + 2] = v;
  });
  const virtual: Palette = { name: `${ctx.palette.name} (lightness)`, rgb: grey };
  const matcher = new NearestColor(virtual, { distance: ctx.distance });
  // The image as greys of equal OKLab lightness (for a grey, L = cbrt(linear)).
  const rgb = new Float32Array(img.rgb.length);
  for (let i = 0; i < img.width * img.height; i++) {
    const L = linearToOklab(img.rgb[i * 3], img.rgb[i * 3 + 1], img.rgb[i * 3 + 2], t)[0];
    const y = Math.min(1, Math.max(0, L * L * L));
    rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = y;
  }
  return { img: { ...img, rgb }, target: matcher };
}
