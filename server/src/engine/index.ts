// The analysis engine: segmentation, outline, targets, rules, fixes and the trained model. It
// imports nothing from vscode or vscode-languageserver; the CLI and the server are adapters over it.
export * from './types';
export { analyzeReport, lintReport, activeRules, type AnalyzeOptions, type LintOptions, type ReportAnalysis, type RuleSetting } from './analyze';
export { RULES, ruleById } from './rules';
export type { Rule, RuleMeta, RuleOption, RuleCategory } from './rules/rule';
export { ruleDocPath, ruleDocUrl } from './rules/rule';
export { LineIndex } from './text/lineIndex';
export { AnalysisMemo } from './incremental/memo';
export type { PreviousLint } from './incremental/relint';
export { trainModel, serializeModel, baseModel, type TrainingDocument } from './model/train';
export { parseModel, ModelError } from './model/load';
export type { Model } from './model/types';
export { targetToJSON, outlineToJSON, diagnosticToJSON, countTargetsIn, type TargetJSON, type OutlineSymbolJSON, type DiagnosticJSON } from './serialize';
export { applyFixes } from './fixes';
export { localize, langFromLocale } from './i18n';
export { groupTargetsBySection, type TargetGroup } from './targets/group';
