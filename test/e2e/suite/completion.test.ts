import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { LIPSTICK, LIPSTICK_TITLE, LIPSTICK_VIDEO, lipstickEntryLines } from '../../fixtures/lipstick';
import { acceptAnySuggestion, acceptSuggestion, nextPlaceholder, openWithCursor, typeKeys } from './editorPath';
import { log } from './marker';
import { extensionApi, openRecap, workspaceFile } from './util';

let counter = 0;

/** Writes a recap with a `|` marking the cursor into the workspace's recaps/ folder, opens it, returns the cursor position. */
async function recapWithCursor(marked: string): Promise<{ editor: vscode.TextEditor; position: vscode.Position }> {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const uri = workspaceFile('recaps', `e2e-completion-${++counter}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  return { editor, position: document.positionAt(offset) };
}

async function complete(editor: vscode.TextEditor, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, trigger);
  return list.items;
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

const frontmatterOf = (text: string) => parse(text.split('---\n')[1]!) as Record<string, unknown>;

/** The Lipstick entry as completion must leave it, its `- ` at column `indent`. */
function lipstickAt(indent: number): string[] {
  return lipstickEntryLines(LIPSTICK_VIDEO).map((line) => ' '.repeat(indent) + line.slice(2));
}

suite('completion, hover and snippets', () => {
  suiteSetup(async () => {
    await openRecap('recaps', 'kubecon.md');
    const api = await extensionApi();
    await api.index();
  });

  test('event: typing an event and pressing Enter writes its id', async () => {
    const editor = await openWithCursor('---\ntitle: x\nevent: |\ntalks: []\n---\n');
    await typeKeys('kubecon eu');
    assert.equal(await acceptSuggestion(editor), '---\ntitle: x\nevent: kubecon-eu-2024\ntalks: []\n---\n');
  });

  // VS Code re-indents what it inserts to the cursor line and turns spaces into tabs when
  // insertSpaces is off; YAML takes neither. Each case is typed and accepted as a person does.
  for (const indent of [0, 2, 4]) {
    for (const insertSpaces of [true, false]) {
      for (const tabSize of [2, 4]) {
        test(`a talks: item at indentation ${indent} (insertSpaces ${insertSpaces}, tabSize ${tabSize}) parses and holds the talk`, async () => {
          const pad = ' '.repeat(indent);
          const editor = await openWithCursor(`---\nevent: kubecon-eu-2024\ntalks:\n${pad}|\n---\n\n# Notes\n`);
          editor.options = { insertSpaces, tabSize };
          await typeKeys('- lipstik pig');
          const text = await acceptSuggestion(editor);
          assert.equal(text, ['---', 'event: kubecon-eu-2024', 'talks:', ...lipstickAt(indent), '---', '', '# Notes', ''].join('\n'));
          const talks = frontmatterOf(text)['talks'] as { id: string; title: string; video: string }[];
          assert.deepEqual(
            talks.map((t) => [t.id, t.title, t.video]),
            [[LIPSTICK, LIPSTICK_TITLE, LIPSTICK_VIDEO]],
          );
        });
      }
    }
  }

  test('Ctrl+Space after talks: [] offers the recap event’s talks and makes a block list', async () => {
    const editor = await openWithCursor('---\nevent: kubecon-eu-2024\ntalks: []|\n---\n');
    const text = await acceptSuggestion(editor);
    const talks = frontmatterOf(text)['talks'] as { id: string }[];
    assert.equal(talks.length, 1, text);
    assert.match(talks[0]!.id, /^kubecon-eu-2024/);
  });

  for (const insertSpaces of [true, false]) {
    test(`talks: [] becomes a block list holding the talk typed inside it (insertSpaces ${insertSpaces})`, async () => {
      const editor = await openWithCursor('---\nevent: kubecon-eu-2024\ntalks: [|]\n---\n');
      editor.options = { insertSpaces, tabSize: 4 };
      await typeKeys('lipstick');
      const text = await acceptSuggestion(editor);
      const talks = frontmatterOf(text)['talks'] as { id: string; video: string }[];
      assert.deepEqual(
        talks.map((t) => [t.id, t.video]),
        [[LIPSTICK, LIPSTICK_VIDEO]],
        text,
      );
      assert.ok(!text.includes('\t'), 'no tab in the frontmatter');
    });
  }

  test('a second talk under an existing one lines up with it', async () => {
    const editor = await openWithCursor(
      `---\nevent: kubecon-eu-2024\ntalks:\n    - id: kubecon-eu-2024/platform-engineering-day-welcome-opening-remarks\n    |\n---\n`,
    );
    editor.options = { insertSpaces: false, tabSize: 4 };
    await typeKeys('- lipstick pig');
    const text = await acceptSuggestion(editor);
    const talks = frontmatterOf(text)['talks'] as { id: string }[];
    assert.deepEqual(
      talks.map((t) => t.id),
      ['kubecon-eu-2024/platform-engineering-day-welcome-opening-remarks', LIPSTICK],
      text,
    );
  });

  test('a speakers: entry completes the talk’s other speaker with affiliation', async () => {
    const editor = await openWithCursor(
      `---\nevent: kubecon-eu-2024\ntalks:\n  - id: ${LIPSTICK}\n    speakers:\n      - name: Abby Bangser\n        affiliation: Syntasso\n      |\n---\n`,
    );
    editor.options = { insertSpaces: false, tabSize: 4 };
    await typeKeys('- name: Whit');
    const text = await acceptSuggestion(editor);
    assert.equal(
      text,
      `---\nevent: kubecon-eu-2024\ntalks:\n  - id: ${LIPSTICK}\n    speakers:\n      - name: Abby Bangser\n        affiliation: Syntasso\n      - name: Whitney Lee\n        affiliation: VMware\n---\n`,
    );
    assert.deepEqual((frontmatterOf(text)['talks'] as { speakers: unknown[] }[])[0]!.speakers[1], { name: 'Whitney Lee', affiliation: 'VMware' });
  });

  test('the @@ trigger in the body inserts a reference from the template', async () => {
    const editor = await openWithCursor(`---\nevent: kubecon-eu-2024\ntalks:\n  - id: ${LIPSTICK}\n---\n\n## Talks\n\n|\n`);
    await typeKeys('- @@lipstick');
    assert.equal(
      await acceptSuggestion(editor),
      `---\nevent: kubecon-eu-2024\ntalks:\n  - id: ${LIPSTICK}\n---\n\n## Talks\n\n- [Sometimes, Lipstick Is Exactly What a Pig Needs!](${LIPSTICK_VIDEO}) — Abby Bangser (Syntasso), Whitney Lee (VMware)\n`,
    );
  });

  // Past 200,000 characters completion reads only the frontmatter and the cursor's line (recapDocuments.ts):
  // what it inserts must still land at the cursor, and its edit to talks: in the frontmatter.
  test('in a recap past the large-recap size, @@ inserts at the cursor and the talk joins talks:', async function () {
    // Writing and opening 500 KB takes a while on a loaded machine; the typing itself is what is checked.
    this.timeout(120_000);
    const filler = Array.from({ length: 4_000 }, (_, i) => `Paragraph ${i} of notes, long enough to make this recap large.\n`).join('\n');
    const head = `---\nevent: kubecon-eu-2024\ntalks:\n  - id: kubecon-eu-2024/platform-engineering-day-welcome-opening-remarks\n---\n\n`;
    const fenced = '```\n@@lipstick\n```\n\n';
    const editor = await openWithCursor(`${head}${filler}\n${fenced}|\n\n${filler}`);
    assert.ok(editor.document.getText().length > 200_000, 'the recap is large');
    await vscode.workspace.getConfiguration('recap.completion').update('addToTalks', 'always', vscode.ConfigurationTarget.Global);
    try {
      await typeKeys('@@lipstick');
      const text = await acceptSuggestion(editor);
      const line = `[Sometimes, Lipstick Is Exactly What a Pig Needs!](${LIPSTICK_VIDEO}) — Abby Bangser (Syntasso), Whitney Lee (VMware)`;
      assert.equal(
        text.split('\n').find((l) => l.startsWith('[Sometimes')),
        line,
      );
      assert.ok(text.endsWith(`${filler}\n${fenced}${line}\n\n${filler}`), 'the body is as typed, the reference where the cursor was');
      const talks = frontmatterOf(text)['talks'] as { id: string }[];
      assert.deepEqual(
        talks.map((t) => t.id),
        ['kubecon-eu-2024/platform-engineering-day-welcome-opening-remarks', LIPSTICK],
      );
    } finally {
      await vscode.workspace.getConfiguration('recap.completion').update('addToTalks', undefined, vscode.ConfigurationTarget.Global);
    }
    // Inside a fence past the large-recap size: nothing, read from the fences above the cursor.
    const inFence = editor.document.getText().indexOf('@@lipstick\n```') + '@@lipstick'.length;
    assert.equal((await complete(editor, editor.document.positionAt(inFence), '@')).filter((i) => i.kind === vscode.CompletionItemKind.Reference).length, 0);
  });

  test('nothing is suggested inside fenced code or a YAML comment', async () => {
    const fenced = await recapWithCursor('---\nevent: kubecon-eu-2024\n---\n\n```\n@@lipstick|\n```\n');
    assert.equal((await complete(fenced.editor, fenced.position, '@')).filter((i) => i.kind === vscode.CompletionItemKind.Reference).length, 0);
    const comment = await recapWithCursor('---\nevent: kubecon-eu-2024 # kube|\n---\n');
    assert.equal((await complete(comment.editor, comment.position)).filter((i) => i.kind === vscode.CompletionItemKind.Module).length, 0);
  });

  test('one completion request over the full bundled index is fast', async () => {
    const { editor, position } = await recapWithCursor('---\nevent: fosdem-2023\n---\n\n- @@reproducible dockerfile|\n');
    const api = await extensionApi();
    const times: number[] = [];
    const inProvider: number[] = [];
    let first: vscode.CompletionItem | undefined;
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      const items = await complete(editor, position, '@');
      times.push(performance.now() - started);
      inProvider.push(api.lastCompletionMs());
      first ??= items[0];
    }
    assert.equal(labelOf(first!), 'Bit-for-bit reproducible builds with Dockerfile');
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[7]!.toFixed(1);
    log(
      `    completion over the bundled index (${(await api.index()).index.sessions.length} sessions): provider median ${median(inProvider)} ms; whole request (executeCompletionItemProvider round trip) median ${median(times)} ms`,
    );
  });

  test('hover on a talk id shows the talk’s card', async () => {
    const { editor, position } = await recapWithCursor(
      `---\nevent: kubecon-eu-2024\ntalks:\n  - id: kubecon-eu-2024/sometimes-lip|stick-is-exactly-what-a-pig-needs\n---\n`,
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Sometimes, Lipstick Is Exactly What a Pig Needs!\*\*/);
    assert.ok(text.includes('Abby Bangser (Syntasso), Whitney Lee (VMware)'));
    assert.ok(text.includes('KubeCon + CloudNativeCon Europe 2024'));
    assert.ok(text.includes(`[▶ Video](${LIPSTICK_VIDEO})`));
  });

  test('hover on a talk reference in the body shows the same card', async () => {
    const { editor, position } = await recapWithCursor(
      `---\nevent: kubecon-eu-2024\n---\n\n- [Sometimes, Lip|stick Is Exactly What a Pig Needs!](${LIPSTICK_VIDEO}) — Abby Bangser\n`,
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Sometimes, Lipstick Is Exactly What a Pig Needs!\*\*/);
    assert.ok(text.includes(`\`${LIPSTICK}\``));
  });

  test('Go to Definition on a workspace talk opens its index file', async () => {
    const { editor, position } = await recapWithCursor('---\nevent: team-meetup-2024\ntalks:\n  - id: team-meetup-2024/writing-recaps-peo|ple-read\n---\n');
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      editor.document.uri,
      position,
    );
    const location = locations.find((l): l is vscode.Location => l instanceof vscode.Location);
    assert.ok(location, 'a location');
    assert.equal(location.uri.toString(), workspaceFile('.recap', 'team-talks.yaml').toString());
    const line = (await vscode.workspace.openTextDocument(location.uri)).lineAt(location.range.start.line).text;
    assert.match(line, /- id: writing-recaps-people-read/);
  });

  test('snippets: "recap" expands, and Tab walks its stops', async () => {
    const editor = await openWithCursor('|', 'recaps');
    await typeKeys('recap');
    await acceptAnySuggestion(editor);
    // Stop 1 (the title, mirrored in the heading), then event, date, author, then the body.
    await typeKeys('FOSDEM 2024: what I watched');
    await nextPlaceholder();
    await typeKeys('fosdem-2024');
    await nextPlaceholder();
    await nextPlaceholder();
    await typeKeys('Ada Lovelace');
    await nextPlaceholder();
    await typeKeys('Body.');
    const text = editor.document.getText();
    assert.match(
      text,
      /^---\ntitle: "FOSDEM 2024: what I watched"\nevent: fosdem-2024\ndate: \d{4}-\d{2}-\d{2}\nauthor: Ada Lovelace\ntalks: \[\]\n---\n\n# FOSDEM 2024: what I watched\n\nBody\.$/,
    );
    assert.deepEqual(frontmatterOf(text), {
      title: 'FOSDEM 2024: what I watched',
      event: 'fosdem-2024',
      date: frontmatterOf(text)['date'],
      author: 'Ada Lovelace',
      talks: [],
    });
  });

  test('"Recap: Insert Talk Reference…" inserts the reference and can add the talk to talks:', async () => {
    const { editor, position } = await recapWithCursor('---\nevent: fosdem-2023\ntalks: []\n---\n\n- |\n');
    editor.selection = new vscode.Selection(position, position);
    await vscode.workspace.getConfiguration('recap.completion').update('addToTalks', 'always', vscode.ConfigurationTarget.Global);
    try {
      const id = await vscode.commands.executeCommand<string>('recap.insertTalkReference', { query: 'reproducible dockerfle' });
      assert.equal(id, 'fosdem-2023/container_reproducible_dockerfile');
      const text = editor.document.getText();
      assert.match(
        text,
        /\n- \[Bit-for-bit reproducible builds with Dockerfile\]\(https:\/\/video\.fosdem\.org\/2023\/UB2\.252A%20%28Lameere%29\/container_reproducible_dockerfile\.[a-z0-9]+\) — Akihiro Suda[^\n]*\n$/,
      );
      assert.equal((frontmatterOf(text)['talks'] as { id: string }[])[0]!.id, 'fosdem-2023/container_reproducible_dockerfile');
    } finally {
      await vscode.workspace.getConfiguration('recap.completion').update('addToTalks', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
