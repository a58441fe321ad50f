import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { latestIndonesianDate } from './dates';
import { toFieldErrors } from './field-errors';
import { reportInputSchema } from './report';
import { checkReport, type ReportDraft } from './report-rules';

/** Strings near every boundary: empty, blank, short, long, padded, and the shapes the patterns look for. */
const someText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 8, maxLength: 40 }),
  fc.string({ minLength: 140, maxLength: 160 }),
  fc.string({ minLength: 4990, maxLength: 5010 }),
  fc.constantFrom('', '   ', '  Judul laporan yang cukup panjang  ', 'x'.repeat(150), ` ${'y'.repeat(150)} `),
);
const date = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-29', '2024-02-29', '2026-13-01', '2026-1-1', '', latestIndonesianDate(), 'kemarin'),
);
const slug = fc.oneof(
  fc.constantFrom('kemenperin', 'smk-smak-makassar', 'Bad Id', '-a', 'a--b', 'x'.repeat(65)),
  fc.string(),
);
const regionCode = fc.oneof(
  fc.constantFrom('73', '73.71', '73.71.01', '73.71.01.1001', '7', '73.7', '73.71.01.10'),
  fc.string(),
);
const email = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom('andi@', '@x.id', 'andi@example', 'a b@c.id', `${'a'.repeat(250)}@x.id`),
  fc.string(),
);
const phone = fc.oneof(
  fc.constantFrom('081234567890', '+62 812-3456-7890', '(0411) 452345', '12345', ' 0812 3456 7890 ', '+'.repeat(3)),
  fc.string({ maxLength: 25 }),
);

const report: fc.Arbitrary<ReportDraft> = fc.record(
  {
    kind: fc.constantFrom('pengaduan', 'aspirasi', 'informasi', 'gugatan', ''),
    title: someText,
    body: someText,
    incidentDate: date,
    location: fc.record({ text: someText, regionCode }, { requiredKeys: ['text'] }),
    institutionId: slug,
    categoryId: slug,
    anonymous: fc.boolean(),
    confidential: fc.boolean(),
    reporter: fc.record({ name: someText, email, phone }, { requiredKeys: [] }),
  },
  { requiredKeys: ['kind', 'title', 'body', 'incidentDate', 'location', 'institutionId'] },
);

describe('checkReport (the widget) and reportInputSchema (the hub)', () => {
  it('find the same fields wrong for the same reasons', () => {
    fc.assert(
      fc.property(report, (draft) => {
        const result = reportInputSchema.safeParse(draft);
        const hub = result.success ? {} : toFieldErrors(result.error.issues);
        const widget = checkReport(draft);
        const codes = (errors: Record<string, { code: string }>) =>
          Object.fromEntries(Object.entries(errors).map(([path, e]) => [path, e.code]));
        assert.deepEqual(codes(widget), codes(hub));
      }),
      { numRuns: 3000 },
    );
  });
});
