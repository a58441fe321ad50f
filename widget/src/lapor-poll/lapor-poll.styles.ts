import { css } from 'lit';

export const pollStyles = css`
  .poll + .poll {
    margin-block-start: 2rem;
    padding-block-start: 1.5rem;
    border-block-start: 1px solid var(--_border);
  }
  h2 {
    font-size: 1.25em;
    margin-block: 0 0.25rem;
  }
  .muted {
    color: var(--_muted);
    margin-block: 0 0.75rem;
  }
  .explanation {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 1rem;
    display: grid;
    gap: 0.25rem;
  }
  .answer {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    font-weight: 400;
    padding-block: 0.375rem;
    min-height: 2.75rem;
    cursor: pointer;
  }
  .answer input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.125rem 0 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .your-vote:empty {
    display: none;
  }
  .your-vote:focus {
    outline: none;
  }
  .your-vote {
    background: var(--_info);
    padding: 0.75rem;
    border-radius: var(--_radius);
  }
  .chart {
    display: grid;
    gap: 0.5rem;
    margin-block: 1rem;
  }
  .bar-row {
    display: grid;
    grid-template-columns: minmax(6rem, 1fr) 2fr 3.5rem;
    align-items: center;
    gap: 0.5rem;
  }
  .bar {
    display: block;
    inline-size: 100%;
    block-size: 0.875rem;
    background: color-mix(in srgb, var(--_border) 30%, transparent);
    border-radius: var(--_radius);
  }
  .fill {
    fill: var(--_primary);
  }
  .bar-value {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .mine {
    color: var(--_muted);
  }
  .skeleton {
    color: var(--_muted);
  }
  @media (max-width: 24rem) {
    .bar-row {
      grid-template-columns: 1fr 3.5rem;
    }
    .bar-label {
      grid-column: 1 / -1;
    }
  }
`;
