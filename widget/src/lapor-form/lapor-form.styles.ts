import { css } from 'lit';

export const formStyles = css`
  form {
    display: block;
  }
  fieldset {
    border: 0;
    margin: 0 0 1rem;
    padding: 0;
  }
  .choices {
    display: grid;
    gap: 0.5rem;
    margin-block-start: 0.25rem;
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.625rem;
    align-items: start;
    padding: 0.625rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_primary);
  }
  .choice label {
    font-weight: 600;
  }
  .choice .help {
    grid-column: 2;
  }
  .counter {
    justify-self: end;
  }
  .fixed {
    margin: 0;
    padding: 0.5rem 0;
    font-weight: 600;
  }
  .success h2 {
    margin-block-start: 0;
    font-size: 1.25em;
  }
  .success:focus {
    outline: none;
  }
  .success dl {
    display: grid;
    gap: 0.25rem;
    margin: 0 0 1rem;
  }
  .code.whole,
  .code.grouped > span {
    white-space: nowrap;
  }
  .code.grouped > span {
    display: inline-block;
    margin-inline-end: 0.4em;
  }
  .copied:empty {
    margin: 0; /* kept in the page, empty, so that screen readers announce what fills it */
  }
  .copied {
    margin: 0 0 1rem;
    font-weight: 600;
    color: var(--_primary);
  }
  .success dd {
    margin: 0 0 0.75rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
  [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0.25rem 0;
    max-height: 15rem;
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_input);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  [role='option'] {
    padding: 0.5rem 0.75rem;
    cursor: pointer;
  }
  [role='option'][aria-selected='true'],
  [role='option']:hover {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  [role='option'][aria-disabled='true'] {
    cursor: default;
    background: none;
    color: var(--_muted);
  }
  .files {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .files li {
    display: grid;
    grid-template-columns: 3rem 1fr auto;
    grid-template-areas: 'thumb name remove' 'thumb size remove';
    gap: 0 0.75rem;
    align-items: center;
  }
  .files img,
  .file-type {
    grid-area: thumb;
    width: 3rem;
    height: 3rem;
    object-fit: cover;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    display: grid;
    place-items: center;
    font-size: 0.75em;
    font-weight: 700;
  }
  .file-name {
    grid-area: name;
    overflow-wrap: anywhere;
  }
  .files .help {
    grid-area: size;
  }
  .files button {
    grid-area: remove;
  }
  ul.error {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  progress {
    width: 100%;
    height: 1rem;
    accent-color: var(--_primary);
  }
  .honeypot {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .checklist .choice {
    border: 0;
    padding: 0.25rem 0;
  }
  .draft-note {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0 0 1rem;
  }
  .draft-note .help {
    flex: 1 1 16rem;
    margin: 0;
  }
  .similar {
    overflow-wrap: anywhere;
  }
  .similar ul {
    padding: 0;
    list-style: none;
  }
  .similar summary {
    cursor: pointer;
    font-weight: 600;
    padding-block: 0.5rem;
  }
`;
