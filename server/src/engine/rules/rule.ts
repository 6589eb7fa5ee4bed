import type { Diagnostic, Fix, Lang, Localized, RelatedInfo, Severity, Span } from '../types';
import type { ReportAnalysis } from '../analyze';

export type RuleCategory = 'targets' | 'structure' | 'punctuation' | 'numbers' | 'wording';

export interface RuleOption {
  type: 'string' | 'number' | 'boolean' | 'string[]';
  default: unknown;
  enum?: readonly string[];
  description: Localized;
}

/** A national standard a rule enforces. */
export interface StandardRef {
  /** GB/T 15834-2011, GB/T 15835-2011, GB/T 9704-2012, GB 3100-1993. */
  code: string;
  /** The clause, where we are sure of its number ("4.5.3.5"); else only the section is named. */
  clause?: string;
  /** The clause's or section's title, as the standard words it. */
  section: Localized;
}

/**
 * A documented example. The rule's tests lint `wrong` and expect the rule to fire; applying the
 * preferred fixes must give `right` (for a rule without fixes, `right` is the hand correction), and
 * `right` must not raise the rule. The same examples are printed in docs/rules/<id>.md.
 */
export interface RuleExample {
  wrong: string;
  right?: string;
  /** Where the example comes from: the catalogue (RULES.md), the seed reports, the shared corpus. */
  source?: 'catalogue' | 'seeds' | 'corpus';
}

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  description: Localized;
  defaultSeverity: Severity;
  /** The rule offers fixes. */
  fixable: boolean;
  /** Its fixes may be applied without a person choosing (CLI --fix, source.fixAll). */
  safeFix: boolean;
  /** The national standard and clause the rule enforces, if any. */
  standard?: StandardRef;
  options?: Record<string, RuleOption>;
  examples: RuleExample[];
  /**
   * What a finding depends on, for re-linting after an edit: 'paragraph' (the default) when it
   * depends on its own paragraph and at most PARAGRAPH_REACH neighbours; 'headings' when it reads
   * only the headings (kinds, ordinals, names, places), the title and the appendix lines, so the
   * rule runs again over the whole outline only when an edit changed one of them; 'document' when
   * it reads the whole document, so it runs over all of it after every edit (but see `watches`).
   */
  scope?: 'paragraph' | 'headings' | 'document';
  /**
   * For scope 'document': the characters through which alone the rule reads the text (the percent
   * signs). An edit that writes or removes none of them, and leaves the front matter as it was,
   * leaves the findings as they were, moved with the text.
   */
  watches?: RegExp;
}

export interface Report {
  span: Span;
  message: string;
  fixes?: Fix[];
  related?: RelatedInfo[];
}

export interface RuleContext {
  analysis: ReportAnalysis;
  lang: Lang;
  /** The rule's options with defaults filled in. */
  options: Record<string, unknown>;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export type { Diagnostic };

/** Where each rule's documentation lives in the repository (docs/rules/<id>.md). */
export const RULE_DOCS_REPOSITORY = 'https://github.com/workreport/workreport/blob/main/';

export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** The public URL of a rule's documentation, for SARIF helpUri and diagnostics' codeDescription. */
export function ruleDocUrl(id: string): string {
  return RULE_DOCS_REPOSITORY + ruleDocPath(id);
}

/** A fix that replaces one span; a rule's first fix is the preferred one. */
export function replaceFix(title: string, span: Span, newText: string, preferred = true): Fix {
  return { title, edits: [{ span, newText }], preferred };
}
