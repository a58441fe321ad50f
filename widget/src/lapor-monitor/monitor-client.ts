import type { Institution, Region, SiteConfig } from '../../../contract';
import type { MonitorMap, MonitorScope, MonitorStats, PublicReportPage } from '../../../contract/monitor';
import type { ReportKind } from '../../../contract/report-rules';
import type { ReportStatus } from '../../../contract/status';
import { HubClient } from '../internal/hub-client';

/** The list's filters: the scope, and what the visitor narrowed it to. */
export interface ReportFilters extends MonitorScope {
  kind?: ReportKind | '';
  status?: ReportStatus | '';
  q?: string;
}

/** Only the filters given: an empty one is not sent (the hub would refuse `region=`). */
const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]));

/** The monitor's calls: public reports, figures and map shapes, all readable without an account. */
export class MonitorClient extends HubClient {
  siteConfig(site: string, signal?: AbortSignal): Promise<SiteConfig> {
    return this.call(`sites/${encodeURIComponent(site)}/config`, { signal });
  }

  institution(id: string, signal?: AbortSignal): Promise<Institution> {
    return this.call(`institutions/${encodeURIComponent(id)}`, { signal });
  }

  region(code: string, signal?: AbortSignal): Promise<Region> {
    return this.call(`regions/${encodeURIComponent(code)}`, { signal });
  }

  reports(filters: ReportFilters, cursor: string | undefined, signal?: AbortSignal): Promise<PublicReportPage> {
    const { institution, region, category, kind, status, q } = filters;
    const params = query({ institution, region, category, kind, status, q: q?.trim(), cursor });
    return this.call(`public/reports?${params}`, { signal });
  }

  stats(scope: MonitorScope, places: 'province' | 'regency' | undefined, signal?: AbortSignal): Promise<MonitorStats> {
    return this.call(`public/stats?${query({ ...scope, places })}`, { signal });
  }

  /** `id`: the provinces; a province's code: its regencies and cities. */
  map(code: string, signal?: AbortSignal): Promise<MonitorMap> {
    return this.call(`public/map/${encodeURIComponent(code)}`, { signal });
  }
}
