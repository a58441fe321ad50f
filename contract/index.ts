export * from './dates';
export * from './errors';
export * from './field-errors';
export * from './limits';
export * from './personal-data';
export * from './report';
export * from './status';
export * from './tracking-id';
export type * from './views';
