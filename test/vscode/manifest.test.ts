// The extension's manifest against its code and translations, without an editor: every title,
// setting and view text exists in English and Chinese (package.nls*.json), every message of the
// client in the Chinese l10n bundle, and every contributed command is registered by the client.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('package.json'));
const nls = { en: JSON.parse(read('package.nls.json')), zh: JSON.parse(read('package.nls.zh-cn.json')) };
const bundle: Record<string, string> = JSON.parse(read('l10n/bundle.l10n.zh-cn.json'));
const CJK = /[\u4e00-\u9fff]/;

function clientSources(dir = path.join(ROOT, 'client', 'src')): ts.SourceFile[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return clientSources(file);
    return e.name.endsWith('.ts') ? [ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true)] : [];
  });
}

/** The first argument of every call whose callee reads `callee` (l10n.t, commands.registerCommand). */
function stringArguments(callee: string): string[] {
  const found: string[] = [];
  for (const source of clientSources()) {
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.expression.getText(source) === callee) {
        const [first] = node.arguments;
        assert.ok(first && ts.isStringLiteralLike(first), `${path.relative(ROOT, source.fileName)}: ${callee} takes a literal, so that it can be translated and checked`);
        found.push(first.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();

describe('manifest: localisation (package.nls*.json, l10n bundle)', () => {
  const keys = [...JSON.stringify(manifest.contributes).matchAll(/"%([^%"]+)%"/g), ...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);

  it('has every %key% of package.json in English and in Chinese', () => {
    for (const key of new Set(keys)) {
      assert.ok(nls.en[key], `package.nls.json lacks ${key}`);
      assert.ok(nls.zh[key], `package.nls.zh-cn.json lacks ${key}`);
      assert.ok(CJK.test(nls.zh[key]), `the Chinese ${key} is in Chinese: ${nls.zh[key]}`);
    }
  });

  it('has no key in package.nls*.json that package.json does not use', () => {
    const used = new Set(keys);
    assert.deepEqual(Object.keys(nls.en).filter((k) => !used.has(k)), []);
    assert.deepEqual(Object.keys(nls.zh).sort(), Object.keys(nls.en).sort());
  });

  it('translates every message of the client (vscode.l10n.t) into Chinese, keeping its placeholders', () => {
    const messages = new Set(stringArguments('l10n.t'));
    assert.ok(messages.size > 20);
    for (const m of messages) {
      assert.ok(bundle[m], `l10n/bundle.l10n.zh-cn.json lacks "${m}"`);
      assert.ok(CJK.test(bundle[m]), `"${m}" → "${bundle[m]}" is Chinese`);
      assert.deepEqual(placeholders(bundle[m]), placeholders(m), `placeholders of "${m}"`);
    }
    assert.deepEqual(Object.keys(bundle).filter((k) => !messages.has(k)), [], 'bundle entries no code uses');
  });
});

describe('manifest: commands, views and settings', () => {
  const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();

  it('registers exactly the contributed commands in the client', () => {
    assert.deepEqual(stringArguments('commands.registerCommand').sort(), contributed);
  });

  it('names only contributed commands in menus and welcome views', () => {
    const named = [
      ...Object.values(manifest.contributes.menus as Record<string, Array<{ command: string }>>).flat().map((m) => m.command),
      ...manifest.contributes.viewsWelcome.flatMap((w: { contents: string }) => [...nls.en[w.contents.slice(1, -1)].matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1])),
    ];
    for (const command of named) assert.ok(contributed.includes(command) || /^workbench\./.test(command), `${command} is contributed`);
  });

  it('contributes every setting the server reads, each with a description', () => {
    const settings = manifest.contributes.configuration.properties;
    for (const name of ['period', 'deadlineScope', 'model', 'rules', 'maxFileSize', 'lintPlainText', 'trace.server']) {
      const setting = settings[`workreport.${name}`];
      assert.ok(setting, `workreport.${name}`);
      assert.ok(setting.markdownDescription || setting.description, `workreport.${name} is described`);
    }
    assert.equal(settings['workreport.lintPlainText'].default, false);
    assert.equal(settings['workreport.maxFileSize'].default, 2_000_000);
    assert.deepEqual(settings['workreport.deadlineScope'].enum, ['clause', 'sentence', 'paragraph', 'heading', 'document']);
  });

  it('declares the report language, its files and the limited support of untrusted workspaces', () => {
    const [language] = manifest.contributes.languages;
    assert.deepEqual(language.aliases.slice(0, 2), ['工作报告', 'Work Report']);
    assert.deepEqual(language.extensions, ['.wr', '.report.txt', '.report.md']);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(manifest.contributes.jsonValidation[0].fileMatch, '.workreportrc.json');
  });
});
