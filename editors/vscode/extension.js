// The jixiao extension: the grammar and language configuration (declared in
// package.json) and the editor server, `jixiao lsp`, started through
// vscode-languageclient for diagnostics as you type, hover, go to
// definition, references, completion, formatting, outline, folding,
// semantic highlighting and quick fixes.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('jixiao');
  const command = config.get('server.path') || 'jixiao';
  const serverOptions = {
    command,
    args: ['lsp', ...(config.get('server.extraArgs') || [])],
    transport: TransportKind.stdio,
  };
  const initializationOptions = {};
  const docs = config.get('diagnosticsUrl');
  if (docs) initializationOptions.diagnosticsUrl = docs;
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'jixiao' }],
    // The server finds each file's project through its includes: tell it
    // when .jx files are created, changed or deleted on disk.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.jx') },
    initializationOptions,
  };
  client = new LanguageClient('jixiao', 'jixiao', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start().catch((e) => {
    vscode.window.showErrorMessage(
      `jixiao: cannot start \`${command} lsp\` (${e.message}). ` +
        'Install jixiao (cargo install --path .) or set jixiao.server.path.'
    );
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
