import { css } from 'lit';

/** Tokens and control styles both elements share; every token has a fallback. */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: var(--lapor-max-width, 40rem);
    color: var(--lapor-color-text, #1f2933);
    font-family: var(--lapor-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--lapor-font-size, 1rem);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-end: 1rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  .help {
    color: var(--lapor-color-muted, #52606d);
    font-size: 0.875em;
    margin: 0;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    /* 16px keeps mobile browsers from zooming into the field. */
    font: inherit;
    font-size: max(1rem, 16px);
    min-height: 2.75rem;
    width: 100%;
    padding: 0.5rem 0.75rem;
    color: inherit;
    background: var(--lapor-color-input, #fff);
    border: 1px solid var(--lapor-color-border, #7b8794);
    border-radius: var(--lapor-radius, 0.375rem);
  }
  textarea {
    min-height: 8rem;
    resize: vertical;
  }
  :focus-visible {
    outline: 3px solid var(--lapor-color-focus, #2563eb);
    outline-offset: 2px;
  }
  [aria-invalid='true'] {
    border-color: var(--lapor-color-error, #b42318);
  }
  .error {
    color: var(--lapor-color-error, #b42318);
    font-size: 0.875em;
    font-weight: 600;
    margin: 0;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: var(--lapor-radius, 0.375rem);
    border: 1px solid var(--lapor-color-primary, #0b6e4f);
    background: var(--lapor-color-primary, #0b6e4f);
    color: var(--lapor-color-on-primary, #fff);
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--lapor-color-primary, #0b6e4f);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .notice {
    padding: 0.75rem 1rem;
    border-radius: var(--lapor-radius, 0.375rem);
    background: var(--lapor-color-notice, #fdf2f2);
    border: 1px solid var(--lapor-color-error, #b42318);
  }
  .code {
    font-family: var(--lapor-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    font-size: 1.25em;
    font-weight: 700;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
