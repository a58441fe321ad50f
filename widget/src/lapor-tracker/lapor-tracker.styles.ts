import { css } from 'lit';

export const trackerStyles = css`
  form {
    margin-block-end: 1.5rem;
  }
  .report h2 {
    font-size: 1.25em;
    margin-block: 0 0.75rem;
  }
  .report h3 {
    font-size: 1em;
    margin-block: 1.25rem 0.5rem;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(7rem, auto) 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  dd.code {
    font-size: 1em;
  }
  .status {
    font-weight: 700;
    color: var(--_primary);
  }
  .actions-panel {
    margin-block-start: 1.5rem;
    border-block-start: 1px solid var(--_border);
  }
  .actions-panel form {
    margin-block: 1rem;
  }
  .actions-panel fieldset {
    border: 0;
    padding: 0;
    margin: 0;
  }
  .stars {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
  }
  .stars label {
    display: flex;
    gap: 0.25rem;
    align-items: center;
    min-height: 2.75rem;
  }
  .overdue {
    color: var(--_error);
    font-weight: 700;
  }
  .body {
    white-space: pre-line;
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0 0 0 1rem;
    border-inline-start: 2px solid var(--_border);
  }
  .timeline li {
    margin-block-end: 0.75rem;
  }
  .timeline time {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .attachments {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .attachments li {
    margin-block-end: 0.5rem;
  }
  button.link {
    padding: 0;
    text-align: start;
    color: var(--_primary);
    background: none;
    border: 0;
    text-decoration: underline;
    font-weight: 400;
  }
  .attachments .help {
    margin-inline-start: 0.5rem;
  }
  /* A report's shape in grey while it loads, so the page does not jump when it arrives. */
  .skeleton div {
    height: 1rem;
    margin-block-end: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_border);
    opacity: 0.3;
  }
  .skeleton div:first-child {
    height: 1.5rem;
    width: 60%;
  }
  .skeleton div:nth-child(2n) {
    width: 40%;
  }
  .skeleton div:nth-child(5) {
    width: 80%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton div {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
    @keyframes pulse {
      to {
        opacity: 0.12;
      }
    }
  }
  @media (max-width: 24rem) {
    dl {
      grid-template-columns: 1fr;
    }
    dd {
      margin-block-end: 0.5rem;
    }
  }
`;
