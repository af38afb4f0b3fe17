import * as assert from 'node:assert/strict';
import type { Finding, LintResult, ResolvedTalk } from '../../../src/core/lint/finding';
import { safeHref } from '../../../src/core/preview/html';
import type { Severity } from '../../../src/core/problem';
import { parseRecap, type ParsedRecap } from '../../../src/core/recap/parseRecap';

/** A finding on the n-th occurrence (0-based) of `needle` in the text, as lint would report it. */
export function findingAt(text: string, needle: string, code: string, severity: Severity = 'warning', message = `${code} here`, occurrence = 0): Finding {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`no occurrence ${occurrence} of ${JSON.stringify(needle)}`);
  }
  return { code, severity, message, start: at, end: at + needle.length, fixes: [] };
}

export function lintResult(findings: Finding[], talks: ResolvedTalk[] = []): LintResult {
  return { findings, talks };
}

export function parse(text: string, path = 'recaps/test.md'): ParsedRecap {
  return parseRecap(path, text);
}

/** The marks of rendered HTML: [rule, 1-based line, inner HTML]. */
export function marksOf(html: string): { rule: string; line: number; inner: string; severity: string }[] {
  const marks: { rule: string; line: number; inner: string; severity: string }[] = [];
  const open = /<mark class="finding finding-(\w+)[^"]*" data-rule="([^"]*)" data-line="(\d+)"[^>]*>/g;
  for (let m; (m = open.exec(html));) {
    // Inner HTML up to the matching </mark> (marks may nest).
    let depth = 1;
    const i = open.lastIndex;
    const tag = /<\/?mark\b[^>]*>/g;
    tag.lastIndex = i;
    let t: RegExpExecArray | null;
    while ((t = tag.exec(html))) {
      depth += t[0].startsWith('</') ? -1 : 1;
      if (depth === 0) break;
    }
    const end = t ? t.index : html.length;
    marks.push({ severity: m[1]!, rule: m[2]!, line: Number(m[3]), inner: html.slice(i, end) });
  }
  return marks;
}

/** Text content of an HTML fragment (tags dropped, the few entities the renderer writes decoded). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export const KUBECON_RECAP = `---
title: "KubeCon EU 2024: platform talks worth your evening"
event: kubecon-eu-2024
date: 2024-03-22
author: Sam Example
talks:
  - id: kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs
    title: "Sometimes, Lipstick Is Exactly What a Pig Needs!"
    speakers:
      - name: Abby Bangser
        affiliation: Syntasso
      - name: Whitney Lee
    video: https://www.youtube.com/watch?v=VhloarnpxVo
  - id: kubecon-eu-2024/no-such-talk
---

# KubeCon EU 2024: platform talks worth your evening

Paris was busy. Here are the **platform** talks I would watch again.

## Sometimes, Lipstick Is Exactly What a Pig Needs!

- [Sometimes, Lipstick Is Exactly What a Pig Needs!](https://www.youtube.com/watch?v=VhloarnpxVo) by Abby Bangser & Whitney Lee
- *Platform Engineering Day* keynote: video not yet available

| Talk | Verdict |
|------|---------|
| Building a Platform | great |

\`\`\`yaml
talks: []
\`\`\`

> A quote with a \\*literal star\\* and &amp; an entity, about Building Platforms
`;

/** Everything a recap might try to run; each line sets window.__pwned if it ever executes. */
export const HOSTILE_RECAP = `---
title: "<script>window.__pwned = 'title'</script> Hostile recap"
event: "<img src=x onerror=\\"window.__pwned='event'\\">"
author: "\\"><svg onload=window.__pwned='author'>"
talks:
  - title: "<b onmouseover=window.__pwned='talk'>Evil talk</b>"
    video: "javascript:window.__pwned='card-video'"
    slides: "https://example.org/slides\\" onclick=\\"window.__pwned='slides'"
---

# Hostile <script>window.__pwned = 'heading'</script>

<script>window.__pwned = 'block script'; alert(1)</script>

Inline <img src=x onerror="window.__pwned='img'; alert(1)"> image and <svg/onload=window.__pwned='svg'>.

[markdown javascript link](javascript:window.__pwned='md-link') and [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
and [vbscript](vbscript:msgbox(1)) and [spaced](java&#x09;script:window.__pwned='entity') and <javascript:alert(1)>.

<a href="javascript:window.__pwned='a-href'">raw javascript link</a> and <a href="https://example.org" onclick="window.__pwned='onclick'">click</a>

<iframe src="javascript:window.__pwned='iframe'"></iframe>
<object data="javascript:window.__pwned='object'"></object>
<embed src="javascript:window.__pwned='embed'">

<style>body { background: red } mark { display: none }</style>

<div style="background:url(javascript:window.__pwned='style')" onmouseover="window.__pwned='div'">hover me</div>

<form action="javascript:window.__pwned='form'"><button>submit</button></form>

<mark class="finding finding-error" data-rule="forged" data-line="1">forged mark</mark>

![img](javascript:window.__pwned='md-img') ![x](x" onerror="window.__pwned='md-img-attr')

<math><mi xlink:href="javascript:window.__pwned='math'">m</mi></math>

<details open ontoggle="window.__pwned='details'"><summary>s</summary>d</details>
`;

export interface Tag {
  name: string;
  attrs: [string, string][];
}

/** Every start tag of the HTML (the renderer escapes `<` and `>` in text and attribute values, so a scan is exact). */
export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const attrs: [string, string][] = [];
    for (const a of m[2]!.matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) attrs.push([a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '']);
    out.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return out;
}

export function assertInert(html: string, label: string): void {
  const all = tags(html);
  for (const tag of all) {
    assert.ok(
      !['script', 'style', 'iframe', 'object', 'embed', 'form', 'svg', 'math', 'base', 'meta', 'link', 'frame', 'frameset'].includes(tag.name),
      `${label}: <${tag.name}> survived`,
    );
    for (const [name, value] of tag.attrs) {
      assert.ok(!name.startsWith('on'), `${label}: <${tag.name} ${name}=…> survived`);
      assert.ok(name !== 'style' && name !== 'srcdoc' && name !== 'formaction', `${label}: ${name} attribute survived`);
      if (name === 'href' || name === 'src' || name === 'action' || name === 'xlink:href') {
        const decoded = value
          .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
          .replace(/&amp;/g, '&')
          .replace(/[\u0000-\u0020]/g, '');
        assert.doesNotMatch(decoded, /^(?:javascript|vbscript|data:text|file):/i, `${label}: ${name}="${value}" survived`);
        if (name === 'href') assert.ok(safeHref(decoded) !== undefined, `${label}: unsafe href ${value}`);
      }
    }
  }
  assert.equal(all.filter((t) => t.name === 'mark').length, marksOf(html).length, `${label}: a <mark> that is not ours`);
}
