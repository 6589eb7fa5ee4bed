// vscode-languageclient, bundled apart (dist/languageClient.js) and loaded on the first server
// start: it is most of the client's code, and VS Code should not parse it while activating.
export { LanguageClient, RevealOutputChannelOn, State, TransportKind } from 'vscode-languageclient/node';
