import type { OutlineNode } from '../types';

// The review/plan split (TARGETS.md): results of the past year are not targets. The part heading
// sets the context (工作回顾 vs 工作安排/目标任务); inside a paragraph, tense markers can override it.

export type Tense = 'review' | 'plan';
/** The context of a part whose heading names both ("…发展成就和“十五五”时期主要目标任务"). */
export type Context = Tense | 'mixed';

const REVIEW_HEADING = /回顾|过去|成就|成绩|总结|一年来|五年来|以来的工作|工作情况/;
const PLAN_HEADING = /安排|任务|目标|打算|要求|取向|建议|展望|部署|重点工作|思路|举措|规划|计划/;

/** Past-tense markers: what has been done. */
const PAST = /去年|上年|过去|[一二三四五六七八九十两几]+年(?:来|间)|以来|同比|比上年|较上年|累计|已经|已(?!有|于|在|是)|(?:完成|实现|达到|增长|提高|下降|建成|新增|取得|获得|超过|突破|减少|增加)了|提前完成|超额完成|圆满完成|圆满承办|成功(?:举办|入选|创建|承办|获批|申报)|荣获|获评|获批|被评为|入选|位居|排名|跃居|列全/;
/** Future markers: what will be done. */
const FUTURE = /今年|明年|年内|力争|确保|争取|将(?!其|之|近)|计划|预计|目标是|要(?!求|素|点|害|闻)|到(?:19|20)[0-9]{2}年|努力|必须/;
/** Imperatives that, in a plan, make a sentence a task even beside a past figure. */
const TASK = /推动|加快|实施|推进|持续|深化|强化|加强|提升|扩大|完善|健全/;
/** What makes a sentence of the review a look ahead. */
const LOOK_AHEAD = /今年|明年|力争|确保/;

/** A heading's context; null when it names both ("“十四五”时期发展成就和“十五五”时期主要目标任务"). */
export function headingTense(name: string): Tense | null {
  const review = REVIEW_HEADING.test(name);
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
  return 'plan';
}

/**
 * The tense of one sentence in a given context. In a plan, a sentence with no marker of its own
 * takes the tense of the sentence before it in the paragraph (`previous`): "五年来，人民生活明显改善。
 * 城镇新增就业4200万人。" is all review.
 */
export function sentenceTense(sentence: string, context: Context, previous: Tense | null = null): Tense {
  const past = PAST.test(sentence);
  switch (context) {
    case 'plan': {
      if (past) return FUTURE.test(sentence) || TASK.test(sentence) ? 'plan' : 'review';
      if (previous === 'review' && !FUTURE.test(sentence) && !TASK.test(sentence)) return 'review';
      return 'plan';
    }
    case 'mixed':
      return past && !FUTURE.test(sentence) ? 'review' : 'plan';
    case 'review':
      return LOOK_AHEAD.test(sentence) && !past ? 'plan' : 'review';
  }
}
