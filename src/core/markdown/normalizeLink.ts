/**
 * A plain http(s) URL in which every character is one markdown-it's
 * normalizeLink keeps as it is: ASCII letters, digits, the URL delimiters
 * and valid %XX escapes, with a host of ordinary labels. Recaps are mostly
 * such links (a video, a schedule page per talk); for them the full
 * normalization (a URL parse, punycode, re-encoding) is a fifth of
 * markdown-it's parse time on a 1 MB recap, and returns its input.
 */
const PLAIN_URL =
  /^https?:\/\/(?:[A-Za-z0-9-]{1,63}\.){0,8}[A-Za-z0-9-]{1,63}(?::[0-9]{1,5})?(?:[/?#](?:[A-Za-z0-9\-._~:/?#@!$&()*+,;=]|%[0-9A-Fa-f]{2})*)?$/;

/**
 * markdown-it's `normalizeLink` with that shortcut in front: the same
 * result for every input (a property test holds it to that).
 */
export function fastNormalizeLink(normalize: (url: string) => string): (url: string) => string {
  return (url) => (url.length < 2000 && PLAIN_URL.test(url) ? url : normalize(url));
}
