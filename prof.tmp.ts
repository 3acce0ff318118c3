import fs from 'node:fs';
import { parseFountain } from './src/script';
const t = fs.readFileSync('test/fixtures/scripts/Big-Fish.fountain', 'utf8');
for (let i = 0; i < 300; i++) parseFountain(t);
const t0 = performance.now();
for (let i = 0; i < 300; i++) parseFountain(t);
console.log((performance.now() - t0) / 300);
