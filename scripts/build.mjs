// Build: type-check, bundle the CLI, the language server and the VS Code client with esbuild, then
// train the default model from seeds/ with the freshly built CLI. Exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

// The GB18030 codec (iconv-lite, half the CLI's size) is a bundle of its own, required at run time
// beside the bundle that needs it, so that runs over UTF-8 reports never read it (cli/io/gb18030.ts).
const gb18030Apart = {
  name: 'gb18030-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/gb18030$/ }, () => ({ path: './gb18030.js', external: true }));
  },
};

// Commander requires child_process at load time for executable subcommands, which workreport has
// none of; it gets a stand-in that loads the module on first use (scripts/build/lazy-child-process.cjs).
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'commander')}`) ? { path: join(root, 'scripts/build/lazy-child-process.cjs') } : undefined,
    );
  },
};

try {
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root]);
  mkdirSync(join(root, 'dist'), { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Prefer packages' ES module builds: jsonc-parser's UMD build requires files esbuild cannot see.
    mainFields: ['module', 'main'],
    // ESM dependencies (tinyglobby's fdir) read import.meta.url, which a CommonJS bundle lacks.
    define: { WORKREPORT_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    plugins: [gb18030Apart, lazyChildProcess],
  };
  await Promise.all([
    // The command is a small launcher that runs the CLI bundle from V8's code cache (cli/launcher.ts).
    esbuild.build({ ...common, entryPoints: [join(root, 'server/src/cli/bin.ts')], outfile: join(root, 'dist/cliMain.js') }),
    esbuild.build({ ...common, entryPoints: [join(root, 'server/src/cli/launcher.ts')], outfile: join(root, 'dist/cli.js'), banner: { js: '#!/usr/bin/env node' } }),
    esbuild.build({ ...common, entryPoints: [join(root, 'server/src/cli/io/gb18030.ts')], outfile: join(root, 'dist/gb18030.js') }),
    esbuild.build({ ...common, entryPoints: [join(root, 'server/src/lsp/main.ts')], outfile: join(root, 'dist/server.js') }),
    // The CLI's lint worker thread: the engine and model loading only, so that a worker starts fast.
    esbuild.build({ ...common, entryPoints: [join(root, 'server/src/cli/parallel/worker.ts')], outfile: join(root, 'dist/lintWorker.js') }),
    // The engine as a library, for the benchmark and for tools that embed it.
    esbuild.build({ ...common, entryPoints: [join(root, 'server/src/engine/index.ts')], outfile: join(root, 'dist/engine.cjs') }),
    // The VS Code client in two bundles: the small one VS Code loads on activation, and
    // vscode-languageclient, which the first server start requires (client/src/languageClient.ts).
    esbuild.build({ ...common, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(root, 'dist/client.js'), external: ['vscode', './languageClient'] }),
    esbuild.build({ ...common, entryPoints: [join(root, 'client/src/languageClient.ts')], outfile: join(root, 'dist/languageClient.js'), external: ['vscode'] }),
  ]);
  chmodSync(join(root, 'dist/cli.js'), 0o755);
  run(process.execPath, [join(root, 'dist/cli.js'), 'train', join(root, 'seeds'), '--out', join(root, 'dist/default-model.json'), '--lang', 'en']);
} catch (e) {
  console.error(`build failed: ${e.message ?? e}`);
  process.exit(1);
}
