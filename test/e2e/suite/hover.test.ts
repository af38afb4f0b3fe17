// Hover, Go to Definition and the preview in the real extension host, at the positions a
// person points at, checked against the diagnostics of the same text: both
// answer from the mentions the lint found, so a card appears exactly where a
// talk is mentioned (a title in prose, a heading or a list item, a link to its
// recording, slides or schedule page, its full id) and never inside code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openRecap, workspaceFile } from './util';

// A bundled talk with a recording, slides and a schedule page.
const ROBRIX = 'fosdem-2025/fosdem-2025-5841-robrix-a-pure-rust-multi-platform-matrix-client-and-more';
const ROBRIX_TITLE = 'Robrix: a pure Rust multi-platform Matrix Client and more';
// The post-conference export's recording (the preliminary one linked a YouTube upload).
const ROBRIX_VIDEO = 'https://video.fosdem.org/2025/k4201/fosdem-2025-5841-robrix-a-pure-rust-multi-platform-matrix-client-and-more.mp4';
const ROBRIX_SCHEDULE = 'https://fosdem.org/2025/schedule/event/fosdem-2025-5841-robrix-a-pure-rust-multi-platform-matrix-client-and-more/';
// A bundled talk with slides and no recording: a mention of it is a missing-video.
const PATHWAYS_TITLE = 'Creating Pathways That Invest in New Maintainers';
// The workspace's own talk (test/e2e/workspace/.recap/team-talks.yaml): Go to Definition opens that file.
const TEAM = 'team-meetup-2024/writing-recaps-people-read';
const TEAM_TITLE = 'Writing Recaps People Read';
const TEAM_VIDEO = 'https://www.youtube.com/watch?v=aaaaaaaaaaa';

let counter = 0;

