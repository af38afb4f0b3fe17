import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { log } from './marker';
import { EXTENSION_ID, extensionApi, openRecap, workspaceFile } from './util';

const labelText = (item: vscode.CompletionItem | undefined) => (item ? (typeof item.label === 'string' ? item.label : item.label.label) : '');

const run = promisify(execFile);

suite('activation', () => {
  test('a Markdown file activates the extension, which answers a completion asked for at once', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension present');
    assert.equal(extension.isActive, false, 'not active before any Markdown file is opened');
    // The first recap opened asks for a completion at once: the answer waits for activation, the
    // bundled index and whatever else runs on the extension host before it (the lint of the recap).
    const uri = workspaceFile('recaps', 'e2e-first-completion.md');
    const text = '---\nevent: fosdem-2024\ntalks: []\n---\n\nThe best talk was @@http3 stenberg';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const opened = performance.now();
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const api = await extensionApi();
      const asked = performance.now();
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, document.positionAt(text.length));
      const answered = performance.now();
      assert.ok(api.activationMs > 0);
      log(`    activate() took ${api.activationMs.toFixed(1)} ms; ${api.sinceLoadMs.toFixed(1)} ms since the bundle loaded`);
      const { builtInMs, steps } = await api.index();
      // Our provider's own view (the test runs in the same extension host, on the same clock): when the
      // request reached it, when it answered. The rest of the wait is VS Code and the other completion providers.
      const ours = api.lastCompletionTimes();
      log(
        `    first completion: asked ${(asked - opened).toFixed(0)} ms after the recap was opened; our provider got it ${(ours.arrived - opened).toFixed(0)} ms ` +
          `and answered ${(ours.answered - opened).toFixed(0)} ms after (${api.lastCompletionMs().toFixed(0)} ms of its own); VS Code returned the list ` +
          `${(answered - opened).toFixed(0)} ms after. Index files found in ${api.indexScanMs().toFixed(0)} ms; index built in ${builtInMs.toFixed(0)} ms: bundled index loaded ${steps.bundleMs.toFixed(0)} ms, ` +
          `merged ${steps.indexMs.toFixed(0)} ms, search ${steps.searchMs.toFixed(0)} ms`,
      );
      const first = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
      assert.match(labelText(first), /^HTTP\/3 for everyone/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
    await openRecap('recaps', 'kubecon.md');
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
