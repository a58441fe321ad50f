import { html } from 'lit';

const WEB_ADDRESS = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * Plain text with its web addresses as links, and nothing else: no markup of
 * the institution's text is ever interpreted. Links open in a new tab and
 * tell the other site nothing of this page.
 */
export function linkedText(text: string) {
  const parts: unknown[] = [];
  let last = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const at = match.index ?? 0;
    parts.push(text.slice(last, at));
    parts.push(html`<a href=${match[0]} target="_blank" rel="noopener noreferrer">${match[0]}</a>`);
    last = at + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}
