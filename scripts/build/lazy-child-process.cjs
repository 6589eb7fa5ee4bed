// What commander gets for `require('node:child_process')` in the CLI bundle: the module, loaded on
// first use. Commander needs it only to run executable subcommands, which workreport has none of,
// and loading it eagerly pulls in net, dgram and their bindings: several ms of every CLI start.
let real;
module.exports = new Proxy({}, {
  get(_, key) {
    real ??= require('node:child_process');
    return real[key];
  },
});
