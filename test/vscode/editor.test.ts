// Level 4 of ../shared/testing: the in-editor suite (test/vscode/suite) inside a real VS Code
// (code-server), with the extension loaded from this repository as a development extension. The
// suite's exit code comes back through window.codeAutomationExit, as with @vscode/test-web.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { bundleSuite, editorMissing, makeWorkspace, REPO, startWorkbench, type Workbench } from './harness';

describe('VS Code (code-server): the in-editor suite', function () {
  this.timeout(240_000);
  const missing = editorMissing();
  let workbench: Workbench | undefined;

  before(function () {
    if (missing) {
      // .ci/run installs code-server and Chromium and sets WORKREPORT_REQUIRE_EDITOR: there a missing tool is a failure.
      if (process.env.WORKREPORT_REQUIRE_EDITOR) throw new Error(`${missing}, but WORKREPORT_REQUIRE_EDITOR is set`);
      console.log(`    skipped: ${missing}`);
      this.skip();
    }
  });
  after(async () => workbench?.close());

  it('passes: activation, diagnostics, Outline, Targets view, export, quick fix, completion', async () => {
    const suite = await bundleSuite();
    const ws = makeWorkspace('suite');
    workbench = await startWorkbench('suite');
    const { page } = workbench;
    const log: string[] = [];
    let exit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => log.push(format(...(args ?? []))));
    await page.goto(workbench.url(ws, [['extensionDevelopmentPath', workbench.remote(REPO)], ['extensionTestsPath', workbench.remote(suite)]]));
    const code = await Promise.race([
      exited,
      new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`no result from the suite in 180 s\n${log.join('\n')}`)), 180_000).unref()),
    ]);
    const report = log.join('\n');
    fs.writeFileSync(path.join(workbench.runDir, 'suite.log'), report);
    // The suite's own report; the workbench's chatter before it (gallery lookups offline) stays in the log file.
    const start = report.indexOf('Work Report in VS Code');
    console.log((start >= 0 ? report.slice(report.lastIndexOf('\n', start) + 1) : report).replace(/^/gm, '      '));
    assert.equal(code, 0, 'the in-editor suite failed (output above; logs in .editor-test/runs/suite/)');
  });
});
