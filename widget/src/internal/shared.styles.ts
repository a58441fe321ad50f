import { css } from 'lit';

/**
 * Tokens and control styles both elements share. Every public token has a
 * fallback; the private `--_` tokens switch those fallbacks for dark mode, so
 * a page that sets its own colours keeps them in both schemes.
 */
export const sharedStyles = css`
  :host {
    --_text: var(--lapor-color-text, #1f2933);
    --_muted: var(--lapor-color-muted, #52606d);
    --_surface: var(--lapor-color-surface, transparent);
    --_input: var(--lapor-color-input, #fff);
    --_border: var(--lapor-color-border, #7b8794);
    --_primary: var(--lapor-color-primary, #0b6e4f);
    --_on-primary: var(--lapor-color-on-primary, #fff);
    --_error: var(--lapor-color-error, #b42318);
    --_notice: var(--lapor-color-notice, #fef3f2);
    --_info: var(--lapor-color-info, #eef6f3);
    --_focus: var(--lapor-color-focus, #2563eb);
    --_radius: var(--lapor-radius, 0.375rem);

    display: block;
    box-sizing: border-box;
    max-width: var(--lapor-max-width, 40rem);
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--lapor-font-family, inherit);
    font-size: var(--lapor-font-size, 1rem);
    line-height: 1.5;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--lapor-color-text, #e4e7eb);
      --_muted: var(--lapor-color-muted, #b6bec8);
      --_input: var(--lapor-color-input, #1f2933);
      --_border: var(--lapor-color-border, #9aa5b1);
      --_primary: var(--lapor-color-primary, #5fd3a6);
      --_on-primary: var(--lapor-color-on-primary, #0b1f17);
      --_error: var(--lapor-color-error, #ffa19a);
      --_notice: var(--lapor-color-notice, #3b1614);
      --_info: var(--lapor-color-info, #12291f);
      --_focus: var(--lapor-color-focus, #8ab4ff);
    }
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
  legend,
  .label {
    font-weight: 600;
  }
  .help {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
  }
  input:not([type='checkbox'], [type='radio'], [type='file']),
  select,
  textarea {
    /* 16px keeps mobile browsers from zooming into the field. */
    font: inherit;
    font-size: max(1rem, 16px);
    min-height: 2.75rem;
    width: 100%;
    padding: 0.5rem 0.75rem;
    color: inherit;
    background: var(--_input);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  textarea {
    min-height: 8rem;
    resize: vertical;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  .error {
    color: var(--_error);
    font-size: 0.875em;
    font-weight: 600;
    margin: 0;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--_primary);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  a {
    color: var(--_primary);
  }
  .notice,
  .info {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_notice);
    border: 1px solid var(--_error);
  }
  .info {
    background: var(--_info);
    border-color: var(--_primary);
  }
  .code {
    font-family: var(--lapor-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    font-size: 1.25em;
    font-weight: 700;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
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
