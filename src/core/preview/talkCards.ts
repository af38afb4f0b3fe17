import type { ResolvedTalk } from '../lint/finding';
import { attrs, escapeHtml, httpUrl } from './html';

/** The talks the recap covers as cards: title, speakers with affiliations, event, links; a "no video" badge when the recap gives none. */
export function renderTalkCards(talks: ResolvedTalk[]): string {
  if (talks.length === 0) return '';
  const cards = talks.map(card).join('');
  return `<section class="talk-cards" aria-label="Talks covered"><h2 class="section-title">Talks covered <span class="count">${talks.length}</span></h2><div class="card-grid">${cards}</div></section>`;
}

function card(talk: ResolvedTalk): string {
  const video = httpUrl(talk.video);
  const known = video ? undefined : httpUrl(talk.knownVideo);
  const parts = [`<article${attrs({ class: `talk-card${video ? '' : ' talk-card-no-video'}`, 'data-talk': talk.id })}>`];
  parts.push(`<h3 class="talk-title">${escapeHtml(talk.title || talk.id || 'Untitled talk')}</h3>`);
  if (talk.speakers.length) {
    const who = talk.speakers
      .map((s) => `<span class="speaker">${escapeHtml(s.name)}${s.affiliation ? ` <span class="affiliation">${escapeHtml(s.affiliation)}</span>` : ''}</span>`)
      .join('<span class="sep">, </span>');
    parts.push(`<p class="talk-speakers">${who}</p>`);
  }
  if (talk.eventName) parts.push(`<p class="talk-event">${escapeHtml(talk.eventName)}</p>`);
  if (talk.id) parts.push(`<p class="talk-id"${attrs({ title: talk.id })}><code>${escapeHtml(talk.id)}</code></p>`);
  else parts.push('<p class="talk-event">Not in the session index</p>');
  const slides = httpUrl(talk.slides);
  const schedule = httpUrl(talk.schedule);
  const links = [
    video ? link(video, 'Video', 'link-video') : '<span class="badge badge-no-video">no video</span>',
    slides ? link(slides, 'Slides', 'link-slides') : '',
    schedule ? link(schedule, 'Schedule', 'link-schedule') : '',
  ];
  parts.push(`<p class="talk-links">${links.join('')}</p>`);
  if (known) parts.push(`<p class="talk-known-video">The index knows a recording: ${link(known, new URL(known).host, 'link-known-video')}</p>`);
  parts.push('</article>');
  return parts.join('');
}

function link(href: string, label: string, className: string): string {
  return `<a${attrs({ class: `talk-link ${className}`, href, rel: 'noopener noreferrer', title: href })}>${escapeHtml(label)}</a>`;
}
