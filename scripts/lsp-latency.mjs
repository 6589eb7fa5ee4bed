// Latency of the language server from didChange to publishDiagnostics for a one-character edit on
// one report (default: the largest in ../shared/corpus/national, read from there), measured through
// the real protocol: the built dist/server.js over stdio. Not a test: it prints figures.
// `npm run bench` measures the same on documents of 10 KB, 100 KB and 1 MB; this is the quick look.
//   node scripts/lsp-latency.mjs [--edits 60] [--pause 250] [--file path]
// Each edit waits for its diagnostics, then pauses (a person typing one character and looking):
// the server analyses the first edit after a pause at once. Edits closer together than its quiet
// interval are coalesced instead (see server/src/lsp/scheduler.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startSession } from './bench/lsp-session.mjs';
import { percentile, sleep } from './bench/measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const edits = Number(option('--edits', 60));
const pause = Number(option('--pause', 250));
const warmup = 5;

const corpus = join(root, '..', 'shared', 'corpus', 'national');
const file =
  option('--file', null) ??
  readdirSync(corpus)
    .map((f) => join(corpus, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).href;

const session = await startSession(root);
await session.open(uri, text);

// Positions inside paragraphs, spread over the document: insert 的 there, then delete it again.
const lines = text.split(/\r\n|\r|\n/);
const candidates = lines.map((l, i) => [i, l.length]).filter(([, n]) => n > 20);
const times = [];
let version = 1;
for (let i = 0; i < edits + warmup; i++) {
  const [line, length] = candidates[(i * 7919) % candidates.length];
  const at = { line, character: Math.floor(length / 2) };
  for (const change of [
    { range: { start: at, end: at }, text: '的' },
    { range: { start: at, end: { line, character: at.character + 1 } }, text: '' },
  ]) {
    const { ms } = await session.change(uri, ++version, [change]);
    if (i >= warmup) times.push(ms);
    await sleep(pause);
  }
}
await session.stop();

times.sort((a, b) => a - b);
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`file: ${file} (${(statSync(file).size / 1024).toFixed(0)} KB, ${text.length} UTF-16 units, ${lines.length} lines)`);
console.log(`one-character edits: ${times.length} (after ${warmup * 2} warm-up), ${pause} ms apart`);
console.log(`didChange → publishDiagnostics: median ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, min ${ms(times[0])}, max ${ms(times[times.length - 1])}`);
