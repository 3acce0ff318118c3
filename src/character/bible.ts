// The costume bible: for each character, each costume — its pieces with colour swatches, its
// condition and accessories, the scenes it is worn in (and the changes into it, with their
// reasons) — and a rendered turnaround of the character wearing it. This module makes the data
// from a plan and the HTML from images it is given; rendering the turnarounds is the entry
// point's job (`kino bible` renders turnaroundPlan() with the three.js backend).

import type { CostumePlan, FilmPlan } from '../plan/schema';
import { looksOf } from './continuity';
import type { WardrobeExt } from './resolver';
import { linearHex } from './state';
import { ACCESSORY_SLOTS } from './wardrobe';

export interface BiblePiece {
  slot: string;
  kind?: string;
  /** sRGB hex. */
  hex: string;
  material?: string;
  condition?: string;
}

export interface BibleCostume {
  /** Unique in the bible: `<character>/<costume>` (`<character>/own` for the character's own costume). */
  key: string;
  id: string;
  name: string;
  own: boolean;
  condition?: string;
  pieces: BiblePiece[];
  accessories: string[];
  scenes: Array<{ id: string; number: string; heading: string; storyDay?: number; changedInto?: { from?: string; reason?: string; note?: string } }>;
  /** Scene whose look the turnaround shows (the first one it is worn in), if any. */
  lookScene?: string;
  /** Pieces in linear RGB (for building the turnaround when the costume is never worn on screen). */
  plan: CostumePlan;
}

export interface BibleCharacter {
  id: string;
  name: string;
  costumes: BibleCostume[];
}

export interface CostumeBible {
  title: string;
  characters: BibleCharacter[];
}

const SLOT_ORDER = ['hat', 'glasses', 'scarf', 'jacket', 'top', 'tie', 'dress', 'bottom', 'shoes'];

function pieces(c: CostumePlan): BiblePiece[] {
  return Object.entries(c)
    .sort(([a], [b]) => (SLOT_ORDER.indexOf(a) + 99) % 99 - ((SLOT_ORDER.indexOf(b) + 99) % 99))
    .map(([slot, p]) => ({ slot, ...(p.kind ? { kind: p.kind } : {}), hex: linearHex(p.color), ...(p.material ? { material: p.material } : {}), ...(p.condition ? { condition: p.condition } : {}) }));
}

