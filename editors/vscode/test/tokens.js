#!/usr/bin/env node
// Prints how the grammar tokenizes a .jx file: one line per token, with its
// column (in UTF-16 code units, the unit the test assertions count in) and
// its scopes. Handy when writing assertions under lines of Han text.
//   node test/tokens.js FILE.jx
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm')).buffer;
const onigLib = oniguruma.loadWASM(wasm).then(() => ({
  createOnigScanner: (p) => new oniguruma.OnigScanner(p),
  createOnigString: (s) => new oniguruma.OnigString(s),
}));
const registry = new vsctm.Registry({
  onigLib,
  loadGrammar: async () =>
    vsctm.parseRawGrammar(fs.readFileSync(path.join(__dirname, '..', 'syntaxes', 'jx.tmLanguage.json'), 'utf8'), 'jx.tmLanguage.json'),
});
registry.loadGrammar('source.jx').then((grammar) => {
  let stack = vsctm.INITIAL;
  const lines = fs.readFileSync(process.argv[2], 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    const r = grammar.tokenizeLine(line, stack);
    console.log(`${i + 1}: ${line}`);
    for (const t of r.tokens) {
      const text = line.slice(t.startIndex, t.endIndex);
      if (!text.trim()) continue;
      console.log(`    ${String(t.startIndex).padStart(3)} ${JSON.stringify(text)}  ${t.scopes.slice(1).join(' ')}`);
    }
    stack = r.ruleStack;
  });
});
