import { loadScript } from './src/script';
const { script } = await loadScript(process.argv[2]);
for (const s of [script.opening, ...script.scenes]) if (s) console.log(s.number, s.printedLine, s.lengthLines, s.lengthEighths, s.startPage, s.estimatedSeconds);
console.log('total', script.lengthLines, script.pages, script.runtime.minutes);
