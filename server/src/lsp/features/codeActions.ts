import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { ruleById, type Diagnostic, type TextEdit } from '../../engine';
import { collectFixes } from '../../engine/features';
import { FIX_ALL_KIND } from '../../protocol';
import type { Linted } from '../analyses';
import type { ServerContext } from '../context';
import { diagnosticConverter, toLspEdits } from '../convert';
import { documentHandler } from '../guard';
import { message } from '../messages';

// Code actions: every fix of every diagnostic under the cursor (the rule's best one preferred),
// "fix all of this rule in the document" when it occurs more than once, and source.fixAll.workreport
// with the fixes that rules mark safe. Edits carry the document version, so an editor applies them
// only to the text they were computed for.

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** `requested` (from context.only) asks for `kind`: the same kind or a parent of it. */
function asksFor(requested: readonly string[] | undefined, kind: string): boolean {
  return !requested || requested.some((r) => kind === r || kind.startsWith(`${r}.`));
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(
    documentHandler(ctx, 'codeAction', [] as CodeAction[], (entry, params: CodeActionParams) => {
      const only = params.context.only;
      const actions: CodeAction[] = [];
      const convert = diagnosticConverter(entry, ctx.lang);
      const edit = (edits: readonly TextEdit[]) => workspaceEdit(ctx, entry, toLspEdits(edits, entry));

      if (asksFor(only, CodeActionKind.QuickFix)) {
        const span = entry.analysis.lines.spanOf(params.range);
        const here = entry.diagnostics.filter((d) => d.span.start <= span.end && span.start <= d.span.end);
        for (const d of here) {
          for (const fix of d.fixes) {
            actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: !!fix.preferred, diagnostics: [convert(d)], edit: edit(fix.edits) });
          }
        }
        for (const rule of new Set(here.filter((d) => d.fixes.length).map((d) => d.rule))) {
          const all = collectFixes(entry.diagnostics, (d) => d.rule === rule);
          if (all.fixed.length < 2) continue;
          actions.push({
            title: message(ctx.lang, 'fixAllRule', { rule, count: all.fixed.length }),
            kind: CodeActionKind.QuickFix,
            diagnostics: all.fixed.map(convert),
            edit: edit(all.edits),
          });
        }
      }
      // Source actions only when asked for (on save, or from the Source Action menu).
      if (only && asksFor(only, FIX_ALL_KIND)) {
        const safe = collectFixes(entry.diagnostics, isSafe);
        if (safe.edits.length) {
          actions.push({ title: message(ctx.lang, 'fixAllSafe', { count: safe.fixed.length }), kind: FIX_ALL_KIND, diagnostics: safe.fixed.map(convert), edit: edit(safe.edits) });
        }
      }
      return actions;
    }),
  );
}

/** Rules whose fixes may be applied without a person choosing (RuleMeta.safeFix). */
function isSafe(d: Diagnostic): boolean {
  return ruleById(d.rule)?.meta.safeFix === true;
}

function workspaceEdit(ctx: ServerContext, entry: Linted, edits: LspTextEdit[]): WorkspaceEdit {
  if (ctx.client.versionedEdits) return { documentChanges: [{ textDocument: { uri: entry.uri, version: entry.version }, edits }] };
  return { changes: { [entry.uri]: edits } };
}
