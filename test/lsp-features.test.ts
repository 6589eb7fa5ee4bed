// The editor features' engine logic, without LSP: the word before the cursor in unspaced Chinese,
// phrase completion ranked by prefix, frequency and section fit, the next ordinal, snippets, hover
// content and "fix all". The protocol tests (lsp-protocol.test.ts) drive the same code through the
// built server.
import { strict as assert } from 'node:assert';
import { analyzeReport, lintReport, type Diagnostic, type Model } from '../server/src/engine';
import {
  cjkWordBefore, collectFixes, nextOrdinals, phraseHover, reportSkeleton, sectionSkeletons, sectionTextAt, snippetPreview, suggestPhrases,
  targetAt, targetHover, targetSentenceSnippet,
} from '../server/src/engine/features';
import { seedModel } from './helpers';

/** The seed model with the given phrases instead of its own (sources index its corpus documents). */
function modelWithPhrases(phrases: Model['phrases']): Model {
  return { ...seedModel(), phrases };
}

function analyse(text: string) {
  const analysis = analyzeReport(text, { model: seedModel() });
  return { analysis, diagnostics: lintReport(analysis, { lang: 'en' }) };
}

describe('lsp features: the word before the cursor', () => {
  it('is the run of Chinese characters since the last punctuation mark', () => {
    const text = '加快推进，持续推';
    assert.deepEqual(cjkWordBefore(text, text.length), { start: 5, end: 8, text: '持续推' });
  });

  it('stops at digits, Latin letters and spaces, and is empty right after punctuation', () => {
    assert.equal(cjkWordBefore('建设5G网络', 6).text, '网络');
    assert.equal(cjkWordBefore('推进 乡村', 5).text, '乡村');
    assert.equal(cjkWordBefore('推进。', 3).text, '');
  });

  it('keeps characters outside the BMP (𠀀 is two UTF-16 units) whole', () => {
    const text = '，推𠀀进';
    const word = cjkWordBefore(text, text.length);
    assert.equal(word.text, '推𠀀进');
    assert.equal(word.start, 1);
  });
});

describe('lsp features: phrase completion', () => {
  it('continues the end of an unspaced run with a standard phrase, replacing only what was typed', () => {
    const model = seedModel();
    assert.ok(model.phrases.some((p) => p.text === '高质量发展'), 'the seed model knows 高质量发展');
    const text = '统筹推进高质量';
    const found = suggestPhrases(model, text, text.length).find((s) => s.phrase.text === '高质量发展');
    assert.ok(found, 'offers 高质量发展');
    assert.equal(found.typed, '高质量');
    assert.deepEqual(found.replace, { start: 4, end: 7 });
    assert.ok(found.sources.length >= 2 && found.sources.every((s) => s.endsWith('.txt')), 'names its source reports');
  });

  it('ranks a phrase that continues more of what was typed above one that continues less', () => {
    const model = modelWithPhrases([
      { text: '推进乡村振兴', count: 50, sources: [0, 1] },
      { text: '乡村全面振兴', count: 2, sources: [0, 1] },
    ]);
    const text = '全力推进乡村';
    const labels = suggestPhrases(model, text, text.length).map((s) => s.phrase.text);
    assert.deepEqual(labels, ['推进乡村振兴', '乡村全面振兴']);
    // The last two characters alone: only the phrase that starts with them.
    assert.deepEqual(suggestPhrases(model, '。乡村', 3).map((s) => s.phrase.text), ['乡村全面振兴']);
  });

  it('ranks by frequency, and by fit to the current section when that is clear', () => {
    const model = modelWithPhrases([
      { text: '加快建设城乡融合示范区', count: 4, sources: [0, 1] },
      { text: '加快建设现代化产业体系', count: 5, sources: [0, 1] },
    ]);
    const at = (text: string) => suggestPhrases(model, text, text.indexOf('加快') + 2, { sectionText: sectionTextAt(text, analyzeReport(text, { model }).outline, text.indexOf('加快') + 2) });
    assert.deepEqual(suggestPhrases(model, '加快', 2).map((s) => s.phrase.text)[0], '加快建设现代化产业体系', 'more frequent first');
    const rural = '（一）推进城乡融合发展\n统筹城乡规划，建设城乡融合示范区，推动城乡要素流动。加快\n';
    assert.equal(at(rural)[0].phrase.text, '加快建设城乡融合示范区', 'the section about 城乡 prefers the 城乡 phrase');
    const industry = '（一）建设现代化产业体系\n培育产业集群，壮大现代化产业体系。加快\n';
    assert.equal(at(industry)[0].phrase.text, '加快建设现代化产业体系');
  });

  it('offers phrases with nothing typed, the best fitting first', () => {
    const model = modelWithPhrases([
      { text: '城乡融合示范区', count: 3, sources: [0, 1] },
      { text: '现代化产业体系', count: 3, sources: [0, 1] },
    ]);
    const text = '（一）推进城乡融合\n统筹城乡融合，建设示范区。';
    const offset = text.length;
    const s = suggestPhrases(model, text, offset, { sectionText: sectionTextAt(text, analyzeReport(text, { model }).outline, offset) });
    assert.equal(s[0].phrase.text, '城乡融合示范区');
    assert.deepEqual(s[0].replace, { start: offset, end: offset });
  });

  it('offers a quoted slogan after its opening quote', () => {
    const model = modelWithPhrases([{ text: '“十五五”时期', count: 3, sources: [0, 1] }]);
    const text = '谋划“十五';
    const [s] = suggestPhrases(model, text, text.length);
    assert.equal(s.phrase.text, '“十五五”时期');
    assert.equal(s.typed, '“十五');
  });
});

