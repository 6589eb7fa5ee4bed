// Segmentation as a user meets it: which line a paragraph is on, where sentences and clauses end,
// and positions in UTF-16 code units (LSP), whatever the line endings or the plane of a character.
import { strict as assert } from 'node:assert';
import { LineIndex } from '../server/src/engine';
import { check, diagnosticsOf, targetsOf } from './helpers';

const paragraphsOf = (text: string) => check(text).analysis.paragraphs;
const sentencesOf = (text: string) => paragraphsOf(text).flatMap((p) => p.sentences.map((s) => s.text));
const clausesOf = (text: string) => paragraphsOf(text).flatMap((p) => p.sentences.flatMap((s) => s.clauses.map((c) => c.text)));

describe('segment: paragraphs', () => {
  it('makes one paragraph per non-blank line, trimmed, with its 0-based line', () => {
    const ps = paragraphsOf('第一段。\n\n\u3000\u3000第二段。  \n   \n第三段。');
    assert.deepEqual(ps.map((p) => [p.line, p.text]), [[0, '第一段。'], [2, '第二段。'], [4, '第三段。']]);
  });

  it('maps every paragraph, sentence and clause back to its own text', () => {
    const text = '\u3000\u3000推进改革，加强保障。提升水平！\r\n二、工作安排\r又一段：继续努力';
    for (const p of paragraphsOf(text)) {
      assert.equal(text.slice(p.start, p.end), p.text);
      for (const s of p.sentences) {
        assert.equal(text.slice(s.start, s.end), s.text);
        for (const c of s.clauses) assert.equal(text.slice(c.start, c.end), c.text);
      }
    }
  });

  it('counts CRLF as one line break', () => {
    const ps = paragraphsOf('第一段。\r\n第二段。\r\n\r\n第三段。\r\n');
    assert.deepEqual(ps.map((p) => [p.line, p.text]), [[0, '第一段。'], [1, '第二段。'], [3, '第三段。']]);
  });

  it('counts a lone CR as a line break', () => {
    const ps = paragraphsOf('第一段。\r第二段。\r\r第三段。');
    assert.deepEqual(ps.map((p) => [p.line, p.text]), [[0, '第一段。'], [1, '第二段。'], [3, '第三段。']]);
  });

  it('numbers lines of mixed CRLF, CR and LF as an editor does', () => {
    const ps = paragraphsOf('甲段。\r\n乙段。\r丙段。\n丁段。\r\r\n\n戊段。');
    assert.deepEqual(ps.map((p) => [p.line, p.text]), [[0, '甲段。'], [1, '乙段。'], [2, '丙段。'], [3, '丁段。'], [6, '戊段。']]);
  });

  it('puts a target after CRLF on the right line and character', () => {
    // 年内改造老旧小区 is 8 characters: 36个 is characters 8–11 of line 1; the CR is not counted.
    const [, t] = targetsOf('新建口袋公园8处。\r\n年内改造老旧小区36个。');
    assert.deepEqual(t.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } });
  });

  it('puts a target after a lone CR on the right line and character', () => {
    const [, t] = targetsOf('新建口袋公园8处。\r年内改造老旧小区36个。');
    assert.deepEqual(t.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } });
  });

  it('puts a target after blank CR and CRLF lines on the right line', () => {
    const [, t] = targetsOf('新建口袋公园8处。\r\r\n\n年内改造老旧小区36个。');
    assert.deepEqual(t.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } });
  });

  it('converts positions back and forth on CR-only text', () => {
    const lines = new LineIndex('甲。\r乙丙。\r\n丁。');
    assert.equal(lines.lineCount, 3);
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 1 });
    assert.equal(lines.offsetAt({ line: 2, character: 1 }), 9);
  });
});

describe('segment: sentences', () => {
  it('ends sentences at 。！？ and keeps a closing quote with its sentence', () => {
    assert.deepEqual(sentencesOf('推动发展。“要把实事办好。”各位代表！我们能做到吗？'), ['推动发展。', '“要把实事办好。”', '各位代表！', '我们能做到吗？']);
  });

  it('keeps a trailing sentence without a final mark', () => {
    assert.deepEqual(sentencesOf('推动发展。继续努力'), ['推动发展。', '继续努力']);
  });

  it('does not end a sentence at the point of a decimal number', () => {
    assert.deepEqual(sentencesOf('年内新增就业1.2万人。'), ['年内新增就业1.2万人。']);
  });
});

describe('segment: clauses', () => {
  it('splits clauses at ，；： and drops the final mark', () => {
    assert.deepEqual(clausesOf('推进改革，加强保障；完善机制：提升水平。'), ['推进改革', '加强保障', '完善机制', '提升水平']);
  });

  it('does not split a clause at a 顿号 (、)', () => {
    assert.deepEqual(clausesOf('统筹教育、医疗和养老，推进改革。'), ['统筹教育、医疗和养老', '推进改革']);
  });

  it('keeps a list joined by 顿号 in one clause, so its targets share the clause deadline', () => {
    const ts = targetsOf('扩大覆盖面，年内普惠性幼儿园覆盖率、义务教育巩固率分别达到90%、99%。');
    assert.equal(ts.length, 2);
    for (const t of ts) assert.deepEqual([t.deadline?.text, t.deadline?.source], ['年内', 'clause']);
  });

  it('splits at half-width commas between Chinese text, but not inside 1,000', () => {
    assert.deepEqual(clausesOf('补齐民生短板,打牢社会基础。'), ['补齐民生短板', '打牢社会基础']);
    assert.deepEqual(clausesOf('年内新增绿地1,000平方米。'), ['年内新增绿地1,000平方米']);
  });
});

describe('segment: characters outside the BMP', () => {
  it('counts 𠀀 as two UTF-16 units before a target on the same line', () => {
    // 𠀀 (2 units) + 村年内新建口袋公园 (9) → 8处 spans characters 11–13.
    const [t] = targetsOf('𠀀村年内新建口袋公园8处。');
    assert.equal(t.value, '8');
    assert.deepEqual(t.range, { start: { line: 0, character: 11 }, end: { line: 0, character: 13 } });
  });

  it('counts 𠀀 inside the clause before the number', () => {
    // 年内 (2) + 𠀀 (2) + 村新建口袋公园 (7) → 8处 spans characters 11–13.
    const [t] = targetsOf('年内𠀀村新建口袋公园8处。');
    assert.deepEqual(t.range, { start: { line: 0, character: 11 }, end: { line: 0, character: 13 } });
  });

  it('does not let 𠀀 on an earlier line shift a target on the next line', () => {
    const [t] = targetsOf('𠀀𠀀𠀀。\n年内新建口袋公园8处。');
    assert.deepEqual(t.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 10 } });
  });

  it('places a diagnostic and its fix after 𠀀 in UTF-16 units', () => {
    // 力争 (2) + 𠀀 (2) + 村入驻企业达到 (7) → 70 spans 11–13; the unit is inserted at 13.
    const text = '力争𠀀村入驻企业达到70。';
    const [d] = diagnosticsOf(text, {}, 'target-missing-unit');
    assert.ok(d, 'target-missing-unit expected');
    assert.deepEqual(d.span, { start: 11, end: 13 });
    assert.equal(text.slice(d.span.start, d.span.end), '70');
    assert.deepEqual(d.fixes[0].edits[0].span, { start: 13, end: 13 });
  });
});
