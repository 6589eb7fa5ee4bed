import type { DeadlineSource, OutlineNode, Span, Target } from '../types';
import type { Lexicon } from '../model/lexicon';
import type { Clause, Paragraph, Sentence } from '../text/segment';
import type { Structure } from '../structure/outline';
import { OutlineWalk } from '../structure/outline';
import { scanQuantities, type Quantity } from './quantities';
import { documentYear, headingTense, leadingTense, ParagraphTenses, partContext, type Context, type Tense } from './tense';
import { lastTimeExpression, openingOfParagraph, resolveDeadline, type DocumentPeriod } from './deadline';
import type { Deadline } from '../types';
import { insideAny, quotedSpans } from '../text/quoted';
import { isBaseline, isComposition, isHypothetical, isShareFact, reachedAlready, readsAsResult } from './commitment';
import { findTimeExpressions } from './timeExpressions';
import { ContextCache, recallFromRecord, recallTargets, rememberInRecord, rememberTargets, targetContext, type RememberedParagraph, type TargetContext } from './memo';
import type { ContextKeys } from './contextKeys';
import type { Carried, PreviousExtraction } from './previousExtraction';

export interface ExtractInput {
  text: string;
  paragraphs: readonly Paragraph[];
  structure: Structure;
  lex: Lexicon;
  period: DocumentPeriod | null;
  deadlineScope: DeadlineSource;
  /** Training reads the units of past results too: they teach the same indicator→unit pairs. */
  includeReview?: boolean;
  /** Filled, by paragraph index, with the key of each paragraph's context (see targets/memo.ts). */
  contexts?: string[];
  /** An editor's interned context keys, kept between analyses of the document. */
  contextKeys?: ContextKeys;
  /** An editor's record of the last extraction of the document (with `contexts`): filled for the next one. */
  previous?: PreviousExtraction;
}

/** A target before the linter has looked at it, with what the rules need to judge it. */
export interface ExtractedTarget extends Target {
  /** The number has no unit, or only a magnitude (3.8万). */
  unitMissing: boolean;
  /** Where the clause's content starts, after a leading time word or adverb: deadlines go here. */
  insertAt: number;
}

/** Words that open a clause before its subject: they are not part of the indicator. */
const CLAUSE_OPENERS = /^(?:(?:力争|确保|争取|努力|计划|预计|目标是|目标|力求|全力|全年|年内|今年|其中|同时|并|再|要|将|使|让|实现|推动|全市|全省|全区|全县|全国)[，,]?)+/;
/** Adverbs and light verbs before a subject or object, and joiners after it: not the indicator. */
const LEADING_NOISE = /^(?:比上年|比去年|较上年|较去年|同比|分别|均|都|各|共|再|又|累计|新|使|将|统筹|加快|大力|积极|持续|扎实|全力|着力|深入|进一步|稳步|有序|全面|继续|力争|确保|争取|努力|计划|预计|推动|支持|鼓励|引导|要|并|和|及|、)+/;
const TRAILING_NOISE = /(?:分别|均|都|共|累计|达|为|是|在|、|和|及|与|等|再|拟|按|拟按|预计|力争)+$/;
const LIST_JOINERS = /^(?:、|和|及|与|以及|、和)$/;
const HAS_DIGIT = /[0-9０-９]/;
/**
 * Splits "卫生户厕普及率、生活污水治理率和垃圾收运处置覆盖率" into its items: on 顿号 first, then on the
 * last 和/与/以及/及 of the last item, so that 及 inside a word (普及率) stays whole when it can.
 */
function splitIndicators(list: string, count: number): string[] {
  const parts = list.split('、').filter(Boolean);
  while (parts.length < count) {
    const last = parts[parts.length - 1];
    const m = /^(.+)(?:以及|和|与|及)(.+)$/.exec(last);
    if (!m) break;
    parts.splice(parts.length - 1, 1, m[1], m[2]);
  }
  return parts;
}

