// Workspace trust (PRODUCT.md § Reliability): in an untrusted workspace (initializationOptions
// .trusted false) no setting and no .workreportrc.json — its own `model`, or one reached through
// `extends` — can make the server read a model outside the workspace folders. What the server
// reads is watched from inside its process (test/probes/fileReads.cjs), not taken from its
// messages. And no configuration runs code: .workreportrc.json is JSON, `extends` and `model` name
// JSON files, and a JavaScript file named there is read as text and refused, never executed.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir, writeFiles } from './helpers';
import { endOf, LspTestClient, REPORT, uriOf } from './lspHarness';
import { askProbe } from './probes/ask';

const PROBE = path.join(__dirname, 'probes', 'fileReads.cjs');
const PHRASE = '统筹推进乡村振兴示范带建设';

/** A model that knows PHRASE, trained by the CLI from two documents. */
function trainModel(dir: string, out: string): void {
  writeFiles(path.join(dir, 'corpus'), {
    'a.txt': `某县政府工作报告\n二、2026年工作安排\n${PHRASE}，新建示范村5个。\n`,
    'b.txt': `某区政府工作报告\n二、2026年工作安排\n全面${PHRASE}，培育特色产业。\n`,
  });
  const r = runCli(['train', path.join(dir, 'corpus'), '--out', out]);
  assert.equal(r.code, 0, r.stderr);
}

/** Every file the server opened or read so far, from the probe preloaded into it. */
const filesRead = (client: LspTestClient) => askProbe<string[]>(client, 'reads');

describe('lsp: an untrusted workspace', function () {
  this.timeout(60000);
  let root: ReturnType<typeof tempDir>;
  let ws: string;
  let outside: string;
  let client: LspTestClient | undefined;

  beforeEach(() => {
    root = tempDir('workreport-trust-');
    ws = path.join(root.dir, 'workspace');
    outside = path.join(root.dir, 'outside');
    fs.mkdirSync(ws);
    trainModel(outside, path.join(outside, 'team.json'));
    writeFiles(outside, { 'base.json': JSON.stringify({ model: 'team.json' }) });
    writeFiles(ws, {
      'own/.workreportrc.json': JSON.stringify({ model: '../../outside/team.json' }),
      'extended/.workreportrc.json': JSON.stringify({ extends: '../../outside/base.json' }),
    });
    fs.symlinkSync(path.join(outside, 'team.json'), path.join(ws, 'linked.json'));
    writeFiles(ws, { 'linked/.workreportrc.json': JSON.stringify({ model: '../linked.json' }) });
  });
  afterEach(() => {
    client?.kill();
    client = undefined;
    root.cleanup();
  });

  const text = `${REPORT}统筹推进乡村`;
  const completes = async (c: LspTestClient, uri: string) =>
    (await c.request<{ items: Array<{ label: string }> }>('textDocument/completion', { textDocument: { uri }, position: endOf(text, '统筹推进乡村') })).items.some((i) => i.label === PHRASE);

  async function session(trusted: boolean, settings: object = {}) {
    client = await LspTestClient.start({ workspaceFolder: ws, initializationOptions: { trusted }, settings: () => settings, nodeArgs: ['-r', PROBE] });
    const result: Record<string, boolean> = {};
    for (const folder of ['own', 'extended', 'linked', 'plain']) {
      const file = path.join(ws, folder, 'report.txt');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      client.open(uriOf(file), text);
      await client.diagnosticsFor(uriOf(file), 1);
      result[folder] = await completes(client, uriOf(file));
    }
    const modelReads = (await filesRead(client)).filter((f) => path.resolve(f).startsWith(outside) && !f.endsWith('base.json'));
    return { completes: result, modelReads };
  }

  it('is not made to read a model outside it: by its config, through extends, through a symlink, or by a setting', async () => {
    const untrusted = await session(false, {});
    assert.deepEqual(untrusted.completes, { own: false, extended: false, linked: false, plain: false });
    assert.deepEqual(untrusted.modelReads, [], 'no model file outside the workspace was opened');
    // Told once per file: the model outside (named by the config and by the base it extends) and the link to it.
    const told = client!.shown.filter((m) => /not trusted/.test(m.message)).map((m) => m.message);
    assert.equal(told.length, 2, JSON.stringify(told));
    assert.ok(told.some((m) => m.includes(path.join(outside, 'team.json'))) && told.some((m) => m.includes(path.join(ws, 'linked.json'))), JSON.stringify(told));
    client!.kill();

    const bySetting = await session(false, { model: path.join(outside, 'team.json') });
    assert.deepEqual(bySetting.completes, { own: false, extended: false, linked: false, plain: false });
    assert.deepEqual(bySetting.modelReads, []);
  });

  it('once trusted, the same configuration reads the model (the check above can fail)', async () => {
    const trusted = await session(true, {});
    assert.deepEqual(trusted.completes, { own: true, extended: true, linked: true, plain: false });
    assert.ok(trusted.modelReads.some((f) => f.endsWith('team.json')));
  });
});

describe('configuration runs no code', function () {
  this.timeout(60000);
  let tmp: ReturnType<typeof tempDir>;
  let client: LspTestClient | undefined;
  beforeEach(() => (tmp = tempDir('workreport-no-code-')));
  afterEach(() => {
    client?.kill();
    client = undefined;
    tmp.cleanup();
  });

  it('reads JavaScript named by extends or model as text and refuses it; .workreportrc.js is ignored (CLI and server)', async () => {
    const marker = path.join(tmp.dir, 'executed');
    const evil = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = { rules: {} };\n`;
    writeFiles(tmp.dir, {
      '.workreportrc.json': JSON.stringify({ extends: './evil.js', model: './evil.cjs' }),
      '.workreportrc.js': evil,
      '.workreportrc.cjs': evil,
      'evil.js': evil,
      'evil.cjs': evil,
      'report.txt': REPORT,
    });

    const cli = runCli(['lint', 'report.txt'], { cwd: tmp.dir });
    assert.equal(cli.code, 2);
    assert.match(cli.stderr, /evil\.js: line 1, column 1: /);
    assert.match(cli.stderr, /evil\.cjs cannot be used: not valid JSON/);

    client = await LspTestClient.start({ workspaceFolder: tmp.dir });
    client.open(uriOf(path.join(tmp.dir, 'report.txt')), REPORT);
    await client.diagnosticsFor(uriOf(path.join(tmp.dir, 'report.txt')), 1);
    await client.waitFor('both problems shown', () => client!.shown.length >= 2);
    assert.ok(client.shown.some((m) => /evil\.js/.test(m.message)) && client.shown.some((m) => /evil\.cjs.*not valid JSON/.test(m.message)), JSON.stringify(client.shown));

    assert.equal(fs.existsSync(marker), false, 'no configuration file was executed');
  });
});
