// `npm run bench`: how fast workreport is, as ratios against a floor and the peers measured in the
// same run, plus absolute figures and the PRODUCT.md budgets. Never run by `npm test`.
//   node scripts/bench.mjs [--runs N] [--corpus DIR] [--only cli,peers,server,train] [--json FILE]
//                          [--edits N] [--pause MS]
// --corpus is a folder of reports (default ../shared/corpus/national). Prints a Markdown table and
// writes the figures as JSON (default bench/results/latest.json, git-ignored). docs/performance.md
// says what each row measures.
import { cpus, loadavg } from 'node:os';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCorpus } from './bench/corpus.mjs';
import { ensurePeers, peerVersions } from './bench/peers.mjs';
import { buildRows, printTable, roundedJSON } from './bench/report.mjs';
import { measureServer } from './bench/server.mjs';
import { measureEndToEnd, measureThroughput } from './bench/throughput.mjs';
import { measureTraining } from './bench/train.mjs';

const SECTIONS = ['cli', 'peers', 'server', 'train'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function usage(message) {
  console.error(`bench: ${message}\nusage: node scripts/bench.mjs [--runs N] [--corpus DIR] [--only ${SECTIONS.join(',')}] [--json FILE] [--edits N] [--pause MS]`);
  process.exit(2);
}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: 'string', default: '5' },
        corpus: { type: 'string', default: join(root, '..', 'shared', 'corpus', 'national') },
        only: { type: 'string', multiple: true },
        json: { type: 'string', default: join(root, 'bench', 'results', 'latest.json') },
        edits: { type: 'string', default: '40' },
        pause: { type: 'string', default: '200' },
      },
    }).values;
  } catch (e) {
    usage(e.message);
  }
  const count = (name, min) => {
    const n = Number(parsed[name]);
    if (!Number.isInteger(n) || n < min) usage(`--${name} must be a whole number ≥ ${min}, not ${parsed[name]}`);
    return n;
  };
  const only = (parsed.only ?? SECTIONS).flatMap((s) => s.split(',')).filter(Boolean);
  for (const s of only) if (!SECTIONS.includes(s)) usage(`unknown section ${s} (sections: ${SECTIONS.join(', ')})`);
  const corpus = resolve(parsed.corpus);
  if (!existsSync(corpus)) usage(`no corpus at ${corpus} (pass --corpus DIR, a folder of reports)`);
  for (const bundle of ['dist/cli.js', 'dist/server.js', 'dist/engine.cjs', 'dist/default-model.json']) {
    if (!existsSync(join(root, bundle))) usage(`${bundle} is missing: run \`npm run build\` first (\`npm run bench\` does)`);
  }
  return { runs: count('runs', 1), edits: count('edits', 1), pause: count('pause', 0), corpus, json: resolve(parsed.json), sections: new Set(only) };
}

const progress = (what) => console.error(`bench: ${what} …`);

async function main() {
  const o = options();
  const corpus = loadCorpus(o.corpus);
  if (!corpus.docs.length) usage(`no reports (.txt, .wr, .md) in ${o.corpus}`);
  const m = {
    date: new Date().toISOString(),
    machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, loadavg: loadavg() },
    corpus: { dir: corpus.dir, files: corpus.docs.length, bytes: corpus.bytes },
    runs: o.runs,
    sections: [...o.sections],
  };
  const has = (s) => o.sections.has(s);
  if (has('peers')) {
    ensurePeers(root);
    m.peers = peerVersions(root);
  }
  if (has('cli') || has('peers')) {
    progress(`lint throughput over ${corpus.docs.length} files${has('peers') ? ', with the peers' : ''}`);
    m.throughput = measureThroughput({ root, corpus, runs: o.runs, withEngine: true, withPeers: has('peers') });
  }
  if (has('cli')) {
    progress('one report end to end');
    m.endToEnd = measureEndToEnd({ root, corpus, runs: o.runs });
  }
  if (has('server')) {
    progress(`server latency (${o.edits} edits per kind and size, ${o.pause} ms apart), memory, start`);
    m.server = await measureServer({ root, corpus, runs: o.runs, edits: o.edits, pause: o.pause });
  }
  if (has('train')) {
    progress('training');
    m.training = measureTraining({ root, corpus, runs: o.runs, outDir: join(dirname(o.json), 'models') });
  }
  m.rows = buildRows(m);
  printTable(m, m.rows);
  mkdirSync(dirname(o.json), { recursive: true });
  writeFileSync(o.json, roundedJSON(m));
  console.log(`\nwritten: ${o.json}`);
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
