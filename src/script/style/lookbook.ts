// The look book: one self-contained HTML page a director hands to the DP, the designer and the
// colourist — the film's look and palette, then per scene its look, palette swatches, lighting
// notes and a rendered frame. A pure function: it receives the frames (data URIs, or paths
// relative to the page) and returns the page; rendering them is the caller's business.

import type { Swatch } from './palette';

export interface LookBookFrame {
  /** `data:image/jpeg;base64,…`, or a path relative to the HTML file. */
  src: string;
  alt?: string;
  width?: number;
  height?: number;
  /** E.g. the shot it was taken from: "s1-diner/talk-1, frame 12". */
  caption?: string;
}

export interface LookBookScene {
  number: string;
  heading: string;
  mood: string;
  moodEvidence?: string[];
  era: string;
  timeOfDay?: string;
  preset: string;
  presetLabel?: string;
  reason: string;
  swatches: Swatch[];
  paletteNotes?: string[];
  lighting: string[];
  frame?: LookBookFrame;
}

export interface LookBookInput {
  title: string;
  subtitle?: string;
  film: { preset: string; presetLabel?: string; reason: string; genre: string; era: string; mood: string; swatches: Swatch[]; look?: string };
  scenes: LookBookScene[];
  /** Footer line, e.g. "kino 0.1.0 — generated from script.fountain". */
  generator?: string;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

/** Relative luminance (sRGB) of a hex colour: picks black or white label text on a swatch. */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

function swatchStrip(swatches: Swatch[], big = false): string {
  return `<ol class="swatches${big ? ' big' : ''}">${swatches
    .map((s) => {
      const hex = /^#[0-9a-fA-F]{6}$/.test(s.hex) ? s.hex.toLowerCase() : '#000000';
      const ink = luminance(hex) > 0.35 ? '#111' : '#f4f4f4';
      return `<li style="background:${hex};color:${ink}" title="${escapeHtml(s.role)} ${hex}"><span class="role">${escapeHtml(s.role)}</span><span class="hex">${hex}</span></li>`;
    })
    .join('')}</ol>`;
}

function safeSrc(src: string): string {
  // Only images: embedded data URIs or relative/absolute-path references, never script URLs.
  if (/^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/.test(src)) return src;
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return '';
  return src.split('/').map((p) => encodeURIComponent(p)).join('/');
}

const CSS = `
:root{color-scheme:dark;--bg:#111214;--card:#1b1d21;--ink:#e9e6df;--dim:#9a978f;--line:#2c2f35}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{padding:48px 56px 24px;border-bottom:1px solid var(--line)}h1{margin:0 0 4px;font:600 34px/1.15 Georgia,"Times New Roman",serif;letter-spacing:.02em}
.sub{color:var(--dim)}.film{display:grid;grid-template-columns:1fr 1fr;gap:32px;padding:28px 56px}
.label{text-transform:uppercase;letter-spacing:.12em;font-size:11px;color:var(--dim);margin:0 0 6px}
.swatches{display:flex;list-style:none;margin:0;padding:0;border-radius:6px;overflow:hidden;height:64px}.swatches.big{height:110px}
.swatches li{flex:1;display:flex;flex-direction:column;justify-content:flex-end;padding:6px 8px;font:11px/1.3 ui-monospace,Menlo,Consolas,monospace}
.swatches .role{opacity:.75}
main{padding:8px 56px 56px;display:grid;gap:28px}
.scene{background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden;display:grid;grid-template-columns:minmax(0,1.35fr) minmax(0,1fr)}
.frame{background:#000;display:flex;align-items:center;justify-content:center;min-height:220px}.frame img{width:100%;height:auto;display:block}
.frame .none{color:var(--dim);padding:24px;text-align:center}
.info{padding:20px 24px;display:grid;gap:14px;align-content:start}
h2{margin:0;font:600 18px/1.3 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.03em}
.tags{display:flex;flex-wrap:wrap;gap:6px}.tag{border:1px solid var(--line);border-radius:99px;padding:1px 10px;font-size:12px;color:var(--dim)}
.tag.look{color:var(--ink);border-color:#5b6270}
ul.notes{margin:0;padding-left:18px;color:#cfcbc2}ul.notes li{margin:2px 0}
.why{color:var(--dim);font-size:13px}figcaption{color:var(--dim);font-size:12px;padding:6px 10px}
footer{padding:0 56px 40px;color:var(--dim);font-size:12px}
@media (max-width:900px){.film,.scene{grid-template-columns:1fr}header,main,.film,footer{padding-left:20px;padding-right:20px}}
@media print{body{background:#fff;color:#000}.scene{break-inside:avoid}}
`;

/** The look book as one HTML document (UTF-8, no external resources other than given frames). */
export function lookBookHtml(input: LookBookInput): string {
  const f = input.film;
  const scenes = input.scenes
    .map((s) => {
      const frame = s.frame && safeSrc(s.frame.src)
        ? `<figure class="frame" style="margin:0;flex-direction:column"><img src="${safeSrc(s.frame.src)}" alt="${escapeHtml(s.frame.alt ?? s.heading)}"${s.frame.width ? ` width="${Math.round(s.frame.width)}"` : ''}${s.frame.height ? ` height="${Math.round(s.frame.height)}"` : ''}>${s.frame.caption ? `<figcaption>${escapeHtml(s.frame.caption)}</figcaption>` : ''}</figure>`
        : '<div class="frame"><div class="none">No frame rendered for this scene.</div></div>';
      const tags = [
        `<span class="tag look">${escapeHtml(s.presetLabel ?? s.preset)}</span>`,
        `<span class="tag">mood: ${escapeHtml(s.mood)}</span>`,
        `<span class="tag">era: ${escapeHtml(s.era)}</span>`,
        s.timeOfDay ? `<span class="tag">${escapeHtml(s.timeOfDay)}</span>` : '',
      ].join('');
      return `<section class="scene" id="scene-${escapeHtml(s.number)}">
${frame}
<div class="info">
<h2>${escapeHtml(s.number)}. ${escapeHtml(s.heading)}</h2>
<div class="tags">${tags}</div>
<p class="why">Look: ${escapeHtml(s.reason)}${s.moodEvidence?.length ? ` — words: ${escapeHtml(s.moodEvidence.join(', '))}` : ''}</p>
<div><p class="label">Palette</p>${swatchStrip(s.swatches)}</div>
<div><p class="label">Lighting</p><ul class="notes">${s.lighting.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></div>
${s.paletteNotes?.length ? `<div><p class="label">Palette notes</p><ul class="notes">${s.paletteNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></div>` : ''}
</div>
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(input.title)} — look book</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(input.title)}</h1><div class="sub">${escapeHtml(input.subtitle ?? 'Look book')}</div></header>
<div class="film">
<div><p class="label">The film's look</p><h2>${escapeHtml(f.presetLabel ?? f.preset)}</h2><p class="why">${escapeHtml(f.reason)}${f.look ? ` — ${escapeHtml(f.look)}` : ''}</p>
<div class="tags"><span class="tag">genre: ${escapeHtml(f.genre)}</span><span class="tag">era: ${escapeHtml(f.era)}</span><span class="tag">mood: ${escapeHtml(f.mood)}</span><span class="tag">${input.scenes.length} scene${input.scenes.length === 1 ? '' : 's'}</span></div></div>
<div><p class="label">Film palette</p>${swatchStrip(f.swatches, true)}</div>
</div>
<main>
${scenes}
</main>
<footer>${escapeHtml(input.generator ?? 'kino look book')}</footer>
</body>
</html>
`;
}
