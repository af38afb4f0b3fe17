import sanitizeHtml from 'sanitize-html';
import { safeHref, safeImageSrc } from './html';

/** Tags a recap's raw HTML may keep (when `recap.preview.allowHtml` is on): text formatting, lists, tables, images, details. */
const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'mark'),
  'img',
  'del',
  'ins',
  'details',
  'summary',
  'picture',
  'figure',
  'figcaption',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  // No class, id, style or data-* (a recap cannot dress up as the preview's own marks), no on* handlers.
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['align', 'colspan', 'rowspan'],
    th: ['align', 'colspan', 'rowspan'],
    ol: ['start'],
    code: ['class'],
    details: ['open'],
    abbr: ['title'],
    time: ['datetime'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math'],
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href === undefined ? undefined : safeHref(attribs.href);
      const out: sanitizeHtml.Attributes = { rel: 'noopener noreferrer' };
      if (href !== undefined) out.href = href;
      if (attribs.title !== undefined) out.title = attribs.title;
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => {
      const src = attribs.src === undefined ? undefined : safeImageSrc(attribs.src);
      if (src === undefined) return { tagName: 'span', attribs: {}, text: `[image: ${attribs.alt ?? ''}]` };
      return { tagName, attribs: { ...attribs, src } };
    },
  },
};

/**
 * Raw HTML from a recap, made safe to show: no script, style, iframe, object
 * or form, no event-handler or style attributes, links only to http(s) and
 * mailto, images only from http(s) and data: URLs.
 */
export function sanitizeFragment(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
