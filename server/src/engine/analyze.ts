import type { DeadlineSource, Diagnostic, Lang, OutlineNode, Severity, SeveritySetting } from './types';
import type { Model } from './model/types';
import { lexiconOf, type Lexicon } from './model/lexicon';
import { LineIndex } from './text/lineIndex';
import { segmentParagraphs, type Paragraph } from './text/segment';
import { buildStructure, type Structure } from './structure/outline';
import { isSubtitle } from './structure/nonContent';
import { extractTargets, type ExtractedTarget } from './targets/extract';
import { findTimeExpressions, yearOf } from './targets/timeExpressions';
import type { DocumentPeriod } from './targets/deadline';
import { RULES } from './rules';
import type { Rule } from './rules/rule';
import type { AnalysisMemo } from './incremental/memo';
import { relint, rememberAsked, type AskedWords, type PreviousLint } from './incremental/relint';
import { logOccurrences } from './text/occurrences';
import { forgetContent } from './text/content';
import { forgetTokens } from './text/tokens';

/** A rule's setting: a severity, or a severity with options. */
export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>];

export interface AnalyzeOptions {
  model: Model;
  /** The document's period ("2026", "十五五") from a setting or --period; else read from the title. */
  period?: string | null;
  deadlineScope?: DeadlineSource;
  /** An editor's memo of this document's earlier analyses: unchanged paragraphs are not read again. */
  memo?: AnalysisMemo;
}

export interface LintOptions {
  lang?: Lang;
  rules?: Record<string, RuleSetting>;
  /** The rules to choose from (default: the RULES registry); tests and embedders may add their own. */
  ruleSet?: readonly Rule[];
  /**
   * The previous analysis of the same document and its diagnostics, linted with the same options:
   * an editor passes it so that only what an edit touched is linted again.
   */
  previous?: PreviousLint;
}

export interface ReportAnalysis {
  text: string;
  lines: LineIndex;
  paragraphs: Paragraph[];
  structure: Structure;
  outline: OutlineNode[];
  period: DocumentPeriod | null;
  deadlineScope: DeadlineSource;
  targets: ExtractedTarget[];
  lexicon: Lexicon;
  /** With a memo: each paragraph's context key for its targets; a re-lint relints those whose key changed. */
  contexts?: readonly string[];
}

/** Segments, outlines and extracts the targets of one report. */
export function analyzeReport(text: string, options: AnalyzeOptions): ReportAnalysis {
  const { memo } = options;
  memo?.begin(options.model);
  const lines = memo ? memo.lineIndexFor(text) : new LineIndex(text);
  const paragraphs = segmentParagraphs(text, lines.lineStarts, memo);
  const structure = buildStructure(paragraphs);
  const lexicon = lexiconOf(options.model);
  const period = documentPeriod(options.period ?? null, paragraphs, structure);
  const deadlineScope = options.deadlineScope ?? 'document';
  const contexts = memo ? new Array<string>(paragraphs.length).fill('') : undefined;
  const targets = extractTargets({ text, paragraphs, structure, lex: lexicon, period, deadlineScope, contexts, contextKeys: memo?.contextKeys, previous: memo?.extraction });
  return { text, lines, paragraphs, structure, outline: structure.outline, period, deadlineScope, targets, lexicon, ...(contexts ? { contexts } : {}) };
}

/** The period a setting gives, else the year in the title, else the year of the meeting in the subtitle. */
function documentPeriod(setting: string | null, paragraphs: readonly Paragraph[], structure: Structure): DocumentPeriod | null {
  if (setting) {
    const text = /^\d{4}$/.test(setting) ? `${setting}年` : setting;
    return { text, year: yearOf(text) };
  }
  const { title, nonContent } = structure.frontMatter;
  const candidates = [
    ...(title !== null ? [paragraphs[title]] : []),
    // The front matter's paragraphs, in document order (as findFrontMatter met them).
    ...[...nonContent].map((i) => paragraphs[i]).filter((p) => isSubtitle(p.text)),
  ];
  for (const p of candidates) {
    const m = findTimeExpressions(p.text).find((t) => yearOf(t.text) !== null || /十.五/.test(t.text));
    if (m) {
      const text = m.text.replace(/^[到至在于]/, '');
      return { text, year: yearOf(text), span: { start: p.start + m.index, end: p.start + m.index + m.text.length } };
    }
  }
  return null;
}

export interface RuleRun {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** The rules to run and how, from the defaults and the user's settings. */
export function activeRules(settings: Record<string, RuleSetting> = {}, ruleSet: readonly Rule[] = RULES): RuleRun[] {
  const runs: RuleRun[] = [];
  for (const rule of ruleSet) {
    const setting = settings[rule.meta.id];
    const [severity, userOptions] = Array.isArray(setting) ? setting : [setting ?? rule.meta.defaultSeverity, {}];
    if (severity === 'off') continue;
    const options: Record<string, unknown> = {};
    for (const [name, opt] of Object.entries(rule.meta.options ?? {})) options[name] = userOptions[name] ?? opt.default;
    runs.push({ rule, severity, options });
  }
  return runs;
}

/** Runs the rules over an analysis; fills each target's `problems`. */
export function lintReport(analysis: ReportAnalysis, options: LintOptions = {}): Diagnostic[] {
  const runs = activeRules(options.rules, options.ruleSet);
  // Per rule, the words it asked the whole text about (text/occurrences.ts), for the next re-lint.
  const asked: AskedWords = new Map();
  const lintWith = (view: ReportAnalysis, chosen: readonly RuleRun[]) => runRules(view, chosen, options.lang ?? 'en', asked);
  let diagnostics = options.previous ? relint(analysis, options.previous, runs, lintWith, asked) : null;
  if (!diagnostics) {
    asked.clear();
    for (const t of analysis.targets) t.problems = [];
    diagnostics = lintWith(analysis, runs);
  }
  rememberAsked(analysis, asked);
  // The rules' views of the text (content paragraphs, tokens) serve one lint. An editor keeps the
  // analysis for its requests, which never read them: kept, they would hold a few objects per
  // character of every open report that was never edited since it opened.
  forgetContent(analysis);
  forgetTokens(analysis);
  // Same place: in rule order, so that a re-lint after an edit lists them as a full lint does.
  const order = new Map(runs.map((r, i) => [r.rule.meta.id, i]));
  return diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || order.get(a.rule)! - order.get(b.rule)!);
}

function runRules(analysis: ReportAnalysis, runs: readonly RuleRun[], lang: Lang, asked: AskedWords): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { rule, severity, options: ruleOptions } of runs) {
    let words = asked.get(rule.meta.id);
    if (!words) asked.set(rule.meta.id, (words = new Map()));
    logOccurrences(words, () =>
      rule.check({
        analysis,
        lang,
        options: ruleOptions,
        report: (r) => diagnostics.push({ rule: rule.meta.id, severity, message: r.message, span: r.span, fixes: r.fixes ?? [], ...(r.related ? { related: r.related } : {}) }),
      }),
    );
  }
  return diagnostics;
}