export function extractTargets(input: ExtractInput): ExtractedTarget[] {
  const { paragraphs, structure, lex } = input;
  const targets: ExtractedTarget[] = [];
  const beforeFirstPart = leadingTense(structure.outline);
  const year = documentYear(input.period?.year ?? null, structure.outline);
  // The numbers of ordinals ("1." "（2）") are headings, not quantities.
  const ordinals = new Set(structure.headings.filter((h) => h.marker.markerSpan).map((h) => h.marker.markerSpan!.start));
  const contextCache = new ContextCache();
  /** The tense the last paragraph read hands on. */
  let carried: Carried | null = null;
  // The context is the part's, read once per part: headings are matched against many patterns.
  const contexts = new Map<OutlineNode | undefined, { context: Context; plainPlan: boolean }>();
  const contextOf = (path: readonly OutlineNode[]) => {
    let c = contexts.get(path[0]);
    if (!c) {
      c = { context: partContext(path, beforeFirstPart), plainPlan: path.some((n) => n.kind === 'part' && headingTense(n.name) === 'plan') };
      contexts.set(path[0], c);
    }
    return c;
  };
  // Paragraphs and sentences are read in document order: their outline paths are found by one walk.
  const walk = new OutlineWalk(structure.outline);
  const innermostAt = (offset: number) => {
    const path = walk.pathAt(offset);
    return path.length > 0 ? path[path.length - 1] : null;
  };
  // In an editor: what this extraction hands to the next, and what the last one left.
  const { previous, contexts: keys } = input;
  const root = contextCache.root({ beforeFirstPart, year, carriedIn: null }, input);
  const carriedIn: Array<Carried | null> = [];
  const handedOn: Array<Tense | null> = [];
  const hadTargets: boolean[] = [];
  const reusable = previous && keys ? previous.reusable(paragraphs, structure, root) : undefined;
  for (const p of paragraphs) {
    if (structure.frontMatter.nonContent.has(p.index) || p.index === structure.frontMatter.title) continue;
    const contentStart = structure.contentStart[p.index];
    carriedIn[p.index] = carried;
    if (reusable && previous!.reuses(p.index, p, carried, reusable)) {
      keys![p.index] = previous!.contexts[p.index];
      const tense = (handedOn[p.index] = previous!.handedOn[p.index]);
      carried = tense ? { tense, at: p.start, from: p.index } : null;
      continue;
    }
    const first = targets.length;
    // Where no heading tells the tense, a paragraph with no marker of its own goes on in the tense of
    // the one before ("…宏观经济效益有了提高。⏎工业企业的全员劳动生产率平均每年增长6.5%。").
    const under = walk.pathAt(p.start)[0];
    const previousTense: Tense | null = carried && walk.pathAt(carried.at)[0] === under ? carried.tense : null;
    carried = null;
    const known: TargetContext | null = p.record ? targetContext(p, contentStart, walk.pathAt(contentStart), { beforeFirstPart, year, carriedIn: previousTense }, input, contextCache, input.contextKeys) : null;
    if (known && input.contexts) input.contexts[p.index] = known.key;
    const remembered: RememberedParagraph | undefined = known ? recallFromRecord(p.record!, known.key) : undefined;
    if (remembered) {
      targets.push(...recallTargets(p, remembered.targets, innermostAt, input.period, known!.above));
      carried = remembered.carriedOut ? { tense: remembered.carriedOut, at: p.start, from: p.index } : null;
      handedOn[p.index] = carried?.tense ?? null;
      hadTargets[p.index] = targets.length > first;
      continue;
    }
    let quoted: Span[] | undefined;
    const isQuoted = (offset: number) => insideAny((quoted ??= quotedSpans(p)), offset);
    // The time expression that opens the paragraph, read when a sentence first has a number.
    let opening: Deadline | null | undefined;
    // The sentences from the content start, each with its place in the outline and its context.
    const sentences: Array<{ sentence: Sentence; text: string; path: readonly OutlineNode[]; context: Context; plainPlan: boolean }> = [];
    for (const sentence of p.sentences) {
      if (sentence.end <= contentStart) continue;
      const path = walk.pathAt(sentence.start);
      sentences.push({ sentence, text: sentence.text, path, ...contextOf(path) });
    }
    // Tenses are read only where a number asks, and for what the paragraph hands on.
    const tenses = new ParagraphTenses(sentences, previousTense, year);
    const last = sentences.length - 1;
    carried = last >= 0 && sentences[last].context === 'open' ? { tense: tenses.at(last), at: p.start, from: p.index } : null;
    for (let k = 0; k <= last; k++) {
      const { sentence, path, plainPlan } = sentences[k];
      // Without a number a sentence has no target, and what its clauses say of time serves only
      // its own later clauses: most sentences end here, their clauses never segmented.
      if (!HAS_DIGIT.test(sentence.text)) continue;
      if (!input.includeReview && tenses.at(k) !== 'plan') continue;
      opening ??= openingOfParagraph(p, contentStart);
      // Tracked clause by clause, so a sentence of thousands of clauses stays linear.
      let earlier: Deadline | null = null;
      for (const clause of sentence.clauses) {
        const scope = { earlier, opening };
        if (clause.end <= contentStart || !HAS_DIGIT.test(clause.text)) {
          earlier = lastTimeExpression(clause) ?? earlier;
          continue;
        }
        const quantities = scanQuantities(clause.text, lex, (o) => isQuoted(clause.start + o));
        let group: ExtractedTarget[] = [];
        let prevEnd = -1;
        let regionStart = 0;
        for (const q of quantities) {
          if (ordinals.has(clause.start + q.start) || ordinals.has(clause.start + q.start - 1)) continue;
          let t = toTarget(q, clause, sentence, input, path, p, scope, regionStart);
          // Not commitments: the starting value of a change, a figure under a condition; and, where no plan
          // heading vouches for the text (old reports, fragments), a result told in the past or a share of a whole.
          if (t && !input.includeReview && (isBaseline(input.text, t) || isHypothetical(input.text, t) || isShareFact(input.text, t) || (!plainPlan && (readsAsResult(t) || reachedAlready(input.text, t) || isComposition(input.text, t))))) t = null;
          // Names and dates (5G基站, 2026年底前) stay part of the next indicator or deadline.
          if (q.kind !== 'identifier' && q.kind !== 'date' && q.kind !== 'duration') regionStart = skipJoiner(clause.text, Math.max(q.end, q.valueEnd));
          const joinedToPrevious = prevEnd >= 0 && LIST_JOINERS.test(clause.text.slice(prevEnd, q.start));
          if (!t) {
            group = [];
            prevEnd = -1;
            continue;
          }
          if (joinedToPrevious && group.length) group.push(t);
          else {
            shareAcrossList(group, clause);
            group = [t];
          }
          targets.push(t);
          prevEnd = q.end;
        }
        shareAcrossList(group, clause);
        earlier = lastTimeExpression(clause) ?? earlier;
      }
    }
    if (known) rememberInRecord(p.record!, known.key, { targets: rememberTargets(p, targets.slice(first), known.above), carriedOut: carried?.tense ?? null });
    handedOn[p.index] = carried?.tense ?? null;
    hadTargets[p.index] = targets.length > first;
  }
  if (previous && keys) previous.remember(paragraphs, structure, root, { contexts: keys, carriedIn, handedOn, hadTargets });
  return targets;
}

