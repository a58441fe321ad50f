import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import AllCountries from 'date-holidays';
import { PICKED_RULES, PUBLIC_HOLIDAYS, pickIndonesia, publicHolidays } from '../../../scripts/pick-holidays';
import { createCalendar, loadDecrees, localDate } from './calendar';

const calendar = createCalendar(loadDecrees());

/** Each case checked by hand against the 2026 decree (SKB No. 1497/2025, 2/2025, 5/2025) and a wall calendar. */
describe('working days', () => {
  it('skip weekends', async () => {
    // Friday 20 Nov 2026 + 3: Mon 23, Tue 24, Wed 25.
    assert.equal(calendar.addWorkingDays('2026-11-20', 3), '2026-11-25');
    assert.equal(calendar.isWorkingDay('2026-11-21'), false);
  });

  it('skip Nyepi, Idul Fitri and its joint leave', async () => {
    // Tue 17 Mar + 3: 18 cuti Nyepi, 19 Nyepi, 20 cuti, 21–22 Idul Fitri (weekend), 23–24 cuti; Wed 25, Thu 26, Fri 27.
    assert.equal(calendar.addWorkingDays('2026-03-17', 3), '2026-03-27');
    assert.equal(calendar.dayOff('2026-03-23'), 'Cuti bersama Idul Fitri');
  });

  it('skip Ascension Day and its joint leave', async () => {
    // Wed 13 May + 3: 14 Kenaikan, 15 cuti, 16–17 weekend; Mon 18, Tue 19, Wed 20.
    assert.equal(calendar.addWorkingDays('2026-05-13', 3), '2026-05-20');
  });

  it('skip Independence Day and Maulid over ten days', async () => {
    // Mon 10 Aug + 10: 11, 12, 13, 14, (15–16), 17 HUT RI, 18, 19, 20, 21, (22–23), 24, 25 Maulid, 26.
    assert.equal(calendar.addWorkingDays('2026-08-10', 10), '2026-08-26');
  });

  it('cross the year end into a year without a decree', async () => {
    // Wed 23 Dec + 5: 24 cuti Natal, 25 Natal, (26–27); 28, 29, 30, 31, 1 Jan 2027 New Year, (2–3); Mon 4 Jan.
    assert.equal(calendar.addWorkingDays('2026-12-23', 5), '2027-01-04');
  });

  it('know the years without a decree by date-holidays’ rules for Indonesia, as the whole package does', () => {
    const shipped = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
    const hint = 'run scripts/pick-holidays.ts after upgrading date-holidays';
    assert.deepEqual(shipped(PICKED_RULES), pickIndonesia(), hint);
    assert.deepEqual(shipped(PUBLIC_HOLIDAYS), publicHolidays(), hint);
    const whole = new AllCountries('ID');
    // 2027 and 2035 from the computed table, 2075 beyond it by the rules themselves.
    for (const year of [2027, 2035, 2075]) {
      const expected = whole
        .getHolidays(year, 'id')
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10));
      assert.ok(expected.length >= 10, `${year}: ${expected.length} holidays`);
      const daysOff: string[] = [];
      for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
        const date = d.toISOString().slice(0, 10);
        if (calendar.dayOff(date)) daysOff.push(date);
      }
      assert.deepEqual(daysOff, [...new Set(expected)].sort(), String(year));
    }
  });

  it('count working days between two dates, either way', async () => {
    assert.equal(calendar.workingDaysBetween('2026-11-20', '2026-11-25'), 3);
    assert.equal(calendar.workingDaysBetween('2026-11-25', '2026-11-20'), -3);
    assert.equal(calendar.workingDaysBetween('2026-03-17', '2026-03-27'), 3);
    assert.equal(calendar.workingDaysBetween('2026-11-23', '2026-11-23'), 0);
  });

  it('have 17 holidays and 8 joint-leave days in 2026, as the decree says', async () => {
    const decree = loadDecrees()['2026'];
    assert.equal(decree?.holidays.length, 17);
    assert.equal(decree?.jointLeave.length, 8);
  });

  it('let the operator’s file replace a year when a decree changes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lapor-holidays-'));
    try {
      const file = join(dir, 'holidays.json');
      writeFileSync(
        file,
        JSON.stringify({
          '2026': {
            decree: 'Perubahan SKB',
            holidays: [{ date: '2026-11-23', name: 'Libur tambahan' }],
            jointLeave: [],
          },
        }),
      );
      const changed = createCalendar(loadDecrees(file));
      assert.equal(changed.isWorkingDay('2026-11-23'), false);
      assert.equal(changed.isWorkingDay('2026-03-19'), true, 'the replaced year keeps only what the new file lists');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('take the date in the institution’s time zone', async () => {
    const lateThursday = new Date('2026-11-19T16:30:00Z'); // 23:30 WIB Thursday, 00:30 WITA Friday
    assert.equal(localDate(lateThursday, 'Asia/Jakarta'), '2026-11-19');
    assert.equal(localDate(lateThursday, 'Asia/Makassar'), '2026-11-20');
    assert.equal(localDate(lateThursday, 'Asia/Jayapura'), '2026-11-20');
  });

  it('turn the date at midnight to the millisecond, asked in any order', () => {
    const at = (iso: string) => localDate(new Date(iso), 'Asia/Jakarta');
    assert.equal(at('2026-11-19T16:59:00.000Z'), '2026-11-19');
    assert.equal(at('2026-11-19T16:59:59.999Z'), '2026-11-19', 'one millisecond before midnight in WIB');
    assert.equal(at('2026-11-19T17:00:00.000Z'), '2026-11-20', 'midnight');
    assert.equal(at('2026-11-19T16:59:30.000Z'), '2026-11-19', 'back before it');
    assert.equal(at('2026-11-19T17:00:00.000Z'), '2026-11-20');
    assert.equal(at('2027-11-19T17:00:30.000Z'), '2027-11-20', 'the same minute of another year');
  });
});
