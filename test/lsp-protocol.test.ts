// The language server as an editor meets it: the built dist/server.js spawned over stdio and driven
// with vscode-jsonrpc. Diagnostics with rule ids and links, quick fixes that really fix, the
// outline, folding, hover, completion, the workreport/targets request and a clean shutdown.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, ruleDocUrl, type Model } from '../server/src/engine';
import { rangeOfText, ROOT, runCli, tempDir } from './helpers';
import { applyEdits, endOf, LspTestClient, REPORT, uriOf, type LspDiagnostic, type Range, type TextEdit } from './lspHarness';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: LspDiagnostic[];
  edit?: { documentChanges?: Array<{ textDocument: { uri: string; version: number }; edits: TextEdit[] }>; changes?: Record<string, TextEdit[]> };
}
interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  insertTextFormat?: number;
  textEdit?: { range: Range; newText: string };
}
interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

const UNIT = 'target-missing-unit';
const DEADLINE = 'target-missing-deadline';
const builtModel = (): Model => JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'default-model.json'), 'utf8'));
const editsOf = (a: CodeAction) => a.edit?.documentChanges?.[0].edits ?? [];
const rangeAt = (text: string, needle: string, occurrence = 0): Range => rangeOfText(text, needle, occurrence);

describe('lsp: protocol (built server over stdio)', function () {
  this.timeout(30000);
  let client: LspTestClient;
  let workspace: ReturnType<typeof tempDir>;
  let n = 0;
  /** A fresh document in the workspace, opened at version 1. */
  const openDoc = (text: string) => {
    const uri = uriOf(path.join(workspace.dir, `report-${++n}.txt`));
    client.open(uri, text);
    return uri;
  };
  const codeActions = (uri: string, range: Range, diagnostics: LspDiagnostic[] = [], only?: string[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  const complete = (uri: string, position: { line: number; character: number }) =>
    client.request<{ isIncomplete: boolean; items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position });

  before(async () => {
    workspace = tempDir('workreport-lsp-');
    client = await LspTestClient.start({ workspaceFolder: workspace.dir });
  });
  after(() => {
    client.kill();
    workspace.cleanup();
  });

  it('advertises incremental sync and every feature, and pushes diagnostics to a client that cannot pull', () => {
    const caps = client.capabilities as Record<string, any>;
    assert.equal(caps.textDocumentSync.change, 2, 'incremental');
    assert.equal(caps.textDocumentSync.openClose, true);
    for (const provider of ['documentSymbolProvider', 'foldingRangeProvider', 'hoverProvider']) assert.equal(caps[provider], true, provider);
    assert.ok(caps.completionProvider);
    assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.workreport']);
    assert.equal(caps.diagnosticProvider, undefined);
  });

  it('publishes diagnostics on open with the rule id, its documentation, the source and the heading that gave no deadline', async () => {
    const uri = openDoc(REPORT);
    const diags = await client.diagnosticsFor(uri, 1);
    assert.equal(diags.length, 1);
    const [d] = diags;
    assert.equal(d.code, DEADLINE);
    assert.equal(d.codeDescription?.href, ruleDocUrl(DEADLINE));
    assert.match(d.codeDescription!.href, /docs\/rules\/target-missing-deadline\.md$/);
    assert.equal(d.source, 'workreport');
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, rangeAt(REPORT, '95%以上'));
    assert.deepEqual(d.relatedInformation?.map((r) => [r.location.uri, r.location.range, r.message]), [
      [uri, rangeAt(REPORT, '三、加强政府自身建设'), 'the enclosing heading “三、加强政府自身建设” names no period'],
    ]);
  });

  it('after an incremental didChange deletes a unit, flags the number and offers the quick fix that restores it', async () => {
    const uri = openDoc(REPORT);
    await client.diagnosticsFor(uri, 1);
    client.change(uri, 2, [{ range: rangeAt(REPORT, '家'), text: '' }]);
    const edited = REPORT.replace('70家', '70');
    const diags = await client.diagnosticsFor(uri, 2);
    const missing = diags.filter((d) => d.code === UNIT);
    assert.equal(missing.length, 1);
    assert.deepEqual(missing[0].range, rangeAt(edited, '70'));
    assert.equal(missing[0].severity, 1);
    // Its deadline is inherited from the part heading: the diagnostic says where from.
    assert.deepEqual(missing[0].relatedInformation?.map((r) => [r.location.range, r.message]), [
      [rangeAt(edited, '2026年'), 'deadline “2026年” comes from the heading “二、2026年工作安排” (line 4)'],
    ]);

    const actions = await codeActions(uri, missing[0].range, missing);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, 'one preferred fix');
    assert.equal(preferred[0].kind, 'quickfix');
    assert.match(preferred[0].title, /家/);
    assert.equal(preferred[0].diagnostics?.[0].code, UNIT);
    assert.deepEqual(preferred[0].edit?.documentChanges?.[0].textDocument, { uri, version: 2 }, 'the edit is for the version it was computed on');
    const restored = applyEdits(edited, editsOf(preferred[0]));
    assert.equal(restored, REPORT);

    client.change(uri, 3, editsOf(preferred[0]).map((e) => ({ range: e.range, text: e.newText })));
    assert.deepEqual((await client.diagnosticsFor(uri, 3)).map((d) => d.code), [DEADLINE]);
  });

  it('offers "fix all" for a rule that occurs more than once, fixing every occurrence in one edit', async () => {
    const text = REPORT.replace('70家', '70').replace('12所', '12');
    const uri = openDoc(text);
    const diags = (await client.diagnosticsFor(uri, 1)).filter((d) => d.code === UNIT);
    assert.equal(diags.length, 2);
    const all = (await codeActions(uri, diags[0].range, [diags[0]])).filter((a) => /Fix all/.test(a.title));
    assert.equal(all.length, 1);
    assert.equal(all[0].title, 'Fix all 2 “target-missing-unit” problems in this file');
    assert.equal(all[0].kind, 'quickfix');
    assert.equal(all[0].isPreferred, undefined, 'fix-all is never the preferred fix');
    const fixed = applyEdits(text, editsOf(all[0]));
    assert.equal(fixed, REPORT);
  });

  it('source.fixAll.workreport applies only the fixes that rules mark safe', async () => {
    // Mechanical fixes are applied on save: a half-width ; (halfwidth-punctuation) and 平米
    // (nonstandard-unit). Guesses are not: the unit of 70, a deadline for 改造10万平米, which 率 of 率率 to keep.
    const text = REPORT.replace('70家', '70') + '新增长点;推动发展。完成改造10万平米。率率提升。\n';
    const uri = openDoc(text);
    const diags = await client.diagnosticsFor(uri, 1);
    const safe = new Set(RULES.filter((r) => r.meta.safeFix).map((r) => r.meta.id));
    const safeDiags = diags.filter((d) => safe.has(String(d.code)));
    assert.deepEqual(safeDiags.map((d) => [d.code, d.range]), [
      ['halfwidth-punctuation', rangeAt(text, ';')],
      ['nonstandard-unit', rangeAt(text, '平米')],
    ]);
    const unsafe = [...new Set(diags.map((d) => String(d.code)).filter((id) => !safe.has(id)))];
    assert.deepEqual(unsafe, [UNIT, DEADLINE, 'duplicated-text'], 'rules whose fixes need a person to choose are flagged too');
    for (const id of unsafe) {
      const d = diags.find((x) => x.code === id)!;
      assert.ok((await codeActions(uri, d.range, [d])).some((a) => a.kind === 'quickfix' && editsOf(a).length > 0), `${id} has a quick fix`);
    }

    const actions = await codeActions(uri, rangeAt(text, '某市'), [], ['source.fixAll']);
    assert.equal(actions.length, 1);
    const [fixAll] = actions;
    assert.equal(fixAll.kind, 'source.fixAll.workreport');
    assert.equal(fixAll.title, 'Fix what is safe to fix in this file (2)');
    assert.deepEqual(fixAll.diagnostics, safeDiags);
    assert.deepEqual(fixAll.edit?.documentChanges?.[0].textDocument, { uri, version: 1 });
    assert.equal(applyEdits(text, editsOf(fixAll)), text.replace(';', '；').replace('平米', '平方米'), 'the safe fixes and nothing else');
    // A plain lightbulb request lists no source action, not even on a safe problem.
    const here = await codeActions(uri, rangeAt(text, ';'), [safeDiags[0]]);
    assert.ok(here.some((a) => a.kind === 'quickfix' && a.isPreferred));
    assert.ok(here.every((a) => a.kind !== 'source.fixAll.workreport'));

    // Once they are applied, nothing safe is left and no source action is offered.
    client.change(uri, 2, editsOf(fixAll).map((e) => ({ range: e.range, text: e.newText })));
    assert.deepEqual([...new Set((await client.diagnosticsFor(uri, 2)).map((d) => String(d.code)))], unsafe);
    assert.deepEqual(await codeActions(uri, rangeAt(text, '某市'), [], ['source.fixAll']), []);
  });

  it('gives a hierarchical outline whose details count targets and problems', async () => {
    const uri = openDoc(REPORT);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['某市政府工作报告', '一、过去一年工作回顾', '二、2026年工作安排', '三、加强政府自身建设']);
    const plan = symbols[2];
    assert.deepEqual(plan.children?.map((s) => s.name), ['（一）着力扩大有效需求。', '（二）持续改善民生。']);
    assert.deepEqual(plan.children?.[1].children?.map((s) => s.name), ['一是稳定就业。', '二是办好教育。']);
    assert.equal(plan.detail, '4 targets · 0 problems');
    assert.equal(plan.children?.[0].detail, '2 targets · 0 problems');
    assert.equal(symbols[3].detail, '1 target · 1 problem');
    assert.deepEqual(plan.selectionRange, rangeAt(REPORT, '二、2026年工作安排'));
    assert.deepEqual(plan.range, { start: { line: 3, character: 0 }, end: endOf(REPORT, '新建幼儿园12所。') });
  });

  it('folds every part, section and multi-line item', async () => {
    const uri = openDoc(REPORT);
    const ranges = await client.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = ranges.map((r) => `${r.startLine}-${r.endLine}`).sort();
    // 一、 1–2, 二、 3–7, （一） 4–5, （二） 6–7, 三、 8–9 (0-based lines).
    assert.deepEqual(lines, ['1-2', '3-7', '4-5', '6-7', '8-9']);
  });

  it('hovers a target with its fields, its deadline and the heading it came from', async () => {
    const uri = openDoc(REPORT);
    const hover = await client.request<{ contents: { kind: string; value: string }; range: Range }>('textDocument/hover', { textDocument: { uri }, position: endOf(REPORT, '达到7') });
    assert.equal(hover.contents.kind, 'markdown');
    assert.deepEqual(hover.range, rangeAt(REPORT, '70家'));
    for (const row of ['| Indicator | 入驻企业 |', '| Verb | 达到 |', '| Number | 70 |', '| Unit | 家 |', '| Deadline | 2026年 |', '| Deadline from | the heading “二、2026年工作安排” \\(line 4\\) |']) {
      assert.ok(hover.contents.value.includes(row), `${row} in\n${hover.contents.value}`);
    }
  });

  it('hovers a standard phrase with its frequency and source reports', async () => {
    const uri = openDoc(REPORT);
    const model = builtModel();
    const phrase = model.phrases.find((p) => p.text === '高质量发展')!;
    const hover = await client.request<{ contents: { value: string }; range: Range }>('textDocument/hover', { textDocument: { uri }, position: endOf(REPORT, '推动高质') });
    assert.deepEqual(hover.range, rangeAt(REPORT, '高质量发展'));
    assert.match(hover.contents.value, new RegExp(`Seen ${phrase.count} times in the training corpus, in ${phrase.sources.length} reports`));
    assert.ok(hover.contents.value.includes(model.corpus.documents[phrase.sources[0]].id.replace(/_/g, '\\_')));
    const nothing = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(nothing, null);
  });

  it('completes a standard phrase from the Chinese typed before the cursor, with frequency and source in the detail', async () => {
    const text = `${REPORT}统筹推进高质量`;
    const uri = openDoc(text);
    const list = await complete(uri, endOf(text, '统筹推进高质量'));
    assert.equal(list.isIncomplete, true);
    const item = list.items.find((i) => i.label === '高质量发展');
    assert.ok(item, `高质量发展 among ${list.items.map((i) => i.label).join(' ')}`);
    assert.deepEqual(item.textEdit, { range: rangeAt(text, '高质量', 1), newText: '高质量发展' });
    const phrase = builtModel().phrases.find((p) => p.text === '高质量发展')!;
    assert.match(item.detail!, new RegExp(`^standard phrase · ${phrase.count}× in ${phrase.sources.length} reports \\(\\d{3}_`));
    // Only phrases that continue what was typed: each replaces a non-empty end of the run it starts with.
    const lineStart = text.lastIndexOf('\n') + 1;
    for (const i of list.items) {
      const typed = text.slice(lineStart + i.textEdit!.range.start.character);
      assert.ok(typed.length > 0 && i.label.startsWith(typed) && i.label.length > typed.length, `${i.label} continues ${typed}`);
    }
  });

  it('completes the next ordinal, a target sentence and section skeletons at the start of a line', async () => {
    const text = `${REPORT.replace('新建幼儿园12所。\n', '新建幼儿园12所。\n\n')}`;
    const uri = openDoc(text);
    const { items } = await complete(uri, { line: 8, character: 0 });
    const labels = items.map((i) => i.label);
    assert.deepEqual(labels.slice(0, 3), ['三是', '（三）', '三、'], 'the next ordinals, innermost first');
    const sentence = items.find((i) => i.label === 'target sentence');
    assert.ok(sentence, labels.join(' '));
    assert.equal(sentence.insertTextFormat, 2, 'a snippet');
    for (const stop of ['${2:指标}', '${4:数值}']) assert.ok(sentence.textEdit!.newText.includes(stop));
    const section = items.find((i) => i.label === 'section skeleton （三）');
    assert.ok(section, labels.join(' '));
    assert.ok(section.textEdit!.newText.startsWith('（三）${1:小标题}\n'));
    assert.ok(items.some((i) => i.label === 'part skeleton 三、'), 'the next part after 二、 is 三、');
  });

  it('after 。 in a run offers the next run ordinal but no heading', async () => {
    const uri = openDoc(REPORT);
    const { items } = await complete(uri, endOf(REPORT, '二是办好教育。'));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('三是'));
    assert.ok(!labels.includes('（三）') && !labels.some((l) => /skeleton/.test(l)), labels.join(' '));
    assert.ok(labels.includes('target sentence'));
  });

  it('answers workreport/targets grouped by section with the same objects as `workreport targets --format json`', async () => {
    const file = path.join(workspace.dir, 'targets.txt');
    fs.writeFileSync(file, REPORT);
    const uri = uriOf(file);
    client.open(uri, REPORT);
    const result = await client.request<{ uri: string; version: number; period: string | null; sections: Array<{ section: string | null; kind: string | null; range: Range | null; targets: unknown[] }> }>(
      'workreport/targets',
      { textDocument: { uri } },
    );
    assert.equal(result.uri, uri);
    assert.equal(result.version, 1);
    assert.deepEqual(result.sections.map((s) => [s.section, s.kind]), [
      ['（一）着力扩大有效需求。', 'section'],
      ['一是稳定就业。', 'run'],
      ['二是办好教育。', 'run'],
      ['三、加强政府自身建设', 'part'],
    ]);
    assert.deepEqual(result.sections[0].range, rangeAt(REPORT, '（一）着力扩大有效需求。'));
    const cli = runCli(['targets', '--format', 'json', file]);
    assert.equal(cli.code, 0, cli.stderr);
    const [fromCli] = JSON.parse(cli.stdout) as Array<{ period: string | null; targets: unknown[] }>;
    assert.deepEqual(result.sections.flatMap((s) => s.targets), fromCli.targets);
    assert.equal(result.period, fromCli.period);
  });

  it('notifies targetsChanged and its status (analysing, then ready) after each analysis', async () => {
    const uri = openDoc(REPORT);
    await client.waitFor('targetsChanged v1', () => client.notifications.some((x) => x.method === 'workreport/targetsChanged' && (x.params as { uri: string }).uri === uri));
    const mine = client.notifications.filter((x) => x.method === 'workreport/targetsChanged' && (x.params as { uri: string }).uri === uri);
    assert.deepEqual(mine[0].params, { uri, version: 1 });
    const states = () => client.notifications.filter((x) => x.method === 'workreport/status').map((x) => x.params as { state: string; uri?: string });
    assert.ok(states().some((s) => s.state === 'analysing' && s.uri === uri));
    await client.waitFor('ready', () => states()[states().length - 1].state === 'ready');
  });

  it('counts positions in UTF-16 code units when characters lie outside the BMP', async () => {
    const text = REPORT.replace('力争入驻企业', '𠀀𠀀力争入驻企业');
    const uri = openDoc(text);
    await client.diagnosticsFor(uri, 1);
    const unit = rangeAt(text, '家');
    assert.equal(unit.start.character, 14, '𠀀 counts as two');
    client.change(uri, 2, [{ range: unit, text: '' }]);
    const [d] = (await client.diagnosticsFor(uri, 2)).filter((x) => x.code === UNIT);
    assert.deepEqual(d.range, rangeAt(text.replace('70家', '70'), '70'));
  });

  it('logged no error while serving everything above', () => {
    assert.deepEqual(client.logs.filter((l) => l.type === 1), []);
  });

  it('ends with exit code 0 after shutdown and exit', async () => {
    const other = await LspTestClient.start();
    other.open('untitled:one', REPORT);
    await other.diagnosticsFor('untitled:one', 1);
    assert.equal(await other.shutdown(), 0);
  });
});
