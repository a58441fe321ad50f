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
  .success dd {
    margin: 0 0 0.75rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
  .checklist .choice {
    border: 0;
    padding: 0.25rem 0;
  }
`;
