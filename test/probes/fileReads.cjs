// Preloaded into a spawned language server by test/lsp-trust.test.ts (node -r): records the path of
// every file the server opens or reads, and on SIGUSR2 writes them to stderr as one JSON line — so
// the test can see what an untrusted workspace made the server read, without trusting its messages.
const fs = require('node:fs');
const read = new Set();
const note = (p) => {
  if (typeof p === 'string') read.add(p);
  else if (p instanceof URL) read.add(p.pathname);
};
for (const name of ['readFileSync', 'openSync', 'readFile', 'open', 'createReadStream']) {
  const original = fs[name];
  fs[name] = function (p, ...rest) {
    note(p);
    return original.call(this, p, ...rest);
  };
}
for (const name of ['readFile', 'open']) {
  const original = fs.promises[name];
  fs.promises[name] = function (p, ...rest) {
    note(p);
    return original.call(this, p, ...rest);
  };
}
process.on('SIGUSR2', () => process.stderr.write(`reads ${JSON.stringify([...read])}\n`));
