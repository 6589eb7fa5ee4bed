// Level 5 of ../shared/testing: what a person sees. The .vsix that `npm run package` makes is
// installed into code-server as a user would install it, and headless chromium clicks through the
// workbench: highlighting, squiggles, the Problems panel, the Targets view (welcome, icons, click to
// reveal), a quick fix, the Outline and an export. Screenshots go to .editor-test/screenshots/; the
// README shows copies of three of them from docs/images/.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { EDITOR_DIR, editorMissing, installVsix, makeWorkspace, REPO, SCREENSHOTS, startWorkbench, type Workbench } from './harness';

/** Runs a command from the Command Palette, as a user types it. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Expands one view of the Explorer and collapses the others, so that its rows are all rendered. */
async function showOnly(page: Page, title: RegExp): Promise<void> {
  const headers = page.locator('.part.sidebar .pane-header');
  // Views of extensions join the Explorer once the extensions are scanned: wait for the wanted one.
  await headers.filter({ hasText: title }).first().waitFor({ timeout: 30_000 });
  for (let i = 0; i < (await headers.count()); i++) {
    const header = headers.nth(i);
    const wanted = title.test(((await header.textContent()) ?? '').trim());
    if ((await header.getAttribute('aria-expanded')) !== String(wanted)) await header.click();
  }
}

async function pick(page: Page, label: string): Promise<void> {
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().click();
}

