import { css } from 'lit';

/** Tables of numbers (a poll's results, the monitor's figures): captioned, ruled, figures aligned to the end. */
export const tableStyles = css`
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  th,
  td {
    text-align: start;
    padding: 0.25rem 0.5rem 0.25rem 0;
    border-block-end: 1px solid var(--_border);
    font-weight: 400;
  }
  thead th {
    font-weight: 600;
  }
  td {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;
