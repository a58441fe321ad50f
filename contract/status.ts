/**
 * A report's stages, from the hub's acceptance through SP4N-LAPOR!'s workflow:
 * verification, forwarding (disposisi), follow-up (tindak lanjut) and closure.
 */
export const REPORT_STATUSES = [
  'received',
  'submitted',
  'verified',
  'forwarded',
  'followed_up',
  'finished',
  'held',
  'not_authority',
  'archived',
  'reopened',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
