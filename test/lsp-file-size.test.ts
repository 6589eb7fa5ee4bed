// workreport.maxFileSize through the protocol: a report over the limit keeps its outline and
// targets but gets no rule checks; one over twice the limit is not analysed; the user is told once
// per file, in the editor's language; the limit is read per resource like every setting.
import { strict as assert } from 'node:assert';
import { LspTestClient, REPORT } from './lspHarness';

const DEADLINE = 'target-missing-deadline';
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
/** REPORT padded with closed paragraphs to at least `size` bytes (no new problems, no new targets). */
const padded = (size: number) => REPORT + '坚持稳中求进工作总基调。\n'.repeat(Math.ceil(Math.max(0, size - bytes(REPORT)) / bytes('坚持稳中求进工作总基调。\n')));

type Symbol = { name: string };
type Targets = { sections: Array<{ targets: unknown[] }> } | null;
const targetCount = (t: Targets) => t?.sections.reduce((n, s) => n + s.targets.length, 0) ?? 0;

describe('lsp: workreport.maxFileSize', function () {
  this.timeout(60000);
  let client: LspTestClient | undefined;
  afterEach(() => {
    client?.kill();
    client = undefined;
  });

  const state = async (c: LspTestClient, uri: string, version: number) => ({
    diagnostics: (await c.diagnosticsFor(uri, version)).map((d) => d.code),
    symbols: (await c.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } })).length,
    targets: targetCount(await c.request<Targets>('workreport/targets', { textDocument: { uri } })),
  });

  it('over the limit: outline and targets, no rules, said once; over twice the limit: nothing; under it again: everything', async () => {
    const limit = bytes(REPORT) + 1000;
    client = await LspTestClient.start({ settings: () => ({ maxFileSize: limit }) });
    const uri = 'file:///reports/big.txt';
    client.open(uri, REPORT);
    assert.deepEqual(await state(client, uri, 1), { diagnostics: [DEADLINE], symbols: 4, targets: 5 }, 'under the limit: everything');

    const over = padded(limit + 500);
    client.change(uri, 2, [{ text: over }]);
    assert.deepEqual(await state(client, uri, 2), { diagnostics: [], symbols: 4, targets: 5 }, 'over the limit: outline and targets only');
    client.change(uri, 3, [{ text: over + '再加一句。\n' }]);
    await client.diagnosticsFor(uri, 3);

    const huge = padded(2 * limit + 500);
    client.change(uri, 4, [{ text: huge }]);
    assert.deepEqual(await state(client, uri, 4), { diagnostics: [], symbols: 0, targets: 0 }, 'over twice the limit: nothing');

    client.change(uri, 5, [{ text: REPORT }]);
    assert.deepEqual(await state(client, uri, 5), { diagnostics: [DEADLINE], symbols: 4, targets: 5 }, 'back under the limit: everything again');

    const mb = `${Number((limit / 1e6).toFixed(3))} MB`;
    assert.deepEqual(
      client.shown.map((m) => [m.type, m.message]),
      [
        [2, `big.txt is larger than workreport.maxFileSize (${mb}): only its outline and targets are shown, without rule checks.`],
        [2, `big.txt is more than twice workreport.maxFileSize (${Number(((2 * limit) / 1e6).toFixed(3))} MB): it is not analysed.`],
      ],
      'each told once, though the large text was edited',
    );
  });

  it('speaks Chinese to a Chinese editor', async () => {
    client = await LspTestClient.start({ locale: 'zh-cn', settings: () => ({ maxFileSize: 1000 }) });
    client.open('file:///reports/大报告.txt', padded(1500));
    await client.waitFor('the message', () => client!.shown.length > 0);
    assert.equal(client.shown[0].message, '大报告.txt 超过 workreport.maxFileSize（0.001 MB）：只显示提纲和目标，不做规则检查。');
  });

  it('reads the limit per resource: the same text is linted in one folder and only outlined in another', async () => {
    const text = padded(3000);
    client = await LspTestClient.start({ settings: (scope) => ({ maxFileSize: scope?.includes('/drafts/') ? 2000 : 0 }) });
    client.open('file:///reports/final.txt', text);
    client.open('file:///drafts/final.txt', text);
    assert.deepEqual(await client.diagnosticsFor('file:///reports/final.txt', 1).then((ds) => ds.map((d) => d.code)), [DEADLINE], '0: no limit');
    assert.deepEqual(await client.diagnosticsFor('file:///drafts/final.txt', 1), []);
  });

  it('uses the default (2 MB) for a bad value, saying so once; a 5 MB file is then not analysed and the server keeps answering', async () => {
    client = await LspTestClient.start({ settings: () => ({ maxFileSize: 'big' }) });
    client.open('file:///reports/a.txt', REPORT);
    client.open('file:///reports/yearbook.txt', padded(5_000_000));
    assert.deepEqual((await client.diagnosticsFor('file:///reports/a.txt', 1)).map((d) => d.code), [DEADLINE]);
    assert.deepEqual(await client.diagnosticsFor('file:///reports/yearbook.txt', 1), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///reports/yearbook.txt' } }), []);
    assert.deepEqual(
      client.shown.map((m) => m.message),
      [
        'The setting workreport.maxFileSize is wrong: "big" is not a number of bytes (0 or more). Its default is used.',
        'yearbook.txt is more than twice workreport.maxFileSize (4 MB): it is not analysed.',
      ],
    );
  });
});
