import fs from 'node:fs';
import { tokenizeFountain, assembleScript } from './src/script';
const t = fs.readFileSync('test/fixtures/scripts/Big-Fish.fountain', 'utf8');
const mode = process.argv[2];
const tok = tokenizeFountain(t);
for (let i = 0; i < 3000; i++) mode === 'tok' ? tokenizeFountain(t) : assembleScript(tok);
