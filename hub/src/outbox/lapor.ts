import type { ReportStatus } from '../../../contract';
import {
  type Delivered,
  DeliveryError,
  type Destination,
  type InboundEvent,
  type OutgoingReport,
  retryableStatus,
} from './destination';
import { type Exchange, exchange } from './http-client';

/**
 * The SP4N-LAPOR! connector: everything this hub assumes of the national
 * system's integration API lives in this one module.
 *
 * SP4N-LAPOR! gives its integration API only to registered institution
 * developers (through the national administrator at Kementerian PANRB).
 * This module follows its documented essentials (token authentication, a
 * report carrying the `anonim` and `rahasia` flags, the national Tracking ID
 * in return, and the report's history) with the field names below. An
 * institution connecting for real fills in, in `DATA_DIR/destinations.json`:
 *
 * - `baseUrl`: the integration API's address it was given;
 * - `token`: its API token;
 * - `institutionCodes`: the national code of each of our institution ids it
 *   files for (our directory's ids are this hub's own);
 *
 * and, if its API documentation names a field or status differently,
 * changes the mapping here: `toNational` and `STATUS_FROM_NATIONAL`.
 */
export interface LaporOptions {
  name: string;
  baseUrl: string;
  token: string;
  /** Our institution id → the national directory's code for it. */
  institutionCodes?: Record<string, string>;
  timeoutMs?: number;
}

const KIND_TO_NATIONAL = { pengaduan: 'PENGADUAN', aspirasi: 'ASPIRASI', informasi: 'PERMINTAAN_INFORMASI' } as const;

/** A reporter's actions as the national API names them. */
const ACTION_TO_NATIONAL = { comment: 'KOMENTAR', reopen: 'BUKA_KEMBALI', rating: 'PENILAIAN' } as const;

/** The national statuses and the stages of this hub's workflow they mean. */
export const STATUS_FROM_NATIONAL: Record<string, ReportStatus> = {
  VERIFIKASI: 'verified',
  DISPOSISI: 'forwarded',
  TINDAK_LANJUT: 'followed_up',
  SELESAI: 'finished',
  TUNDA: 'held',
  BUKAN_KEWENANGAN: 'not_authority',
  ARSIP: 'archived',
  DIBUKA_KEMBALI: 'reopened',
};

/** A report as the national API takes it. */
export function toNational(report: OutgoingReport, institutionCodes: Record<string, string> = {}) {
  return {
    klasifikasi: KIND_TO_NATIONAL[report.kind],
    judul: report.title,
    isi: report.body,
    tanggal_kejadian: report.incidentDate,
    lokasi: report.location.text,
    kode_wilayah: report.location.regionCode ?? null,
    instansi_tujuan: institutionCodes[report.institution.id] ?? report.institution.name,
    kategori: report.category?.name ?? null,
    anonim: report.anonymous,
    rahasia: report.confidential,
    pelapor: report.reporter
      ? {
          nama: report.reporter.name ?? null,
          email: report.reporter.email ?? null,
          telepon: report.reporter.phone ?? null,
        }
      : null,
    lampiran: report.attachments.map((a) => ({ nama: a.name, jenis: a.mediaType, ukuran: a.size })),
    referensi_mitra: report.trackingId,
  };
}

interface NationalHistoryEntry {
  id: string;
  waktu: string;
  status?: string;
  tanggapan?: string;
  /** On a disposition: the national code (or name) of the institution the report was passed to. */
  instansi?: string;
  /** `MITRA`: the entry came from this hub (a reporter's action) and is already on our timeline. */
  sumber?: string;
}

export function laporDestination({
  name,
  baseUrl,
  token,
  institutionCodes,
  timeoutMs = 15_000,
}: LaporOptions): Destination {
  const url = (path: string) => new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  // A disposition names the institution by its national code: ours, when we know it, else as given.
  const ourInstitution = new Map(Object.entries(institutionCodes ?? {}).map(([ours, national]) => [national, ours]));
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  const call = async (path: string, init: Omit<Exchange, 'timeoutMs'>) => {
    try {
      return await exchange(url(path), { ...init, headers: { ...headers, ...init.headers }, timeoutMs });
    } catch (error) {
      throw new DeliveryError(`${name} could not be reached: ${(error as Error).message}`, true);
    }
  };

  return {
    name,
    national: true,
    async deliver(report, idempotencyKey): Promise<Delivered> {
      const res = await call('laporan', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(toNational(report, institutionCodes)),
      });
      const answer = res.json<{ tracking_id?: unknown }>({});
      const externalRef = typeof answer.tracking_id === 'string' ? answer.tracking_id : undefined;
      // 409: the national system already has this report (same key or partner reference).
      if ((res.ok || res.status === 409) && externalRef) return { externalRef };
      if (res.status === 401 || res.status === 403) throw new DeliveryError(`${name} refused the token`, false);
      throw new DeliveryError(`${name} answered ${res.status}`, retryableStatus(res.status) || res.ok);
    },
    async deliverAction(action, idempotencyKey) {
      if (!action.externalRef) throw new DeliveryError(`${name} has no reference for ${action.trackingId} yet`, true);
      const res = await call(`laporan/${encodeURIComponent(action.externalRef)}/tindakan`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify({
          jenis: ACTION_TO_NATIONAL[action.kind],
          isi: action.text ?? null,
          nilai: action.rating ?? null,
          waktu: action.at,
        }),
      });
      if (res.ok || res.status === 409) return;
      if (res.status === 401 || res.status === 403) throw new DeliveryError(`${name} refused the token`, false);
      throw new DeliveryError(`${name} answered ${res.status}`, retryableStatus(res.status));
    },
    async poll(externalRef, cursor) {
      const query = cursor ? `?setelah=${encodeURIComponent(cursor)}` : '';
      const res = await call(`laporan/${encodeURIComponent(externalRef)}/riwayat${query}`, { method: 'GET' });
      if (!res.ok) throw new DeliveryError(`${name} answered ${res.status} to a poll`, retryableStatus(res.status));
      const history = res.json<{ riwayat?: NationalHistoryEntry[] }>();
      const events: InboundEvent[] = [];
      for (const entry of (history.riwayat ?? []).filter((e) => e.sumber !== 'MITRA')) {
        const status = entry.status ? STATUS_FROM_NATIONAL[entry.status] : undefined;
        const base = {
          eventId: `${externalRef}:${entry.id}`,
          report: externalRef,
          at: entry.waktu,
          ...(entry.instansi && { institution: ourInstitution.get(entry.instansi) ?? entry.instansi }),
        };
        if (status) events.push({ ...base, type: 'status', status, ...(entry.tanggapan && { note: entry.tanggapan }) });
        else if (entry.tanggapan) events.push({ ...base, type: 'message', note: entry.tanggapan });
      }
      return { events, cursor: history.riwayat?.at(-1)?.id ?? cursor };
    },
  };
}
