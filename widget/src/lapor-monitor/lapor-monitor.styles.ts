import { css } from 'lit';

export const monitorStyles = css`
  :host {
    max-width: var(--lapor-max-width, 60rem);
  }
  h2 {
    font-size: 1.25em;
    margin-block: 0 0.25rem;
  }
  h3 {
    font-size: 1.05em;
    margin-block: 0 0.25rem;
    overflow-wrap: anywhere;
  }
  .muted,
  .meta,
  .dates,
  .explanation {
    color: var(--_muted);
  }
  .muted {
    margin-block: 0 0.75rem;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-block-end: 1px solid var(--_border);
    margin-block-end: 1rem;
  }
  [role='tab'] {
    background: transparent;
    color: var(--_text);
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
    padding-inline: 0.75rem;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--_primary);
    border-block-end-color: var(--_primary);
  }
  .search {
    display: grid;
    grid-template-columns: 2fr 1fr 1fr auto;
    gap: 0 0.75rem;
    align-items: end;
    margin-block-end: 0.5rem;
  }
  .search .field {
    margin-block-end: 1rem;
  }
  .search button {
    margin-block-end: 1rem;
  }
  .reports {
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
  }
  .report {
    padding-block: 0.75rem;
    border-block-end: 1px solid var(--_border);
  }
  .report p {
    margin-block: 0 0.25rem;
  }
  .meta,
  .dates {
    font-size: 0.875em;
  }
  .status {
    font-weight: 600;
    color: var(--_text);
  }
  .excerpt {
    overflow-wrap: anywhere;
  }
  .overdue {
    color: var(--_error);
    font-weight: 600;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: 0.75rem;
    margin: 0 0 1rem;
  }
  .figure {
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .figure dt {
    font-weight: 600;
  }
  .figure dd {
    margin: 0;
  }
  .value {
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .explanation {
    font-size: 0.875em;
  }
  .table-scroll {
    overflow-x: auto;
    margin-block-end: 1rem;
  }
  th,
  td {
    padding-block: 0.375rem;
    vertical-align: top;
  }
  thead th {
    font-size: 0.875em;
  }
  td {
    white-space: nowrap;
  }
  td.suppressed {
    text-align: start;
    color: var(--_muted);
  }
  button.link {
    background: none;
    border: 0;
    padding: 0;
    min-height: 2.75rem;
    color: var(--_primary);
    font-weight: 400;
    text-decoration: underline;
    text-align: start;
  }
  .place-controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    align-items: end;
  }
  .place-controls .field {
    flex: 1 1 12rem;
  }
  .place-controls button {
    margin-block-end: 1rem;
  }
  .map {
    margin: 0 0 1rem;
  }
  .map > svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
    max-block-size: 70vh;
  }
  .map path {
    stroke: var(--_input);
    stroke-width: 0.5;
  }
  .can-open path {
    cursor: pointer;
  }
  .step-0 {
    fill: color-mix(in srgb, var(--_primary) 15%, #fff);
  }
  .step-1 {
    fill: color-mix(in srgb, var(--_primary) 35%, #fff);
  }
  .step-2 {
    fill: color-mix(in srgb, var(--_primary) 55%, #fff);
  }
  .step-3 {
    fill: color-mix(in srgb, var(--_primary) 75%, #fff);
  }
  .step-4 {
    fill: var(--_primary);
  }
  .withheld {
    fill: color-mix(in srgb, var(--_muted) 45%, #fff);
  }
  .none {
    fill: color-mix(in srgb, var(--_border) 25%, #fff);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    padding: 0;
    margin: 0.5rem 0 0.25rem;
    font-size: 0.875em;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }
  .swatch {
    inline-size: 1rem;
    block-size: 1rem;
    border: 1px solid var(--_border);
  }
  .attribution {
    color: var(--_muted);
  }
  .problem {
    margin-block: 1rem;
  }
  @media (max-width: 40rem) {
    .search {
      grid-template-columns: 1fr 1fr;
    }
    .search .field:first-child {
      grid-column: 1 / -1;
    }
    .search button {
      grid-column: 1 / -1;
    }
  }
`;