/**
 * An indicator that names a number of people (我国人口, 农村贫困人口, 参保人数) is counted in people, so a
 * bare magnitude is complete: 人口控制在13亿以内, 贫困人口减少1000万 need no 人.
 */
const COUNTS_PEOPLE = /人口|人数/;

function toTarget(
  q: Quantity,
  clause: Clause,
  sentence: Sentence,
  input: ExtractInput,
  path: readonly OutlineNode[],
  p: Paragraph,
  scope: { earlier: Deadline | null; opening: Deadline | null },
  regionStart: number,
): ExtractedTarget | null {
  if (q.kind === 'identifier' || q.kind === 'date' || q.kind === 'duration') return null;
  const text = clause.text;
  if (isAttribute(q, text, input.lex)) return null;
  // The report describing its own plan: "重点抓好以下14个方面的工作".
  if (/^(?:个)?方面/.test(text.slice(q.valueEnd + (q.unit === '个' ? 1 : 0)))) return null;

  const opener = CLAUSE_OPENERS.exec(text.replace(/^[\s\u3000]+/, ''));
  // After an earlier quantity of the clause, the next indicator starts behind it (…1.5万家、科技型中小企业3.2万家).
  const subjectStart = regionStart > 0 ? regionStart : leadingTimeEnd(text, opener ? opener[0].length : 0);
  // A qualifier before the number (不少于150场) belongs to the quantity, not to the indicator.
  const pre = q.qualifier ? null : input.lex.preQualifiers.longestEndingAt(text, q.start);
  const numberStart = pre ? q.start - pre.length : q.start;
  const verb = findVerb(text, subjectStart, numberStart, input.lex);
  // Ratios and codes (1:1, 3/4 of a code) are not quantities.
  if (q.kind === 'bare' && /^[:：／/]/.test(text.slice(q.valueEnd))) return null;
  const indicator = indicatorOf(text, subjectStart, verb, { ...q, start: numberStart });
  const unitMissing = q.kind === 'bare' || (q.kind === 'magnitude-only' && !COUNTS_PEOPLE.test(indicator));
  const offset = clause.start + q.start;
  const span: Span = { start: offset, end: clause.start + Math.max(q.end, q.valueEnd) };
  const section = path.length ? path[path.length - 1] : null;
  const deadline = resolveDeadline({
    clause, sentence, paragraph: p, path, at: offset, period: input.period, maxScope: input.deadlineScope, ...scope,
  });
  return {
    indicator,
    verb: verb?.word ?? null,
    value: q.value,
    unit: q.unit,
    qualifier: q.qualifier ?? pre,
    deadline,
    span,
    valueSpan: { start: offset, end: clause.start + q.valueEnd },
    clauseSpan: { start: clause.start, end: clause.end },
    sentence: sentence.text,
    section,
    problems: [],
    unitMissing,
    insertAt: clause.start,
  };
}

