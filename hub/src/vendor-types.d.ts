// date-holidays-parser ships its types, but its package.json "exports" hide them from TypeScript's resolver.
/// <reference path="../../node_modules/date-holidays-parser/types/index.d.ts" />

/** Every country's rules, which scripts/pick-holidays.ts picks Indonesia's from. */
declare module 'date-holidays/data' {
  export const data: unknown;
}
