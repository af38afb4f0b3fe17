// Opens the recap preview in headless Chromium (Debian's, through
// playwright-core) the way the webview shows it: the core renderer's HTML with
// a fresh nonce, media/preview.css and media/preview.js served from one origin
// (standing in for the webview's resource origin), a stub acquireVsCodeApi that
// records what the script posts, and VS Code's theme variables on the page.
// Checks a recap with findings and a hostile recap (raw HTML shown as text, and
// allowed but sanitized): no dialog, no console error, window.__pwned never
// set, as many marks as findings, the findings the script reports, clicks,
// live updates and scroll sync. Screenshots go to the output folder.
//   node out/test/e2e/previewChromium.js [--out DIR] [--root REPO]
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { readBundle } from '../../src/core/index/binaryBundle';
import { SessionIndex } from '../../src/core/index/sessionIndex';
import type { Finding, LintResult, ResolvedTalk } from '../../src/core/lint/finding';
import { lintRecap } from '../../src/core/lint/lintRecap';
import { SessionSearch } from '../../src/core/search/sessionSearch';
import { newNonce, renderPreview, renderPreviewBody } from '../../src/core/preview/renderPreview';
import { parseRecap } from '../../src/core/recap/parseRecap';
import { HOSTILE_RECAP } from '../unit/preview/helpers';
import { launchChromium } from './harness/browser';

// The page-side callbacks run in Chromium; the project compiles without the DOM library.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any;
declare const document: any;
declare const Event: any;
declare function getComputedStyle(element: any): any;

const { values } = parseArgs({ options: { out: { type: 'string', default: '/tmp/recap-preview-shots' }, root: { type: 'string' } } });
const root = resolve(values.root ?? process.cwd());
const outDir = resolve(values.out!);

type Theme = 'light' | 'dark' | 'high-contrast';

/** VS Code's Light Modern, Dark Modern and High Contrast colours, as it sets them on a webview. */
const THEMES: Record<Theme, Record<string, string>> = {
  light: {
    '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
    '--vscode-foreground': '#3b3b3b',
    '--vscode-editor-foreground': '#3b3b3b',
    '--vscode-editor-background': '#ffffff',
    '--vscode-descriptionForeground': '#3b3b3b',
    '--vscode-editorWidget-background': '#f8f8f8',
    '--vscode-editorWidget-border': '#e5e5e5',
    '--vscode-panel-border': '#e5e5e5',
    '--vscode-textLink-foreground': '#005fb8',
    '--vscode-textLink-activeForeground': '#005fb8',
    '--vscode-textCodeBlock-background': '#f2f2f2',
    '--vscode-textBlockQuote-background': '#f8f8f8',
    '--vscode-textBlockQuote-border': '#e5e5e5',
    '--vscode-editorError-foreground': '#e51400',
    '--vscode-editorWarning-foreground': '#bf8803',
    '--vscode-editorInfo-foreground': '#1a85ff',
    '--vscode-badge-background': '#cccccc',
    '--vscode-badge-foreground': '#3b3b3b',
    '--vscode-focusBorder': '#005fb8',
    '--vscode-list-hoverBackground': '#f2f2f2',
  },
  dark: {
    '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
    '--vscode-foreground': '#cccccc',
    '--vscode-editor-foreground': '#cccccc',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-editorWidget-background': '#202020',
    '--vscode-editorWidget-border': '#313131',
    '--vscode-panel-border': '#2b2b2b',
    '--vscode-textLink-foreground': '#4daafc',
    '--vscode-textLink-activeForeground': '#4daafc',
    '--vscode-textCodeBlock-background': '#2b2b2b',
    '--vscode-textBlockQuote-background': '#2b2b2b',
    '--vscode-textBlockQuote-border': '#616161',
    '--vscode-editorError-foreground': '#f14c4c',
    '--vscode-editorWarning-foreground': '#cca700',
    '--vscode-editorInfo-foreground': '#3794ff',
    '--vscode-badge-background': '#616161',
    '--vscode-badge-foreground': '#f8f8f8',
    '--vscode-focusBorder': '#0078d4',
    '--vscode-list-hoverBackground': '#2a2d2e',
  },
  'high-contrast': {
    '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
    '--vscode-foreground': '#ffffff',
    '--vscode-editor-foreground': '#ffffff',
    '--vscode-editor-background': '#000000',
    '--vscode-descriptionForeground': '#ffffffb3',
    '--vscode-editorWidget-background': '#0c141f',
    '--vscode-editorWidget-border': '#6fc3df',
    '--vscode-panel-border': '#6fc3df',
    '--vscode-contrastBorder': '#6fc3df',
    '--vscode-contrastActiveBorder': '#f38518',
    '--vscode-textLink-foreground': '#21a6ff',
    '--vscode-textLink-activeForeground': '#21a6ff',
    '--vscode-textCodeBlock-background': '#000000',
    '--vscode-textBlockQuote-background': '#000000',
    '--vscode-textBlockQuote-border': '#ffffff',
    '--vscode-editorError-foreground': '#f48771',
    '--vscode-editorWarning-foreground': '#ffd370',
    '--vscode-editorInfo-foreground': '#3794ff',
    '--vscode-badge-background': '#000000',
    '--vscode-badge-foreground': '#ffffff',
    '--vscode-focusBorder': '#f38518',
    '--vscode-list-hoverBackground': '#000000',
  },
};

