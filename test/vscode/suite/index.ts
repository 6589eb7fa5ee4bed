// The in-editor suite's entry: VS Code loads this (extensionTestsPath) inside the extension host
// and calls run(); a rejection is a failed run. The same entry serves code-server (editor.test.ts)
// and @vscode/test-electron (electron.ts).
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'extension.suite', mocha);
  // Bundled with this file; required here so that its describe/it calls land in this mocha.
  require('./extension.suite');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} in-editor test(s) failed`);
}
