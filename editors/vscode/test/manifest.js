#!/usr/bin/env node
// Checks that the extension's manifest and language configuration say what
// VS Code needs: the language id, the .jx extension, the grammar's scope, the
// comment tokens and the full-width brackets and quotes, and the client that
// starts the editor server.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const read = (f) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));
const checks = [];
const check = (name, fn) => checks.push([name, fn]);

const pkg = read('package.json');
const lang = pkg.contributes.languages.find((l) => l.id === 'jixiao');
const gram = pkg.contributes.grammars.find((g) => g.language === 'jixiao');

check('language jixiao claims .jx', () => assert.deepStrictEqual(lang.extensions, ['.jx']));
check('grammar contribution has scope source.jx', () => assert.strictEqual(gram.scopeName, 'source.jx'));
check('grammar file exists and names the same scope', () =>
  assert.strictEqual(read(gram.path).scopeName, 'source.jx'));
check('language configuration exists', () => assert.ok(fs.existsSync(path.join(root, lang.configuration))));

const conf = read(lang.configuration);
const pairs = (xs) => xs.map((p) => (Array.isArray(p) ? p.join('') : p.open + p.close));
check('comments are // and /* */', () => {
  assert.strictEqual(conf.comments.lineComment, '//');
  assert.deepStrictEqual(conf.comments.blockComment, ['/*', '*/']);
});
check('brackets include full-width （） and ｛｝', () => {
  for (const b of ['{}', '｛｝', '()', '（）']) assert.ok(pairs(conf.brackets).includes(b), b);
});
check('quotes “” and 「」 close automatically', () => {
  for (const q of ['""', '“”', '「」', '｛｝', '（）']) assert.ok(pairs(conf.autoClosingPairs).includes(q), q);
});

// The editor server: the client starts `jixiao lsp` for the language.
check('activates on the jixiao language', () =>
  assert.ok((pkg.activationEvents || []).includes('onLanguage:jixiao')));
check('main script exists and starts `jixiao lsp` through vscode-languageclient', () => {
  const main = fs.readFileSync(path.join(root, pkg.main), 'utf8');
  assert.ok(main.includes("require('vscode-languageclient/node')"));
  assert.ok(main.includes("'lsp'"));
});
check('vscode-languageclient is a runtime dependency', () =>
  assert.ok(pkg.dependencies && pkg.dependencies['vscode-languageclient']));
check('the server path is a setting', () =>
  assert.strictEqual(pkg.contributes.configuration.properties['jixiao.server.path'].default, 'jixiao'));

let failed = 0;
for (const [name, fn] of checks) {
  try {
    fn();
    console.log(`✓ manifest: ${name}`);
  } catch (e) {
    failed++;
    console.log(`✖ manifest: ${name}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
