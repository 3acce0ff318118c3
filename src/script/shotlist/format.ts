// Shot list output: CSV for spreadsheets and scheduling tools (RFC 4180: CRLF records, fields
// with commas, quotes or line breaks quoted, quotes doubled) and aligned text for the terminal.

import { formatTable } from '../breakdown';
import type { ShotList } from './schema';

export const CSV_COLUMNS = [
  'scene', 'heading', 'shot', 'key', 'setup', 'type', 'size', 'lens_mm', 'angle', 'movement', 'subjects', 'over', 'description', 'lines', 'screen_seconds', 'storyboard_prompt',
] as const;

/** One RFC 4180 field. */
export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The shot list as CSV: a header row, then one record per shot; CRLF line ends. */
export function shotListCsv(list: ShotList): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const scene of list.scenes) {
    for (const s of scene.shots) {
      rows.push(
        [
          scene.number, scene.heading, s.number, s.key ?? '', s.setup, s.type, s.size, s.lensMm, s.angle, s.movement, s.subjects.join('; '), s.over ?? '', s.description, s.lines.join('\n'), s.screenSeconds, s.prompt,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return rows.join('\r\n') + '\r\n';
}

/** Parses RFC 4180 CSV (for tests and round trips): records of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Readable tables: per scene its setups and screen time, then the shots. */
export function formatShotList(list: ShotList): string {
  const out: string[] = [];
  const t = list.totals;
  out.push(list.title.toUpperCase());
  out.push(`${t.scenes} scenes · ${t.shots} shots · ${t.setups} setups · ${clock(t.screenSeconds)} screen time · ~${t.shootingHours} h to shoot (${list.source === 'script' ? 'planned from the script' : 'from the film plan'})`);
  for (const scene of list.scenes) {
    out.push('');
    out.push(`${scene.number}. ${scene.heading}  —  ${scene.shots.length} shots, ${scene.setups} setups, ${clock(scene.screenSeconds)}${scene.mood !== 'neutral' ? `, ${scene.mood}` : ''}`);
    out.push(
      formatTable(
        ['SHOT', 'SETUP', 'TYPE', 'SIZE', 'LENS', 'MOVE', 'SUBJECT', 'SECS', 'DESCRIPTION'],
        scene.shots.map((s) => [s.number, String(s.setup), s.type, s.size, `${Math.round(s.lensMm)}mm`, s.movement, s.subjects.join(', ') + (s.over ? ` / over ${s.over}` : ''), s.screenSeconds.toFixed(1), s.description]),
        [1, 7],
        [0, 0, 0, 0, 0, 22, 34, 0, 64],
      ),
    );
  }
  out.push('', 'Assumptions:', ...list.assumptions.map((a) => `  - ${a}`));
  return out.join('\n');
}
