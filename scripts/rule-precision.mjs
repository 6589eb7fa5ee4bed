// Runs every rule over the shared corpus (reports the project has never trained on) and prints, per
// rule, the number of diagnostics and a reproducible sample of them in context, for a person to judge.
//   node scripts/rule-precision.mjs [--corpus DIR] [--rule ID] [--sample N] [--context N] [--json FILE]
// Reads ../shared/corpus in place (district-gbk decoded as GB18030); copies nothing into the repo.
// Build first (npm run build): it uses dist/engine.cjs and dist/default-model.json.
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    rule: { type: 'string', multiple: true },
    sample: { type: 'string', default: '20' },
    context: { type: 'string', default: '14' },
    json: { type: 'string' },
  },
});
const corpus = args.corpus ?? join(root, '..', 'shared', 'corpus');
if (!existsSync(corpus)) {
  console.error(`rule-precision: no corpus at ${corpus} (pass --corpus DIR)`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const engine = require(join(root, 'dist', 'engine.cjs'));
const iconv = require('iconv-lite');
const model = engine.parseModel(readFileSync(join(root, 'dist', 'default-model.json'), 'utf8'), 'default-model.json');

const files = [];
for (const folder of ['provincial-2026', 'district-gbk', 'national']) {
  const dir = join(corpus, folder);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) files.push({ path: join(dir, f), gbk: folder === 'district-gbk' });
}

const byRule = new Map(engine.RULES.map((r) => [r.meta.id, []]));
for (const file of files) {
  const bytes = readFileSync(file.path);
  const text = file.gbk ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8');
  const analysis = engine.analyzeReport(text, { model });
  for (const d of engine.lintReport(analysis, { lang: 'zh' })) {
    const ctx = Number(args.context);
    const before = text.slice(Math.max(0, d.span.start - ctx), d.span.start);
    const after = text.slice(d.span.end, d.span.end + ctx);
    const fix = d.fixes[0] ? ` ⇒ ${d.fixes[0].edits.map((e) => JSON.stringify(e.newText)).join(' ')}` : '';
    byRule.get(d.rule).push({
      file: relative(corpus, file.path),
      line: analysis.lines.positionAt(d.span.start).line + 1,
      shown: `${before}【${text.slice(d.span.start, d.span.end)}】${after}`.replace(/\r?\n/g, '⏎'),
      message: d.message,
      fix,
    });
  }
}

// A fixed-stride sample: the same diagnostics each run, spread over the whole corpus.
const n = Number(args.sample);
const report = [];
for (const [rule, ds] of byRule) {
  if (args.rule && !args.rule.includes(rule)) continue;
  const step = Math.max(1, ds.length / n);
  const sample = [];
  for (let i = 0; i < ds.length && sample.length < n; i += step) sample.push(ds[Math.floor(i)]);
  report.push({ rule, count: ds.length, sample });
  console.log(`\n## ${rule}: ${ds.length} diagnostics, showing ${sample.length}`);
  for (const d of sample) console.log(`  ${d.file}:${d.line}  ${d.shown}${d.fix}\n      ${d.message}`);
}
console.log(`\n| rule | diagnostics |\n|---|---:|`);
for (const r of report) console.log(`| ${r.rule} | ${r.count} |`);
if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 1));
