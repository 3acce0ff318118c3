// kino bible: the costume bible — every character, every costume with colour swatches, the scenes
// it is worn in, and a rendered turnaround (front, ¾, side, back) — as one HTML page with its
// images, in the film's reports folder.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KinoError, issue } from '../../doc/errors';
import { bibleHtml, costumeBible } from '../../character/bible';
import { turnaroundPlan } from '../../character/turnaround';
import { slug } from '../../deliver/layout';
import { loadFilm } from '../../pipeline/load';
import { renderFilm } from '../../render/film';
import { writeFileAtomic } from '../../util/fs';
import type { Command } from '../command';

export const command: Command = {
  name: 'bible',
  summary: 'Write the costume bible: characters, costumes, swatches, scenes, rendered turnarounds (HTML).',
  usage: '<film.tsx>',
  options: {
    out: { type: 'string', short: 'o', value: '<dir>', description: 'Folder for costume-bible.html and its images (default: out/<film>/reports).' },
    profile: { type: 'string', short: 'p', choices: ['draft', 'preview', 'final'], default: 'preview', description: 'Render profile for the turnarounds.' },
    'no-render': { type: 'boolean', description: 'Write the page without turnaround images (no Chromium).' },
    json: { type: 'boolean', description: 'Print the bible data and the files written as JSON.' },
  },
  details: 'Turnarounds show each costume as first worn on screen (with that scene\'s injuries and hair).',
  async run({ positionals, values }) {
    const [film] = positionals;
    if (!film) throw new KinoError(issue('cli/usage', 'kino bible needs a film file: kino bible films/demo/film.tsx -o out/bible'));
    const loaded = await loadFilm(film);
    if (loaded.errors.length || !loaded.plan) throw new KinoError(loaded.errors.length ? loaded.errors : [issue('film/no-plan', 'The film produced no plan.')]);
    const plan = loaded.plan;
    const dir = path.resolve((values.out as string | undefined) ?? path.join('out', slug(plan.title), 'reports'));
    const bible = costumeBible(plan);
    const images: Record<string, Array<{ src: string; label: string }>> = {};
    const written: string[] = [];
    if (!values['no-render']) {
      const t = turnaroundPlan(plan, bible);
      if (t.shots.length) {
        const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'kino-bible-'));
        try {
          if (!values.json) process.stderr.write(`Rendering ${t.shots.length} turnaround views…\n`);
          await renderFilm(t.plan, { out: tmp, profile: values.profile as 'draft' | 'preview' | 'final', passes: [] });
          const imgDir = path.join(dir, 'costume-bible');
          await fsp.mkdir(imgDir, { recursive: true });
          for (const s of t.shots) {
            const shotDir = path.join(tmp, 'shots', s.sceneId, s.shotId);
            const still = ['still.jpg', 'still.png'].map((f) => path.join(shotDir, f)).find((f) => fs.existsSync(f));
            if (!still) continue;
            const name = `${s.sceneId}-${s.angle.id}${path.extname(still)}`;
            await writeFileAtomic(path.join(imgDir, name), await fsp.readFile(still));
            written.push(path.join(imgDir, name));
            (images[s.key] ??= []).push({ src: `costume-bible/${name}`, label: s.angle.label });
          }
        } finally {
          await fsp.rm(tmp, { recursive: true, force: true });
        }
      }
    }
    const html = path.join(dir, 'costume-bible.html');
    await writeFileAtomic(html, bibleHtml(bible, images));
    written.unshift(html);
    if (values.json) process.stdout.write(JSON.stringify({ ok: true, html, images: written.slice(1), bible }, null, 2) + '\n');
    else {
      const n = bible.characters.reduce((k, c) => k + c.costumes.length, 0);
      process.stdout.write(`Costume bible: ${bible.characters.length} characters, ${n} costumes, ${written.length - 1} turnaround images → ${path.relative(process.cwd(), html) || html}\n`);
    }
    return 0;
  },
};