interface Reported {
  rule: string;
  line: number;
  message: string;
}

interface PageSpec {
  name: string;
  file: string;
  expected: Reported[];
  /** Served like the webview (script + linked stylesheet), or standalone like `recap preview` writes (no script). */
  webview: boolean;
  themes: Theme[];
  interactive?: { updateHtml: string; updateExpected: number };
}

const results: { name: string; ok: boolean; detail: string }[] = [];
function check(name: string, ok: boolean, detail = ''): void {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

function finding(text: string, needle: string, code: string, severity: Finding['severity'], message: string, occurrence = 0): Finding {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`no ${needle} in the recap`);
  return { code, severity, message, start: at, end: at + needle.length, fixes: [] };
}

/** The KubeCon example with one more frontmatter entry, and the findings lint reports on it (by hand: same shape). */
function recapWithFindings(index: SessionIndex): { text: string; result: LintResult } {
  const example = readFileSync(join(root, 'examples', 'recaps', 'kubecon-eu-2024-platform-engineering.md'), 'utf8');
  const text =
    example.replace('\n---\n', '\n  - id: kubecon-eu-2024/platform-engineering-from-the-trenches\n    title: "Platform Engineering from the Trenches"\n---\n') +
    '\nSee also [the CNCF platforms white paper](https://tag-app-delivery.cncf.io/whitepapers/platforms/) and `kubectl explain`.\n';
  const pig = 'kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs';
  const k8s = 'kubecon-eu-2024-platform-engineering-day/to-k8s-and-beyond-maturing-your-platform-engineering-initiative';
  const videoMessage = (id: string) => {
    const video = index.get(id)?.video;
    return video
      ? `No video link for this talk. The index knows the recording: ${video}`
      : 'No video link for this talk, and the index knows no recording yet.';
  };
  const findings: Finding[] = [
    finding(
      text,
      'kubecon-eu-2024/platform-engineering-from-the-trenches',
      'unknown-talk',
      'error',
      'No talk `kubecon-eu-2024/platform-engineering-from-the-trenches` in the index. Did you mean “Platform Engineering Day Closing Remarks”?',
    ),
    finding(text, 'Sometimes, Lipstick Is Exactly What a Pig Needs!', 'missing-video', 'warning', videoMessage(pig), 1),
    finding(text, 'To K8S and Beyond — Maturing Your Platform Engineering Initiative', 'missing-video', 'warning', videoMessage(k8s), 1),
    finding(text, 'Whitney Lee (VMware)', 'speaker-mismatch', 'warning', 'The index lists Whitney Lee without an affiliation for this talk.'),
    finding(
      text,
      'video and presentation not yet available',
      'video-placeholder',
      'info',
      'A placeholder where a video link should be: come back when the recording is out.',
    ),
  ];
  const mismatch = findings[3]!;
  mismatch.fixes = [
    { title: 'Write “Whitney Lee” as the index does', edits: [{ start: mismatch.start, end: mismatch.end, newText: 'Whitney Lee' }], preferred: true },
  ];
  const talk = (id: string, fallbackTitle: string): ResolvedTalk => {
    const s = index.get(id);
    return {
      id,
      title: s?.title ?? fallbackTitle,
      speakers: s?.speakers ?? [],
      eventName: s ? index.events.get(s.eventId)?.name : undefined,
      knownVideo: s?.video,
      slides: s?.slides,
      schedule: s?.schedule,
      mentions: [],
    };
  };
  const talks = [
    talk(pig, 'Sometimes, Lipstick Is Exactly What a Pig Needs!'),
    talk(k8s, 'To K8S and Beyond'),
    { title: 'From Platform Engineering to Developer Success', speakers: [], mentions: [] },
    {
      title: 'Bit-for-bit reproducible builds with Dockerfile',
      speakers: [{ name: 'Akihiro Suda', affiliation: 'NTT' }],
      eventName: 'FOSDEM 2023',
      video: 'https://video.fosdem.org/2023/UB2.252A/container_reproducible_dockerfile.mp4',
      slides:
        'https://fosdem.org/2023/schedule/event/container_reproducible_dockerfile/attachments/slides/5383/export/events/attachments/container_reproducible_dockerfile/slides/5383/slides.pdf',
      mentions: [],
    },
  ];
  return { text, result: { findings, talks } };
}

