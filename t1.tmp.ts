import fs from 'node:fs';
import { tokenizeFountain } from './src/script/fountain';
for (const f of ['Brick-and-Steel','The-Last-Birthday-Card','Big-Fish']) {
  const t = fs.readFileSync(`/work/main/test/fixtures/scripts/${f}.fountain`,'utf8');
  const r = tokenizeFountain(t.replace(/\r\n/g,'\n'), {fileName: f});
  const heads = r.elements.filter(e=>e.type==='scene-heading');
  const cues = new Map<string,number>();
  for (const e of r.elements) if (e.type==='character') cues.set(e.name,(cues.get(e.name)??0)+1);
  console.log(f, 'headings', heads.length, 'chars', cues.size, 'warnings', r.warnings.length);
  console.log(JSON.stringify(r.titlePage));
  console.log([...cues.entries()].map(([k,v])=>k+':'+v).join(' | '));
  for (const w of r.warnings) console.log('  W', w.location?.line, w.code, w.message);
}
