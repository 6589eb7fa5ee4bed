import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// stdio, IPC or a socket, as the client chooses on the command line (--stdio, --node-ipc, --socket=N).
const connection = createConnection(ProposedFeatures.all);

// Never down: an error that escapes every handler (a rejected promise nobody awaited, a throw in a
// timer) is logged and the server keeps serving, instead of Node ending the process.
process.on('unhandledRejection', (reason) => connection.console.error(`workreport: unhandled rejection: ${(reason as Error)?.stack ?? reason}`));
process.on('uncaughtException', (e) => connection.console.error(`workreport: uncaught exception: ${e.stack ?? e}`));

startServer(connection);
