// A newcomer's first recap, typed by keyboard into the VS Code that `npm start`
// serves (the packaged extension), following the walkthrough's steps: a new
// recap, its event, a talk from the list, a reference in the body, the
// preview, a quick fix for a missing video, then Save As. Each step checks the
// text it must leave and saves a screenshot (out/journey/NN-step.png).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';

export interface JourneyStep {
  name: string;
  ok: boolean;
  detail: string;
}

const TALK = 'fosdem-2023/container_reproducible_dockerfile';
const REFERENCED = 'fosdem-2023/container_developer_tooling';
const PROSE_TITLE = 'Deploying Kubernetes across Hybrid and Multi-Cloud Environments Using OpenNebula';

/**
 * Saves (Ctrl+S) and waits until the file on disk passes `check`; returns its
 * text (or the last one read). The file is what the author keeps, and unlike
 * the editor's lines it is not wrapped or virtualised.
 */
async function savedText(page: Page, file: string, check: (text: string) => boolean, timeoutMs = 15_000): Promise<{ ok: boolean; text: string }> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+S');
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (check(text)) return { ok: true, text };
    await page.waitForTimeout(150);
  }
  return { ok: false, text };
}

function frontmatter(text: string): Record<string, unknown> | undefined {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return undefined;
  try {
    return parse(m[1]!) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const talkIds = (text: string) => ((frontmatter(text)?.['talks'] ?? []) as { id?: string }[]).map((t) => t.id);

/** Types like a person (a short pause per key, so completion follows as it would). */
async function type(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 40 });
}

/** Waits for the suggest widget to show a row with `label`, selected first, then presses Enter. */
async function pickSuggestion(page: Page, label: string): Promise<void> {
  const row = page.locator('.suggest-widget.visible .monaco-list-row.focused', { hasText: label });
  await row.first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
}

/** F1, the command's name, Enter; tried again until the palette lists it (the extension host may still be starting). */
export async function runFromPalette(page: Page, command: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const name = command.replace(/^Recap: /, '');
  for (;;) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { timeout: 10_000 });
    await type(page, command);
    try {
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: 5_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (err) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw err;
      await page.waitForTimeout(1_000);
    }
  }
}

/** Waits for the status bar's problem counts to read `errors` and `warnings`; returns what it read last. */
async function problemsSettle(page: Page, errors: number, warnings: number, timeoutMs = 10_000): Promise<{ ok: boolean; seen: string }> {
  const item = page.locator('#status\\.problems');
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  while (Date.now() < deadline) {
    seen = (
      (await item
        .first()
        .innerText()
        .catch(() => '')) ?? ''
    )
      .replace(/\s+/g, ' ')
      .trim();
    if (seen === `${errors} ${warnings}`) return { ok: true, seen };
    await page.waitForTimeout(200);
  }
  return { ok: false, seen };
}

