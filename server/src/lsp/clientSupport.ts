import type { ClientCapabilities } from 'vscode-languageserver/node';

// What the connected editor can do, read once from its InitializeParams, so that features adapt:
// pull diagnostics for VS Code, Markdown hovers where rendered, flat symbols for old clients.

export interface ClientSupport {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  watchedFilesDynamic: boolean;
  relativePatterns: boolean;
  workspaceFolders: boolean;
  snippets: boolean;
  hoverMarkdown: boolean;
  hierarchicalSymbols: boolean;
  versionedEdits: boolean;
  relatedInformation: boolean;
  codeDescription: boolean;
}

export function clientSupport(c: ClientCapabilities): ClientSupport {
  const td = c.textDocument;
  return {
    pullDiagnostics: !!td?.diagnostic,
    diagnosticRefresh: !!c.workspace?.diagnostics?.refreshSupport,
    configuration: !!c.workspace?.configuration,
    watchedFilesDynamic: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    relativePatterns: !!c.workspace?.didChangeWatchedFiles?.relativePatternSupport,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    snippets: !!td?.completion?.completionItem?.snippetSupport,
    hoverMarkdown: td?.hover?.contentFormat?.includes('markdown') ?? false,
    hierarchicalSymbols: !!td?.documentSymbol?.hierarchicalDocumentSymbolSupport,
    versionedEdits: !!c.workspace?.workspaceEdit?.documentChanges,
    relatedInformation: !!td?.publishDiagnostics?.relatedInformation,
    codeDescription: !!td?.publishDiagnostics?.codeDescriptionSupport,
  };
}
