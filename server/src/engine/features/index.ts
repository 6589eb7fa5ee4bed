// Editor features that are engine logic, not LSP transport: the language server adapts these to
// LSP messages; nothing here imports vscode or vscode-languageserver.
export { cjkWordBefore, markBefore } from './cjkWord';
export { phraseIndexOf, phraseAt, phraseSources, type PhraseIndex, type PhraseAt } from './phraseIndex';
export { suggestPhrases, sectionTextAt, type PhraseSuggestion, type SuggestOptions } from './phraseCompletion';
export { nextOrdinals, formatOrdinal, type OrdinalSuggestion } from './ordinals';
export { targetSentenceSnippet, sectionSkeletons, reportSkeleton, snippetPreview, type SnippetSuggestion, type SnippetContext } from './snippets';
export { targetAt, targetHover, phraseHover, type HoverContent } from './hover';
export { deadlineOrigin, shortName, type DeadlineOrigin } from './deadlineOrigin';
export { collectFixes, chosenFix, type FixAllResult } from './fixAll';
export { symbolCounter, type SymbolCounts } from './symbolCounts';
export { escapeMarkdown, markdownTable, plainTable } from './markdown';
