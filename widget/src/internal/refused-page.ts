import { html } from 'lit';
import { HubError } from './hub-client';
import { hubErrorMessage } from './messages';

/** Whether the hub refused a call because the page's website is not registered with it (or not for this site key). */
export const isRefusedPage = (error: unknown): error is HubError =>
  error instanceof HubError && error.code === 'origin_not_allowed';

const told = new Set<string>();

/**
 * Tells the webmaster, in the console and once per element and hub, exactly
 * what the hub's operator must register for this page to work. The visitor
 * sees a plain sentence instead (see `refusedNotice`).
 */
export function tellWebmaster(tag: string, hub: string, site: string): void {
  const hubOrigin = new URL(hub, document.baseURI).origin;
  if (told.has(`${tag} ${hubOrigin}`)) return;
  told.add(`${tag} ${hubOrigin}`);
  const origin = window.location.origin;
  console.error(
    `<${tag}>: the hub at ${hubOrigin} refuses requests from ${origin}: ` +
      (site
        ? `the site key ${site} does not list this origin. Ask the hub's operator to register the site with --origin ${origin} among its origins (npm run hub -- site list shows them).`
        : `this website is not registered with it. Ask the hub's operator to register it: npm run hub -- site add --name "<your institution>" --origin ${origin} --institution <institution id>, then add the site key it prints to the element as site="…".`),
  );
}

/** What the visitor sees on a page the hub refuses, with the hub's own page to go to instead. */
export function refusedNotice(refusal: HubError, alternative: { href: string; label: string }) {
  return html`<div class="notice" part="problem" role="alert">
    <p>${hubErrorMessage(refusal)}</p>
    <p><a href=${alternative.href}>${alternative.label}</a></p>
  </div>`;
}
