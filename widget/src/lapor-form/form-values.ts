import type { ReportInput, ReportKind } from '../../../contract';

/** What the visitor has typed, as the controls hold it. */
export interface FormValues {
  kind: ReportKind;
  title: string;
  body: string;
  incidentDate: string;
  locationText: string;
  /** The most precise administrative region chosen, or ''. */
  regionCode: string;
  institutionId: string;
  categoryId: string;
  anonymous: boolean;
  confidential: boolean;
  name: string;
  email: string;
  phone: string;
  /** The honeypot: hidden from people, so only a program fills it. */
  website: string;
}

export type FormField = Exclude<keyof FormValues, 'kind' | 'anonymous' | 'confidential' | 'website'> | 'kind';

/** The contract's dotted path of each control, for mapping field errors both ways. */
export const CONTRACT_PATH: Record<FormField, string> = {
  kind: 'kind',
  title: 'title',
  body: 'body',
  incidentDate: 'incidentDate',
  locationText: 'location.text',
  regionCode: 'location.regionCode',
  institutionId: 'institutionId',
  categoryId: 'categoryId',
  name: 'reporter.name',
  email: 'reporter.email',
  phone: 'reporter.phone',
};

/** Builds the report as the contract expects it: optional fields left blank are omitted. */
export function toReportInput(values: FormValues): ReportInput {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const reporter = { name: optional(values.name), email: optional(values.email), phone: optional(values.phone) };
  const hasReporter = Object.values(reporter).some((v) => v !== undefined);
  return {
    kind: values.kind,
    title: values.title,
    body: values.body,
    incidentDate: values.incidentDate,
    location: { text: values.locationText, regionCode: optional(values.regionCode) },
    institutionId: values.institutionId,
    categoryId: optional(values.categoryId),
    anonymous: values.anonymous,
    confidential: values.confidential,
    reporter: hasReporter ? reporter : undefined,
    website: values.website || undefined,
  };
}

export function emptyValues(): FormValues {
  return {
    kind: 'pengaduan',
    title: '',
    body: '',
    incidentDate: '',
    locationText: '',
    regionCode: '',
    institutionId: '',
    categoryId: '',
    anonymous: false,
    confidential: false,
    name: '',
    email: '',
    phone: '',
    website: '',
  };
}