function skipJoiner(text: string, at: number): number {
  const m = /^(?:、|和|及|与|以及|，)+/.exec(text.slice(at));
  return at + (m ? m[0].length : 0);
}

/**
 * A size that describes a thing rather than a commitment: 150万吨以上的物流园区, 10万千瓦及以下燃煤机组,
 * 60岁以上老年人, 大唐700万吨露天矿, 50米内换乘. Counts stay targets: 实施1000个以上省重点项目.
 */
function isAttribute(q: Quantity, text: string, lex: Lexicon): boolean {
  const after = text.slice(q.end, q.end + 3);
  if (q.unit === '岁' || q.unit === '周岁') return true;
  if (/^(?:及以上|及以下)/.test(after)) return true;
  if (!q.unit || q.kind !== 'quantity') return false;
  const base = q.unit.replace(/^(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百)(?=.)/, '');
  if (lex.countUnits.has(base)) return false;
  if (!/^(?:的|[\u4e00-\u9fff])/.test(after) || lex.postQualifiers.longestAt(after, 0) || /^(?:的目标|目标)/.test(after)) return false;
  // "实施31.2公里农村公路" commits to a length; "大唐700万吨露天矿" names a project by its size.
  const before = text.slice(0, q.preQualifierStart ?? q.start);
  return /[\u4e00-\u9fff]$/.test(before) && !lex.verbs.longestEndingAt(before, before.length) && !/(?:[、和及与]|确保|力争|要|将|再)$/.test(before);
}

/** Skips time words that open the clause ("年内", "到2026年"), which are not the indicator. */
function leadingTimeEnd(text: string, from: number): number {
  const m = findTimeExpressions(text.slice(from))[0];
  if (m && m.index === 0) {
    const rest = text.slice(from + m.text.length);
    const opener = CLAUSE_OPENERS.exec(rest);
    return from + m.text.length + (opener ? opener[0].length : 0);
  }
  return from;
}

interface FoundVerb {
  word: string;
  start: number;
  end: number;
}

/**
 * The verb of the target: one written right before the number (增长5%, 保持在95%); else the first one
 * between the subject and the number ("统筹实施城镇老旧小区改造项目112个" → 实施, not 改造); else the
 * nearest one before the subject (a verb shared by a list).
 */
function findVerb(text: string, from: number, before: number, lex: Lexicon): FoundVerb | null {
  const adjacent = lex.verbs.longestEndingAt(text, before);
  if (adjacent && before - adjacent.length >= from) {
    // "完成投资1200亿元": the verb is 完成 and 投资 its object, though 投资 can be a verb too.
    const lead = text.slice(from, before - adjacent.length);
    if (lead.length >= 2 && lex.verbs.has(lead)) return { word: lead, start: from, end: from + lead.length };
    return { word: adjacent, start: before - adjacent.length, end: before };
  }
  for (let start = from; start < before; start++) {
    const word = lex.verbs.longestAt(text, start);
    if (word && start + word.length <= before) return { word, start, end: start + word.length };
  }
  for (let end = from; end > 0; end--) {
    const word = lex.verbs.longestEndingAt(text, end);
    if (word) return { word, start: end - word.length, end };
  }
  return null;
}

function indicatorOf(text: string, subjectStart: number, verb: FoundVerb | null, q: Quantity): string {
  const clean = (s: string) => s.replace(LEADING_NOISE, '').replace(TRAILING_NOISE, '').trim();
  if (verb && verb.start >= subjectStart) {
    const pre = clean(text.slice(subjectStart, verb.start));
    const between = clean(text.slice(verb.end, q.start));
    if (pre && between) return pre + verb.word + between;
    if (pre) return pre;
    if (between) return between;
  } else {
    const pre = clean(text.slice(subjectStart, q.start));
    if (pre) return pre;
  }
  // Verb first, then the count: 建设25个精品示范村 → 精品示范村.
  const object = /^[^、，,；;。和及与]*/.exec(text.slice(q.end))![0];
  return clean(object);
}

/**
 * Targets of one list ("…分别达到88%、70%和96%以上") share the verb; their indicators pair up with
 * the listed indicators when the counts match, and 分别 lists share the trailing qualifier.
 */
function shareAcrossList(group: ExtractedTarget[], clause: Clause): void {
  if (group.length < 2) return;
  const head = group[0];
  for (const t of group.slice(1)) t.verb = head.verb;
  const parts = splitIndicators(head.indicator, group.length);
  const respectively = clause.text.includes('分别');
  if (respectively && parts.length === group.length) group.forEach((t, i) => (t.indicator = parts[i]));
  else for (const t of group.slice(1)) t.indicator = head.indicator;
  // "保持在90%和98%以上": the trailing qualifier covers every item.
  const last = group[group.length - 1];
  if (last.qualifier) for (const t of group) t.qualifier ??= last.qualifier;
}