describe('lsp features: the next ordinal', () => {
  const texts = (text: string, offset = text.length) => nextOrdinals(text, analyzeReport(text, { model: seedModel() }).outline, offset).map((o) => o.text);

  it('offers （四） after （三） and the next part at the start of a line, innermost first', () => {
    assert.deepEqual(texts('二、工作安排\n（三）稳定就业。做好重点群体就业。\n'), ['（四）', '三、']);
  });

  it('offers 三是 after 二是 at the start of a sentence, in the run’s own style', () => {
    assert.deepEqual(texts('（一）稳定就业。一是稳岗。二是扩岗。'), ['三是']);
    assert.deepEqual(texts('（一）稳定就业。一要稳岗。二要扩岗。'), ['三要']);
    assert.deepEqual(texts('（一）稳定就业。第一，稳岗。第二，扩岗。'), ['第三，']);
  });

  it('offers 4. after 3., written in the standard form even when the previous one was not', () => {
    assert.deepEqual(texts('一、总体要求\n（一）主要目标\n3.稳定就业。\n').slice(0, 1), ['4.']);
    assert.deepEqual(texts('(二)统筹城乡。\n').slice(0, 1), ['（三）']);
  });

  it('offers nothing in the middle of a clause', () => {
    assert.deepEqual(texts('（一）稳定就业。一是稳岗，'), []);
    assert.deepEqual(texts('（一）稳定就业。一是稳岗', 10), []);
  });
});

describe('lsp features: snippets', () => {
  const ctx = { model: seedModel(), year: 2026, lang: 'en' as const };

  it('a target sentence has tab stops for deadline, indicator, verb, value and unit, with the model’s choices', () => {
    const s = targetSentenceSnippet(ctx);
    for (const stop of ['${1|', '${2:指标}', '${3|', '${4:数值}', '${5|']) assert.ok(s.snippet.includes(stop), `${stop} in ${s.snippet}`);
    assert.ok(s.snippet.startsWith('${1|年内,'), 'deadline choices start with 年内');
    const topUnit = [...ctx.model.units].sort((a, b) => b.count - a.count)[0].text;
    assert.ok(s.snippet.includes(`\${5|${topUnit}`), `the most frequent unit (${topUnit}) is the first unit choice`);
    assert.equal(snippetPreview(s.snippet), `年内，指标${[...ctx.model.verbs].sort((a, b) => b.count - a.count)[0].text}数值${topUnit}。`);
  });

  it('numbers skeletons after the headings before the cursor, with the run style the model prefers', () => {
    const text = '一、总体要求\n二、工作安排\n（一）稳定就业\n（二）办好教育\n';
    const [part, section] = sectionSkeletons(text, analyzeReport(text, { model: seedModel() }).outline, text.length, ctx);
    assert.ok(part.snippet.startsWith('三、${1:标题}\n（一）'), part.snippet);
    const style = ctx.model.headings.filter((h) => h.form === 'N要').reduce((n, h) => n + h.count, 0) > ctx.model.headings.filter((h) => h.form === 'N是').reduce((n, h) => n + h.count, 0) ? '要' : '是';
    assert.ok(section.snippet.startsWith(`（三）\${1:小标题}\n一${style}`), section.snippet);
  });

  it('a report skeleton uses the year for the plan and the year before for the review', () => {
    const preview = snippetPreview(reportSkeleton(ctx).snippet);
    assert.match(preview, /^2026年政府工作报告\n一、2025年工作回顾\n/);
    assert.match(preview, /\n二、2026年工作安排\n/);
  });
});

