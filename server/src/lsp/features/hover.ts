import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { phraseHover, targetAt, targetHover, type HoverContent } from '../../engine/features';
import type { ServerContext } from '../context';
import { guarded } from '../guard';

// Hover on a target shows its fields, its deadline and where that came from; hover on a standard
// phrase shows how often and in which reports the model saw it.

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    guarded(ctx, 'hover', null as Hover | null, async (params, token) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const entry = await ctx.analyses.current(doc, token);
      const { analysis } = entry;
      const offset = analysis.lines.offsetAt(params.position);
      const target = targetAt(analysis, offset);
      const content: HoverContent | null = target
        ? targetHover(target, analysis, ctx.lang)
        : phraseHover(entry.settings.model, analysis.text, offset, ctx.lang);
      if (!content) return null;
      return {
        contents: ctx.client.hoverMarkdown ? { kind: MarkupKind.Markdown, value: content.markdown } : { kind: MarkupKind.PlainText, value: content.plain },
        range: analysis.lines.rangeOf(content.span),
      };
    }),
  );
}
