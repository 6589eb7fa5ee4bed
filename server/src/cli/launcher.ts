import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

// The `workreport` command: starts the CLI bundle (cliMain.js) from V8's code cache. Compiling the
// 1 MB bundle and the engine's functions on their first call is most of what a short run costs (a
// 30 KB report: 230 ms without the cache, 160 ms with it). Node 20 has no built-in compile cache
// (module.enableCompileCache came in Node 22), so the launcher keeps one: the bundle is compiled with
// the cached data when there is some, and the cache is written at exit, after the run, so that it
// holds the functions the run compiled. A run that analysed reports writes a cache of its own kind,
// which later runs prefer. Any failure here only costs the speed-up: the bundle then runs uncached.

const bundle = path.join(__dirname, 'cliMain.js');
const ANALYSING = new Set(['lint', 'targets', 'outline']);

function cacheDir(): string {
  const user = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `workreport-code-cache-${user}`);
}

function run(): void {
  const source = fs.readFileSync(bundle, 'utf8').replace(/^#!.*\n/, '');
  const stat = fs.statSync(bundle);
  // One cache per build and Node version; V8 itself refuses data from another V8 or other flags.
  const stem = path.join(cacheDir(), `cliMain-${stat.size}-${Math.round(stat.mtimeMs)}-${process.version}`);
  const kind = ANALYSING.has(process.argv[2] ?? '') ? 'analysis' : 'other';
  const candidates = kind === 'analysis' ? [`${stem}.analysis`] : [`${stem}.analysis`, `${stem}.other`];
  let cachedData: Buffer | undefined;
  for (const file of candidates) {
    try {
      cachedData = fs.readFileSync(file);
      break;
    } catch {
      // no cache of this kind yet
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        fs.mkdirSync(cacheDir(), { recursive: true, mode: 0o700 });
        const tmp = `${stem}.${kind}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, `${stem}.${kind}`);
      } catch {
        // an unwritable temp folder: the next run compiles again
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(bundle), module, bundle, __dirname);
}

run();
