import type { Diagnostic, Fix, Lang, Localized, RelatedInfo, Severity, Span } from '../types';
import type { ReportAnalysis } from '../analyze';

export type RuleCategory = 'targets' | 'structure' | 'punctuation' | 'numbers' | 'wording';

export interface RuleOption {
  type: 'string' | 'number' | 'boolean' | 'string[]';
  default: unknown;
  enum?: readonly string[];
  description: Localized;
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
  standard?: { code: string; clause: string };
  options?: Record<string, RuleOption>;
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
