// The pfc extension: highlighting comes from the grammar in package.json;
// this file starts the pfc language server (`pfc lsp`, over standard input
// and output) when `pfc.server.enable` is set. pfc does not have that
// command yet, so the setting is off by default.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('pfc');
  if (!config.get('server.enable')) {
    return;
  }
  const command = config.get('path') || 'pfc';
  const serverOptions = {
    command,
    args: ['lsp'],
    transport: TransportKind.stdio,
  };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'pfc' }],
  };
  client = new LanguageClient('pfc', 'pfc language server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