describe('VS Code (code-server): the workbench as a user sees it', function () {
  this.timeout(300_000);
  const missing = editorMissing();
  let workbench: Workbench | undefined;
  let page: Page;

  before(async function () {
    if (missing) {
      // .ci/run installs code-server and Chromium and sets WORKREPORT_REQUIRE_EDITOR: there a missing tool is a failure.
      if (process.env.WORKREPORT_REQUIRE_EDITOR) throw new Error(`${missing}, but WORKREPORT_REQUIRE_EDITOR is set`);
      console.log(`    skipped: ${missing}`);
      this.skip();
    }
    const vsix = path.join(EDITOR_DIR, 'workreport.vsix');
    execFileSync(process.execPath, [path.join(REPO, 'scripts', 'package.mjs'), '--out', vsix], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
    const extensions = installVsix('ui', vsix);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const ws = makeWorkspace('ui');
    workbench = await startWorkbench('ui', { extensionsDir: extensions });
    page = workbench.page;
    await page.goto(workbench.url(ws));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.getByRole('treeitem', { name: 'sample.report.txt' }).waitFor({ timeout: 60_000 });
    // A wider side bar, so that the Targets view shows whole rows in the screenshots.
    const sash = (await page.locator('.part.sidebar').boundingBox())!;
    await page.mouse.move(sash.x + sash.width, 300);
    await page.mouse.down();
    await page.mouse.move(sash.x + sash.width + 160, 300, { steps: 4 });
    await page.mouse.up();
    await page.mouse.move(700, 700);
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (page && test?.state === 'failed') await page.screenshot({ path: path.join(SCREENSHOTS, `failed-${test.title.slice(0, 40).replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
  });
  after(async () => workbench?.close());

  /** A PNG of the workbench, or of part of it (x, y, width, height in CSS pixels of the 1280×760 window). */
  const shot = (name: string, clip?: { x: number; y: number; width: number; height: number }) =>
    page.screenshot({ path: path.join(SCREENSHOTS, name), clip });
  const targetsView = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Targets/i }) });

  it('shows the welcome content of the Targets view before a report is open', async () => {
    await showOnly(page, /^Targets/i);
    await targetsView().getByText('Open a work report').waitFor({ timeout: 30_000 });
  });

  it('colours headings, numbers, units and deadlines of a report', async () => {
    await showOnly(page, /^ui$/i); // the workspace folder's files
    await page.getByRole('treeitem', { name: 'sample.report.txt' }).click();
    const lines = page.locator('.monaco-editor .view-lines').first();
    await lines.waitFor();
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    // Monaco renders a line as spans, one per run of equal style, whose classes name the colour
    // (mtkN) and boldness (mtkb). Line 8: 今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，…
    const spans = await lines.locator('.view-line span > span').evaluateAll((els) => els.map((e) => [e.textContent ?? '', e.className]));
    const classOf = (text: string) => spans.find(([t]) => t.includes(text))?.[1];
    const plain = classOf('经济社会发展');
    assert.ok(plain, 'the plain text of line 8 is rendered');
    const colours = { number: classOf('5.5'), unit: classOf('万人'), qualifier: classOf('左右'), deadline: classOf('今年'), verb: classOf('控制在') };
    for (const [what, colour] of Object.entries(colours)) assert.ok(colour && colour !== plain, `the ${what} has its own colour (${colour} vs ${plain})`);
    assert.notEqual(colours.deadline, colours.number);
    assert.notEqual(colours.verb, colours.number);
    assert.match(classOf('下一步工作安排') ?? '', /\bmtkb\b/, 'the part heading is bold');
  });

  it("shows the server's state in the language status item", async () => {
    // The {} next to the language mode opens the language status items of the file.
    await page.locator('.statusbar-item[id="status.languageStatus"]').click();
    const hover = page.locator('.monaco-hover', { hasText: 'Work Report' });
    await hover.getByText('Ready').waitFor({ timeout: 30_000 });
    await shot('language-status.png', { x: 640, y: 400, width: 640, height: 360 });
    await page.keyboard.press('Escape');
  });

  it('lists the findings in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.getByText('target-missing-unit').first().waitFor({ timeout: 30_000 });
    await panel.getByText('target-missing-deadline').first().waitFor();
  });

  it('lists targets by section with problem icons, and reveals a target on click', async () => {
    await showOnly(page, /^Targets/i);
    const view = targetsView();
    await view.getByRole('treeitem', { name: /（一）着力扩大有效投资/ }).waitFor({ timeout: 30_000 });
    const unitless = view.getByRole('treeitem', { name: /入驻企业/ });
    await unitless.locator('.codicon-error').waitFor();
    await view.getByRole('treeitem', { name: /专精特新企业/ }).locator('.codicon-warning').waitFor();
    await view.getByRole('treeitem', { name: /养老床位/ }).locator('.codicon-pass').waitFor();
    await shot('targets-view.png');
    await unitless.click();
    // The status bar counts the selection: the quantity "70" is selected in the editor.
    await page.locator('.statusbar', { hasText: '(2 selected)' }).waitFor({ timeout: 15_000 });
  });

  it('applies the quick fix that inserts a unit', async () => {
    // The click in the Targets view left the unit-less quantity selected in the editor.
    await page.keyboard.press('Control+.');
    // The menu opens on the preferred fix: the unit the model ranks first for this indicator.
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    await focused.getByText(/Insert the unit/).waitFor({ timeout: 15_000 });
    await shot('quick-fix.png', { x: 508, y: 35, width: 772, height: 420 });
    const title = (await focused.textContent()) ?? '';
    const unit = /“(.+)”/.exec(title)?.[1];
    assert.ok(unit, `a unit in "${title}"`);
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: `达到70${unit}` }).first().waitFor({ timeout: 15_000 });
  });

  it('shows the parts and sections in the Outline', async () => {
    await page.keyboard.press('Control+J'); // hide the panel: the Outline gets the room
    await showOnly(page, /^Outline/i);
    const outline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Outline/i }) });
    await outline.getByRole('treeitem', { name: /二、下一步工作安排/ }).waitFor({ timeout: 30_000 });
    await outline.getByRole('treeitem', { name: /（三）着力保障和改善民生/ }).waitFor();
    await shot('outline.png', { x: 0, y: 35, width: 1280, height: 330 });
  });

  it('exports the targets as a Markdown table in a new editor', async () => {
    await page.locator('.tabs-container .tab', { hasText: 'sample.report.txt' }).click();
    await runCommand(page, 'Work Report: Export Targets');
    await pick(page, 'Markdown');
    await pick(page, 'New Editor');
    const editor = page.locator('.monaco-editor .view-lines', { hasText: '| --- |' }).first();
    await editor.waitFor({ timeout: 15_000 });
    assert.ok((await editor.textContent())?.includes('入驻企业'));
    await shot('export.png');
  });

  it('reports the activation time in Running Extensions', async () => {
    await runCommand(page, 'Developer: Show Running Extensions');
    const row = page.locator('.monaco-list-row', { hasText: /Work Report|工作报告/ }).first();
    await row.waitFor({ timeout: 30_000 });
    const text = ((await row.textContent()) ?? '').replace(/\s+/g, ' ');
    const time = /(\d+)\s*ms/.exec(text);
    assert.ok(time, `an activation time in "${text}"`);
    console.log(`      activation (VS Code's Running Extensions): ${time[0]} — ${text.slice(0, 160)}`);
    fs.writeFileSync(path.join(SCREENSHOTS, 'activation.txt'), text + '\n');
  });
});
