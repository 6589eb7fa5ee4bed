// The catalogue as a whole: every rule's metadata is complete and in both languages, its messages
// read in Chinese and in English, the learned rules follow the model they are given, real report
// text raises nothing that is not wrong, and applying the safe fixes to the seed reports leaves
// nothing for them to fix.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, analyzeReport, applyFixes, lintReport, trainModel, type Diagnostic, type Model } from '../server/src/engine';
import { hanOutsideQuotes, ROOT, SEEDS, seedModel } from './helpers';
import { fixtureModel } from './rule-fixtures';

const STANDARDS = ['GB/T 9704-2012', 'GB/T 15834-2011', 'GB/T 15835-2011', 'GB 3100-1993'];
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus');

function lint(text: string, model: Model = seedModel(), lang: 'zh' | 'en' = 'zh'): Diagnostic[] {
  return lintReport(analyzeReport(text, { model }), { lang });
}

describe('rule catalogue', () => {
  it('has stable, unique kebab-case ids', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/);
  });

  for (const { meta } of RULES) {
    it(`${meta.id}: metadata complete in Chinese and English`, () => {
      assert.ok(/[\u4e00-\u9fff]/.test(meta.description.zh) && meta.description.en.length > 0);
      assert.ok(['error', 'warning', 'info'].includes(meta.defaultSeverity));
      assert.ok(!meta.safeFix || meta.fixable, 'a safe fix needs a fix');
      assert.ok(meta.examples.length > 0, 'documented with at least one example');
      if (meta.standard) {
        assert.ok(STANDARDS.includes(meta.standard.code), meta.standard.code);
        assert.ok(meta.standard.section.zh && meta.standard.section.en);
      }
      for (const [name, o] of Object.entries(meta.options ?? {})) {
        assert.ok(/[\u4e00-\u9fff]/.test(o.description.zh) && o.description.en, `option ${name}`);
        if (o.enum) assert.ok(o.enum.includes(o.default as string), `option ${name}: default among its values`);
      }
    });

    it(`${meta.id}: messages and fix titles in English with lang en, in Chinese with lang zh`, () => {
      for (const ex of meta.examples) {
        const en = lint(ex.wrong, seedModel(), 'en').filter((d) => d.rule === meta.id);
        const zh = lint(ex.wrong, seedModel(), 'zh').filter((d) => d.rule === meta.id);
        assert.ok(en.length > 0 && en.length === zh.length, ex.wrong);
        for (const d of en) {
          // Besides quoted words of the report, only the flagged text itself (3.8万) and the units a fix
          // inserts may be Chinese (target-missing-unit).
          const words = [ex.wrong.slice(d.span.start, d.span.end), ...d.fixes.map((f) => f.edits.map((e) => e.newText).join(''))];
          const message = words.reduce((m, w) => (w ? m.split(w).join('') : m), d.message);
          assert.ok(!hanOutsideQuotes(message), d.message);
          for (const f of d.fixes) assert.ok(!hanOutsideQuotes(f.title), f.title);
        }
        for (const d of zh) {
          assert.ok(hanOutsideQuotes(d.message), d.message);
          for (const f of d.fixes) assert.ok(hanOutsideQuotes(f.title), f.title);
        }
      }
    });
  }
});

describe('rules that learn from the model', () => {
  const learned = () => fixtureModel('learned');

  it('the learned fixture model holds the reduplications and Latin tokens its two documents share, the seed model does not', () => {
    const redup = learned().reduplications.map((r) => r.text);
    const latin = learned().latinTokens.map((t) => t.text);
    for (const w of ['常常', '件件', '点点滴滴', '家家户户']) {
      assert.ok(redup.includes(w), `learned ${w}`);
      assert.ok(!seedModel().reduplications.some((r) => r.text === w), `the seeds do not use ${w}`);
    }
    for (const t of ['5G', 'PM2.5', 'GDP', 'app']) {
      assert.ok(latin.includes(t), `learned ${t}`);
      assert.ok(!seedModel().latinTokens.some((x) => x.text === t), `the seeds do not use ${t}`);
    }
  });

  it('accepts a Latin token only when two training documents use it', () => {
    const dir = path.join(__dirname, 'rules', 'models', 'learned');
    const one = trainModel([{ id: 'a.txt', text: fs.readFileSync(path.join(dir, 'a.txt'), 'utf8') }]);
    const text = '政务服务app用户增长。';
    const strays = (model: Model) => lint(text, model).filter((d) => d.rule === 'stray-latin').length;
    assert.equal(strays(one), 1, 'seen in one document: still stray');
    assert.equal(strays(learned()), 0, 'seen in two documents: accepted');
  });

  it('takes its standard phrases from the model: a phrase the model never learned is not enforced', () => {
    const text = '我们坚持以人民为中心发展思想。';
    const near = (model: Model) => lint(text, model).filter((d) => d.rule === 'near-standard-phrase');
    assert.equal(near(seedModel()).length, 0);
    assert.equal(near(learned()).length, 1);
  });

  it('ranks the legal name of a unit by the model (公里 before 千米 after seeds that write 公里)', () => {
    const d = lint('新建农村公路120km。').find((x) => x.rule === 'nonstandard-unit')!;
    assert.deepEqual(d.fixes.map((f) => f.edits[0].newText), ['公里', '千米']);
  });
});

