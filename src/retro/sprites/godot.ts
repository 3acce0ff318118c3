// Godot 4 SpriteFrames resource (.tres, text format 3): the atlas as an ExtResource, one
// AtlasTexture sub-resource per distinct atlas rectangle, and the animations. Godot stores a
// frame's time relative to the animation's speed: speed = 1000 / base_ms, duration = ms / base_ms.
// Trimmed frames restore their place with `margin`; `filter_clip` stops neighbours bleeding in.

import type { SpriteSheet, SpriteTag } from './sheet';

function num(n: number): string {
  // Godot writes floats with a decimal point.
  const s = String(Math.round(n * 10000) / 10000);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

function str(s: string): string {
  return JSON.stringify(s);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The frame order a tag plays, expanded for reverse and ping-pong (Godot has no directions). */
export function tagFrameOrder(t: Pick<SpriteTag, 'from' | 'to' | 'direction'>): number[] {
  const fwd: number[] = [];
  for (let i = t.from; i <= t.to; i++) fwd.push(i);
  const rev = [...fwd].reverse();
  switch (t.direction) {
    case 'reverse':
      return rev;
    case 'pingpong':
      return [...fwd, ...rev.slice(1, -1)];
    case 'pingpong_reverse':
      return [...rev, ...fwd.slice(1, -1)];
    default:
      return fwd;
  }
}

export function godotSpriteFramesTres(sheet: SpriteSheet, opts: { imagePath: string }): string {
  // One AtlasTexture per distinct (region, margin): duplicates share a sub-resource.
  const subIds: string[] = [];
  const keyToSub = new Map<string, number>();
  const subs: string[] = [];
  sheet.frames.forEach((f) => {
    const margin = f.trimmed ? [f.spriteSourceSize.x, f.spriteSourceSize.y, f.sourceSize.w - f.frame.w, f.sourceSize.h - f.frame.h] : null;
    const key = `${f.frame.x},${f.frame.y},${f.frame.w},${f.frame.h}|${margin?.join(',') ?? ''}`;
    let k = keyToSub.get(key);
    if (k === undefined) {
      k = subs.length;
      keyToSub.set(key, k);
      const lines = [`[sub_resource type="AtlasTexture" id="AtlasTexture_${k}"]`, 'atlas = ExtResource("1_sheet")', `region = Rect2(${f.frame.x}, ${f.frame.y}, ${f.frame.w}, ${f.frame.h})`];
      if (margin) lines.push(`margin = Rect2(${margin.join(', ')})`);
      lines.push('filter_clip = true');
      subs.push(lines.join('\n'));
    }
    subIds.push(`AtlasTexture_${k}`);
  });
  const tags: SpriteTag[] = sheet.tags.length ? sheet.tags : [{ name: 'default', from: 0, to: sheet.frames.length - 1, direction: 'forward' }];
  const anims = tags.map((t) => {
    const order = tagFrameOrder(t);
    const ms = order.map((i) => Math.max(1, Math.round(sheet.frames[i].durationMs)));
    const base = ms.reduce((a, b) => gcd(a, b));
    const frames = order.map((i, k) => `{\n"duration": ${num(ms[k] / base)},\n"texture": SubResource(${str(subIds[i])})\n}`).join(', ');
    return `{\n"frames": [${frames}],\n"loop": ${t.repeat === undefined ? 'true' : 'false'},\n"name": &${str(t.name)},\n"speed": ${num(1000 / base)}\n}`;
  });
  const head = `[gd_resource type="SpriteFrames" load_steps=${subs.length + 2} format=3]`;
  const ext = `[ext_resource type="Texture2D" path=${str(opts.imagePath)} id="1_sheet"]`;
  return [head, ext, ...subs, `[resource]\nanimations = [${anims.join(', ')}]`].join('\n\n') + '\n';
}
