// Benchmarks, reported as ratios against a floor measured in the same run (never asserted in tests).
//   node scripts/bench.mjs [--corpus DIR] [--runs N] [--json FILE]
// Measures: engine lint throughput over the national corpus vs a bare regex pass over the same text
// (the floor), the CLI over the whole folder, one ~30 KB report end to end (process start to exit),
// and training time on seeds/ and on the national corpus.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { corpus: { type: 'string' }, runs: { type: 'string', default: '5' }, json: { type: 'string' } },
});
const corpus = args.corpus ?? join(root, '..', 'shared', 'corpus');
const runs = Number(args.runs);
const national = join(corpus, 'national');
if (!existsSync(national)) {
  console.error(`bench: no corpus at ${national} (pass --corpus DIR)`);
  process.exit(2);
}
const cli = join(root, 'dist', 'cli.js');
const files = readdirSync(national).filter((f) => f.endsWith('.txt')).sort().map((f) => join(national, f));
const texts = files.map((f) => readFileSync(f, 'utf8'));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const mb = bytes / 1e6;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

// In-process engine: the engine bundle the build writes beside the CLI.
const engine = createRequire(import.meta.url)(join(root, 'dist', 'engine.cjs'));
const results = { date: new Date().toISOString(), corpusBytes: bytes, runs, rows: [] };
const row = (name, ms, extra = {}) => results.rows.push({ name, ms: Math.round(ms * 10) / 10, ...extra });

// Floor: one regex pass over every text (what any scanner must at least pay).
const floorRe = /[0-9]+(?:\.[0-9]+)?(?:%|万|亿|个|人)?|[。！？]/g;
const floor = [];
const inProcess = [];
const model = engine.parseModel(readFileSync(join(root, 'dist', 'default-model.json'), 'utf8'), 'default-model.json');
for (let r = 0; r < runs; r++) {
  // Alternate the two so that machine noise falls on both.
  floor.push(time(() => texts.forEach((t) => t.match(floorRe))));
  inProcess.push(time(() => texts.forEach((t) => engine.lintReport(engine.analyzeReport(t, { model })))));
}
row('floor: regex pass over national/', median(floor), { mbPerS: mb / (median(floor) / 1000) });
row('engine: analyse + lint national/ (in process)', median(inProcess), { mbPerS: mb / (median(inProcess) / 1000), vsFloor: median(inProcess) / median(floor) });

const cliRun = (argv) => time(() => spawnSync(process.execPath, [cli, ...argv], { stdio: 'ignore' }));
const whole = [];
const one = [];
const version = [];
const report30k = files.map((f) => ({ f, size: statSync(f).size })).sort((a, b) => Math.abs(a.size - 30000) - Math.abs(b.size - 30000))[0];
for (let r = 0; r < runs; r++) {
  whole.push(cliRun(['lint', '--format', 'json', national]));
  one.push(cliRun(['lint', report30k.f]));
  version.push(cliRun(['--version']));
}
row('cli: lint national/ (process start to exit)', median(whole), { mbPerS: mb / (median(whole) / 1000) });
row(`cli: lint one ${Math.round(report30k.size / 1000)} KB report end to end`, median(one), { vsNodeStart: median(one) / median(version) });
row('cli: --version (process start floor)', median(version));

const trainSeeds = [];
for (let r = 0; r < Math.min(runs, 3); r++) trainSeeds.push(cliRun(['train', join(root, 'seeds'), '--out', join(root, 'bench-results', 'seeds-model.json')]));
row('train: seeds/', median(trainSeeds));
row('train: national/', cliRun(['train', national, '--out', join(root, 'bench-results', 'national-model.json')]));

console.log(`corpus: ${files.length} files, ${mb.toFixed(2)} MB; median of ${runs} runs\n`);
console.log('| measurement | ms | MB/s | ratio |\n|---|---:|---:|---:|');
for (const r of results.rows) {
  const ratio = r.vsFloor ? `${r.vsFloor.toFixed(1)}× floor` : r.vsNodeStart ? `${r.vsNodeStart.toFixed(1)}× node start` : '';
  console.log(`| ${r.name} | ${r.ms} | ${r.mbPerS ? r.mbPerS.toFixed(1) : ''} | ${ratio} |`);
}
mkdirSync(join(root, 'bench-results'), { recursive: true });
const out = args.json ?? join(root, 'bench-results', 'bench.json');
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`\nwritten: ${out}`);
