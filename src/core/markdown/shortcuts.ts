import type MarkdownIt from 'markdown-it';

// Shortcuts in front of markdown-it steps that, for the text recaps are
// mostly made of, know the answer without the full work: the same tokens,
// sooner. Tests hold each to giving exactly what stock markdown-it gives.

/**
 * A plain http(s) URL in which every character is one markdown-it's
 * normalizeLink keeps as it is: ASCII letters, digits, the URL delimiters
 * and valid %XX escapes, with a host of ordinary labels. Recaps are mostly
 * such links (a video, a schedule page per talk); for them the full
 * normalization (a URL parse, punycode, re-encoding) is a fifth of
 * markdown-it's parse time on a 1 MB recap, and returns its input.
 */
const PLAIN_URL = /^https?:\/\/(?:[A-Za-z0-9-]{1,63}\.){0,8}[A-Za-z0-9-]{1,63}(?::[0-9]{1,5})?(?:[/?#](?:[A-Za-z0-9\-._~:/?#@!$&()*+,;=]|%[0-9A-Fa-f]{2})*)?$/;

/**
 * markdown-it's `normalizeLink` with that shortcut in front: the same
 * result for every input (a property test holds it to that).
 */
export function fastNormalizeLink(normalize: (url: string) => string): (url: string) => string {
  return (url) => (url.length < 2000 && PLAIN_URL.test(url) ? url : normalize(url));
}

/**
 * markdown-it's first step rewrites every line break (CR LF and CR to LF)
 * and NUL; its regex replace rebuilds the whole text even when there is
 * nothing to change, which is most of the time in an editor.
 */
export function quickNormalize(md: MarkdownIt): void {
  md.core.ruler.at('normalize', (state) => {
    let src = state.src;
    if (src.includes('\r')) src = src.replace(/\r\n?/g, '\n');
    if (src.includes('\0')) src = src.replace(/\0/g, '\uFFFD');
    state.src = src;
  });
}

/** markdown-it's link check (no `javascript:` and the like) copies each URL lower-cased first; an http(s) link passes it as written. */
export function fastValidateLink(validate: (url: string) => boolean): (url: string) => boolean {
  return (url) => HTTP_START.test(url) || validate(url);
}

const HTTP_START = /^https?:\/\//;
