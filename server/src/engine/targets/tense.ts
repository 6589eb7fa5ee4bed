import type { OutlineNode } from '../types';
import { findTimeExpressions, yearOf } from './timeExpressions';

// The review/plan split (TARGETS.md): results of the past year are not targets. The part heading
// sets the context (工作回顾 vs 工作安排/目标任务); inside a paragraph, tense markers can override it.

export type Tense = 'review' | 'plan';
/**
 * The context a part heading gives: review, plan, `mixed` when it names both ("…发展成就和“十五五”时期
 * 主要目标任务"), `open` when no heading says (old reports, fragments, parts named by their theme):
 * there the sentences alone tell, and a verb in the perfective (取得了, 进行了) reads as done.
 */
export type Context = Tense | 'mixed' | 'open';

// 形势: "当前的经济形势" tells where things stand, which is what was achieved; 决算 (final accounts) closes
// a past year as 预算 (the budget) plans the next.
const REVIEW_HEADING = /回顾|过去|成就|成绩|总结|一年来|五年来|以来的工作|工作情况|形势|决算/;
const PLAN_HEADING = /安排|任务|目标|打算|要求|取向|建议|展望|部署|重点工作|思路|举措|规划|计划|预算/;

/**
 * The perfective 了 after a verb (取得了, 进行了, 加快了): what has been done. Not 为了, 除了, 罢了,
 * 不了 (做不了), nor 了 as a verb of its own (了解, 了结, 一目了然); nor 提出了, 确定了, which cite a plan
 * ("《纲要》提出了“十一五”期间…降低20%左右…等目标").
 */
export function hasPerfective(text: string): boolean {
  // A search for 了 first: this runs on every sentence, where a regex would try each character.
  for (let i = text.indexOf('了', 1); i > 0; i = text.indexOf('了', i + 1)) {
    const before = text.slice(Math.max(0, i - 2), i);
    if (/[\u4e00-\u9fff]$/.test(before) && !/(?:[为除罢不]|提出|确定)$/.test(before) && !/[解结然如却]/.test(text[i + 1] ?? '')) return true;
  }
  return false;
}

/** Past-tense markers: what has been done. */
const PAST = /去年|上年|过去|实际(?:完成|建成|达到)|[一二三四五六七八九十两几]+年(?:来|间)|以来|同比|比上年|较上年|累计|已经|已(?!有|于|在|是)|(?:完成|实现|达到|增长|提高|下降|建成|新增|取得|获得|超过|突破|减少|增加)了|提前完成|超额完成|圆满完成|圆满承办|成功(?:举办|入选|创建|承办|获批|申报)|荣获|获评|获批|被评为|入选|位居|排名|跃居|列全/;
/** Future markers: what will be done. */
const FUTURE = /今年|明年|年内|今后|未来|力争|确保|争取|将(?!其|之|近)|(?<!五年|年度|的)计划(?!生育|经济|单列|的|规定|指标|体制)|预计|准备(?!工作|了)|目标是|(?<![重主需必只纲摘提首])要(?!求|素|点|害|闻|是|么|(?:着重)?(?:指出|说明|强调))|到(?:19|20)[0-9]{2}年|努力|必须/;
/**
 * Imperatives that, in a plan, make a sentence a task even beside a past figure. Not when done (加快了),
 * nor said of a state (产量持续增长, 明显加快。, 由400多万人扩大到1120多万人), nor in the ground laid
 * before ("在不断加强立法工作的基础上").
 */
const TASK = /(?:推动|加快|实施|推进|持续|深化|强化|加强|提升|扩大|完善|健全)(?![了，。；、,;到至为]|$|增长|发展|上升|下降|好转)/;
const isTask = (sentence: string) => TASK.test(sentence.replace(/在[^，。；]*基础上/g, ''));
/** What makes a sentence of the review a look ahead. */
const LOOK_AHEAD = /今年|明年|力争|确保/;

/** A heading's context; null when it names both ("“十四五”时期发展成就和“十五五”时期主要目标任务"). */
export function headingTense(name: string): Tense | null {
  // "国民经济在调整、改革、整顿、提高中取得了新的进展": a heading told in the perfective heads a review.
  const review = REVIEW_HEADING.test(name) || hasPerfective(name);
  const plan = PLAN_HEADING.test(name.replace(/工作回顾|工作情况/g, ''));
  if (review && plan) return null;
  if (review) return 'review';
  if (plan) return 'plan';
  return null;
}

/**
 * The context of the content before the first part heading: a report page that opens on "二、…工作安排"
 * continues part one from the page before, which is the review.
 */
export function leadingTense(outline: readonly OutlineNode[]): Context {
  const firstPart = outline.find((n) => n.kind === 'part');
  if (firstPart && (firstPart.ordinalValue ?? 1) > 1 && headingTense(firstPart.name) === 'plan') return 'review';
  return 'open';
}

/**
 * The context of a sentence under the nodes of `path` (outermost first): its part's, or that of a
 * section with no part above it whose heading tells ("（一）当前的经济形势" opening an old report).
 */
