import { loadScript } from './src/script';
const a = await loadScript('test/fixtures/scripts/Brick-and-Steel.fountain');
const b = await loadScript('test/fixtures/scripts/Brick-and-Steel.fdx');
const strip = (s: any) => JSON.parse(JSON.stringify(s, (k, v) => (k === 'line' || k === 'forced' || k === 'numbered' || k === 'runs' ? undefined : v)));
const sa = strip(a.script.scenes.map((s: any) => ({ ...s, lengthEighths: 0, lengthSource: 0, startPage: 0, printedLine: 0, lengthLines: 0, estimatedSeconds: 0 })));
const sb = strip(b.script.scenes.map((s: any) => ({ ...s, lengthEighths: 0, lengthSource: 0, startPage: 0, printedLine: 0, lengthLines: 0, estimatedSeconds: 0 })));
for (let i = 0; i < Math.max(sa.length, sb.length); i++) if (JSON.stringify(sa[i]) !== JSON.stringify(sb[i])) { console.log('DIFF scene', i); console.log(JSON.stringify(sa[i])); console.log(JSON.stringify(sb[i])); }
console.log(JSON.stringify(strip(a.script.characters)) === JSON.stringify(strip(b.script.characters)), JSON.stringify(a.script.locations) === JSON.stringify(b.script.locations));
console.log(a.script.title, '|', b.script.title, a.script.authors, b.script.authors, a.script.credit, b.script.credit, a.script.source, b.script.source, a.script.draftDate, b.script.draftDate, a.script.contact, b.script.contact);
console.log(b.warnings, b.script.scenes.map(s => [s.lengthEighths, s.lengthSource, s.startPage]).join(' '));
console.log(b.script.titlePage);