function expectedOf(text: string, findings: Finding[]): Reported[] {
  return [...findings]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((f) => ({ rule: f.code, line: text.slice(0, f.start).split('\n').length, message: f.message }));
}

function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    try {
      if (name.includes('..') || name.includes('/')) throw new Error('bad path');
      const body = readFileSync(join(dir, name));
      res.writeHead(200, { 'content-type': types[extname(name)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}

function stubScript(theme: Theme): string {
  const vars = JSON.stringify(THEMES[theme]);
  const bodyClass = theme === 'high-contrast' ? 'vscode-high-contrast' : `vscode-${theme}`;
  return `(() => {
    const messages = [];
    Object.defineProperty(window, '__recapMessages', { value: messages });
    window.acquireVsCodeApi = () => ({ postMessage: (m) => messages.push(JSON.parse(JSON.stringify(m))), getState: () => undefined, setState: () => {} });
    const vars = ${vars};
    const apply = () => {
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
      document.body.classList.add(${JSON.stringify(bodyClass)});
      document.body.dataset.vscodeThemeKind = ${JSON.stringify(bodyClass)};
    };
    if (document.body) apply(); else document.addEventListener('DOMContentLoaded', apply);
  })();`;
}

async function messages(page: Page): Promise<{ type: string; [k: string]: unknown }[]> {
  return page.evaluate(() => (window as unknown as { __recapMessages: { type: string }[] }).__recapMessages.slice());
}

async function runPage(page: Page, spec: PageSpec, theme: Theme, origin: string): Promise<void> {
  const label = `${spec.name} [${theme}]`;
  const dialogs: string[] = [];
  const errors: string[] = [];
  const external: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) external.push(r.url());
  });
  await page.route(
    (url) => !url.href.startsWith(origin) && url.protocol !== 'data:',
    (route) => route.abort(),
  );
  await page.goto(`${origin}/${spec.file}`);
  await page.waitForLoadState('load');
  // Give every handler a chance to fire: hover, focus, toggle everything the recap could have planted.
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('body *')) as any[]) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'animationstart', 'load', 'error']) el.dispatchEvent(new Event(type));
    }
  });
  await page.waitForTimeout(300);

  const dom = await page.evaluate(() => {
    const all: any[] = Array.from(document.querySelectorAll('#recap-preview, #recap-preview *'));
    return {
      marks: Array.from(document.querySelectorAll('mark.finding')).map((m: any) => ({
        rule: m.getAttribute('data-rule'),
        line: Number(m.getAttribute('data-line')),
      })),
      summary: document.querySelectorAll('.finding-item').length,
      scripts: Array.from(document.scripts).map((s: any) => ({ nonce: s.nonce, src: s.getAttribute('src'), inline: s.textContent?.length ?? 0 })),
      handlers: all.flatMap((el) =>
        Array.from(el.attributes as any[])
          .filter((a) => /^on/i.test(a.name))
          .map((a) => `<${el.tagName.toLowerCase()} ${a.name}>`),
      ),
      badUrls: all.flatMap((el) =>
        ['href', 'src', 'action', 'formaction', 'data', 'xlink:href']
          .map((n) => el.getAttribute(n))
          .filter((v): v is string => !!v && /^\s*(?:javascript|vbscript|data:text)/i.test(v)),
      ),
      dangerous: all.filter((el) => ['IFRAME', 'OBJECT', 'EMBED', 'FORM', 'STYLE', 'svg', 'math', 'BASE'].includes(el.tagName)).map((el) => el.tagName),
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      cspFirst: document.head.firstElementChild?.nextElementSibling?.getAttribute('http-equiv') === 'Content-Security-Policy',
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      styled: getComputedStyle(document.querySelector('.recap-header') ?? document.body).borderTopStyle,
    };
  });

  check(`${label}: no dialog`, dialogs.length === 0, dialogs.join(' | '));
  check(`${label}: no console error`, errors.length === 0, errors.join(' | '));
  check(`${label}: window.__pwned never set`, dom.pwned === undefined, String(dom.pwned));
  check(
    `${label}: no event-handler attributes, script URLs or dangerous elements`,
    !dom.handlers.length && !dom.badUrls.length && !dom.dangerous.length,
    [...dom.handlers, ...dom.badUrls, ...dom.dangerous].join(' '),
  );
  check(`${label}: no request leaves the page's origin`, external.length === 0, external.join(' '));
  check(`${label}: CSP meta first in head`, dom.cspFirst && dom.csp.startsWith("default-src 'none'"), dom.csp);
  check(`${label}: stylesheet applied under the CSP`, dom.styled === 'solid', dom.styled);
  check(
    `${label}: one mark per finding (${spec.expected.length})`,
    dom.marks.length === spec.expected.length && dom.summary === spec.expected.length,
    `${dom.marks.length} marks, ${dom.summary} summary items`,
  );
  const marksMatch =
    JSON.stringify(dom.marks.map((m) => `${m.rule}@${m.line}`).sort()) === JSON.stringify(spec.expected.map((e) => `${e.rule}@${e.line}`).sort());
  check(`${label}: marks carry the findings' rules and lines`, marksMatch, JSON.stringify(dom.marks));
  if (spec.webview) {
    check(
      `${label}: only our script, with the nonce`,
      dom.scripts.length === 1 && dom.scripts[0]!.src === 'preview.js' && dom.scripts[0]!.nonce.length > 0 && dom.scripts[0]!.inline === 0,
      JSON.stringify(dom.scripts),
    );
    const posted = (await messages(page)).filter((m) => m.type === 'findings');
    // What the findings are (the report also carries each mark's text, which the e2e matrix compares).
    const reported = ((posted[0]?.findings ?? []) as Reported[]).map(({ rule, line, message }) => ({ rule, line, message }));
    const same = JSON.stringify([...reported].sort(byLine)) === JSON.stringify([...spec.expected].sort(byLine));
    check(`${label}: the script reports the findings it shows`, posted.length === 1 && same, JSON.stringify(reported));
  } else {
    check(`${label}: standalone page runs no script`, dom.scripts.length === 0, JSON.stringify(dom.scripts));
  }
  await page.screenshot({ path: join(outDir, `${spec.name}-${theme}.png`), fullPage: true });

  if (spec.interactive && theme === 'light') await interact(page, spec, label);
}

