import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams, type Range } from 'vscode-languageserver/node';
import {
  cjkWordBefore, markBefore, nextOrdinals, reportSkeleton, sectionSkeletons, sectionTextAt, shortName, snippetPreview, suggestPhrases, targetSentenceSnippet,
  type PhraseSuggestion, type SnippetSuggestion,
} from '../../engine/features';
import type { Linted } from '../analyses';
import type { ServerContext } from '../context';
import { documentHandler } from '../guard';
import { message } from '../messages';

// Completion: standard phrases from the model that continue what was typed (ranked by frequency and
// fit to the section), and at the start of a line or clause the next ordinal, a target sentence and
// section skeletons. The list is always incomplete: the typed prefix of a Chinese run is not a
// word the editor can filter by, so the editor asks again as the user types.

/** Where a target sentence can start: after these marks, or at the start of a line. */
const CLAUSE_START = new Set(['，', '。', '；', '：', '！', '？', ',', ';', ':']);

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(
    documentHandler(ctx, 'completion', null as CompletionList | null, (entry, params: CompletionParams) => {
      const { analysis } = entry;
      const offset = analysis.lines.offsetAt(params.position);
      const items: CompletionItem[] = [];
      const typed = cjkWordBefore(analysis.text, offset);

      if (typed.text === '') items.push(...structureItems(ctx, entry, offset));
      const phrases = suggestPhrases(entry.settings.model, analysis.text, offset, { sectionText: sectionTextAt(analysis.text, analysis.outline, offset) });
      phrases.forEach((p, i) => items.push(phraseItem(ctx, entry, p, i)));
      return { isIncomplete: true, items };
    }),
  );
}

function phraseItem(ctx: ServerContext, entry: Linted, p: PhraseSuggestion, rank: number): CompletionItem {
  const range: Range = entry.analysis.lines.rangeOf(p.replace);
  const first = p.sources.slice(0, 2).join(', ') + (p.sources.length > 2 ? ', …' : '');
  return {
    label: p.phrase.text,
    kind: CompletionItemKind.Text,
    detail: message(ctx.lang, 'phraseDetail', { count: p.phrase.count, docs: p.sources.length, first }),
    documentation: {
      kind: MarkupKind.PlainText,
      value: `${message(ctx.lang, 'phraseSources', { count: p.phrase.count })}\n${p.sources.join('\n')}`,
    },
    textEdit: { range, newText: p.phrase.text },
    filterText: p.phrase.text,
    sortText: `1${String(rank).padStart(4, '0')}`,
  };
}

/** Ordinals, and the target sentence and skeletons for clients that take snippets, where a new heading or clause can start. */
function structureItems(ctx: ServerContext, entry: Linted, offset: number): CompletionItem[] {
  const { analysis } = entry;
  const before = markBefore(analysis.text, offset);
  const lineStart = before === null;
  const items: CompletionItem[] = [];
  const here = analysis.lines.rangeOf({ start: offset, end: offset });

  nextOrdinals(analysis.text, analysis.outline, offset).forEach((o, i) =>
    items.push({
      label: o.text,
      kind: CompletionItemKind.EnumMember,
      detail: message(ctx.lang, 'ordinalDetail', { previous: shortName(o.previous.name) }),
      textEdit: { range: here, newText: o.text },
      filterText: o.text,
      sortText: `0${i}`,
      preselect: i === 0,
    }),
  );

  if (!ctx.client.snippets) return items;
  const snippetCtx = { model: entry.settings.model, year: analysis.period?.year ?? new Date().getFullYear(), lang: ctx.lang };
  const snippets: SnippetSuggestion[] = [];
  if (lineStart && analysis.text.trim() === '') snippets.push(reportSkeleton(snippetCtx));
  if (lineStart || CLAUSE_START.has(before)) snippets.push(targetSentenceSnippet(snippetCtx));
  if (lineStart) snippets.push(...sectionSkeletons(analysis.text, analysis.outline, offset, snippetCtx));
  snippets.forEach((s, i) =>
    items.push({
      label: s.label,
      kind: CompletionItemKind.Snippet,
      detail: s.detail,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: here, newText: s.snippet },
      documentation: { kind: MarkupKind.PlainText, value: snippetPreview(s.snippet) },
      sortText: `2${i}`,
    }),
  );
  return items;
}
