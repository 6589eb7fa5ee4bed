import type { Target } from '../types';
import { hasPerfective } from './tense';

// Figures that the extractor takes for targets but that state a result: a sentence that reads as the
// past (比上年, 去年同期, 实际, 已经, 完成了) with no word of commitment (力争, 确保, 要, 将, 计划, 今年 …).
// In reports without a review heading the extractor cannot tell them from the plan; they need no deadline.

const COMMITMENT =
  /今年|明年|年内|全年|力争|确保|争取|(?<![即必])将(?!其|之|近|来)|计划|预计|预期|目标|(?<![重主需必只纲摘提首])要(?!求|素|点|害|闻|是|么)|努力|拟|必须|到(?:19|20)[0-9]{2}年|今后|未来/;
/** Words of a figure already reached. */
const PAST = /去年|上年|过去|一年来|五年来|以来|同比|累计|已经|(?:完成|实现|达到|增长|提高|下降|建成|新增|取得|超过|突破|减少|增加)了|实际|同期/;

// Targets come in document order, many to a sentence: remembering the last sentence keeps a long
// sentence (thousands of targets) from being searched once per target.
let lastSentence: string | null = null;
let lastResult = false;

export function readsAsResult(t: Target): boolean {
  if (t.sentence !== lastSentence) {
    lastSentence = t.sentence;
    lastResult = PAST.test(t.sentence) && !COMMITMENT.test(t.sentence);
  }
  return lastResult;
}

/** Words of a thing done, strong enough to mark one clause as a result even in a sentence of plans. */
const DONE = /已经|已(?!有|于|在|是|知|久)/;

/**
 * A clause that tells what is done, inside a sentence that goes on to a plan: "去年已经对其中近300户…提供
 * 资金支持，…今年要扩大到511户", "国家已设立400亿元…基金，要整合筹措更多资金"; and a figure that names
 * what is done as an attribute: "已开工的57个项目要加快建设".
 */
export function reachedAlready(text: string, t: Target): boolean {
  const before = text.slice(Math.max(0, t.valueSpan.start - 8), t.valueSpan.start);
  if (/已(?:经)?[\u4e00-\u9fff]{1,4}的$/.test(before)) return true;
  // Remembered per clause, as readsAsResult is per sentence: a clause may hold thousands of numbers.
  if (t.clauseSpan.start !== lastClauseStart || text !== lastClauseText) {
    const clause = text.slice(t.clauseSpan.start, t.clauseSpan.end);
    lastClauseStart = t.clauseSpan.start;
    lastClauseText = text;
    lastClauseDone = (DONE.test(clause) || hasPerfective(clause)) && !COMMITMENT.test(clause);
  }
  return lastClauseDone;
}
let lastClauseStart = -1;
let lastClauseText: string | null = null;
let lastClauseDone = false;

/** A figure under a condition ("成本只要降低1%，一年就可以…", "即使削减了50%") is reasoning, not a commitment. */
export function isHypothetical(text: string, t: Target): boolean {
  return /只要|如果|假如|倘若|假若|即使|哪怕/.test(text.slice(Math.max(t.clauseSpan.start, t.valueSpan.start - 24), t.valueSpan.start));
}

/** The starting value of a change, "由46%上升到47.2%" or "从44个发展到60个": the target is what it reaches. */
export function isBaseline(text: string, t: Target): boolean {
  const before = text.slice(Math.max(0, t.valueSpan.start - 12), t.valueSpan.start);
  return /(?:由|从)(?:[^，。；、]{0,8}的)?$/.test(before) && /^[^，。；]{0,12}(?:到|至|为)/.test(text.slice(t.span.end, t.span.end + 14));
}

/** A share of a whole, "占国家预算的22.94%", "占全国人口80%", "有57.4%是…": a composition, not a commitment. */
export function isComposition(text: string, t: Target): boolean {
  const before = text.slice(Math.max(0, t.valueSpan.start - 16), t.valueSpan.start);
  // 占地区生产总值比重达到3% states a target with its verb; 占国家预算的22.94% only a composition.
  const share = /占([^，。；、]{0,12})$/.exec(before);
  if (share && !/^比|达到|提高|提升|保持|控制|增长|增加|下降|降低|突破|超过|稳定/.test(share[1])) return true;
  return /有(?:约|近|将近|超过|不到)?$/.test(before);
}

/**
 * A share as a fact, under any heading: where it lies ("财政收入的60%以上来自国有企业", "人口80%以上在农村")
 * or what it describes ("拥有占全世界95%以上核武器的美苏两国", "拥有世界核武器总量97%以上的美苏两国").
 */
export function isShareFact(text: string, t: Target): boolean {
  if (t.unit !== '%' && t.unit !== '％') return false;
  const after = text.slice(t.span.end, t.span.end + 8);
  if (/^(?:来自|在|集中在|分布在)[\u4e00-\u9fff]/.test(after)) return true;
  return /(?:占|拥有)[^，。；、]{0,12}$/.test(text.slice(Math.max(0, t.valueSpan.start - 14), t.valueSpan.start)) && /^[\u4e00-\u9fff]{0,6}的/.test(after);
}
