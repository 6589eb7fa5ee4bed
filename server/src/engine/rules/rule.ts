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
