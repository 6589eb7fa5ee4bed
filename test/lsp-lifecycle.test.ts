// The server never publishes for an old text, keeps serving when one feature fails, gives pull
// diagnostics to clients that ask for them, speaks the editor's language, and exits cleanly.
import { strict as assert } from 'node:assert';
import { fork } from 'node:child_process';
import * as rpc from 'vscode-jsonrpc/node';
import { endOf, FULL_CAPABILITIES, LspTestClient, REPORT, SERVER, type Range } from './lspHarness';

const UNIT = 'target-missing-unit';
const DEADLINE = 'target-missing-deadline';

describe('lsp: versions, failures, pull diagnostics, language', function () {
  this.timeout(30000);
  let client: LspTestClient | undefined;
  afterEach(() => {
    client?.kill();
    client = undefined;
  });

  it('never publishes diagnostics for an old version, and coalesces a burst of edits', async () => {
    client = await LspTestClient.start();
    const uri = 'untitled:burst';
    client.open(uri, REPORT);
    await client.diagnosticsFor(uri, 1);
    // Twenty edits sent at once, as fast typing does: even versions delete 家, odd ones restore it.
    const unit: Range = { start: endOf(REPORT, '达到70'), end: endOf(REPORT, '达到70家') };
    const at = unit.start;
    for (let v = 2; v <= 21; v++) client.change(uri, v, [v % 2 === 0 ? { range: unit, text: '' } : { range: { start: at, end: at }, text: '家' }]);
    await client.diagnosticsFor(uri, 21);
    const published = client.published.filter((p) => p.uri === uri && p.version! > 1);
    const versions = published.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only grow');
    assert.equal(new Set(versions).size, versions.length, 'each version at most once');
    assert.ok(versions.length < 20, `a burst is coalesced (${versions.length} publications for 20 edits)`);
    for (const p of published) {
      const missing = p.diagnostics.some((d) => d.code === UNIT);
      assert.equal(missing, p.version! % 2 === 0, `version ${p.version} carries the diagnostics of its own text`);
    }
  });

  it('answers a request only for the text it has now, even right after an edit', async () => {
    client = await LspTestClient.start();
    const uri = 'untitled:request';
    client.open(uri, REPORT);
    client.change(uri, 2, [{ range: { start: endOf(REPORT, '达到70'), end: endOf(REPORT, '达到70家') }, text: '' }]);
    const actions = await client.request<Array<{ title: string; edit: { documentChanges: Array<{ textDocument: { version: number } }> } }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: endOf(REPORT, '达到'), end: endOf(REPORT, '达到70') },
      context: { diagnostics: [] },
    });
    assert.ok(actions.length > 0, 'the missing unit of version 2 is already known');
    assert.ok(actions.every((a) => a.edit.documentChanges[0].textDocument.version === 2));
  });

  it('logs an exception inside one feature with window/logMessage and keeps serving', async () => {
    client = await LspTestClient.start();
    const uri = 'untitled:failure';
    client.open(uri, REPORT);
    await client.diagnosticsFor(uri, 1);
    // A client bug: a hover without a position makes the hover feature throw.
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: null });
    assert.equal(hover, null);
    await client.waitFor('the error in the log', () => client!.logs.some((l) => l.type === 1 && /hover failed/.test(l.message)));
    assert.match(client.logs.find((l) => /hover failed/.test(l.message))!.message, /TypeError/);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 4, 'other features still answer');
    client.change(uri, 2, [{ range: { start: endOf(REPORT, '达到70'), end: endOf(REPORT, '达到70家') }, text: '' }]);
    assert.ok((await client.diagnosticsFor(uri, 2)).some((d) => d.code === UNIT), 'and diagnostics still flow');
    assert.equal(await client.shutdown(), 0);
    client = undefined;
  });

  it('serves pull diagnostics to a client that supports them, and pushes none', async () => {
    client = await LspTestClient.start({
      capabilities: {
        ...FULL_CAPABILITIES,
        textDocument: { ...FULL_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } },
        workspace: { ...FULL_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
      },
      settings: () => ({}),
    });
    assert.deepEqual(client.capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
    const uri = 'untitled:pull';
    client.open(uri, REPORT);
    await client.waitFor('analysed', () => client!.notifications.some((n) => n.method === 'workreport/targetsChanged'));
    const report = await client.request<{ kind: string; resultId: string; items: Array<{ code: string }> }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code), [DEADLINE]);
    const again = await client.request<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.equal(again.kind, 'unchanged');
    client.change(uri, 2, [{ range: { start: endOf(REPORT, '达到70'), end: endOf(REPORT, '达到70家') }, text: '' }]);
    const changed = await client.request<{ kind: string; items: Array<{ code: string }> }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.deepEqual(changed.items.map((d) => d.code), [UNIT, DEADLINE]);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('a refresh request', () => client!.notifications.some((n) => n.method === 'workspace/diagnostic/refresh'));
    assert.equal(client.published.length, 0, 'nothing pushed');
  });

  it('adapts to a minimal client: flat symbols, plain-text hover, ordinals without snippets', async () => {
    client = await LspTestClient.start({ capabilities: {} });
    const uri = 'untitled:minimal';
    const text = REPORT.replace('新建幼儿园12所。\n', '新建幼儿园12所。\n\n');
    client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const symbols = await client.request<Array<{ name: string; containerName?: string; location: { uri: string } }>>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.some((s) => s.name === '（二）持续改善民生。' && s.containerName === '二、2026年工作安排' && s.location.uri === uri));
    const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: endOf(text, '达到7') });
    assert.equal(hover.contents.kind, 'plaintext');
    assert.match(hover.contents.value, /^Target: 入驻企业\nIndicator: 入驻企业\n/);
    const { items } = await client.request<{ items: Array<{ label: string; insertTextFormat?: number }> }>('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 0 } });
    assert.ok(items.some((i) => i.label === '三是'));
    assert.ok(items.every((i) => i.insertTextFormat !== 2), 'no snippets for a client that cannot expand them');
  });

  it('speaks Chinese to a Chinese editor', async () => {
    client = await LspTestClient.start({ locale: 'zh-cn' });
    const uri = 'untitled:zh';
    client.open(uri, REPORT);
    const [d] = await client.diagnosticsFor(uri, 1);
    assert.match(d.message, /^目标“政务服务事项网上可办率”没有完成期限/);
    assert.equal(d.relatedInformation?.[0].message, '所在标题“三、加强政府自身建设”没有时间表述');
    const symbols = await client.request<Array<{ detail: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[2].detail, '4 个目标 · 0 个问题');
  });

  it('clears the diagnostics of a document when it is closed', async () => {
    client = await LspTestClient.start();
    const uri = 'untitled:close';
    client.open(uri, REPORT);
    assert.equal((await client.diagnosticsFor(uri, 1)).length, 1);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    await client.waitFor('cleared', () => client!.lastPublished(uri)!.diagnostics.length === 0);
  });

  it('serves over Node IPC too, as the VS Code client starts it', async () => {
    const child = fork(SERVER, ['--node-ipc'], { silent: true });
    const conn = rpc.createMessageConnection(new rpc.IPCMessageReader(child), new rpc.IPCMessageWriter(child));
    const published = new Promise<{ diagnostics: Array<{ code: string }> }>((resolve) => conn.onNotification('textDocument/publishDiagnostics', resolve));
    conn.listen();
    try {
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await conn.sendNotification('initialized', {});
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:ipc', languageId: 'workreport', version: 1, text: REPORT } });
      assert.deepEqual((await published).diagnostics.map((d) => d.code), [DEADLINE]);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      conn.dispose();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