/** Writes a recap (each `|` marks a place a person points at), opens it; returns the document and those positions. */
async function recap(marked: string): Promise<{ document: vscode.TextDocument; at: vscode.Position[] }> {
  const [first, ...rest] = marked.split('|');
  let text = first!;
  const offsets: number[] = [];
  for (const part of rest) {
    offsets.push(text.length);
    text += part;
  }
  const uri = workspaceFile('recaps', `e2e-hover-${++counter}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return { document, at: offsets.map((o) => document.positionAt(o)) };
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<{ text: string; range: string | undefined }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  // Only our card (another extension may add hovers of its own): it opens with the title in bold.
  const ours = hovers.filter((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).startsWith('**')));
  const text = ours.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  const range = ours[0]?.range;
  return { text, range: range && document.getText(range) };
}

async function definition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
  const locations =
    (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position)) ?? [];
  return locations.find((l): l is vscode.Location => l instanceof vscode.Location && l.uri.path.includes('/.recap/'));
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const recapDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'recap');

/** Diagnostics once the lint has run: the control line's missing-video is there. */
async function settledDiagnostics(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  await until('the control mention’s missing-video', () =>
    recapDiagnostics(document.uri).find((d) => ruleOf(d) === 'missing-video' && document.getText(d.range) === PATHWAYS_TITLE),
  );
  return recapDiagnostics(document.uri);
}

const CONTROL = `Control: ${PATHWAYS_TITLE}.\n`;

interface PreviewReport {
  version: number;
  findings: { rule: string; line: number; text: string }[];
  talks: string[];
}

/**
 * The preview of a recap, opened beside it as a person does, checked against
 * the Problems panel: each finding it marks is on the diagnostic's line, for
 * the same rule, over (the rendering of) the same text. Returns the talks its
 * cards show.
 */
async function previewAgrees(document: vscode.TextDocument): Promise<string[]> {
  await vscode.commands.executeCommand('recap.openPreviewToSide');
  let report: PreviewReport | undefined;
  for (const deadline = Date.now() + 15_000; !report && Date.now() < deadline;) {
    report = await vscode.commands.executeCommand<PreviewReport | undefined>('recap.preview.findings', document.uri, { timeoutMs: 2000 });
  }
  assert.ok(report, 'the preview reported what it shows');
  const marks = [...report.findings].sort((a, b) => `${a.line}:${a.rule}`.localeCompare(`${b.line}:${b.rule}`));
  const problems = () =>
    recapDiagnostics(document.uri)
      .map((d) => ({ at: `${d.range.start.line + 1}:${ruleOf(d)}`, text: document.getText(d.range) }))
      .sort((a, b) => a.at.localeCompare(b.at));
  // Both come from the one analysis; the Problems panel may be a moment behind the preview.
  const same = () => JSON.stringify(problems().map((p) => p.at)) === JSON.stringify(marks.map((m) => `${m.line}:${m.rule}`));
  await until('the Problems panel to show what the preview marks', () => (same() ? true : undefined)).catch(() => undefined);
  const shown = problems();
  assert.deepEqual(
    marks.map((m) => `${m.line}:${m.rule}`),
    shown.map((p) => p.at),
  );
  for (const [i, m] of marks.entries()) assert.ok(shown[i]!.text.includes(m.text), `the preview marks “${m.text}”, the Problems panel “${shown[i]!.text}”`);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  return report.talks;
}

suite('hover, Go to Definition, the Problems panel and the preview answer from the lint’s mentions', () => {
  suiteSetup(async () => {
    await openRecap('recaps', 'kubecon.md');
    await (await extensionApi()).index();
  });

  const cards: { name: string; marked: string; covers: string }[] = [
    { name: 'a title in prose', marked: `I liked Robrix: a pure Ru|st multi-platform Matrix Client and more a lot.\n`, covers: ROBRIX_TITLE },
    { name: 'a title in a heading', marked: `## Robrix: a pure Rust multi-platform Mat|rix Client and more\n\nNotes.\n`, covers: ROBRIX_TITLE },
    { name: 'a title in a list item', marked: `- Robrix: a pure Rust multi-pl|atform Matrix Client and more — Julian\n`, covers: ROBRIX_TITLE },
    { name: 'a link to the recording', marked: `Watch [the rec|ording](${ROBRIX_VIDEO}).\n`, covers: `[the recording](${ROBRIX_VIDEO})` },
    { name: 'a link to the schedule page', marked: `See [its sche|dule page](${ROBRIX_SCHEDULE}).\n`, covers: `[its schedule page](${ROBRIX_SCHEDULE})` },
    {
      name: 'a full id in prose',
      marked: `The talk fosdem-2025/fosdem-2025-5841-rob|rix-a-pure-rust-multi-platform-matrix-client-and-more was fun.\n`,
      covers: ROBRIX,
    },
  ];
  for (const c of cards) {
    test(`${c.name}: the card over the mention, and the preview shows the talk`, async () => {
      const { document, at } = await recap(`---\nevent: fosdem-2025\n---\n\n${c.marked}`);
      const hover = await hoverText(document, at[0]!);
      assert.match(hover.text, /\*\*Robrix: a pure Rust multi-platform Matrix Client and more\*\*/);
      assert.ok(hover.text.includes(`\`${ROBRIX}\``), hover.text);
      assert.equal(hover.range, c.covers);
      assert.deepEqual(await previewAgrees(document), [ROBRIX], 'the preview shows the talk');
    });
  }

  test('a link to the slides: the card; the slides are no recording, so missing-video stays', async () => {
    const slides = (await (await extensionApi()).index()).index.get('fosdem-2023/pathways_that_invest_in_new_maintainers')!.slides!;
    const link = `[the slides](${slides})`;
    const { document, at } = await recap(`---\nevent: fosdem-2023\n---\n\n- ${link.slice(0, 6)}|${link.slice(6)}\n`);
    const hover = await hoverText(document, at[0]!);
    assert.match(hover.text, /\*\*Creating Pathways That Invest in New Maintainers\*\*/);
    assert.equal(hover.range, link);
    // The talk's only mention is the slides link: the finding sits on it.
    const missing = await until('missing-video on the slides link', () => recapDiagnostics(document.uri).find((d) => ruleOf(d) === 'missing-video'));
    assert.equal(document.getText(missing.range), link);
    assert.deepEqual(await previewAgrees(document), ['fosdem-2023/pathways_that_invest_in_new_maintainers']);
  });

  test('a title in prose without a recording: the hover and the missing-video are at the same place', async () => {
    const { document, at } = await recap(`---\nevent: fosdem-2023\n---\n\n${CONTROL.replace('Pathways', 'Path|ways')}`);
    const hover = await hoverText(document, at[0]!);
    assert.equal(hover.range, PATHWAYS_TITLE);
    assert.deepEqual(await previewAgrees(document), ['fosdem-2023/pathways_that_invest_in_new_maintainers']);
  });

  const inCode: { name: string; marked: string }[] = [
    { name: 'a title in a code span', marked: `Not this: \`Robrix: a pure Ru|st multi-platform Matrix Client and more\`.\n` },
    { name: 'a link in a code span', marked: `Not this: \`[the rec|ording](${ROBRIX_VIDEO})\`.\n` },
    { name: 'an id in a code span', marked: `Not this: \`fosdem-2025/fosdem-2025-5841-rob|rix-a-pure-rust-multi-platform-matrix-client-and-more\`.\n` },
    { name: 'a title in a fenced block', marked: '```\nRobrix: a pure Ru|st multi-platform Matrix Client and more\n```\n' },
    { name: 'a link in a fenced block', marked: `\`\`\`markdown\n[the rec|ording](${ROBRIX_VIDEO})\n\`\`\`\n` },
    { name: 'an id in a fenced block', marked: '~~~\nfosdem-2025/fosdem-2025-5841-rob|rix-a-pure-rust-multi-platform-matrix-client-and-more\n~~~\n' },
  ];
  for (const c of inCode) {
    test(`${c.name}: no card, no finding, and not in the preview`, async () => {
      const { document, at } = await recap(`---\nevent: [fosdem-2025, fosdem-2023]\n---\n\n${c.marked}\n${CONTROL}`);
      assert.equal((await hoverText(document, at[0]!)).text, '');
      const line = at[0]!.line;
      const diagnostics = await settledDiagnostics(document);
      assert.deepEqual(
        diagnostics.filter((d) => d.range.start.line <= line && line <= d.range.end.line).map((d) => `${ruleOf(d)}: ${d.message}`),
        [],
      );
      // Only the control line's talk: nothing in code reaches the preview's cards either.
      assert.deepEqual(await previewAgrees(document), ['fosdem-2023/pathways_that_invest_in_new_maintainers']);
    });
  }

  // Past 200,000 characters hover reads the frontmatter and the block around the cursor (recapDocuments.ts):
  // the same cards over the same text, none in code, deep inside the recap.
  test('past the large-recap size: the same cards over the same mentions, none in code', async function () {
    this.timeout(120_000);
    const filler = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of notes, long enough to make this recap large.\n`).join('\n');
    const parts = [...cards.map((c) => c.marked), ...inCode.map((c) => c.marked)];
    const { document, at } = await recap(`---\nevent: [fosdem-2025, fosdem-2023]\n---\n\n${parts.map((p) => `${filler}\n${p}`).join('\n')}\n${filler}`);
    assert.ok(document.getText().length > 200_000, 'the recap is large');
    for (const [i, c] of cards.entries()) {
      const hover = await hoverText(document, at[i]!);
      assert.ok(hover.text.includes(`\`${ROBRIX}\``), `${c.name}: ${hover.text}`);
      assert.equal(hover.range, c.covers, c.name);
    }
    for (const [i, c] of inCode.entries()) assert.equal((await hoverText(document, at[cards.length + i]!)).text, '', c.name);
  });

  test('a workspace talk: Go to Definition agrees with hover on its title, its recording link and its id, and not in code', async () => {
    const { document, at } = await recap(
      [
        '---',
        'event: team-meetup-2024',
        '---',
        '',
        `- Writing Recaps Pe|ople Read — Jana Nováková`,
        `- [watch it](${TEAM_VIDEO.replace('aaaa', 'aa|aa')})`,
        `- the id: ${TEAM.replace('recaps', 're|caps')}`,
        `- in code: \`${TEAM.replace('recaps', 're|caps')}\``,
        '',
      ].join('\n'),
    );
    const file = workspaceFile('.recap', 'team-talks.yaml').toString();
    for (const [i, position] of at.entries()) {
      const hover = await hoverText(document, position);
      const location = await definition(document, position);
      if (i < 3) {
        assert.ok(hover.text.includes(`**${TEAM_TITLE}**`), `hover ${i}: ${hover.text}`);
        assert.equal(location?.uri.toString(), file, `definition ${i}`);
        const line = (await vscode.workspace.openTextDocument(location!.uri)).lineAt(location!.range.start.line).text;
        assert.match(line, /- id: writing-recaps-people-read/);
      } else {
        assert.equal(hover.text, '', 'no card in code');
        assert.equal(location, undefined, 'no definition in code');
      }
    }
  });
});
