// Preloaded into a spawned language server by test/lsp-endurance.test.ts (node -r): on SIGUSR2 it
// writes the server's pending timers and its heap size to stderr as one JSON line, so that the test
// can look inside the process without the server exposing anything for it.
process.on('SIGUSR2', () => {
  const resources = process.getActiveResourcesInfo();
  const timers = resources.filter((r) => r === 'Timeout').length;
  process.stderr.write(`probe ${JSON.stringify({ timers, resources, heapUsed: process.memoryUsage().heapUsed })}\n`);
});