describe('real report text', () => {
  // 001: a paragraph of a seed report whose only faults are its half-width commas and brackets.
  const seed = fs.readFileSync(path.join(SEEDS, fs.readdirSync(SEEDS).find((f) => f.startsWith('001'))!), 'utf8');
  const paragraph = seed.split(/\r?\n/).find((l) => l.startsWith('——持续提升健康保障水平。'))!;

  it('a seed paragraph raises only half-width punctuation, and nothing once that is fixed', () => {
    assert.ok(paragraph && paragraph.length > 200, 'the paragraph is in seeds/001');
    const text = `各位代表：\n${paragraph}\n`;
    const ds = lint(text);
    assert.ok(ds.length > 0);
    assert.deepEqual([...new Set(ds.map((d) => d.rule))], ['halfwidth-punctuation']);
    const fixed = applyFixes(text, ds.flatMap((d) => d.fixes[0].edits)).text;
    assert.deepEqual(lint(fixed).map((d) => `${d.rule}: ${d.message}`), []);
  });

  it('the same paragraph inside its whole report raises nothing else either', () => {
    const start = seed.indexOf(paragraph);
    const inside = lint(seed).filter((d) => d.span.start >= start && d.span.end <= start + paragraph.length);
    assert.deepEqual([...new Set(inside.map((d) => d.rule))], ['halfwidth-punctuation']);
  });

  it('a paragraph of an unseen provincial report raises nothing', function () {
    const file = path.join(CORPUS, 'provincial-2026', '2026_zhejiang.txt');
    if (!fs.existsSync(file)) this.skip(); // ../shared/corpus is not part of the repository
    const text = fs.readFileSync(file, 'utf8');
    const line = text.split(/\r?\n/).find((l) => l.startsWith('促进民营经济高质量发展。坚持“两个毫不动摇”'));
    assert.ok(line, 'the paragraph is in the corpus');
    assert.deepEqual(lint(`各位代表：\n${line}\n`).map((d) => `${d.rule}: ${d.message}`), []);
  });
});

describe('what is not content', () => {
  it('raises nothing on the title, subtitle, byline, web leftovers and page markers', () => {
    const text = [
      '政 府 工 作 报 告',
      '——2026年1月14日在市第十六届人民代表大会第五次会议上',
      '北京市市长 殷勇',
      '【字号：大 中 小】',
      '下载',
      '各位代表：',
      '(上接第一版)现在，我代表市人民政府向大会报告工作，请予审议。',
    ].join('\n');
    assert.deepEqual(lint(text).map((d) => `${d.rule}: ${text.slice(d.span.start, d.span.end)}`), []);
  });

  it('still checks the same faults in the body', () => {
    const body = '各位代表：\n现在 我代表市人民政府向大会报告工作,请予审议。';
    assert.deepEqual(lint(body).map((d) => d.rule).sort(), ['halfwidth-punctuation', 'space-in-chinese']);
  });
});

describe('fixes on the seed reports', () => {
  const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  const safe = new Set(RULES.filter((r) => r.meta.safeFix).map((r) => r.meta.id));

  for (const file of seeds) {
    it(`${file}: every fix stays inside its diagnostic, and the safe fixes leave nothing to fix`, () => {
      const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
      const ds = lint(text);
      for (const d of ds) {
        if (d.rule === 'target-missing-deadline') continue; // inserts at the start of the clause
        for (const f of d.fixes) for (const e of f.edits) assert.ok(e.span.start >= d.span.start && e.span.end <= d.span.end, `${d.rule}: ${f.title}`);
      }
      const once = applyFixes(text, ds.filter((d) => safe.has(d.rule) && d.fixes.length).flatMap((d) => d.fixes[0].edits)).text;
      const left = lint(once).filter((d) => safe.has(d.rule) && d.fixes.length);
      assert.deepEqual(left.map((d) => `${d.rule}: ${once.slice(d.span.start - 5, d.span.end + 5)}`), []);
    });
  }
});
