import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { projectMarked } from '../monitor/projector';
import type { FILED } from '../monitor/similar-pairs';
import { recordTransition } from '../workflow/transitions';
import { postJson, sampleReport, type testApp, testCalendar, testKeyring } from './test-app';

type TestHub = Awaited<ReturnType<typeof testApp>>;

/** Files a report through the API as a visitor would (the sample report, changed by `extra`): its id and Tracking ID. */
export async function fileReport(hub: TestHub, extra: object = {}): Promise<{ id: number; trackingId: string }> {
  const res = await postJson(hub.app, '/api/v1/reports', { ...sampleReport, ...extra });
  assert.equal(res.status, 201, await res.clone().text());
  const { trackingId } = await res.json();
  const { reports } = hub.db.$tables;
  const [row] = await hub.db.select({ id: reports.id }).from(reports).where(eq(reports.trackingId, trackingId));
  assert.ok(row);
  return { id: row.id, trackingId };
}

/** Walks a report to `forwarded` as the national workflow does: to its own institution, or to `institution`. */
export async function forwardReport(hub: TestHub, id: number, institution?: string): Promise<void> {
  for (const to of ['submitted', 'verified', 'forwarded'] as const) {
    const passedOn = to === 'forwarded' && institution ? { institution } : {};
    await recordTransition(hub.db, testKeyring, id, { to, actor: 'national', at: hub.clock(), ...passedOn });
  }
}

/** Derives every marked report's public row and indexes it, until none is left. */
export async function projectAll(hub: TestHub): Promise<void> {
  const deps = { db: hub.db, directory: hub.directory, calendar: testCalendar, keyring: testKeyring };
  while ((await projectMarked(deps, hub.clock())) > 0);
}

/** The labelled set's reports (monitor/similar-pairs.ts) filed on `hub`, forwarded and published: the Tracking ID of each issue's key. */
export async function publishLabelled(hub: TestHub, filed: typeof FILED): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const report of filed) {
    const { id, trackingId } = await fileReport(hub, {
      title: report.title,
      body: report.body,
      institutionId: report.institution,
      categoryId: report.category,
      location: { text: 'Tempat kejadian', regionCode: report.region },
    });
    await forwardReport(hub, id);
    ids.set(report.key, trackingId);
  }
  await projectAll(hub);
  return ids;
}
