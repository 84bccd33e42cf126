/**
 * Holiday calendars: the days that are not working days besides weekends (DOMAIN.md §3, "Days"): national
 * holidays (hari libur nasional) and cuti bersama, as data. A tenant may replace the shipped calendar with its
 * own (e.g. when the government moves a day), and the calendar in force is recorded with each deadline.
 *
 * `INDONESIA_2025_2027` is example data from the joint ministerial decrees (SKB 3 Menteri) on national holidays
 * and cuti bersama for 2025 and 2026. The 2027 days are provisional (estimated from the lunar calendars the
 * decree will follow) until the 2027 decree is entered; the calendar's `note` says so.
 */
import type { LocalDate } from '../core';

export const HOLIDAY_KINDS = ['libur-nasional', 'cuti-bersama'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export type Holiday = Readonly<{ date: LocalDate; name: string; kind: HolidayKind }>;

export type HolidayCalendar = Readonly<{
  /** Names the calendar and its edition, e.g. `id-2025-2027.v1`: recorded with every deadline computed from it. */
  id: string;
  note: string;
  /** The years it covers; working days outside them cannot be counted (the caller gets an error, not a guess). */
  fromYear: number;
  toYear: number;
  holidays: ReadonlyArray<Holiday>;
}>;

const day = (date: string, name: string, kind: HolidayKind = 'libur-nasional'): Holiday => ({
  date: date as LocalDate,
  name,
  kind,
});
const cuti = (date: string, name: string): Holiday => day(date, name, 'cuti-bersama');

export const INDONESIA_2025_2027: HolidayCalendar = {
  id: 'id-2025-2027.v1',
  note:
    'National holidays and cuti bersama per SKB 3 Menteri for 2025 and 2026; 2027 is provisional until its decree is ' +
    'entered. Replace per tenant when the government changes a day.',
  fromYear: 2025,
  toYear: 2027,
  holidays: [
    // 2025
    day('2025-01-01', 'Tahun Baru Masehi'),
    day('2025-01-27', "Isra Mi'raj Nabi Muhammad SAW"),
    cuti('2025-01-28', 'Cuti bersama Tahun Baru Imlek'),
    day('2025-01-29', 'Tahun Baru Imlek 2576'),
    cuti('2025-03-28', 'Cuti bersama Hari Suci Nyepi'),
    day('2025-03-29', 'Hari Suci Nyepi, Tahun Baru Saka 1947'),
    day('2025-03-31', 'Idul Fitri 1446 H'),
    day('2025-04-01', 'Idul Fitri 1446 H'),
    cuti('2025-04-02', 'Cuti bersama Idul Fitri'),
    cuti('2025-04-03', 'Cuti bersama Idul Fitri'),
    cuti('2025-04-04', 'Cuti bersama Idul Fitri'),
    cuti('2025-04-07', 'Cuti bersama Idul Fitri'),
    day('2025-04-18', 'Wafat Yesus Kristus'),
    day('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'),
    day('2025-05-01', 'Hari Buruh Internasional'),
    day('2025-05-12', 'Hari Raya Waisak 2569 BE'),
    cuti('2025-05-13', 'Cuti bersama Waisak'),
    day('2025-05-29', 'Kenaikan Yesus Kristus'),
    cuti('2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus'),
    day('2025-06-01', 'Hari Lahir Pancasila'),
    day('2025-06-06', 'Idul Adha 1446 H'),
    cuti('2025-06-09', 'Cuti bersama Idul Adha'),
    day('2025-06-27', 'Tahun Baru Islam 1447 H'),
    day('2025-08-17', 'Hari Kemerdekaan Republik Indonesia'),
    cuti('2025-08-18', 'Cuti bersama Hari Kemerdekaan'),
    day('2025-09-05', 'Maulid Nabi Muhammad SAW'),
    day('2025-12-25', 'Hari Raya Natal'),
    cuti('2025-12-26', 'Cuti bersama Hari Raya Natal'),
    // 2026
    day('2026-01-01', 'Tahun Baru Masehi'),
    day('2026-01-16', "Isra Mi'raj Nabi Muhammad SAW"),
    cuti('2026-02-16', 'Cuti bersama Tahun Baru Imlek'),
    day('2026-02-17', 'Tahun Baru Imlek 2577'),
    cuti('2026-03-18', 'Cuti bersama Hari Suci Nyepi'),
    day('2026-03-19', 'Hari Suci Nyepi, Tahun Baru Saka 1948'),
    day('2026-03-20', 'Idul Fitri 1447 H'),
    day('2026-03-21', 'Idul Fitri 1447 H'),
    cuti('2026-03-23', 'Cuti bersama Idul Fitri'),
    cuti('2026-03-24', 'Cuti bersama Idul Fitri'),
    day('2026-04-03', 'Wafat Yesus Kristus'),
    day('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
    day('2026-05-01', 'Hari Buruh Internasional'),
    day('2026-05-14', 'Kenaikan Yesus Kristus'),
    cuti('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'),
    day('2026-05-27', 'Idul Adha 1447 H'),
    cuti('2026-05-28', 'Cuti bersama Idul Adha'),
    day('2026-05-31', 'Hari Raya Waisak 2570 BE'),
    day('2026-06-01', 'Hari Lahir Pancasila'),
    day('2026-06-16', 'Tahun Baru Islam 1448 H'),
    day('2026-08-17', 'Hari Kemerdekaan Republik Indonesia'),
    day('2026-08-25', 'Maulid Nabi Muhammad SAW'),
    cuti('2026-12-24', 'Cuti bersama Hari Raya Natal'),
    day('2026-12-25', 'Hari Raya Natal'),
    // 2027 (provisional)
    day('2027-01-01', 'Tahun Baru Masehi'),
    day('2027-01-05', "Isra Mi'raj Nabi Muhammad SAW"),
    day('2027-02-06', 'Tahun Baru Imlek 2578'),
    day('2027-03-08', 'Hari Suci Nyepi, Tahun Baru Saka 1949'),
    day('2027-03-10', 'Idul Fitri 1448 H'),
    day('2027-03-11', 'Idul Fitri 1448 H'),
    cuti('2027-03-12', 'Cuti bersama Idul Fitri'),
    cuti('2027-03-15', 'Cuti bersama Idul Fitri'),
    day('2027-03-26', 'Wafat Yesus Kristus'),
    day('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'),
    day('2027-05-01', 'Hari Buruh Internasional'),
    day('2027-05-06', 'Kenaikan Yesus Kristus'),
    day('2027-05-17', 'Idul Adha 1448 H'),
    day('2027-05-20', 'Hari Raya Waisak 2571 BE'),
    day('2027-06-01', 'Hari Lahir Pancasila'),
    day('2027-06-06', 'Tahun Baru Islam 1449 H'),
    day('2027-08-15', 'Maulid Nabi Muhammad SAW'),
    day('2027-08-17', 'Hari Kemerdekaan Republik Indonesia'),
    day('2027-12-25', 'Hari Raya Natal'),
  ],
};
