import { type FieldError, reportInputSchema, toFieldErrors, type ValidReport } from '../../../contract';
import { Open311Refusal } from './requests';

/**
 * A service request posted by an Open311 client, as the report the form
 * would file: the same contract, so the same rules. Open311's own fields
 * carry what they can (the description, the place, the reporter's contact,
 * the jurisdiction as the institution, the service as the category); the
 * rest comes as the service definition's attributes (services.ts).
 */
export function reportOf(form: Record<string, string>): ValidReport {
  if (form.media_url) {
    throw new Open311Refusal(400, 'media_url: media are not fetched from other addresses; file them through the form');
  }
  if (!form.jurisdiction_id) throw new Open311Refusal(400, 'jurisdiction_id: the institution is required');
  if (!form.lat && !form.long && !form.address_string && !form.address_id) {
    throw new Open311Refusal(400, 'address_string, address_id or lat and long: where it happened is required');
  }
  const attribute = (code: string) => form[`attribute[${code}]`];
  const name = [form.first_name, form.last_name].filter(Boolean).join(' ').trim();
  const where =
    form.address_string || (form.lat && form.long ? `${form.lat}, ${form.long}` : `Wilayah ${form.address_id}`);
  const input = {
    kind: attribute('kind'),
    title: attribute('title'),
    body: form.description,
    // A datetime's date, as Open311 writes datetimes.
    incidentDate: attribute('incident_date')?.slice(0, 10),
    location: { text: where, ...(form.address_id && { regionCode: form.address_id }) },
    institutionId: form.jurisdiction_id,
    ...(form.service_code && { categoryId: form.service_code }),
    anonymous: attribute('anonymous') === 'true',
    confidential: attribute('confidential') === 'true',
    locale: 'id',
    ...((name || form.email || form.phone) && {
      reporter: {
        ...(name && { name }),
        ...(form.email && { email: form.email }),
        ...(form.phone && { phone: form.phone }),
      },
    }),
  };
  const parsed = reportInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Open311Invalid(toFieldErrors(parsed.error.issues));
}

/** Our fields by the names an Open311 client posted them under. */
const OPEN311_NAMES: Record<string, string> = {
  kind: 'attribute[kind]',
  title: 'attribute[title]',
  body: 'description',
  incidentDate: 'attribute[incident_date]',
  'location.text': 'address_string',
  'location.regionCode': 'address_id',
  institutionId: 'jurisdiction_id',
  categoryId: 'service_code',
  anonymous: 'attribute[anonymous]',
  confidential: 'attribute[confidential]',
  'reporter.name': 'first_name',
  'reporter.email': 'email',
  'reporter.phone': 'phone',
};

/** A report refused field by field: an Open311 error for each, named as the client posted it. */
export class Open311Invalid extends Error {
  readonly errors: { code: 400; description: string }[];
  constructor(fields: Record<string, FieldError>) {
    super('The service request has invalid fields');
    this.errors = Object.entries(fields).map(([field, error]) => ({
      code: 400,
      description: `${OPEN311_NAMES[field] ?? field}: ${error.message}`,
    }));
  }
}