describe('lsp features: hover content', () => {
  const text = '某市政府工作报告\n二、2026年工作安排\n（一）扩大有效需求\n力争入驻企业达到70家。\n';

  it('shows a target’s fields as a table, with its deadline and the heading it came from', () => {
    const { analysis } = analyse(text);
    const t = targetAt(analysis, text.indexOf('70') + 1);
    assert.ok(t, 'a target under the cursor');
    const h = targetHover(t, analysis, 'en');
    assert.match(h.markdown, /\| Indicator \| 入驻企业 \|/);
    assert.match(h.markdown, /\| Unit \| 家 \|/);
    assert.match(h.markdown, /\| Deadline \| 2026年 \|/);
    assert.match(h.markdown, /\| Deadline from \| the heading “二、2026年工作安排” \\\(line 2\\\) \|/);
    assert.equal(targetAt(analysis, text.indexOf('入驻')), t, 'hovering the indicator finds the same target');
  });

  it('is in Chinese for a Chinese editor', () => {
    const { analysis } = analyse(text);
    assert.match(targetHover(targetAt(analysis, text.indexOf('70'))!, analysis, 'zh').markdown, /\| 期限来源 \| 标题“二、2026年工作安排”（第2行） \|/);
  });

  it('shows a standard phrase with its frequency and source reports', () => {
    const model = seedModel();
    const phrase = model.phrases.find((p) => p.text === '高质量发展')!;
    const h = phraseHover(model, '推动高质量发展。', 4, 'en');
    assert.ok(h);
    assert.deepEqual(h.span, { start: 2, end: 7 });
    assert.match(h.markdown, new RegExp(`Seen ${phrase.count} times in the training corpus, in ${phrase.sources.length} reports`));
    for (const i of phrase.sources) assert.ok(h.markdown.includes(model.corpus.documents[i].id.replace(/_/g, '\\_')), `names ${model.corpus.documents[i].id}`);
  });
});

describe('lsp features: fix all', () => {
  const diagnostic = (rule: string, start: number, end: number, newText: string, preferred = true): Diagnostic => ({
    rule,
    severity: 'warning',
    message: rule,
    span: { start, end },
    fixes: [{ title: newText, edits: [{ span: { start, end }, newText }], preferred }],
  });

  it('takes one fix per diagnostic, the preferred one, and skips one that overlaps an edit already taken', () => {
    const d1 = diagnostic('a', 0, 2, 'X');
    const d2 = diagnostic('a', 1, 3, 'Y');
    const d3 = diagnostic('a', 5, 6, 'Z');
    d3.fixes.unshift({ title: 'not preferred', edits: [{ span: { start: 5, end: 6 }, newText: 'W' }] });
    const r = collectFixes([d1, d2, d3]);
    assert.deepEqual(r.edits.map((e) => e.newText), ['X', 'Z']);
    assert.deepEqual(r.fixed, [d1, d3]);
  });

  it('takes an identical edit once: three targets of one clause get one deadline', () => {
    const same = [diagnostic('a', 4, 4, '年内'), diagnostic('a', 4, 4, '年内'), diagnostic('a', 4, 4, '年内')];
    const r = collectFixes(same);
    assert.equal(r.edits.length, 1);
    assert.equal(r.fixed.length, 3);
  });

  it('keeps only the diagnostics it is asked for (one rule, or the safe ones)', () => {
    const r = collectFixes([diagnostic('a', 0, 1, 'A'), diagnostic('b', 2, 3, 'B')], (d) => d.rule === 'b');
    assert.deepEqual(r.edits.map((e) => e.newText), ['B']);
  });
});
