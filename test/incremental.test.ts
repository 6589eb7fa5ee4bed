// Re-analysis after an edit, as the language server does it: with the document's AnalysisMemo and
// the previous lint, only what the edit touched is read again. Whatever the edit, the drafter must
// see exactly what a fresh analysis of the new text shows: the same targets (fields, deadlines and
// where they are written), the same outline and the same diagnostics with their fixes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import fc from 'fast-check';
import { AnalysisMemo, analyzeReport, lintReport, outlineToJSON, targetToJSON, type Diagnostic, type ReportAnalysis } from '../server/src/engine';
import { seedModel, SEEDS } from './helpers';

const model = seedModel();
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** What a user sees of an analysis and its lint. */
function view(analysis: ReportAnalysis, diagnostics: readonly Diagnostic[]) {
  return {
    period: analysis.period,
    lines: analysis.lines.lineStarts,
    targets: analysis.targets.map((t) => targetToJSON(t, analysis.lines)),
    outline: outlineToJSON(analysis.outline, analysis.targets, analysis.lines),
    diagnostics: diagnostics.map((d) => ({ ...d, range: analysis.lines.rangeOf(d.span) })),
  };
}

/** An editing session: the memo and the last lint carried from one version to the next. */
class Session {
  private readonly memo = new AnalysisMemo();
  private previous: { analysis: ReportAnalysis; diagnostics: Diagnostic[] } | undefined;

  update(text: string) {
    const analysis = analyzeReport(text, { model, memo: this.memo });
    const diagnostics = lintReport(analysis, { lang: 'zh', previous: this.previous });
    this.previous = { analysis, diagnostics };
    return view(analysis, diagnostics);
  }
}

function fresh(text: string) {
  const analysis = analyzeReport(text, { model });
  return view(analysis, lintReport(analysis, { lang: 'zh' }));
}

const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'));

/** What drafters type: characters, line breaks, headings, deadlines, targets, marks, and deletions. */
const PIECES = ['的', '\n', '\n\n', '\r', '\r\n', '一、2026年工作安排\n', '二、过去一年工作回顾\n', '（三）', '1.', '一是', '**加快**', '到2027年', '年内', '，', '。', '“', '”', '（', '增长5%', '达到80％', '％', '3.8万', '率率', '考核考核', '工作', '守住不发生系统性风险底线', '2026年政府工作报告\n', '附件2\n', '%', '三、', '（二）', '2.', '二要'];
const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.oneof(fc.constant(0), fc.nat(40)), insert: fc.oneof(fc.constantFrom(...PIECES), fc.constant('')) });

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

describe('incremental re-analysis after edits', function () {
  this.timeout(Math.max(120000, RUNS * 400));

  it('shows exactly what a fresh analysis shows, after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(editArb, { minLength: 1, maxLength: 12 }), (seed, edits) => {
        const session = new Session();
        let text = seeds[seed];
        session.update(text);
        for (const e of edits) {
          text = apply(text, e);
          assert.deepStrictEqual(session.update(text), fresh(text));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('shows what a fresh analysis shows when the same text is analysed again after an edit', () => {
    // Found by the property above: the memo compared the third text with the first.
    const session = new Session();
    let text = seeds[0];
    session.update(text);
    text = `一、2026年工作安排\n${text}`;
    session.update(text);
    text = `2026年政府工作报告\n${text}`;
    session.update(text);
    assert.deepStrictEqual(session.update(text), fresh(text));
  });

  it('keeps no earlier copy of a long report alive over a long editing session', () => {
    // V8 makes a slice of a string a view of the whole string. Paragraph texts (and the heading
    // names and sentences read off them) outlive the edit that wrote them, so slices of each
    // version of the document would keep that version alive: 0.7 MB of memory per edit here.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    let text = Array.from({ length: 12 }, (_, i) => seeds.map((s) => s.replace(/。/g, `。${i}`)).join('\n')).join('\n');
    const memo = new AnalysisMemo();
    let previous = undefined as { analysis: ReportAnalysis; diagnostics: Diagnostic[] } | undefined;
    const edit = () => {
      const analysis = analyzeReport(text, { model, memo });
      previous = { analysis, diagnostics: lintReport(analysis, { previous }) };
    };
    edit();
    const lineStarts = [...text.matchAll(/\n/g)].map((m) => m.index! + 1);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 60; i++) {
      // A character typed into a different paragraph each time, so every version leaves a paragraph behind.
      const at = lineStarts[(i * 7919) % lineStarts.length];
      text = `${text.slice(0, at)}的${text.slice(at)}`;
      edit();
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    assert.ok(grown < 20, `the heap grew by ${grown.toFixed(0)} MB over 60 edits of a report of ${text.length} characters`);
  });

  it('finds the targets of a review part that an edit turns into a plan part', () => {
    const before = '一、过去一年工作回顾\n城镇新增就业12万人，粮食产量达到50万吨。\n';
    const after = before.replace('过去一年工作回顾', '2026年主要任务');
    const session = new Session();
    assert.equal(session.update(before).targets.length, 0);
    const edited = session.update(after);
    assert.deepEqual(edited.targets.map((t) => `${t.value}${t.unit}`), ['12万人', '50万吨']);
    assert.deepStrictEqual(edited, fresh(after));
  });

  it('moves the findings below an edit with the text, and drops those the edit removed', () => {
    const text = '二、2026年工作安排\n推进算力中心中心建设。\n\n城镇新增就业率率稳定。\n';
    const session = new Session();
    const first = session.update(text);
    assert.ok(first.diagnostics.length >= 2, 'both doubled words are flagged');
    const edited = text.replace('推进算力中心中心建设。', '推进算力中心建设，加快数据要素市场化配置改革。');
    const second = session.update(edited);
    assert.deepStrictEqual(second, fresh(edited));
    assert.ok(second.diagnostics.some((d) => edited.slice(...[d.span.start, d.span.end]).includes('率')), 'the finding below the edit is still there, at its new place');
  });
});
