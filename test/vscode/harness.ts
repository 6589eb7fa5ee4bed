// Runs a real VS Code workbench for the editor tests: code-server 4.100.3 (VS Code 1.100.3) from
// .editor-test/code-server, shown in headless Debian chromium through playwright-core. Everything
// the two write (profile, extensions, caches, sockets) stays in one scratch folder per run, never in
// the real home folder. Recipes: ../shared/testing/README.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const REPO = path.resolve(__dirname, '..', '..');
export const EDITOR_DIR = path.join(REPO, '.editor-test');
export const CODE_SERVER = path.join(EDITOR_DIR, 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(EDITOR_DIR, 'screenshots');
export const FIXTURES = path.join(__dirname, 'fixtures');

/** Why the editor tests cannot run here, or undefined when they can. */
export function editorMissing(): string | undefined {
  if (!fs.existsSync(CODE_SERVER)) return 'code-server is not installed in .editor-test/ (test/vscode/install-editor.sh installs it; .ci/run does)';
  if (!fs.existsSync(CHROMIUM)) return `chromium is not installed at ${CHROMIUM} (apt-get install chromium; .ci/run does)`;
  return undefined;
}

export interface Workbench {
  page: Page;
  port: number;
  /** The scratch folder of this run (profile, logs). */
  runDir: string;
  /** URL of the workbench on a folder, with an optional test payload (extension paths). */
  url(folder: string, payload?: Array<[string, string]>): string;
  /** A file path as the workbench addresses it (remote scheme). */
  remote(file: string): string;
  close(): Promise<void>;
}

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.reduceMotion': 'on', // toasts and menus appear at once, so screenshots catch them
  'chat.commandCenter.enabled': false,
  'git.enabled': false, // the scratch workspace lies inside this repository: no "open the repository?" toast
  'editor.fontFamily': "'WenQuanYi Micro Hei Mono', 'Droid Sans Mono', monospace",
  'editor.minimap.enabled': false,
};

/** Starts code-server on a free port with an isolated profile and opens chromium on it. */
export async function startWorkbench(name: string, options: { extensionsDir?: string; settings?: Record<string, unknown> } = {}): Promise<Workbench> {
  const runDir = path.join(EDITOR_DIR, 'runs', name);
  fs.rmSync(runDir, { recursive: true, force: true });
  for (const d of ['ud/User', 'ext', 'cfg', 'data', 'cache', 'home', 'tmp', 'chrome']) fs.mkdirSync(path.join(runDir, d), { recursive: true });
  fs.writeFileSync(path.join(runDir, 'ud/User/settings.json'), JSON.stringify({ ...SETTINGS, ...options.settings }, null, 2));
  const env = isolatedEnv(runDir);
  const port = await freePort();
  const log = fs.openSync(path.join(runDir, 'code-server.log'), 'w');
  const server = spawn(
    CODE_SERVER,
    [...codeServerArgs(runDir, options.extensionsDir), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'],
    { env, detached: true, stdio: ['ignore', log, log] }, // own process group: the extension host and language server die with it
  );
  let browser: BrowserContext | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await stopGroup(server);
  };
  try {
    await waitFor(() => healthy(port), 60_000, 'code-server /healthz');
    // Playwright refuses --user-data-dir in args: a persistent context takes the profile folder.
    browser = await chromium.launchPersistentContext(path.join(runDir, 'chrome'), {
      executablePath: CHROMIUM, headless: true, env, viewport: { width: 1280, height: 760 }, locale: 'en-US',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  } catch (e) {
    await close();
    throw e;
  }
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('console', (m) => m.type() === 'error' && fs.appendFileSync(path.join(runDir, 'browser-console.log'), m.text() + '\n'));
  const remote = (file: string) => `vscode-remote://127.0.0.1:${port}${file}`;
  const url = (folder: string, payload?: Array<[string, string]>) =>
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}` + (payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '');
  return { page, port, runDir, url, remote, close };
}

/** Installs a .vsix into the isolated extensions folder of a run (as a user would, from the file). */
export function installVsix(runName: string, vsix: string): string {
  const runDir = path.join(EDITOR_DIR, 'runs', `${runName}-install`);
  fs.rmSync(runDir, { recursive: true, force: true });
  for (const d of ['ud/User', 'ext', 'cfg', 'data', 'cache', 'home', 'tmp']) fs.mkdirSync(path.join(runDir, d), { recursive: true });
  const r = spawnSync(CODE_SERVER, [...codeServerArgs(runDir), '--install-extension', vsix], { env: isolatedEnv(runDir), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed: ${r.stdout}${r.stderr}`);
  return path.join(runDir, 'ext');
}

function codeServerArgs(runDir: string, extensionsDir = path.join(runDir, 'ext')): string[] {
  return ['--user-data-dir', path.join(runDir, 'ud'), '--extensions-dir', extensionsDir, '--disable-telemetry'];
}

/** HOME, XDG_* and TMPDIR inside the run: code-server and chromium write there, not into ~. */
function isolatedEnv(runDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: path.join(runDir, 'home'), XDG_CONFIG_HOME: path.join(runDir, 'cfg'), XDG_DATA_HOME: path.join(runDir, 'data'),
    XDG_CACHE_HOME: path.join(runDir, 'cache'), TMPDIR: path.join(runDir, 'tmp'),
  };
}

/** Polls until fn gives a truthy value; never a fixed sleep. */
export function waitFor<T>(fn: () => T | Promise<T>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poll = async () => {
      try {
        const v = await fn();
        if (v) return resolve(v);
      } catch {
        // not yet
      }
      if (Date.now() > end) return reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      setTimeout(poll, 200).unref();
    };
    void poll();
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) =>
    http.get(`http://127.0.0.1:${port}/healthz`, (res) => { res.resume(); resolve(res.statusCode === 200); }).on('error', () => resolve(false)),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** SIGTERM to the whole process group (code-server, extension host, language server), SIGKILL after 5 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const gone = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  const exited = await Promise.race([gone, new Promise<boolean>((resolve) => setTimeout(resolve, 5000, false).unref())]);
  if (!exited) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
}

/** A fresh workspace folder for a run: the fixture reports and a seed report, copied so tests may edit them. */
export function makeWorkspace(name: string): string {
  const ws = path.join(EDITOR_DIR, 'ws', name);
  fs.rmSync(ws, { recursive: true, force: true });
  fs.mkdirSync(ws, { recursive: true });
  for (const f of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, f), path.join(ws, f));
  // A seed report the project trains on, under a report file name so that it opens as a report.
  fs.copyFileSync(path.join(REPO, 'seeds', '002_73dc8c5210b09934.txt'), path.join(ws, 'seed.report.txt'));
  return ws;
}

/** Bundles the in-editor suite (TypeScript) into one script the extension host can load. */
export async function bundleSuite(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(EDITOR_DIR, 'suite', 'index.js');
  await build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
  });
  return outfile;
}
