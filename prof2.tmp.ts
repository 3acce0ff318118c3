import fs from 'node:fs';
import { Fountain } from 'fountain-js';
import { parseFountain, tokenizeFountain } from './src/script';
const t = fs.readFileSync('test/fixtures/scripts/Big-Fish.fountain', 'utf8');
function bench(name: string, fn: () => void, n = 200) {
  for (let i = 0; i < n; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); fn(); xs.push(performance.now() - t0); }
  xs.sort((a, b) => a - b);
  console.log(name, 'median', xs[n >> 1].toFixed(2), 'min', xs[0].toFixed(2));
}
bench('fountain-js', () => new Fountain().parse(t, true), 100);
bench('kino tokenize', () => tokenizeFountain(t));
bench('kino full', () => parseFountain(t));
