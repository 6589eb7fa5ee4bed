// Latency of the language server from didChange to publishDiagnostics for a one-character edit on
// the largest national report (../shared/corpus/national, read from there), measured through the
// real protocol: the built dist/server.js over stdio. Not a test: it prints figures.
//   node scripts/lsp-latency.mjs [--edits 60] [--pause 250] [--file path]
// Each edit waits for its diagnostics, then pauses (a person typing one character and looking):
// the server analyses the first edit after a pause at once. Edits closer together than its quiet
// interval are coalesced instead (see server/src/lsp/scheduler.ts).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node.js';

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

const server = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
const waiting = new Map();
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  const w = waiting.get(p.version);
  if (w) w(performance.now());
});
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
conn.listen();

const uri = pathToFileURL(file).href;
await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
await conn.sendNotification('initialized', {});
const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
const opened = published(1);
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'workreport', version: 1, text } });
await opened;

// Positions inside paragraphs, spread over the document: insert 的 there, then delete it again.
const lines = text.split(/\r\n|\r|\n/);
const candidates = lines.map((l, i) => [i, l.length]).filter(([, n]) => n > 20);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const times = [];
let version = 1;
for (let i = 0; i < edits + warmup; i++) {
  const [line, length] = candidates[(i * 7919) % candidates.length];
  const at = { line, character: Math.floor(length / 2) };
  for (const change of [
    { range: { start: at, end: at }, text: '的' },
    { range: { start: at, end: { line, character: at.character + 1 } }, text: '' },
  ]) {
    version++;
    const done = published(version);
    const t0 = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const t1 = await done;
    if (i >= warmup) times.push(t1 - t0);
    await sleep(pause);
  }
}

await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();

times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`file: ${file} (${(statSync(file).size / 1024).toFixed(0)} KB, ${text.length} UTF-16 units, ${lines.length} lines)`);
console.log(`one-character edits: ${times.length} (after ${warmup * 2} warm-up), ${pause} ms apart`);
console.log(`didChange → publishDiagnostics: median ${ms(pct(50))}, p95 ${ms(pct(95))}, min ${ms(times[0])}, max ${ms(times[times.length - 1])}`);
