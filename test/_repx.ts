import * as fs from 'node:fs';
import { AnalysisMemo, analyzeReport, lintReport, outlineToJSON, targetToJSON } from '../server/src/engine';
import { seedModel, SEEDS } from './helpers';
const model = seedModel();
const [seed, edits] = JSON.parse(process.argv[2]);
let text = fs.readFileSync(`${SEEDS}/${fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()[seed]}`, 'utf8');
const memo = new AnalysisMemo();
let a = analyzeReport(text, { model, memo });
let prev = { analysis: a, diagnostics: lintReport(a, { lang: 'zh' }) };
for (const e of edits) {
  const at = Math.floor(e.at * text.length);
  text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
  const b = analyzeReport(text, { model, memo });
  const d1 = lintReport(b, { lang: 'zh', previous: prev });
  const fa = analyzeReport(text, { model });
  const f = lintReport(fa, { lang: 'zh' });
  const key = (x: any) => `${x.rule}@${x.span.start}-${x.span.end}:${x.message.slice(0, 40)}`;
  console.log('edit', JSON.stringify(e), 'inc-only', d1.filter((x) => !f.some((y) => key(y) === key(x))).map(key), 'full-only', f.filter((x) => !d1.some((y) => key(y) === key(x))).map(key));
  const T = (x: any) => x.targets.map((t: any) => JSON.stringify(targetToJSON(t, x.lines)));
  const tb = T(b), tf = T(fa);
  tb.forEach((t: string, i: number) => { if (t !== tf[i]) console.log(' target', i, t, '\n  vs   ', tf[i]); });
  if (tb.length !== tf.length) console.log('count', tb.length, tf.length);
  if (JSON.stringify(outlineToJSON(b.outline, b.targets, b.lines)) !== JSON.stringify(outlineToJSON(fa.outline, fa.targets, fa.lines))) console.log(' outline differs');
  if (JSON.stringify(b.period) !== JSON.stringify(fa.period)) console.log(' period differs');
  prev = { analysis: b, diagnostics: d1 };
}
