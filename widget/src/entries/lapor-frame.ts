/**
 * For pages that embed the hub's form page (`/lapor/`) in an `<iframe>`:
 * sizes each such iframe to the form's height as the form grows and shrinks
 * (errors, attachments, the confirmation), so the page shows no second
 * scrollbar. Only messages from the hub this script came from, and from the
 * very iframe being sized, are believed.
 */
const HUB_ORIGIN = new URL(import.meta.url).origin;

interface FrameHeight {
  type: 'lapor-frame-height';
  height: number;
}

const isFrameHeight = (data: unknown): data is FrameHeight =>
  typeof data === 'object' &&
  data !== null &&
  (data as FrameHeight).type === 'lapor-frame-height' &&
  Number.isFinite((data as FrameHeight).height) &&
  (data as FrameHeight).height > 0;

window.addEventListener('message', (event) => {
  if (event.origin !== HUB_ORIGIN || !isFrameHeight(event.data)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.min(event.data.height, 20_000)}px`;
  }
});
