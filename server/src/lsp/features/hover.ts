import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { phraseHover, targetAt, targetHover, type HoverContent } from '../../engine/features';
import type { ServerContext } from '../context';
import { documentHandler } from '../guard';

// Hover on a target shows its fields, its deadline and where that came from; hover on a standard
// phrase shows how often and in which reports the model saw it.

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    documentHandler(ctx, 'hover', null as Hover | null, (entry, params: HoverParams) => {
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
