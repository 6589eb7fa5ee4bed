// Runs the CLI as a process with the test-only rules of cli-ci-helpers.ts (CliIO.rules), for checks
// that need a real process under another user, e.g. --fix in a folder it may not write to:
//   node -r tsx/cjs test/cli-ci-driver.ts lint --fix …
import { main } from '../server/src/cli/main';
import { TEST_REGISTRY } from './cli-ci-helpers';

const readStdin = () =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, readStdin, rules: TEST_REGISTRY }).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(String((e as Error).stack ?? e));
    process.exitCode = 3;
  },
);
