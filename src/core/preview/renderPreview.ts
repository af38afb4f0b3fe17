import type { LintResult } from '../lint/finding';
import type { ParsedRecap } from '../recap/parseRecap';
import type { PlacedFinding } from './findingMarks';
import { renderHeader, plainText } from './header';
import { attrs, escapeHtml } from './html';
import { renderBody } from './renderBody';
import { renderSummary } from './summary';
import { renderTalkCards } from './talkCards';

export interface PreviewBodyOptions {
  /** Render the recap's raw HTML, sanitized (setting `recap.preview.allowHtml`); otherwise it shows as text. */
  allowHtml?: boolean;
}

export interface PreviewOptions extends PreviewBodyOptions {
  /** Fresh for every document: the one script (and inline style) carry it. */
  nonce: string;
  /** Where the webview may load resources from (`webview.cspSource`); '' for a standalone file. */
  cspSource: string;
  /** The stylesheet (media/preview.css as a webview URI). */
  styleUri?: string;
  /** The script (media/preview.js as a webview URI); none in a standalone file. */
  scriptUri?: string;
  /** CSS to embed in a `<style nonce>` instead of linking it (standalone files). */
  inlineStyle?: string;
  /** The page title; defaults to the recap's title. */
  title?: string;
  /** Carried on the root element and echoed by the script, so reports can be matched to a document version. */
  documentVersion?: number;
  /** Tests only (the extension in ExtensionMode.Test): the script posts the findings it shows after every render. */
  reportFindings?: boolean;
}

const NONCE = /^[A-Za-z0-9+/_=-]{16,}$/;

/** A fresh nonce for one document: base64 of 18 random bytes from Web Crypto, which Node, browsers and workers all have. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...globalThis.crypto.getRandomValues(new Uint8Array(18))));
}

/** The Content-Security-Policy: nothing by default; images from the webview, https and data:; styles from the webview; only the nonced script. */
export function previewCsp(options: Pick<PreviewOptions, 'nonce' | 'cspSource' | 'inlineStyle' | 'scriptUri'>): string {
  const source = options.cspSource.trim();
  const from = (extra: string) => [source, extra].filter(Boolean).join(' ');
  const style = options.inlineStyle !== undefined ? from(`'nonce-${options.nonce}'`) : source || "'none'";
  const script = options.scriptUri ? `'nonce-${options.nonce}'` : "'none'";
  return [
    "default-src 'none'",
    `img-src ${from('https: data:')}`,
    `style-src ${style}`,
    `script-src ${script}`,
    `font-src ${source || "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * What goes inside the preview's root element, and what live updates post to
 * the webview: the frontmatter header, the findings summary, the rendered
 * recap with each finding marked, and the covered talks as cards.
 */
export function renderPreviewBody(parsed: ParsedRecap, result: LintResult, options: PreviewBodyOptions = {}): string {
  // Findings in text order with their 1-based lines.
  const placed = [...result.findings]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((finding): PlacedFinding => ({ finding, line: parsed.lines.positionAt(finding.start).line + 1 }));
  const inFrontmatter = (f: PlacedFinding) => parsed.frontmatter !== undefined && f.finding.start < parsed.bodyStart;
  const header = renderHeader(parsed, placed.filter(inFrontmatter));
  const inBody = placed.filter((f) => !inFrontmatter(f));
  const body = renderBody(parsed, inBody, options.allowHtml === true);
  return `${header}${renderSummary(placed)}<article class="recap-body">${body}</article>${renderTalkCards(result.talks)}`;
}

/** What a preview asks for: the whole page (its first render), or the body alone (an update that keeps the scroll position). */
export interface PreviewRequest {
  page?: PreviewOptions;
  allowHtml: boolean;
}

/** The HTML a PreviewRequest asks for. */
export function renderRequested(parsed: ParsedRecap, result: LintResult, request: PreviewRequest): string {
  return request.page
    ? renderPreview(parsed, result, { ...request.page, allowHtml: request.allowHtml })
    : renderPreviewBody(parsed, result, { allowHtml: request.allowHtml });
}

/**
 * The preview as a full HTML document: a strict Content-Security-Policy
 * (nothing but our stylesheet, images, and the one script with the nonce),
 * the body from renderPreviewBody, and the script.
 */
export function renderPreview(parsed: ParsedRecap, result: LintResult, options: PreviewOptions): string {
  if (!NONCE.test(options.nonce)) throw new Error('renderPreview: the nonce must be 16 or more base64 characters');
  const title = options.title ?? (plainText(parsed.frontmatter?.data?.title) || 'Recap preview');
  const style =
    options.inlineStyle !== undefined
      ? `<style nonce="${options.nonce}">\n${options.inlineStyle.replace(/<\/style/gi, '<\\/style')}\n</style>`
      : options.styleUri
        ? `<link${attrs({ rel: 'stylesheet', href: options.styleUri })}>`
        : '';
  const script = options.scriptUri ? `<script${attrs({ nonce: options.nonce, src: options.scriptUri })}></script>` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${previewCsp(options).replace(/[&"<>]/g, (c) => escapeHtml(c))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    style,
    '</head>',
    '<body>',
    `<main${attrs({ id: 'recap-preview', class: 'recap-preview', 'data-version': options.documentVersion, 'data-report-findings': options.reportFindings ? 'true' : undefined })}>${renderPreviewBody(parsed, result, options)}</main>`,
    script,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
