// Targets as a reviewer reads them in `workreport targets`: every field of TARGETS.md, where the
// deadline came from, what counts as one target, and what is not a target at all.
import { strict as assert } from 'node:assert';
import type { TargetJSON } from '../server/src/engine';
import { rangeOfText, targetsOf, type SnippetOptions } from './helpers';

const one = (text: string, options: SnippetOptions = {}): TargetJSON => {
  const ts = targetsOf(text, options);
  assert.equal(ts.length, 1, `expected one target in ${text}, got ${JSON.stringify(ts.map((t) => t.value + (t.unit ?? '')))}`);
  return ts[0];
};
const deadlineOf = (t: TargetJSON) => (t.deadline ? [t.deadline.text, t.deadline.source] : null);
/** The deadline's text, source and where it is written (the fields these tests pin). */
const located = (t: TargetJSON) => (t.deadline ? { text: t.deadline.text, source: t.deadline.source, range: t.deadline.range } : null);
const quantities = (text: string, options: SnippetOptions = {}) => targetsOf(text, options).map((t) => `${t.value}${t.unit ?? ''}`);

describe('targets: fields', () => {
  it('fills every field of a complete target', () => {
    const text = '二、2026年工作安排\n年内城镇调查失业率控制在5.5%左右。';
    const t = one(text);
    // The contract fields of TARGETS.md (more fields may be added).
    const { indicator, verb, value, unit, qualifier, range, section, sentence, problems } = t;
    assert.deepEqual({ indicator, verb, value, unit, qualifier, range, section, sentence, problems }, {
      indicator: '城镇调查失业率',
      verb: '控制在',
      value: '5.5',
      unit: '%',
      qualifier: '左右',
      // 年内城镇调查失业率控制在 is 12 characters; the quantity 5.5%左右 is the next 6.
      range: { start: { line: 1, character: 12 }, end: { line: 1, character: 18 } },
      section: '二、2026年工作安排',
      sentence: '年内城镇调查失业率控制在5.5%左右。',
      problems: [],
    });
    assert.deepEqual([t.deadline?.text, t.deadline?.source], ['年内', 'clause']);
    assert.deepEqual(t.deadline?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  });

  it('covers number, unit and a qualifier after it with the range', () => {
    const text = '确保贷款余额增长14%以上。';
    const t = one(text);
    assert.deepEqual([t.indicator, t.verb, t.value, t.unit, t.qualifier], ['贷款余额', '增长', '14', '%', '以上']);
    assert.deepEqual(t.range, rangeOfText(text, '14%以上'));
  });

  it('reads a qualifier written before the number (不少于, 约) and starts the range at the number', () => {
    const text = '年内开展送戏下乡活动不少于150场。';
    const t = one(text);
    assert.deepEqual([t.indicator, t.verb, t.value, t.unit, t.qualifier], ['送戏下乡活动', '开展', '150', '场', '不少于']);
    assert.deepEqual(t.range, rangeOfText(text, '150场'));
    const loan = one('年内发放创业担保贷款约3.5亿元。');
    assert.deepEqual([loan.value, loan.unit, loan.qualifier], ['3.5', '亿元', '约']);
  });

  it('reads 多/余 between the number and the unit as the qualifier', () => {
    const [trained, entities] = targetsOf('年内培训农民工1000多人，新增市场主体2000余户。');
    assert.deepEqual([trained.value, trained.unit, trained.qualifier], ['1000', '人', '多']);
    assert.deepEqual([entities.value, entities.unit, entities.qualifier], ['2000', '户', '余']);
  });

  it('keeps magnitude and unit together as written (万人, 万亩, 亿元, 平方米, 微克/立方米)', () => {
    assert.deepEqual(quantities('年内新增就业4.4万人，新建改造高标准农田15万亩，完成投资120亿元。'), ['4.4万人', '15万亩', '120亿元']);
    assert.deepEqual(quantities('到2026年，人均公共绿地面积达到14.2平方米。'), ['14.2平方米']);
    assert.deepEqual(quantities('年内细颗粒物平均浓度控制在30微克/立方米以内。'), ['30微克/立方米']);
  });

  it('names the indicator by the noun phrase before the verb or the number', () => {
    assert.equal(one('确保粮食总产量达到26.1亿斤以上。').indicator, '粮食总产量');
    assert.equal(one('到2026年，人均公共绿地面积达到14.2平方米。').indicator, '人均公共绿地面积');
    assert.equal(one('力争入驻企业、科研团队达到70家。').indicator, '入驻企业、科研团队');
  });

  it('names the indicator by the object when the verb comes first (建设25个精品示范村)', () => {
    const t = one('年内建设25个精品示范村。');
    assert.deepEqual([t.indicator, t.verb, t.value, t.unit], ['精品示范村', '建设', '25', '个']);
  });

  it('names 城镇新增就业 as the indicator of 城镇新增就业4.4万人', () => {
    assert.equal(one('年内城镇新增就业4.4万人。').indicator, '城镇新增就业');
  });

  it('does not take part of a leading deadline into the indicator (2026年底前建成示范村20个)', () => {
    const t = one('2026年底前建成示范村20个。');
    assert.deepEqual([t.indicator, t.verb], ['示范村', '建成']);
    assert.deepEqual(deadlineOf(t), ['2026年底前', 'clause']);
  });

  it('names the innermost outline symbol as the section', () => {
    const t = one('二、2026年工作安排\n（一）稳定和扩大就业。\n1.抓好重点群体就业。\n年内新增城镇就业1.2万人。');
    assert.equal(t.section, '1.抓好重点群体就业。');
  });

  it('gives the whole sentence that holds the target', () => {
    const [, t] = targetsOf('推进老旧小区改造，年内改造36个；新建口袋公园8处。');
    assert.equal(t.sentence, '推进老旧小区改造，年内改造36个；新建口袋公园8处。');
  });

  it('has null section, no deadline and the missing-deadline problem when nothing gives one', () => {
    const t = one('新建口袋公园8处。');
    assert.equal(t.section, null);
    assert.equal(t.deadline, null);
    assert.deepEqual(t.problems, ['target-missing-deadline']);
  });
});

describe('targets: deadline scopes', () => {
  const CLAUSE_EXPRESSIONS = [
    '年内', '今年', '全年', '到2026年', '2026年底前', '上半年', '一季度', '未来五年', '“十五五”期间', '“十五五”末', '2—3年内', '计划用三年时间',
  ];
  for (const expr of CLAUSE_EXPRESSIONS) {
    it(`takes ${expr} in the same clause as a clause deadline`, () => {
      const text = `${expr}建成示范村20个。`;
      const t = one(text);
      assert.deepEqual(located(t), { text: expr, source: 'clause', range: rangeOfText(text, expr) });
    });
  }

  it('takes a time expression earlier in the sentence as a sentence deadline', () => {
    const text = '统筹做好重点群体就业，年内新增城镇就业3.8万人以上，城镇登记失业率控制在4%以内。';
    const [jobs, unemployment] = targetsOf(text);
    assert.deepEqual(deadlineOf(jobs), ['年内', 'clause']);
    assert.deepEqual(located(unemployment), { text: '年内', source: 'sentence', range: rangeOfText(text, '年内') });
  });

  it('takes the nearest earlier time expression of the sentence', () => {
    const [, , t] = targetsOf('到2027年建成示范村20个，年内改造老旧小区36个，新建口袋公园8处。');
    assert.deepEqual(deadlineOf(t), ['年内', 'sentence']);
  });

  it('takes "到2026年，…" opening the paragraph as a paragraph deadline for later sentences', () => {
    const text = '到2026年，人均公共绿地面积达到14.2平方米。新建口袋公园8处。';
    const [, parks] = targetsOf(text);
    assert.deepEqual(located(parks), { text: '到2026年', source: 'paragraph', range: rangeOfText(text, '到2026年') });
  });

  it('takes "今年，…" opening the paragraph as a paragraph deadline', () => {
    const [, t] = targetsOf('今年，全市新建口袋公园8处。改造老旧小区36个。');
    assert.deepEqual(deadlineOf(t), ['今年', 'paragraph']);
  });

  it('does not carry a paragraph opening into the next paragraph', () => {
    const [, t] = targetsOf('到2026年，人均公共绿地面积达到14.2平方米。\n新建口袋公园8处。');
    assert.equal(t.deadline, null);
  });

  it('takes the year of the enclosing heading as a heading deadline', () => {
    const text = '二、2025年工作安排\n（一）建设宜居城市。\n新建口袋公园8处。';
    assert.deepEqual(located(one(text)), { text: '2025年', source: 'heading', range: rangeOfText(text, '2025年') });
  });

  it('takes a five-year plan in the heading (“十五五”时期) as a heading deadline', () => {
    const t = one('二、“十五五”时期主要目标任务\n建成示范村20个。');
    assert.equal(t.deadline?.source, 'heading');
    assert.match(t.deadline!.text, /十五五/);
  });

  it('prefers the clause over the heading', () => {
    assert.deepEqual(deadlineOf(one('二、2025年工作安排\n2027年底前建成示范村20个。')), ['2027年底前', 'clause']);
  });

  it('takes the year of the title as the document deadline', () => {
    const text = '2026年某市政府工作报告\n新建口袋公园8处。';
    const t = one(text);
    assert.deepEqual(deadlineOf(t), ['2026年', 'document']);
    assert.deepEqual(t.deadline?.range, rangeOfText(text, '2026年'));
  });

  it('takes the period option as the document deadline, before the title', () => {
    assert.deepEqual(deadlineOf(one('新建口袋公园8处。', { period: '2026' })), ['2026年', 'document']);
    const t = one('2025年某市政府工作报告\n新建口袋公园8处。', { period: '2026' });
    assert.deepEqual(deadlineOf(t), ['2026年', 'document']);
  });

  it('gives no deadline and flags the target when no scope has one', () => {
    const t = one('各位代表：\n新建口袋公园8处。');
    assert.equal(t.deadline, null);
    assert.ok(t.problems.includes('target-missing-deadline'));
  });

  it('does not take a baseline year (比2025年) as a deadline', () => {
    assert.equal(one('单位能耗比2025年下降3%。').deadline, null);
  });
});

describe('targets: the deadlineScope option', () => {
  const HEADING = '二、2026年工作安排\n新建口袋公园8处。';

  it("with 'clause', a heading year no longer counts", () => {
    assert.deepEqual(deadlineOf(one(HEADING)), ['2026年', 'heading']);
    const t = one(HEADING, { deadlineScope: 'clause' });
    assert.equal(t.deadline, null);
    assert.deepEqual(t.problems, ['target-missing-deadline']);
  });

  it("with 'clause', a deadline in the clause still counts", () => {
    assert.deepEqual(deadlineOf(one('二、2026年工作安排\n年内新建口袋公园8处。', { deadlineScope: 'clause' })), ['年内', 'clause']);
  });

  it("with 'clause', an earlier clause of the sentence no longer counts", () => {
    const [, t] = targetsOf('年内改造老旧小区36个，新建口袋公园8处。', { deadlineScope: 'clause' });
    assert.equal(t.deadline, null);
  });

  it("with 'sentence', a paragraph opening no longer counts", () => {
    const [, t] = targetsOf('到2026年，人均公共绿地面积达到14.2平方米。新建口袋公园8处。', { deadlineScope: 'sentence' });
    assert.equal(t.deadline, null);
  });

  it("with 'paragraph', the heading no longer counts", () => {
    assert.equal(one(HEADING, { deadlineScope: 'paragraph' }).deadline, null);
  });

  it("with 'heading', the heading counts but the document period does not", () => {
    assert.deepEqual(deadlineOf(one(HEADING, { deadlineScope: 'heading' })), ['2026年', 'heading']);
    assert.equal(one('2026年某市政府工作报告\n新建口袋公园8处。', { deadlineScope: 'heading' }).deadline, null);
    assert.equal(one('新建口袋公园8处。', { deadlineScope: 'heading', period: '2026' }).deadline, null);
  });
});

describe('targets: lists and ranges', () => {
  const LIST = '年内卫生户厕普及率、生活污水治理率和垃圾收运处置覆盖率分别达到88%、70%和96%以上。';

  it('reads "分别达到88%、70%和96%以上" as three targets with their own ranges', () => {
    const ts = targetsOf(LIST);
    assert.deepEqual(ts.map((t) => [t.value, t.unit, t.verb]), [['88', '%', '达到'], ['70', '%', '达到'], ['96', '%', '达到']]);
    assert.deepEqual(ts.map((t) => t.range), [rangeOfText(LIST, '88%'), rangeOfText(LIST, '70%'), rangeOfText(LIST, '96%以上')]);
    assert.equal(ts[2].qualifier, '以上');
    for (const t of ts) assert.deepEqual(deadlineOf(t), ['年内', 'clause']);
  });

  it('pairs each value of a 分别 list with its own indicator', () => {
    assert.deepEqual(targetsOf(LIST).map((t) => t.indicator), ['卫生户厕普及率', '生活污水治理率', '垃圾收运处置覆盖率']);
  });

  it('reads a range 5%—5.5% as one target, kept whole', () => {
    const text = '年内地区生产总值增长5%—5.5%。';
    const t = one(text);
    assert.deepEqual([t.value, t.unit], ['5%—5.5%', '%']);
    assert.deepEqual(t.range, rangeOfText(text, '5%—5.5%'));
  });

  it('reads 2-3个 and 1—2个 as one target each', () => {
    const text = '年内培育2-3个产业集群，新增1—2个省级专业镇。';
    const ts = targetsOf(text);
    assert.deepEqual(ts.map((t) => [t.value, t.unit]), [['2-3', '个'], ['1—2', '个']]);
    assert.deepEqual(ts.map((t) => t.range), [rangeOfText(text, '2-3个'), rangeOfText(text, '1—2个')]);
  });
});

describe('targets: what is not a target', () => {
  it('skips past results in the 工作回顾 part and keeps the plan', () => {
    const text = '一、2025年工作回顾\n完成粮食种植面积423.67万亩，新建改造高标准农田20万亩。\n二、2026年工作安排\n新建改造高标准农田15万亩。';
    assert.deepEqual(quantities(text), ['15万亩']);
  });

  it('skips sentences about the past year (去年, 同比, 一年来, 过去一年)', () => {
    assert.deepEqual(quantities('去年城镇新增就业4.1万人。全市进出口总额同比增长12%。'), []);
    assert.deepEqual(quantities('一年来，新建改造高标准农田20万亩。过去一年，建设精品示范村30个。'), []);
  });

  it('keeps a plan sentence next to a past one in the same paragraph', () => {
    assert.deepEqual(quantities('去年城镇新增就业4.1万人。今年力争新增就业4.4万人。'), ['4.4万人']);
  });

  const IDENTIFIERS: Array<[string, string[]]> = [
    ['年内新建5G基站1200个。', ['1200个']],
    ['年内PM2.5平均浓度控制在30微克/立方米以内。', ['30微克/立方米']],
    ['力争创建5A级旅游景区1家。', ['1家']],
    ['年内建成地铁2号线一期工程。', []],
    ['力争承办第14届全国运动会，办好第十四届文博会。', []],
    ['年内编制“十五五”规划。', []],
    ['优化12345热线服务，年内办结率达到98%。', ['98%']],
    ['年内深化营商环境3.0改革。', []],
    ['年内落实1+N政策体系，推进“1+18+N”医疗体系建设。', []],
  ];
  for (const [text, expected] of IDENTIFIERS) {
    it(`does not take an identifier for a target: ${text}`, () => {
      assert.deepEqual(quantities(text), expected);
    });
  }

  it('keeps the identifier in the indicator (5G基站, 5A级旅游景区)', () => {
    assert.equal(one('年内新建5G基站1200个。').indicator, '5G基站');
    assert.equal(one('力争创建5A级旅游景区1家。').indicator, '5A级旅游景区');
  });

  it('does not take the ordinals of headings (1. （1）) for targets', () => {
    assert.deepEqual(quantities('1.抓好重点群体就业。年内新增就业5000人。\n（1）稳定岗位。年内新增见习岗位200个。'), ['5000人', '200个']);
  });

  it('does not take dates and years for targets', () => {
    assert.deepEqual(quantities('2026年1月14日召开会议。'), []);
    assert.deepEqual(quantities('力争2026年完成改造任务，2026—2030年持续推进。'), []);
  });

  it('does not take numbers inside “…” or 《…》 for targets', () => {
    assert.deepEqual(quantities('年内打响“三年新建100所学校”品牌，出台《关于新建500个村卫生室的意见》。'), []);
  });

  it('still reads a target after a quoted slogan in the same sentence', () => {
    assert.deepEqual(quantities('开展“万人助万企”活动，年内新增市场主体3600户。'), ['3600户']);
  });
});

// Old reports (national reports of 1954–2002) have no period in a title and parts named by their theme:
// the sentences and the years they name tell results from plans.
describe('targets: old reports', () => {
  it('reads a year before the report’s as a result; the report’s year comes from its dated review heading', () => {
    const text = '一、1994年国内工作的回顾\n经济运行平稳。\n二、促进国民经济持续发展\n全国工业总产值在1994年增长18%。国内生产总值在1995年增长8%左右。';
    assert.deepEqual(quantities(text), ['8%']);
  });

  it('reads the perfective as done where no heading tells, but not under a plan heading', () => {
    assert.deepEqual(quantities('国家先后在58个城市进行了试点。'), []);
    assert.deepEqual(quantities('二、主要预期目标\n经济增长预期目标为5%左右，考虑了需要和可能。'), ['5%']);
  });

  it('keeps the targets a plan cites with 提出了', () => {
    assert.deepEqual(quantities('《纲要》提出了“十一五”期间单位国内生产总值能源消耗降低20%左右等目标。'), ['20%']);
  });

  it('takes years in Chinese numerals and quoted older plans (“十五”) as deadlines', () => {
    assert.deepEqual(deadlineOf(one('到一九九五年，粮食产量达到4500亿公斤。')), ['到一九九五年', 'sentence']);
    assert.deepEqual(deadlineOf(one('“十五”期间年均经济增长速度预期为7%左右。')), ['“十五”期间', 'clause']);
  });

  it('takes the meeting line under the title, written without a dash, as the document period', () => {
    const t = one('政府工作报告\n1957年6月26日在第一届全国人民代表大会第四次会议上\n参保率保持在95%以上。');
    assert.deepEqual(deadlineOf(t), ['1957年', 'document']);
  });

  it('takes "1982年是…" opening the paragraph as the paragraph deadline', () => {
    const [t] = targetsOf('1982年是第六个五年计划的第二年。国民收入安排为比今年增长4%左右。');
    assert.deepEqual(deadlineOf(t), ['1982年', 'paragraph']);
  });
});
