// The same in-editor suite (test/vscode/suite) in desktop VS Code through @vscode/test-electron, for
// machines that can download VS Code from Microsoft (CI machines here cannot: they use code-server,
// see editor.test.ts). Usage: `npm run test:vscode:electron` (VSCODE_VERSION picks the version).
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleSuite, EDITOR_DIR, makeWorkspace, REPO } from './harness';

async function main(): Promise<void> {
  const extensionTestsPath = await bundleSuite();
  const workspace = makeWorkspace('electron');
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: REPO,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(EDITOR_DIR, 'runs', 'electron', 'ud')],
  });
}

main().catch((e) => {
  console.error(`in-editor suite (test-electron) failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
