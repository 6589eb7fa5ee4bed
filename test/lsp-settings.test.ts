// Settings as the server reads them: workreport.* pulled per resource with workspace/configuration,
// merged over the .workreportrc.json found from the file and the model they name; re-lint when any
// of them changes; bad values reported once with defaults used; models outside an untrusted
// workspace ignored.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir, writeFiles } from './helpers';
import { endOf, FULL_CAPABILITIES, LspTestClient, REPORT, uriOf } from './lspHarness';

const UNIT = 'target-missing-unit';
const DEADLINE = 'target-missing-deadline';
const codes = (ds: Array<{ code?: string | number }>) => ds.map((d) => String(d.code));

/** Two reports that share a phrase the built-in model has never seen. */
function trainModel(dir: string, out: string, phrase: string): void {
  const docs = path.join(dir, `corpus-${path.basename(out, '.json')}`);
  writeFiles(docs, {
    'a.txt': `某县政府工作报告\n二、2026年工作安排\n${phrase}，新建示范村5个。\n`,
    'b.txt': `某区政府工作报告\n二、2026年工作安排\n全面${phrase}，培育特色产业。\n`,
  });
  const r = runCli(['train', docs, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
}

describe('lsp: settings, configuration files and models', function () {
  this.timeout(30000);
  let ws: ReturnType<typeof tempDir>;
  let client: LspTestClient | undefined;

  beforeEach(() => {
    ws = tempDir('workreport-lsp-settings-');
  });
  afterEach(() => {
    client?.kill();
    client = undefined;
    ws.cleanup();
  });

  const openReport = (c: LspTestClient, name = 'report.txt', text = REPORT) => {
    const file = path.join(ws.dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const uri = uriOf(file);
    c.open(uri, text);
    return uri;
  };
  const completionLabels = async (c: LspTestClient, uri: string, text: string, typed: string) =>
    (await c.request<{ items: Array<{ label: string }> }>('textDocument/completion', { textDocument: { uri }, position: endOf(text, typed) })).items.map((i) => i.label);

  it('pulls workreport.* for each document and re-lints when the configuration changes', async () => {
    let settings: object = { rules: { [DEADLINE]: 'off' } };
    client = await LspTestClient.start({ workspaceFolder: ws.dir, settings: () => settings });
    const uri = openReport(client);
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    assert.ok(
      client.configurationRequests.some((r) => JSON.stringify(r) === JSON.stringify({ items: [{ scopeUri: uri, section: 'workreport' }] })),
      'asked for the workreport section of this resource',
    );
    settings = { rules: { [DEADLINE]: 'error' } };
    const before = client.published.length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('re-lint', () => client!.published.slice(before).some((p) => p.uri === uri));
    const [d] = client.lastPublished(uri)!.diagnostics;
    assert.equal(d.code, DEADLINE);
    assert.equal(d.severity, 1, 'raised to an error by the setting');
  });

  it('workreport.period gives every target the document period; deadlineScope narrows where deadlines may come from', async () => {
    let settings: object = { period: '2026' };
    client = await LspTestClient.start({ workspaceFolder: ws.dir, settings: () => settings });
    const uri = openReport(client);
    assert.deepEqual(await client.diagnosticsFor(uri, 1), [], 'the last part now has the document period');
    settings = { deadlineScope: 'clause' };
    const before = client.published.length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('re-lint', () => client!.published.slice(before).some((p) => p.uri === uri));
    // No target of the report has a time expression in its own clause: all five are flagged.
    assert.deepEqual(codes(client.lastPublished(uri)!.diagnostics), Array(5).fill(DEADLINE));
  });

  it('reads .workreportrc.json from the folders above the file; editor settings override it; a change to it re-lints', async () => {
    writeFiles(ws.dir, { '.workreportrc.json': JSON.stringify({ rules: { [DEADLINE]: 'error' } }) });
    let settings: object = {};
    client = await LspTestClient.start({ workspaceFolder: ws.dir, settings: () => settings });
    const uri = openReport(client, 'sub/dir/report.txt');
    const [d] = await client.diagnosticsFor(uri, 1);
    assert.equal(d.severity, 1, 'error, from the configuration file');
    await client.waitFor('watcher registration', () => client!.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
    const watchers = (client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!.registerOptions as { watchers: Array<{ globPattern: unknown }> }).watchers;
    assert.ok(watchers.some((w) => w.globPattern === '**/.workreportrc.json'));

    fs.writeFileSync(path.join(ws.dir, '.workreportrc.json'), JSON.stringify({ rules: { [DEADLINE]: 'off' } }));
    let before = client.published.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(ws.dir, '.workreportrc.json')), type: 2 }] });
    await client.waitFor('re-lint after the file changed', () => client!.published.slice(before).some((p) => p.uri === uri));
    assert.deepEqual(client.lastPublished(uri)!.diagnostics, []);

    settings = { rules: { [DEADLINE]: 'info' } };
    before = client.published.length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('re-lint after the settings changed', () => client!.published.slice(before).some((p) => p.uri === uri));
    assert.equal(client.lastPublished(uri)!.diagnostics[0].severity, 3, 'the editor setting wins over the file');
  });

  it('reports each bad setting once with window/showMessage and uses the defaults for it', async () => {
    const settings = { rules: { 'no-such-rule': 'error', [UNIT]: 'loud' }, deadlineScope: 'forever', period: 'someday' };
    client = await LspTestClient.start({ workspaceFolder: ws.dir, settings: () => settings });
    const a = openReport(client, 'a.txt');
    const b = openReport(client, 'b.txt', REPORT.replace('70家', '70'));
    await client.diagnosticsFor(a, 1);
    const diagsB = await client.diagnosticsFor(b, 1);
    assert.deepEqual(codes(diagsB), [UNIT, DEADLINE], 'defaults: both rules at their own severity, scope document');
    assert.equal(diagsB[0].severity, 1);
    client.change(b, 2, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: '另外，' }]);
    await client.diagnosticsFor(b, 2);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('re-lint', () => client!.published.filter((p) => p.uri === a).length >= 2);
    const shown = client.shown.map((m) => m.message);
    for (const key of ['workreport.rules.no-such-rule', `workreport.rules.${UNIT}`, 'workreport.deadlineScope', 'workreport.period']) {
      assert.equal(shown.filter((m) => m.includes(key)).length, 1, `${key} shown once in ${JSON.stringify(shown)}`);
    }
    assert.equal(shown.length, 4);
    assert.equal(shown.find((m) => m.includes('deadlineScope')), 'The setting workreport.deadlineScope is wrong: "forever" is not one of clause, sentence, paragraph, heading, document. Its default is used.');
  });

  it('reports a bad configuration file naming the file, and keeps its valid parts', async () => {
    writeFiles(ws.dir, { '.workreportrc.json': JSON.stringify({ rules: { [DEADLINE]: 'error', 'no-such-rule': 'warning' } }) });
    client = await LspTestClient.start({ workspaceFolder: ws.dir, settings: () => ({}) });
    const uri = openReport(client);
    assert.equal((await client.diagnosticsFor(uri, 1))[0].severity, 1);
    await client.waitFor('a message', () => client!.shown.length > 0);
    assert.ok(client.shown[0].message.includes(path.join(ws.dir, '.workreportrc.json')) && client.shown[0].message.includes('no-such-rule'), client.shown[0].message);
  });

  it('completes from the model workreport.model names, and reloads it when the file changes', async () => {
    const model = path.join(ws.dir, 'models', 'team.json');
    fs.mkdirSync(path.dirname(model));
    trainModel(ws.dir, model, '统筹推进乡村振兴示范带建设');
    client = await LspTestClient.start({ workspaceFolder: ws.dir, settings: () => ({ model: 'models/team.json' }) });
    const text = `${REPORT}统筹推进乡村`;
    const uri = openReport(client, 'report.txt', text);
    assert.ok((await completionLabels(client, uri, text, '统筹推进乡村')).includes('统筹推进乡村振兴示范带建设'));
    await client.waitFor('model watcher', () => client!.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').some((r) => JSON.stringify(r.registerOptions).includes('team.json')));

    trainModel(ws.dir, model, '统筹推进乡村产业融合发展');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(model), type: 2 }] });
    await client.waitFor('re-lint', () => client!.published.filter((p) => p.uri === uri).length >= 2);
    const labels = await completionLabels(client, uri, text, '统筹推进乡村');
    assert.ok(labels.includes('统筹推进乡村产业融合发展') && !labels.includes('统筹推进乡村振兴示范带建设'), labels.join(' '));
  });

  it('falls back to the built-in model when the named one cannot be used, saying which file and why', async () => {
    writeFiles(ws.dir, { 'broken.json': '{"format": "workreport-model", "version": 1' });
    client = await LspTestClient.start({ workspaceFolder: ws.dir, settings: () => ({ model: 'broken.json' }) });
    const uri = openReport(client);
    assert.deepEqual(codes(await client.diagnosticsFor(uri, 1)), [DEADLINE], 'still linting');
    await client.waitFor('a message', () => client!.shown.length > 0);
    assert.match(client.shown[0].message, new RegExp(`^The model file ${path.join(ws.dir, 'broken.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} cannot be used: not valid JSON`));

    // Mended on disk: the watched file changes and the server takes the model up.
    await client.waitFor('the broken file watched', () => client!.registrations.some((r) => JSON.stringify(r.registerOptions).includes('broken.json')));
    trainModel(ws.dir, path.join(ws.dir, 'broken.json'), '统筹推进乡村振兴示范带建设');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(ws.dir, 'broken.json')), type: 2 }] });
    await client.waitFor('re-lint', () => client!.published.filter((p) => p.uri === uri).length >= 2);
    const text = `${REPORT}统筹推进乡村`;
    client.change(uri, 2, [{ range: { start: endOf(REPORT, REPORT), end: endOf(REPORT, REPORT) }, text: '统筹推进乡村' }]);
    assert.ok((await completionLabels(client, uri, text, '统筹推进乡村')).includes('统筹推进乡村振兴示范带建设'));
  });

  it('in an untrusted workspace ignores a model outside the workspace folders (reported once) but uses one inside', async () => {
    const outside = tempDir('workreport-outside-');
    try {
      const model = path.join(outside.dir, 'team.json');
      trainModel(outside.dir, model, '统筹推进乡村振兴示范带建设');
      client = await LspTestClient.start({ workspaceFolder: ws.dir, initializationOptions: { trusted: false }, settings: () => ({ model }) });
      const text = `${REPORT}统筹推进乡村`;
      const a = openReport(client, 'a.txt', text);
      const b = openReport(client, 'b.txt', text);
      await client.diagnosticsFor(a, 1);
      await client.diagnosticsFor(b, 1);
      assert.ok(!(await completionLabels(client, a, text, '统筹推进乡村')).includes('统筹推进乡村振兴示范带建设'), 'the outside model is not read');
      const untrusted = client.shown.filter((m) => /not trusted/.test(m.message));
      assert.equal(untrusted.length, 1);
      assert.ok(untrusted[0].message.includes(model));

      // A symlink inside the workspace that leads outside is still outside.
      fs.symlinkSync(model, path.join(ws.dir, 'link.json'));
      const inside = path.join(ws.dir, 'inside.json');
      fs.copyFileSync(model, inside);
      client.kill();
      let settings: object = { model: 'link.json' };
      client = await LspTestClient.start({ workspaceFolder: ws.dir, initializationOptions: { trusted: false }, settings: () => settings });
      const c = openReport(client, 'c.txt', text);
      await client.diagnosticsFor(c, 1);
      assert.ok(!(await completionLabels(client, c, text, '统筹推进乡村')).includes('统筹推进乡村振兴示范带建设'), 'not through a symlink either');
      settings = { model: 'inside.json' };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor('re-lint', () => client!.published.filter((p) => p.uri === c).length >= 2);
      assert.ok((await completionLabels(client, c, text, '统筹推进乡村')).includes('统筹推进乡村振兴示范带建设'), 'a model inside the workspace is used');
    } finally {
      outside.cleanup();
    }
  });

  it('takes settings from initializationOptions and didChangeConfiguration from a client that cannot be asked', async () => {
    const { configuration: _, ...workspace } = FULL_CAPABILITIES.workspace;
    client = await LspTestClient.start({
      workspaceFolder: ws.dir,
      capabilities: { ...FULL_CAPABILITIES, workspace },
      initializationOptions: { settings: { rules: { [DEADLINE]: 'off' } } },
    });
    const uri = openReport(client);
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    assert.equal(client.configurationRequests.length, 0, 'never asks');
    const before = client.published.length;
    client.notify('workspace/didChangeConfiguration', { settings: { workreport: { rules: { [DEADLINE]: 'info' } } } });
    await client.waitFor('re-lint', () => client!.published.slice(before).some((p) => p.uri === uri));
    assert.equal(client.lastPublished(uri)!.diagnostics[0].severity, 3);
  });
});
