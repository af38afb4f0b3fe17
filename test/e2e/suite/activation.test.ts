import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { log } from './marker';
import { EXTENSION_ID, extensionApi, openRecap } from './util';

const run = promisify(execFile);

suite('activation', () => {
  test('a Markdown file activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension present');
    assert.equal(extension.isActive, false, 'not active before any Markdown file is opened');
    await openRecap('recaps', 'kubecon.md');
    const api = await extensionApi();
    assert.ok(api.activationMs > 0);
    log(`    activate() took ${api.activationMs.toFixed(1)} ms; ${api.sinceLoadMs.toFixed(1)} ms since the bundle loaded`);
  });

  test('every contributed command is registered', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length > 0);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.filter((id) => !registered.has(id)),
      [],
    );
  });

  test('the CLI and the extension load the same core', async () => {
    const api = await extensionApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const cli = join(extension.extensionPath, 'dist', 'cli.js');
    const file = vscode.window.activeTextEditor!.document.uri.fsPath;
    const version = await run(process.execPath, [cli, '--version']);
    assert.equal(version.stdout.trim(), api.coreVersion);
    const inspected = await run(process.execPath, [cli, 'inspect', file, '--json']);
    const [fromCli] = JSON.parse(inspected.stdout) as Record<string, unknown>[];
    delete fromCli!['file'];
    assert.deepEqual(fromCli, api.summarize(file, readFileSync(file, 'utf8')));
    assert.deepEqual(fromCli!['events'], ['kubecon-eu-2024']);
  });

  test('"Recap: New Recap" opens an untitled recap with frontmatter', async () => {
    const editor = (await vscode.commands.executeCommand('recap.newRecap')) as vscode.TextEditor;
    const text = editor.document.getText();
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(editor.document.isUntitled, true);
    assert.match(text, /^---\ntitle: ""\nevent: \ndate: \d{4}-\d{2}-\d{2}\nauthor: \ntalks: \[\]\n---\n/);
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [1, 8]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
