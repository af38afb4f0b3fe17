import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { log } from './marker';
import { EXTENSION_ID, extensionApi, openRecap, workspaceFile } from './util';

// The newcomer's first run: the walkthrough VS Code shows, the rule pages a
// diagnostic links to (bundled, offline), and the "Recap index" language
// status item, all checked in the real extension host.

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.File;
  } catch {
    return false;
  }
}

const RECAP = ['---', 'event: fosdem-2023', '---', '', 'I also enjoyed Exploring Database Containers — Edith Puclla.', ''].join('\n');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}

suite('first run: walkthrough, rule docs, index status', () => {
  const extension = () => vscode.extensions.getExtension(EXTENSION_ID)!;

  suiteSetup(async () => {
    await openRecap('recaps', 'kubecon.md');
    await (await extensionApi()).index();
  });

  test('the walkthrough "Write your first conference recap" is contributed, its media ship and its commands exist', async () => {
    const contributes = extension().packageJSON.contributes as {
      walkthroughs?: { id: string; title: string; steps: Step[] }[];
      commands: { command: string }[];
    };
    const walkthrough = contributes.walkthroughs?.find((w) => w.title === 'Write your first conference recap');
    assert.ok(walkthrough, 'walkthrough contributed');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['newRecap', 'pickEvent', 'addTalk', 'addReference', 'openPreview', 'fixVideo'],
    );
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown, `${step.id} has a Markdown media file`);
      const media = vscode.Uri.joinPath(extension().extensionUri, step.media.markdown);
      assert.ok(await exists(media), `${step.media.markdown} ships`);
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} has completion events`);
      for (const m of step.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(registered.has(m[1]!), `${step.id}'s button runs ${m[1]}, which exists`);
      for (const e of step.completionEvents ?? []) if (e.startsWith('onCommand:')) assert.ok(registered.has(e.slice('onCommand:'.length)), `${step.id}: ${e}`);
    }
    // Test hooks are not contributed (they are registered in ExtensionMode.Test only).
    assert.ok(!contributes.commands.some((c) => c.command === 'recap.preview.findings'));
  });

  test("a diagnostic's rule link opens the rule's bundled page in the Markdown preview", async () => {
    const uri = workspaceFile('recaps', 'e2e-status.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(RECAP));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const missing = await until('a missing-video diagnostic', () =>
        vscode.languages.getDiagnostics(uri).find((d) => d.source === 'recap' && typeof d.code === 'object' && d.code.value === 'missing-video'),
      );
      const target = (missing.code as { value: string; target: vscode.Uri }).target;
      assert.equal(target.scheme, 'command');
      assert.equal(target.path, 'recap.showRuleDocs');
      // What VS Code's opener does with a command link (the hover and the Problems panel open code links with
      // commands allowed): run the command with the query's JSON array as its arguments.
      const args = JSON.parse(decodeURIComponent(target.query)) as unknown[];
      assert.deepEqual(args, ['missing-video']);
      const page = (await vscode.commands.executeCommand(target.path, ...args)) as vscode.Uri;
      assert.ok(page.path.startsWith(extension().extensionUri.path + '/'), `${page.toString()} is inside the extension`);
      assert.ok(page.path.endsWith('/docs/rules/missing-video.md'));
      assert.ok(await exists(page), `${page.toString()} exists`);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(page));
      assert.equal(text.split('\n')[0], '# Rule: missing-video');
      // The Markdown preview opened on the page, and read it (a preview of a URI it cannot read shows "cannot be found").
      const tab = await until('the Markdown preview of the rule page', () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview') && t.label.includes('missing-video')),
      );
      await until('the preview to load the page', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === page.toString()));
      log(`    rule page opened as "${tab.label}"`);
      await vscode.window.tabGroups.close(tab);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('the "Recap index" status item: sessions and events, problems in index files as a warning, the statistics on click', async () => {
    const api = await extensionApi();
    assert.ok(api.indexStatus, 'the accessor exists in ExtensionMode.Test');
    const editor = await openRecap('recaps', 'kubecon.md');
    const { index } = await api.index();
    const stats = index.stats();
    const counts = `${stats.sessions.toLocaleString('en-US')} sessions · ${stats.events.toLocaleString('en-US')} events`;
    let state = await until('the index to load', () => (api.indexStatus!().busy ? undefined : api.indexStatus!()));
    assert.equal(state.text, counts);
    assert.equal(state.severity, vscode.LanguageStatusSeverity.Information);
    assert.equal(state.command, 'recap.showIndexStatistics');
    assert.equal(vscode.languages.match(state.selector, editor.document) > 0, true, 'shown for the recap');
    const notRecap = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n\nNot a recap.\n' });
    assert.equal(vscode.languages.match(api.indexStatus!().selector, notRecap), 0, 'not shown for other Markdown');
    log(`    status: ${state.text}`);

    const broken = workspaceFile('.recap', 'e2e-status-broken.yaml');
    await vscode.workspace.fs.writeFile(
      broken,
      new TextEncoder().encode('event:\n  id: status-broken-2025\n  name: Status Broken 2025\nsessions:\n  - id: no-title\n    speakers: [Nobody]\n'),
    );
    try {
      state = await until('the warning', () => (api.indexStatus!().severity === vscode.LanguageStatusSeverity.Warning ? api.indexStatus!() : undefined));
      assert.equal(state.text, '1 problem in index files');
      log(`    status: ${state.text} (${state.detail})`);
    } finally {
      await vscode.workspace.fs.delete(broken);
    }
    state = await until('the warning to clear', () =>
      api.indexStatus!().severity === vscode.LanguageStatusSeverity.Information ? api.indexStatus!() : undefined,
    );
    assert.match(state.text, /^[\d,]+ sessions · \d+ events$/);
    const shown = (await vscode.commands.executeCommand(state.command!)) as { sessions: number };
    assert.equal(shown.sessions, index.stats().sessions);
  });
});
