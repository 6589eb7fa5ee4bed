// Property tests of the engine over generated documents that mix report text with everything a
// real file can throw at it: digits, units, every punctuation mark, lone surrogates, NUL, BOM,
// zero-width characters, CR/LF/CRLF mixtures. Thousands of cases in `npm test`; more with
// FUZZ_RUNS=100000 npx mocha test/fuzz-engine.test.ts.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeReport, applyFixes, lintReport, type OutlineNode, type Span } from '../server/src/engine';
import { seedModel } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

const FRAGMENTS = [
  '一、', '二、', '十一、', '（一）', '(六)', '1.', '2．', '（1）', '一是', '二要', '第一，', '——', '**', '。', '，', '；', '：', '、',
  '“', '”', '《', '》', '（', '）', '【', '】', '〔', '〕', '!', '?', ',', ';', ':', '(', ')', '.', '%', '％', '—', '-', '~', '+',
  '2026年', '年内', '到2027年', '“十五五”', '力争', '确保', '达到', '增长', '新增', '建设', '控制在', '以上', '左右', '以内', '不低于',
  '万人', '亿元', '个', '家', '平方米', '个百分点', '万', '亿', '5G', 'PM2.5', '12345热线', '2号线', '第十四届', '1+N',
  '地区生产总值', '城镇新增就业', '高标准农田', '参保率', '政府工作报告', '工作回顾', '工作安排', '过去一年', '同比',
  '(上接第一版)', '下载', '打印', '【字号：】', '𠀀', '\u0000', '\ufeff', '\u200b', '\u3000', ' ', '\t',
  '\ud800', '\udc00', '\r', '\n', '\r\n', '\n\n',
];

const documentArb = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 100000 }).map(String) },
    { weight: 1, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }).map((n) => n.toFixed(2)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  ),
  { maxLength: 120 },
).map((parts) => parts.join(''));

function spanInside(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
}

function checkOutline(nodes: readonly OutlineNode[], parent: Span | null, length: number): void {
  let previousEnd = -1;
  for (const n of nodes) {
    assert.ok(spanInside(n.span, length), `outline span out of the document: ${JSON.stringify(n.span)}`);
    assert.ok(spanInside(n.nameSpan, length), 'outline name span out of the document');
    if (parent && n.kind !== 'title') assert.ok(n.span.start >= parent.start && n.span.end <= parent.end, `child ${n.name} outside its parent`);
    assert.ok(n.span.start >= previousEnd, `siblings overlap at ${n.name}`);
    previousEnd = n.span.end;
    checkOutline(n.children, n.span, length);
  }
}

describe('engine: generated documents (property tests)', function () {
  this.timeout(120000);
  const model = seedModel();

  it('never throws; every range lies inside the document and is well ordered; outlines nest', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        const analysis = analyzeReport(text, { model });
        const diagnostics = lintReport(analysis, { lang: 'zh' });
        checkOutline(analysis.outline, null, text.length);
        for (const t of analysis.targets) {
          assert.ok(spanInside(t.span, text.length), 'target span out of the document');
          // A target's range covers its value.
          assert.ok(t.span.start <= t.valueSpan.start && t.valueSpan.end <= t.span.end, 'target range does not cover its value');
          assert.ok(text.slice(t.valueSpan.start, t.valueSpan.end).length > 0, 'empty value');
        }
        for (const d of diagnostics) {
          assert.ok(spanInside(d.span, text.length), `diagnostic ${d.rule} out of the document`);
          for (const f of d.fixes) for (const e of f.edits) assert.ok(spanInside(e.span, text.length), `fix of ${d.rule} out of the document`);
        }
        // Positions convert back to the same offsets (UTF-16, \r\n counted once).
        for (const d of diagnostics) assert.deepEqual(analysis.lines.spanOf(analysis.lines.rangeOf(d.span)), d.span);
      }),
      { numRuns: RUNS },
    );
  });

  it('applying every preferred fix leaves the text outside the fix ranges unchanged', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        const diagnostics = lintReport(analyzeReport(text, { model }));
        const edits = diagnostics.flatMap((d) => (d.fixes.find((f) => f.preferred) ?? d.fixes[0])?.edits ?? []);
        const { text: fixed } = applyFixes(text, edits);
        // Everything before the first edit and after the last one is byte-identical.
        if (edits.length) {
          const first = Math.min(...edits.map((e) => e.span.start));
          const last = Math.max(...edits.map((e) => e.span.end));
          assert.equal(fixed.slice(0, first), text.slice(0, first));
          assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last));
        } else {
          assert.equal(fixed, text);
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('handles a 1 MB line and a 10 MB file without throwing', () => {
    const line = '力争新增城镇就业3.8万人以上，'.repeat(70000);
    const big = ('二、2026年工作安排\n' + '年内新建改造高标准农田15万亩，参保率保持在95%以上。\n'.repeat(20)).repeat(4000);
    for (const text of [line, big]) {
      const analysis = analyzeReport(text, { model });
      assert.ok(analysis.targets.length > 0);
      lintReport(analysis);
    }
  });
});
