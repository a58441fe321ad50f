import { type Category, TITLE_MAX_LENGTH, TITLE_MIN_LENGTH } from '../../../contract';
import type { Open311Attribute, Open311Service, Open311ServiceDefinition } from './documents';

/**
 * Our categories as Open311 services. A jurisdiction is an institution, and
 * every institution takes reports of every category, so each jurisdiction
 * offers the same services. A report needs more than Open311's own fields
 * (a description, a place, the reporter's contact), so each service has a
 * definition whose attributes are the rest of the form: the kind of report,
 * its title, the incident's date, and whether it is anonymous or
 * confidential, as SP4N-LAPOR!'s form asks.
 */
export function servicesOf(categories: Category[]): Open311Service[] {
  return categories.map((category) => ({
    service_code: category.id,
    service_name: category.name,
    description: `Pengaduan, aspirasi atau permintaan informasi tentang ${category.name}, diteruskan ke SP4N-LAPOR!`,
    metadata: true,
    type: 'realtime',
    keywords: '',
    group: '',
  }));
}

const yesNo = [
  { key: 'false', name: 'Tidak' },
  { key: 'true', name: 'Ya' },
];

/** The form's fields beyond Open311's own, in its order. */
export const REPORT_ATTRIBUTES: Open311Attribute[] = [
  {
    variable: true,
    code: 'kind',
    datatype: 'singlevaluelist',
    required: true,
    datatype_description: '',
    order: 1,
    description: 'Jenis laporan',
    values: [
      { key: 'pengaduan', name: 'Pengaduan' },
      { key: 'aspirasi', name: 'Aspirasi' },
      { key: 'informasi', name: 'Permintaan informasi' },
    ],
  },
  {
    variable: true,
    code: 'title',
    datatype: 'string',
    required: true,
    datatype_description: `Judul laporan, ${TITLE_MIN_LENGTH}–${TITLE_MAX_LENGTH} karakter`,
    order: 2,
    description: 'Judul laporan',
  },
  {
    variable: true,
    code: 'incident_date',
    datatype: 'datetime',
    required: true,
    datatype_description: 'Tanggal kejadian, YYYY-MM-DD',
    order: 3,
    description: 'Tanggal kejadian',
  },
  {
    variable: true,
    code: 'anonymous',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '',
    order: 4,
    description: 'Anonim: identitas pelapor dirahasiakan dari terlapor dan publik',
    values: yesNo,
  },
  {
    variable: true,
    code: 'confidential',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '',
    order: 5,
    description: 'Rahasia: isi laporan tidak dapat dilihat publik',
    values: yesNo,
  },
];

export function serviceDefinition(category: Category): Open311ServiceDefinition {
  return { service_code: category.id, attributes: REPORT_ATTRIBUTES };
}
