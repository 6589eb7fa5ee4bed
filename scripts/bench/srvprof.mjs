import { pathToFileURL } from 'node:url';
import { documentOfSize, loadCorpus } from './corpus.mjs';
import { startSession } from './lsp-session-prof.mjs';
import { sleep, median } from './measure.mjs';
const root = new URL('../..', import.meta.url).pathname;
const bytes = Number(process.argv[2] || 1000000);
const text = documentOfSize(loadCorpus('/work/shared/corpus/national'), bytes);
const session = await startSession(root);
const uri = pathToFileURL('/tmp/x.wr').href;
await session.open(uri, text);
const lines = text.split('\n'); const sites = lines.map((l, i) => [i, l.length]).filter(([, n]) => n > 20);
let version = 1; const times = [];
for (let i = 0; i < Number(process.argv[3] || 100); i++) {
  const [line, len] = sites[(i * 7919) % sites.length];
  const c = len >> 1;
  for (const change of [{ range: { start: { line, character: c }, end: { line, character: c } }, text: '的' }, { range: { start: { line, character: c }, end: { line, character: c + 1 } }, text: '' }]) {
    await sleep(160);
    const r = await session.change(uri, ++version, [change], true);
    if (i >= 5) times.push(r.ms);
  }
}
console.log(bytes, 'median', median(times).toFixed(2));
await session.stop(); await sleep(500);
process.exit(0);