export function partContext(path: readonly { kind: string; name: string }[], beforeFirstPart: Context): Context {
  const top = path[0]?.kind === 'section' && headingTense(path[0].name) ? path[0] : undefined;
  const part = path.find((n) => n.kind === 'part') ?? top;
  if (!part) return beforeFirstPart;
  return headingTense(part.name) ?? (REVIEW_HEADING.test(part.name) || hasPerfective(part.name) ? 'mixed' : 'open');
}

/**
 * The year the report plans for, to tell a year of the past (1979年…完成500亿元) from one of the plan:
 * the period's year, else that of the first part heading that names one (一、1994年国内工作的回顾 → 1995;
 * 二、2007年工作总体部署 → 2007). Not a period: it gives no deadline (TARGETS.md).
 */
export function documentYear(periodYear: number | null, outline: readonly OutlineNode[]): number | null {
  if (periodYear !== null) return periodYear;
  for (const n of outline) {
    if (n.kind !== 'part') continue;
    const years = yearsIn(n.name);
    if (!years.length) continue;
    const tense = headingTense(n.name);
    if (tense === 'review') return years[0] + 1;
    // A heading that names both reads from the later year (一、1998年工作回顾和1999年工作的总体要求).
    if (tense === 'plan' || REVIEW_HEADING.test(n.name)) return Math.max(...years);
  }
  return null;
}

/** The years a text names as its time (2026年, 到2026年, 一九八三年), not as a baseline (比2025年, 2020年以来). */
function yearsIn(text: string): number[] {
  return findTimeExpressions(text)
    .map((m) => yearOf(m.text))
    .filter((y): y is number => y !== null);
}

/**
 * The tense of one sentence in a given context. In a plan, a sentence with no marker of its own
 * takes the tense of the sentence before it (`previous`): "五年来，人民生活明显改善。城镇新增就业4200万人。"
 * is all review. A sentence that names only years before the report's (`year`) tells the past; one
 * that names the report's year or a later one starts afresh.
 */
export function sentenceTense(sentence: string, context: Context, previous: Tense | null = null, year: number | null = null): Tense {
  const own = ownTense(sentence, context, year);
  return own === 'previous' ? goOn(previous) : own;
}

/** The tense of a sentence that tells none of its own in a plan: that of the sentence before, if it told of the past. */
function goOn(previous: Tense | null): Tense {
  return previous === 'review' ? 'review' : 'plan';
}

/**
 * The tense one sentence tells by itself, or 'previous' when, in a plan or where no heading says,
 * it has no marker of its own and goes on in the tense of the sentence before.
 */
export function ownTense(sentence: string, context: Context, year: number | null): Tense | 'previous' {
  // Only a report whose year is known can tell a past year from its own.
  const years = year !== null && sentence.includes('年') ? yearsIn(sentence) : [];
  const pastYear = year !== null && years.length > 0 && years.every((y) => y < year);
  const ownYear = year !== null && years.some((y) => y >= year);
  // Under a plan heading, 了 mostly gives the reasons for a target ("…5%左右，考虑了…"): only words of the
  // past count there.
  const past = PAST.test(sentence) || pastYear || (context !== 'plan' && hasPerfective(sentence));
  switch (context) {
    case 'plan':
    case 'open': {
      if (past) return FUTURE.test(sentence) || isTask(sentence) ? 'plan' : 'review';
      return ownYear || FUTURE.test(sentence) || isTask(sentence) ? 'plan' : 'previous';
    }
    case 'mixed':
      return past && !FUTURE.test(sentence) ? 'review' : 'plan';
    case 'review':
      return LOOK_AHEAD.test(sentence) && !past ? 'plan' : 'review';
  }
}

/**
 * The tenses of one paragraph's sentences, each read when first asked for. A sentence that tells no
 * tense of its own takes that of the one before, so asking may read back to the last sentence that
 * tells one; sentences no one asks about (most hold no number) are never read.
 */
export class ParagraphTenses {
  private readonly tenses: Array<Tense | undefined> = [];
  private readonly owns: Array<Tense | 'previous' | undefined> = [];

  constructor(
    private readonly sentences: ReadonlyArray<{ text: string; context: Context }>,
    /** The tense the paragraph before hands on, if any. */
    private readonly carriedIn: Tense | null,
    private readonly year: number | null,
  ) {}

  /** The tense of sentence `k`. */
  at(k: number): Tense {
    let known = k;
    while (known >= 0 && this.tenses[known] === undefined) {
      const { text, context } = this.sentences[known];
      const own = (this.owns[known] ??= ownTense(text, context, this.year));
      if (own !== 'previous') {
        this.tenses[known] = own;
        break;
      }
      known--;
    }
    // Every sentence after the one known goes on in its tense.
    let tense = known >= 0 ? this.tenses[known]! : this.carriedIn;
    for (let j = known + 1; j <= k; j++) this.tenses[j] = tense = goOn(tense);
    return this.tenses[k]!;
  }
}
