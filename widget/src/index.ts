/** `lapor.js`: both elements, for pages that hold both or prefer one snippet for all. */
export * from './entries/lapor-form';
export * from './entries/lapor-tracker';