export function costumeBible(plan: FilmPlan): CostumeBible {
  const wardrobe = (plan.ext?.wardrobe as WardrobeExt | undefined)?.characters ?? {};
  const ids: string[] = [];
  for (const s of plan.scenes) for (const id of s.characters) if (!ids.includes(id)) ids.push(id);
  for (const id of Object.keys(wardrobe)) if (!ids.includes(id)) ids.push(id);
  const characters: BibleCharacter[] = [];
  for (const id of ids) {
    const w = wardrobe[id];
    const name = plan.cast[id]?.name ?? w?.name ?? id;
    const costumes = new Map<string, BibleCostume>();
    const entry = (cid: string | undefined): BibleCostume => {
      const key = `${id}/${cid ?? 'own'}`;
      let c = costumes.get(key);
      if (!c) {
        const def = cid ? w?.costumes.find((x) => x.id === cid) : undefined;
        const planPieces = def?.pieces ?? w?.own ?? plan.cast[id]?.costume ?? {};
        c = {
          key,
          id: cid ?? 'own',
          name: def?.name ?? (cid ? cid : 'Own costume'),
          own: !cid,
          ...(def?.condition ? { condition: def.condition } : {}),
          pieces: pieces(planPieces),
          accessories: ACCESSORY_SLOTS.filter((slot) => planPieces[slot]).map((slot) => `${planPieces[slot].kind ?? slot}`),
          scenes: [],
          plan: planPieces,
        };
        costumes.set(key, c);
      }
      return c;
    };
    // Every costume the wardrobe defines, in the order written, then whatever the scenes show.
    for (const def of w?.costumes ?? []) entry(def.id);
    for (const s of plan.scenes) {
      const look = looksOf(s)[id];
      if (!look?.present) continue;
      const c = entry(look.costume);
      const into = look.changes.find((ch) => ch.to === look.costume);
      c.scenes.push({ id: s.id, number: s.number, heading: s.heading, ...(s.storyDay !== undefined ? { storyDay: s.storyDay } : {}), ...(into ? { changedInto: { from: into.from, reason: into.reason, note: into.note } } : {}) });
      c.lookScene ??= s.id;
      // The worn look has the character's basics filled in: show those pieces.
      if (s.cast[id]) {
        c.pieces = pieces(s.cast[id].costume);
        c.plan = s.cast[id].costume;
      }
    }
    // A character with a wardrobe but no own-costume scene does not need an "own" entry.
    characters.push({ id, name, costumes: [...costumes.values()] });
  }
  return { title: plan.title, characters };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The bible as one self-contained HTML page. `images` maps a costume key to its turnaround views
 * (image URLs relative to the HTML file, with a label each).
 */
export function bibleHtml(bible: CostumeBible, images: Record<string, Array<{ src: string; label: string }>> = {}): string {
  const body: string[] = [];
  body.push(`<header><h1>${esc(bible.title)}</h1><p>Costume bible · ${bible.characters.length} character${bible.characters.length === 1 ? '' : 's'} · ${bible.characters.reduce((n, c) => n + c.costumes.length, 0)} costumes</p></header>`);
  for (const ch of bible.characters) {
    body.push(`<section class="character" id="${esc(ch.id)}"><h2>${esc(ch.name)} <small>${esc(ch.id)}</small></h2>`);
    for (const c of ch.costumes) {
      const views = images[c.key] ?? [];
      body.push(`<article class="costume" id="${esc(c.key)}"><h3>${esc(c.name)} <small>${esc(c.own ? 'own costume' : c.id)}${c.condition ? ` · ${esc(c.condition)}` : ''}</small></h3>`);
      body.push('<div class="row">');
      body.push(`<div class="turnaround">${views.map((v) => `<figure><img src="${esc(v.src)}" alt="${esc(`${ch.name}, ${c.name}, ${v.label}`)}"><figcaption>${esc(v.label)}</figcaption></figure>`).join('') || '<p class="none">No turnaround rendered.</p>'}</div>`);
      body.push('<div class="details"><table class="pieces"><thead><tr><th></th><th>Piece</th><th>Kind</th><th>Colour</th><th>Material</th><th>Condition</th></tr></thead><tbody>');
      for (const p of c.pieces) body.push(`<tr><td><span class="swatch" style="background:${p.hex}" title="${p.hex}"></span></td><td>${esc(p.slot)}</td><td>${esc(p.kind ?? '')}</td><td><code>${p.hex}</code></td><td>${esc(p.material ?? '')}</td><td>${esc(p.condition ?? '')}</td></tr>`);
      body.push('</tbody></table>');
      if (c.accessories.length) body.push(`<p class="acc"><b>Accessories:</b> ${c.accessories.map(esc).join(', ')}</p>`);
      if (c.scenes.length) {
        body.push('<p><b>Worn in:</b></p><ul class="scenes">');
        for (const s of c.scenes) {
          const ch2 = s.changedInto ? ` — changes into it${s.changedInto.from ? ` from ${esc(s.changedInto.from)}` : ''}${s.changedInto.reason ? ` (${esc(s.changedInto.reason)})` : ' (no reason given)'}${s.changedInto.note ? `: ${esc(s.changedInto.note)}` : ''}` : '';
          body.push(`<li><b>Sc ${esc(s.number)}</b> ${esc(s.heading)}${s.storyDay !== undefined ? ` <span class="day">day ${s.storyDay}</span>` : ''}${ch2}</li>`);
        }
        body.push('</ul>');
      } else body.push('<p class="none">Not worn in any scene.</p>');
      body.push('</div></div></article>');
    }
    body.push('</section>');
  }
  const css = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f4f2ee;color:#222}
header{padding:24px 32px;background:#222;color:#eee}header h1{margin:0 0 4px;font-size:26px}header p{margin:0;color:#aaa}
section.character{padding:8px 32px 24px;border-bottom:1px solid #ddd}h2{font-size:22px;margin:20px 0 8px}h2 small,h3 small{color:#888;font-weight:normal;font-size:13px}
article.costume{background:#fff;border:1px solid #e2ded6;border-radius:6px;padding:12px 16px;margin:12px 0}h3{margin:0 0 10px;font-size:17px}
.row{display:flex;gap:20px;flex-wrap:wrap}.turnaround{display:flex;gap:6px}.turnaround figure{margin:0;text-align:center}.turnaround img{height:260px;border-radius:4px;background:#ccc;display:block}
figcaption{font-size:12px;color:#666}.details{flex:1;min-width:320px}table.pieces{border-collapse:collapse;width:100%}.pieces th,.pieces td{text-align:left;padding:3px 8px;border-bottom:1px solid #eee}
.swatch{display:inline-block;width:28px;height:20px;border:1px solid #0003;border-radius:3px;vertical-align:middle}code{font-size:12px}.scenes{margin:4px 0;padding-left:20px}.day{color:#777;font-size:12px}.none{color:#999}
@media print{body{background:#fff}article.costume{break-inside:avoid}}`;
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(bible.title)} — costume bible</title><meta name="viewport" content="width=device-width,initial-scale=1"><style>${css}</style></head><body>${body.join('\n')}</body></html>\n`;
}
