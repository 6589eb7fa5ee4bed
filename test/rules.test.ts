// The two target rules as a drafter meets them: the diagnostic, where it points, the quick fixes
// offered (best first), and that applying a fix really fixes the problem.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, type Diagnostic } from '../server/src/engine';
import { diagnosticsOf, hanOutsideQuotes, SEEDS, seedModel, targetsOf, type SnippetOptions } from './helpers';

const UNIT = 'target-missing-unit';
const DEADLINE = 'target-missing-deadline';

function only(text: string, rule: string, options: SnippetOptions = {}): Diagnostic {
  const ds = diagnosticsOf(text, options, rule);
  assert.equal(ds.length, 1, `expected one ${rule} in ${text}, got ${ds.length}`);
  return ds[0];
}

const applyFix = (text: string, d: Diagnostic, index = 0) => applyFixes(text, d.fixes[index].edits).text;
const insertedTexts = (d: Diagnostic) => d.fixes.map((f) => f.edits.map((e) => e.newText).join(''));

describe('rule target-missing-unit', () => {
  const TEXT = '力争入驻企业达到70。';

  it('flags a target number without a unit as an error at the number', () => {
    const d = only(TEXT, UNIT);
    assert.equal(d.severity, 'error');
    assert.equal(TEXT.slice(d.span.start, d.span.end), '70');
  });

  it('offers one fix per unit, each inserting only the unit right after the number', () => {
    const d = only(TEXT, UNIT);
    assert.ok(d.fixes.length >= 1);
    for (const f of d.fixes) {
      assert.equal(f.edits.length, 1);
      assert.deepEqual(f.edits[0].span, { start: 10, end: 10 });
      assert.ok(f.title.includes(f.edits[0].newText), `the title names the unit: ${f.title}`);
    }
    assert.equal(new Set(insertedTexts(d)).size, d.fixes.length, 'no unit offered twice');
  });

  it('ranks 家 first for 企业, as the seeds use it, and marks it preferred', () => {
    // The seeds count 企业/团队 with 家 ("入驻企业、科研团队32家", "新增3家…龙头企业").
    assert.ok((seedModel().indicatorUnits['企业']?.['家'] ?? 0) > 0, 'the seed model links 企业 to 家');
    const d = only(TEXT, UNIT);
    assert.equal(d.fixes[0].edits[0].newText, '家');
    assert.equal(d.fixes[0].preferred, true);
    assert.ok(d.fixes.slice(1).every((f) => !f.preferred), 'only one preferred fix');
  });

  it('applying the preferred fix gives text that re-lints without the problem', () => {
    const fixed = applyFix(TEXT, only(TEXT, UNIT));
    assert.equal(fixed, '力争入驻企业达到70家。');
    assert.deepEqual(diagnosticsOf(fixed, {}, UNIT), []);
    assert.deepEqual(targetsOf(fixed).map((t) => [t.value, t.unit]), [['70', '家']]);
  });

  it('suggests % first for a rate or share', () => {
    for (const text of ['年内垃圾分类覆盖率达到95。', '年内服务业增加值占比达到55。', '年内地区生产总值增长6。']) {
      assert.equal(insertedTexts(only(text, UNIT))[0], '%', text);
    }
  });

  it('suggests 个百分点 first for a change of a rate', () => {
    assert.equal(insertedTexts(only('年内城镇化率提高1.2。', UNIT))[0], '个百分点');
  });

  it('after a bare magnitude (3.8万) inserts only the missing unit behind it', () => {
    const text = '年内新增城镇就业3.8万。';
    const d = only(text, UNIT);
    assert.equal(text.slice(d.span.start, d.span.end), '3.8万');
    assert.equal(insertedTexts(d)[0], '人');
    assert.equal(applyFix(text, d), '年内新增城镇就业3.8万人。');
  });

  it('does not flag a target that has its unit, nor a self-describing count such as 1+N', () => {
    assert.deepEqual(diagnosticsOf('力争入驻企业达到70家。', {}, UNIT), []);
    assert.deepEqual(diagnosticsOf('年内落实1+N政策体系。', {}, UNIT), []);
  });

  it('follows a severity set by the user, and is silent when off', () => {
    assert.equal(only(TEXT, UNIT, { rules: { [UNIT]: 'warning' } }).severity, 'warning');
    assert.deepEqual(diagnosticsOf(TEXT, { rules: { [UNIT]: 'off' } }, UNIT), []);
  });

  const SEED_TARGETS: Array<[seed: string, phrase: string, unit: string]> = [
    ['002', '城镇新增就业4.4万人', '万人'],
    ['002', '新建改造高标准农田15万亩', '万亩'],
    ['003', '年内新增城镇就业3.8万人以上', '万人'],
    ['003', '新建农村公路270公里', '公里'],
  ];
  for (const [seed, phrase, unit] of SEED_TARGETS) {
    it(`flags the seed target ${phrase} at its number once its unit ${unit} is deleted`, () => {
      const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(seed))!;
      const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
      const at = text.indexOf(phrase);
      assert.ok(at >= 0, `${phrase} is in ${file}`);
      const numberStart = at + phrase.search(/[0-9]/);
      const unitStart = text.indexOf(unit, numberStart);
      const edited = text.slice(0, unitStart) + text.slice(unitStart + unit.length);

      assert.ok(!diagnosticsOf(text, {}, UNIT).some((d) => d.span.start === numberStart), 'the intact seed is not flagged there');
      const d = diagnosticsOf(edited, {}, UNIT).find((x) => x.span.start === numberStart);
      assert.ok(d, `no ${UNIT} at the number of ${phrase} after deleting ${unit}`);
      assert.equal(d.span.end, unitStart);
      assert.ok(insertedTexts(d).includes(unit), `${unit} is among the fixes ${JSON.stringify(insertedTexts(d))}`);
    });
  }

  it('ranks the seed unit first where the indicator is clear (农村公路 → 公里)', () => {
    assert.equal(insertedTexts(only('年内新建农村公路270。', UNIT))[0], '公里');
  });
});

