// Issue 4's acceptance, end to end: an independent LSP client (vscode-jsonrpc) drives the built
// server on a real report the project has never seen (read from ../shared/corpus, never copied):
// diagnostics with rule ids, a hierarchical outline, folding, targets, a hover on a target,
// completion of phrases and snippets, and — after deleting a target's unit — the missing-unit
// diagnostic whose quick fix offers that unit; shutdown exits 0.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/engine';
import { ROOT, tempDir } from './helpers';
import { LspTestClient, uriOf, type LspDiagnostic, type Range } from './lspHarness';
import type { TargetsRequest } from '../server/src/protocol';

const REPORT = path.join(ROOT, '..', 'shared', 'corpus', 'provincial-2026', '2026_beijing.txt');

interface DocumentSymbol {
  name: string;
  detail?: string;
  children?: DocumentSymbol[];
}

describe('lsp: a report the project has never seen', function () {
  this.timeout(60000);
  let client: LspTestClient;
  let workspace: ReturnType<typeof tempDir>;
  let text: string;
  let uri: string;

  before(async function () {
    if (!fs.existsSync(REPORT)) {
      console.log(`    skipped: ${REPORT} is not there (../shared/corpus)`);
      this.skip();
    }
    text = fs.readFileSync(REPORT, 'utf8');
    workspace = tempDir('workreport-unseen-');
    client = await LspTestClient.start({ workspaceFolder: workspace.dir });
    uri = uriOf(path.join(workspace.dir, 'beijing.report.txt'));
    client.open(uri, text);
  });
  after(() => {
    client?.kill();
    workspace?.cleanup();
  });

  it('publishes diagnostics with rule ids, outlines parts and sections, folds them, and lists the targets', async () => {
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.ok(diagnostics.length > 0);
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const d of diagnostics) assert.ok(ids.has(String(d.code)), `${d.code} is a rule id`);

    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const parts = symbols.filter((s) => /^[一二三四五六七八九十]+、/.test(s.name));
    assert.deepEqual(parts.map((p) => p.name.slice(0, 2)), ['一、', '二、', '三、']);
    assert.ok(parts[2].children!.some((c) => c.name.startsWith('（一）')), `sections nest under their part: ${parts[2].children!.map((c) => c.name.slice(0, 4))}`);

    const folds = await client.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = text.split('\n');
    assert.ok(folds.some((f) => lines[f.startLine].startsWith('三、')), `the plan part folds: ${folds.slice(0, 5).map((f) => lines[f.startLine].slice(0, 6))}`);

    const result = await client.request<TargetsRequest.Result>('workreport/targets', { textDocument: { uri } });
    const targets = result.sections.flatMap((s) => s.targets);
    assert.ok(targets.length >= 40, `${targets.length} targets`);
    assert.equal(result.period, '2026年');
  });

  it('hovers a target with its value, unit and deadline', async () => {
    const result = await client.request<TargetsRequest.Result>('workreport/targets', { textDocument: { uri } });
    const target = result.sections.flatMap((s) => s.targets).find((t) => t.unit === '万人')!;
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: target.range.start });
    for (const field of [target.value, '万人', target.deadline!.text]) assert.ok(hover.contents.value.includes(field), `${field} in ${hover.contents.value}`);
  });

  it('completes a standard phrase from its first characters, and offers snippets', async () => {
    const model = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'default-model.json'), 'utf8')) as { phrases: Array<{ text: string }> };
    const phrase = model.phrases.find((p) => p.text.length >= 6 && /^[\u4e00-\u9fff]+$/.test(p.text))!.text;
    const lines = text.split('\n');
    const last = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const line = last.line;
    client.change(uri, 2, [{ range: { start: last, end: last }, text: '\n' + phrase.slice(0, 3) }]);
    const list = await client.request<{ items: Array<{ label: string; insertTextFormat?: number }> }>('textDocument/completion', {
      textDocument: { uri }, position: { line: line + 1, character: 3 },
    });
    assert.ok(list.items.some((i) => i.label === phrase), `${phrase} among ${list.items.slice(0, 5).map((i) => i.label)}`);
    // On an empty line: the snippets (target sentence, next ordinal, section skeleton).
    client.change(uri, 3, [{ range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 3 } }, text: '' }]);
    const atLineStart = await client.request<{ items: Array<{ label: string; insertTextFormat?: number }> }>('textDocument/completion', {
      textDocument: { uri }, position: { line: line + 1, character: 0 },
    });
    assert.ok(atLineStart.items.some((i) => i.insertTextFormat === 2), `a snippet among ${atLineStart.items.slice(0, 8).map((i) => i.label)}`);
  });

  it('after a target unit is deleted, flags the number and its quick fix offers that unit; shutdown exits 0', async () => {
    const result = await client.request<TargetsRequest.Result>('workreport/targets', { textDocument: { uri } });
    const target = result.sections.flatMap((s) => s.targets).find((t) => t.unit === '%' && !t.qualifier)!;
    const unitStart = { line: target.range.end.line, character: target.range.end.character - 1 };
    client.change(uri, 4, [{ range: { start: unitStart, end: target.range.end }, text: '' }]);
    const diagnostics = await client.diagnosticsFor(uri, 4);
    const missing = diagnostics.find((d: LspDiagnostic) => d.code === 'target-missing-unit' && d.range.start.line === target.range.start.line);
    assert.ok(missing, `no missing-unit diagnostic on line ${target.range.start.line + 1}`);
    const actions = await client.request<Array<{ title: string; isPreferred?: boolean; edit?: { documentChanges?: Array<{ edits: Array<{ newText: string; range: Range }> }> } }>>(
      'textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } },
    );
    const inserted = actions.map((a) => a.edit?.documentChanges?.[0].edits[0].newText);
    assert.ok(inserted.includes('%'), `% among ${inserted}`);
    assert.ok(actions.some((a) => a.isPreferred), 'one fix is preferred');
    assert.equal(await client.shutdown(), 0);
  });
});
