import type { LspTestClient } from '../lspHarness';

// The probes preloaded into a spawned server (activeResources.cjs, fileReads.cjs) answer SIGUSR2
// with one line on stderr: `<prefix> <json>`. This sends the signal and reads that line.
export function askProbe<T>(client: LspTestClient, prefix: string): Promise<T> {
  return new Promise((resolve) => {
    let seen = '';
    const line = new RegExp(`${prefix} (.*)\\n`);
    const onData = (d: Buffer) => {
      seen += d.toString();
      const m = line.exec(seen);
      if (m) {
        client.proc.stderr!.off('data', onData);
        resolve(JSON.parse(m[1]) as T);
      }
    };
    client.proc.stderr!.on('data', onData);
    client.proc.kill('SIGUSR2');
  });
}