/** In the Quick Fix menu: arrows down to the action with this title, then Enter. */
async function pickAction(page: Page, title: string): Promise<void> {
  await page.locator('.action-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  for (let i = 0; i < 12; i++) {
    const focused =
      (await page
        .locator('.action-widget .monaco-list-row.focused')
        .first()
        .innerText()
        .catch(() => '')) ?? '';
    if (focused.includes(title)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(100);
  }
  throw new Error(`the Quick Fix menu never selected “${title}”`);
}

/** Waits for the status bar to show the cursor at this line and column (1-based). */
async function cursorAt(page: Page, line: number, column: number): Promise<void> {
  await page
    .locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, Col ${column}` })
    .first()
    .waitFor({ timeout: 10_000 });
}

async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { timeout: 10_000 });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
}

/**
 * Presses Enter in the Save As dialog until it closes. The dialog ignores Enter
 * while it is still listing the typed folder (busy), which on a loaded machine
 * can outlast any fixed pause; a person would press Enter again, and so do we.
 */
async function acceptSaveAs(page: Page, file: string, timeoutMs = 20_000): Promise<string> {
  const dialog = page.locator('.quick-input-widget .quick-input-title', { hasText: 'Save As' });
  const deadline = Date.now() + timeoutMs;
  const open = async () => !existsSync(file) && (await dialog.isVisible().catch(() => false));
  await page.waitForTimeout(500);
  let presses = 0;
  while (Date.now() < deadline && (await open())) {
    await page.keyboard.press('Enter');
    presses++;
    await page.waitForTimeout(1_500);
  }
  if (!(await open())) return `Enter pressed ${presses} time(s)`;
  const value = await page.evaluate(`document.activeElement?.value ?? ''`).catch(() => '');
  return `Enter pressed ${presses} time(s); the dialog is still open, holding “${String(value)}”`;
}

export async function runJourney(page: Page, folder: string, shots: string): Promise<JourneyStep[]> {
  const steps: JourneyStep[] = [];
  let n = 0;
  const step = async (name: string, body: () => Promise<{ ok: boolean; detail: string }>) => {
    let result: { ok: boolean; detail: string };
    try {
      result = await body();
    } catch (err) {
      result = { ok: false, detail: (err as Error).message.split('\n')[0]! };
    }
    await page.screenshot({ path: join(shots, `${String(++n).padStart(2, '0')}-${name}.png`) }).catch(() => undefined);
    steps.push({ name, ...result });
    process.stdout.write(`[journey] ${result.ok ? 'ok  ' : 'FAIL'} ${name}: ${result.detail}\n`);
    return result.ok;
  };

  const saved = join(folder, 'recaps', 'my-first-recap.md');
  const check = (test: (t: string) => boolean) => savedText(page, saved, test);
  const all =
    (await step('new-recap', async () => {
      await runFromPalette(page, 'Recap: New Recap');
      // The command puts the cursor inside the title's quotes once the editor is shown: wait for it there.
      await cursorAt(page, 2, 9);
      await type(page, 'FOSDEM 2023: my containers day');
      // Save As, typing the path into VS Code's own save dialog.
      await page.keyboard.press('Control+S');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Save As' }).waitFor({ timeout: 10_000 });
      const input = page.locator('.quick-input-widget input.input');
      await page.waitForFunction(`(document.activeElement?.value ?? '').includes('Untitled')`, undefined, { timeout: 10_000 });
      await input.press('Control+A');
      await page.keyboard.type(saved, { delay: 10 });
      // The dialog follows the typed path (it lists each folder); Enter counts once it has settled on the file name.
      await page.waitForFunction(`(document.activeElement?.value ?? '') === ${JSON.stringify(saved)}`, undefined, { timeout: 10_000 });
      const dialog = await acceptSaveAs(page, saved);
      const { ok, text } = await check((t) => t.startsWith('---\ntitle: "FOSDEM 2023: my containers day"\n'));
      return { ok, detail: ok ? `a new recap, title typed, saved as recaps/my-first-recap.md (${dialog})` : `not saved as expected (${dialog}):\n${text}` };
    })) &&
    (await step('event', async () => {
      await goToLine(page, 3);
      await page.keyboard.press('End');
      await type(page, 'fosdem-2023');
      await pickSuggestion(page, 'fosdem-2023');
      const { ok, text } = await check((t) => /\nevent: fosdem-2023\n/.test(t));
      return { ok, detail: ok ? 'event: fosdem-2023 picked from the list' : `event not set:\n${text}` };
    })) &&
    (await step('talk-from-the-list', async () => {
      await goToLine(page, 6);
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await type(page, 'reproducible dockerfile');
      await pickSuggestion(page, 'Bit-for-bit reproducible builds with Dockerfile');
      const { ok, text } = await check((t) => talkIds(t).includes(TALK));
      if (!ok) return { ok, detail: `talks: does not hold the talk:\n${text}` };
      const problems = await problemsSettle(page, 0, 0);
      return {
        ok: problems.ok,
        detail: problems.ok ? `talks: holds ${TALK}, the frontmatter parses, no problem reported` : `problems (errors warnings) read ${problems.seen}`,
      };
    })) &&
    (await step('reference-in-the-body', async () => {
      await page.keyboard.press('Control+End');
      await type(page, '\n- @@developer tooling');
      await pickSuggestion(page, 'Touring the container developer tooling landscape');
      const { ok, text } = await check((t) => t.includes('\n- [Touring the container developer tooling landscape](https://video.fosdem.org/2023/'));
      if (!ok) return { ok, detail: `no reference line:\n${text}` };
      // The offer to list the talk under talks: too, accepted as a person would.
      const add = page.locator('.notifications-toasts .monaco-button', { hasText: 'Add to talks:' });
      await add.first().click({ timeout: 15_000 });
      const listed = await check((t) => talkIds(t).includes(REFERENCED));
      return {
        ok: listed.ok,
        detail: listed.ok ? 'a linked reference, and the talk added to talks: from the offer' : `the talk was not added to talks:\n${listed.text}`,
      };
    })) &&
    (await step('preview', async () => {
      await page.keyboard.press('Control+End');
      await type(page, `\n\nAlso worth it: ${PROSE_TITLE}.`);
      await runFromPalette(page, 'Recap: Open Preview to the Side');
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const mark = frame.locator('mark[data-rule="missing-video"]');
      await mark.first().waitFor({ timeout: 30_000 });
      const count = await mark.count();
      return { ok: count === 1, detail: `the preview marks ${count} missing-video finding(s) (expected 1: the title in prose)` };
    })) &&
    (await step('fix-missing-video', async () => {
      // Back to the editor (Ctrl+1), the cursor on the title in prose, then Ctrl+. and the fix by its title.
      await page.keyboard.press('Control+1');
      // The prose line ends the recap: from its end, two keys left is inside the title.
      await page.keyboard.press('Control+End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Control+.');
      await pickAction(page, 'Link the title to the recording');
      const { ok, text } = await check((t) => t.includes(`[${PROSE_TITLE}](https://video.fosdem.org/2023/`));
      if (!ok) return { ok, detail: `the fix did not apply:\n${text}` };
      const ids = talkIds(text);
      const whole = frontmatter(text) !== undefined && ids.includes(TALK) && ids.includes(REFERENCED);
      if (!whole) return { ok: false, detail: `the saved recap is not whole:\n${text}` };
      const problems = await problemsSettle(page, 0, 0);
      return {
        ok: problems.ok,
        detail: problems.ok
          ? `the title links its recording; the saved recap parses, lists ${ids.join(', ')}, and has no problem left`
          : `after the fix, problems (errors warnings) read ${problems.seen}`,
      };
    }));
  void all;
  return steps;
}
