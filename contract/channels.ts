/**
 * How a report reached the hub: the widget's form, an Open311 client, an SMS
 * gateway, or an email. Kept with the report so an operator can tell where
 * it came from; never shown to the public.
 */
export const REPORT_CHANNELS = ['form', 'open311', 'sms', 'email'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];
