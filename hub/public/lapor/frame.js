// In an iframe, tells the embedding page how tall the form is, so that
// /widget/lapor-frame.js there can size the iframe to it. The height goes
// only to the site's own origins (the page lists them; the hub lets no other
// origin frame it), never to any page.
const root = document.documentElement;
if (window.parent !== window) {
  root.classList.add('framed');
  const origins = (root.dataset.frameOrigins ?? '').split(' ').filter(Boolean);
  let last = 0;
  const tell = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    for (const origin of origins) window.parent.postMessage({ type: 'lapor-frame-height', height }, origin);
  };
  new ResizeObserver(tell).observe(root);
}
