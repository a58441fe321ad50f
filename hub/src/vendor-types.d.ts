// date-holidays-parser ships its types, but its package.json "exports" hide them from TypeScript's resolver.
/// <reference path="../../node_modules/date-holidays-parser/types/index.d.ts" />

/** Every country's rules, which scripts/pick-holidays.ts picks Indonesia's from. */
declare module 'date-holidays/data' {
  export const data: unknown;
}

/** Code for America's Open311 client (node-open311), which the hub's Open311 server is tested with; no types. */
declare module 'open311' {
  type Callback = (error: unknown, data: unknown) => void;
  export default class Open311 {
    constructor(options: {
      endpoint?: string;
      discovery?: string;
      format?: 'json' | 'xml';
      jurisdiction?: string;
      apiKey?: string;
    });
    endpoint?: string;
    serviceDiscovery(options: { cache?: boolean }, callback: Callback): void;
    serviceList(callback: Callback): void;
    serviceDefinition(serviceCode: string, callback: Callback): void;
    submitRequest(data: Record<string, unknown>, callback: Callback): void;
    serviceRequests(idOrParams: string | string[] | Record<string, string>, callback: Callback): void;
    serviceRequests(id: string, params: Record<string, string>, callback: Callback): void;
  }
}