describe('rule target-missing-deadline', () => {
  const TEXT = '参保率保持在95%以上。';
  const IN_SENTENCE = '扩大参保覆盖面，参保率保持在95%以上。';

  it('flags a target with no deadline in scope as a warning over its quantity', () => {
    const d = only(TEXT, DEADLINE);
    assert.equal(d.severity, 'warning');
    assert.equal(TEXT.slice(d.span.start, d.span.end), '95%以上');
  });

  it('offers "年内" at the start of the clause as the preferred fix', () => {
    const d = only(IN_SENTENCE, DEADLINE);
    assert.equal(d.fixes[0].preferred, true);
    assert.deepEqual(d.fixes[0].edits, [{ span: { start: 8, end: 8 }, newText: '年内' }]);
  });

  it('applying "年内" gives text that re-lints without the problem', () => {
    for (const text of [TEXT, IN_SENTENCE]) {
      const fixed = applyFix(text, only(text, DEADLINE));
      assert.equal(fixed, text.replace('参保率', '年内参保率'));
      assert.deepEqual(diagnosticsOf(fixed, {}, DEADLINE), []);
    }
  });

  it('offers no "到YYYY年" fix when the document has no period', () => {
    assert.deepEqual(insertedTexts(only(IN_SENTENCE, DEADLINE)), ['年内']);
  });

  it('is not raised when the period supplies the deadline', () => {
    assert.deepEqual(diagnosticsOf(TEXT, { period: '2026' }, DEADLINE), []);
  });

  it('offers "到2026年，" when the period is 2026 and the scope is narrower than the document', () => {
    const options: SnippetOptions = { period: '2026', deadlineScope: 'sentence' };
    const d = only(IN_SENTENCE, DEADLINE, options);
    const i = insertedTexts(d).indexOf('到2026年，');
    assert.ok(i > 0, `fixes: ${JSON.stringify(insertedTexts(d))}`);
    assert.deepEqual(d.fixes[i].edits[0].span, { start: 8, end: 8 });
    const fixed = applyFix(IN_SENTENCE, d, i);
    assert.equal(fixed, '扩大参保覆盖面，到2026年，参保率保持在95%以上。');
    assert.deepEqual(diagnosticsOf(fixed, options, DEADLINE), []);
  });

  it('offers "“十五五”期间，" for a five-year-plan period', () => {
    const d = only(IN_SENTENCE, DEADLINE, { period: '十五五', deadlineScope: 'clause' });
    assert.ok(insertedTexts(d).includes('“十五五”期间，'), JSON.stringify(insertedTexts(d)));
  });

  it('is silent when turned off, and follows a severity set by the user', () => {
    assert.deepEqual(diagnosticsOf(TEXT, { rules: { [DEADLINE]: 'off' } }), []);
    assert.equal(only(TEXT, DEADLINE, { rules: { [DEADLINE]: 'error' } }).severity, 'error');
  });

  it('records the rule on the target as a problem', () => {
    assert.deepEqual(targetsOf(TEXT)[0].problems, [DEADLINE]);
    assert.deepEqual(targetsOf(TEXT, { rules: { [DEADLINE]: 'off' } })[0].problems, []);
  });
});

describe('rule messages in Chinese and English', () => {
  const cases: Array<[rule: string, text: string]> = [
    [UNIT, '力争入驻企业达到70。'],
    [DEADLINE, '参保率保持在95%以上。'],
  ];
  for (const [rule, text] of cases) {
    it(`words ${rule} in English with lang en, quoting the indicator`, () => {
      const d = only(text, rule, { lang: 'en' });
      // Besides the quoted indicator, only the suggested units themselves are Chinese.
      const withoutUnits = insertedTexts(d).reduce((m, unit) => m.split(unit).join(''), d.message);
      assert.ok(!hanOutsideQuotes(withoutUnits), d.message);
      assert.ok(d.message.includes(rule === UNIT ? '“入驻企业”' : '“参保率”'), d.message);
      for (const f of d.fixes) assert.ok(!hanOutsideQuotes(f.title), f.title);
    });

    it(`words ${rule} in Chinese with lang zh, quoting the indicator`, () => {
      const d = only(text, rule, { lang: 'zh' });
      assert.ok(hanOutsideQuotes(d.message), d.message);
      assert.ok(!/[A-Za-z]{3,}/.test(d.message), d.message);
      assert.ok(d.message.includes(rule === UNIT ? '“入驻企业”' : '“参保率”'), d.message);
      for (const f of d.fixes) assert.ok(hanOutsideQuotes(f.title), f.title);
    });
  }

  it('names the number in the missing-unit message in both languages', () => {
    for (const lang of ['zh', 'en'] as const) assert.ok(only('力争入驻企业达到70。', UNIT, { lang }).message.includes('70'));
  });
});
