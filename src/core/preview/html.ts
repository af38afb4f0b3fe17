/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A message as HTML: escaped, with `backticked` parts as code (as lint messages write field names and ids). */
export function withCode(text: string): string {
  return escapeHtml(text).replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

/** ` name="value"` for each defined attribute, values escaped. */
export function attrs(values: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) if (value !== undefined) out += ` ${name}="${escapeHtml(String(value))}"`;
  return out;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * A link target the preview may render: http(s) and mailto URLs, and
 * scheme-less ones (`#anchor`, `other.md`). Anything else (javascript:,
 * vbscript:, data:, file:, command:…) gives undefined. Control characters and
 * whitespace that browsers strip before reading the scheme are stripped first.
 */
export function safeHref(url: string): string | undefined {
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = SCHEME.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    // Protocol-relative, or a colon before the first slash (`java%09script:…`): not a plain relative link.
    if (cleaned.startsWith('//') || /^[^/?#]*:/.test(cleaned)) return undefined;
    return url.trim();
  }
  return scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? url.trim() : undefined;
}

/** An absolute http(s) URL (what talk cards link to), else undefined. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!/^https?:\/\/[^\s/]/i.test(trimmed)) return undefined;
  try {
    return new URL(trimmed).href;
  } catch {
    return undefined;
  }
}

/** An image source the preview shows: https/http or inline data images. Relative paths cannot load in the preview. */
export function safeImageSrc(src: string): string | undefined {
  const cleaned = src.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^https?:\/\/[^/]/i.test(cleaned)) return src.trim();
  if (/^data:image\/(?:png|gif|jpeg|webp);/i.test(cleaned)) return src.trim();
  return undefined;
}