function byLine(a: Reported, b: Reported): number {
  return a.line - b.line || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}

async function interact(page: Page, spec: PageSpec, label: string): Promise<void> {
  const count = async () => (await messages(page)).length;
  // Clicking a summary item, then a mark, reveals their lines (0-based in the message).
  let before = await count();
  const item = page.locator('.finding-item').nth(1);
  const itemLine = Number(await item.getAttribute('data-line'));
  await item.click();
  let last = (await messages(page)).slice(before);
  check(
    `${label}: clicking a summary item posts reveal`,
    last.some((m) => m.type === 'reveal' && m.line === itemLine - 1),
    JSON.stringify(last),
  );
  before = await count();
  const mark = page.locator('.recap-body mark.finding').first();
  const markLine = Number(await mark.getAttribute('data-line'));
  await mark.click();
  last = (await messages(page)).slice(before);
  check(
    `${label}: clicking a mark posts reveal`,
    last.some((m) => m.type === 'reveal' && m.line === markLine - 1),
    JSON.stringify(last),
  );

  // Editor → preview: scrollTo a line far down moves the page; preview → editor: a user scroll posts didScroll.
  await page.setViewportSize({ width: 1000, height: 500 });
  const lastLine = await page.evaluate(() =>
    Math.max(...(Array.from(document.querySelectorAll('.recap-body [data-line]')) as any[]).map((e) => Number(e.getAttribute('data-line')))),
  );
  await page.evaluate((line) => window.postMessage({ type: 'scrollTo', line }, '*'), lastLine);
  await page.waitForTimeout(300);
  const y = await page.evaluate(() => window.scrollY);
  const echo = (await messages(page)).slice(before).filter((m) => m.type === 'didScroll');
  check(`${label}: scrollTo scrolls the preview, without echoing didScroll`, y > 100 && echo.length === 0, `scrollY ${y}, ${echo.length} echoes`);
  before = await count();
  await page.mouse.move(500, 250);
  await page.mouse.wheel(0, -200);
  await page.waitForTimeout(400);
  const scrolled = (await messages(page)).slice(before).filter((m) => m.type === 'didScroll');
  check(
    `${label}: a user scroll posts didScroll with a source line`,
    scrolled.length > 0 && typeof scrolled[scrolled.length - 1]!.line === 'number',
    JSON.stringify(scrolled),
  );

  // A live update replaces the body and reports again, with the version.
  before = await count();
  await page.evaluate((html) => window.postMessage({ type: 'update', html, version: 2 }, '*'), spec.interactive!.updateHtml);
  await page.waitForTimeout(200);
  const updated = (await messages(page)).slice(before).filter((m) => m.type === 'findings');
  const marks = await page.locator('mark.finding').count();
  check(
    `${label}: update message re-renders and re-reports`,
    updated.length === 1 &&
      updated[0]!.version === 2 &&
      (updated[0]!.findings as unknown[]).length === spec.interactive!.updateExpected &&
      marks === spec.interactive!.updateExpected,
    JSON.stringify(updated.map((u) => ({ version: u.version, n: (u.findings as unknown[]).length }))),
  );
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const site = mkdtempSync(join(tmpdir(), 'recap-preview-site-'));
  writeFileSync(join(site, 'preview.css'), readFileSync(join(root, 'media', 'preview.css')));
  writeFileSync(join(site, 'preview.js'), readFileSync(join(root, 'media', 'preview.js')));
  const index = new SessionIndex(readBundle(readFileSync(join(root, 'data', 'bundled', 'index.bin')), 'bundled'));
  const { server, origin } = await serve(site);

  const good = recapWithFindings(index);
  const goodParsed = parseRecap('recaps/kubecon.md', good.text);
  const hostileParsed = parseRecap('recaps/hostile.md', HOSTILE_RECAP);
  const hostileFindings: Finding[] = [
    finding(HOSTILE_RECAP, 'hover me', 'missing-video', 'warning', '<img src=x onerror="window.__pwned=\'message\'"> in a message'),
    finding(HOSTILE_RECAP, 'raw javascript link', 'invalid-link', 'error', 'javascript: is not a video link'),
    finding(HOSTILE_RECAP, "javascript:window.__pwned='card-video'", 'invalid-link', 'error', '`video:` must be an http(s) URL'),
  ];
  const hostileTalks: ResolvedTalk[] = [
    {
      title: "<b onmouseover=window.__pwned='card'>Evil talk</b>",
      speakers: [{ name: '<script>window.__pwned="speaker"</script>', affiliation: '"><img src=x onerror=alert(1)>' }],
      eventName: '<iframe src=javascript:alert(1)>',
      video: "javascript:window.__pwned='card-video'",
      slides: 'https://example.org/slides" onclick="alert(1)',
      mentions: [],
    },
  ];
  const hostile: LintResult = { findings: hostileFindings, talks: hostileTalks };
  const nonce = () => newNonce();
  const webviewDoc = (parsed: typeof goodParsed, result: LintResult, allowHtml: boolean) =>
    renderPreview(parsed, result, {
      nonce: nonce(),
      cspSource: origin,
      styleUri: 'preview.css',
      scriptUri: 'preview.js',
      allowHtml,
      documentVersion: 1,
      reportFindings: true,
    });

  const pages: PageSpec[] = [];
  const add = (name: string, html: string, expected: Reported[], webview: boolean, themes: Theme[], interactive?: PageSpec['interactive']) => {
    const file = `${name}.html`;
    writeFileSync(join(site, file), html);
    writeFileSync(join(outDir, file), html);
    pages.push({ name, file, expected, webview, themes, interactive });
  };
  const edited = parseRecap('recaps/kubecon.md', good.text);
  const fewer: LintResult = { findings: good.result.findings.slice(0, 2), talks: good.result.talks };
  add('recap-findings', webviewDoc(goodParsed, good.result, false), expectedOf(good.text, good.result.findings), true, ['light', 'dark', 'high-contrast'], {
    updateHtml: renderPreviewBody(edited, fewer),
    updateExpected: 2,
  });
  add('hostile', webviewDoc(hostileParsed, hostile, false), expectedOf(HOSTILE_RECAP, hostileFindings), true, ['light', 'dark']);
  add('hostile-allow-html', webviewDoc(hostileParsed, hostile, true), expectedOf(HOSTILE_RECAP, hostileFindings), true, ['light', 'dark']);
  // The example recaps through the real lint, as the panel renders them.
  const search = new SessionSearch(index);
  for (const name of ['fosdem-2023-containers', 'devconf-cz-2023']) {
    const text = readFileSync(join(root, 'examples', 'recaps', `${name}.md`), 'utf8');
    const parsed = parseRecap(`recaps/${name}.md`, text);
    const result = lintRecap(parsed, { index, search });
    add(`lint-${name}`, webviewDoc(parsed, result, false), expectedOf(text, result.findings), true, ['light']);
  }
  // What `recap preview -o` writes: the stylesheet embedded with the nonce, no script.
  add(
    'standalone',
    renderPreview(goodParsed, good.result, { nonce: nonce(), cspSource: '', inlineStyle: readFileSync(join(root, 'media', 'preview.css'), 'utf8') }),
    expectedOf(good.text, good.result.findings),
    false,
    ['light', 'dark'],
  );

  const browser = await launchChromium();
  try {
    for (const spec of pages) {
      for (const theme of spec.themes) {
        const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, colorScheme: theme === 'light' ? 'light' : 'dark' });
        if (spec.webview) await context.addInitScript(stubScript(theme));
        const page = await context.newPage();
        try {
          await runPage(page, spec, theme, origin);
        } catch (err) {
          check(`${spec.name} [${theme}]: ran`, false, (err as Error).stack ?? String(err));
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`screenshots and pages in ${outDir}`);
  console.log(`preview-chromium: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(`preview-chromium: ${(err as Error).stack ?? err}`);
  console.log('preview-chromium: 0 passed, 1 failed');
  process.exit(1);
});
