/**
 * The complaint SLA (BR-23) as data: the national channel's schedule (calendar days), the regional variant
 * (working days), the tenants' tables, and how a period of the SLA becomes a recorded deadline.
 *
 * BR-23 [reg: national complaint channel]: first response ≤ 3 days; information or complaint ≤ 5; dispute without
 * field check ≤ 14; with field check ≤ 60. Regional variant in working days: ringan 2, normatif 5, non-pengawasan
 * 14, pengawasan 60. Surabaya: response ≤ 48 h, else escalation to the mayor. SLA table per tenant.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { deadlineAfter, type CalendarNotCovering, type TenantCalendar } from '../calendar';
import type { TenantId } from '../core';
import type {
  AppliedSla,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSlaTable,
  SlaDeadline,
  SlaPeriod,
  SlaSchedule,
  SlaScheduleName,
} from './complaint';

const days = (amount: number): SlaPeriod => ({ amount, unit: 'calendar-days' });
const workingDays = (amount: number): SlaPeriod => ({ amount, unit: 'working-days' });
const hours = (amount: number): SlaPeriod => ({ amount, unit: 'hours' });

/**
 * The national channel (SP4N-LAPOR) in calendar days [reg]: first response within 3 days; information or complaint
 * resolved within 5; a dispute without field check within 14, with field check within 60. Overdue complaints go to
 * the head of the service unit [policy].
 */
export const NATIONAL_SLA_SCHEDULE: SlaSchedule = {
  firstResponse: days(3),
  classes: [
    { id: 'informasi-atau-pengaduan', name: 'Informasi atau pengaduan', resolution: days(5) },
    { id: 'sengketa-tanpa-pemeriksaan-lapangan', name: 'Sengketa tanpa pemeriksaan lapangan', resolution: days(14) },
    { id: 'sengketa-dengan-pemeriksaan-lapangan', name: 'Sengketa dengan pemeriksaan lapangan', resolution: days(60) },
  ],
  categories: {
    informasi: 'informasi-atau-pengaduan',
    pengaduan: 'informasi-atau-pengaduan',
    sengketa: 'sengketa-tanpa-pemeriksaan-lapangan',
    'sengketa-lapangan': 'sengketa-dengan-pemeriksaan-lapangan',
  },
  escalateTo: 'pimpinan-unit',
};

/**
 * The regional variant in working days [reg]: ringan 2, normatif 5, non-pengawasan 14, pengawasan 60. BR-23 names
 * no regional first-response period: the default is the national 3 days counted in working days like the rest of
 * the schedule [policy]. Overdue complaints go to the head of the service unit [policy].
 */
export const REGIONAL_SLA_SCHEDULE: SlaSchedule = {
  firstResponse: workingDays(3),
  classes: [
    { id: 'ringan', name: 'Ringan', resolution: workingDays(2) },
    { id: 'normatif', name: 'Normatif', resolution: workingDays(5) },
    { id: 'non-pengawasan', name: 'Non-pengawasan', resolution: workingDays(14) },
    { id: 'pengawasan', name: 'Pengawasan', resolution: workingDays(60) },
  ],
  categories: { informasi: 'ringan', pengaduan: 'normatif', sengketa: 'non-pengawasan', 'sengketa-lapangan': 'pengawasan' },
  escalateTo: 'pimpinan-unit',
};

/**
 * The defaults: BR-23's two schedules, and 14 calendar days after a resolution for the citizen to reopen it
 * [policy: BR-23 names no reopen window; 14 days mirrors the other windows of the law].
 */
export const COMPLAINT_SLA_DEFAULTS: ComplaintSlaTable = {
  id: 'complaint-sla.default',
  version: 1,
  national: NATIONAL_SLA_SCHEDULE,
  regional: REGIONAL_SLA_SCHEDULE,
  reopenWithin: days(14),
};

/**
 * Surabaya: a complaint is answered within 2×24 hours, else it is escalated to the mayor (DOMAIN.md §1, BR-23).
 * The city's 48 hours apply to every complaint it receives, the national channel's included (they are stricter
 * than the national 3 days); the resolution classes stay BR-23's.
 */
export const SURABAYA_COMPLAINT_SLA: ComplaintSlaTable = {
  ...COMPLAINT_SLA_DEFAULTS,
  id: 'complaint-sla.surabaya',
  national: { ...NATIONAL_SLA_SCHEDULE, firstResponse: hours(48), escalateTo: 'walikota' },
  regional: { ...REGIONAL_SLA_SCHEDULE, firstResponse: hours(48), escalateTo: 'walikota' },
};

/**
 * The five model tenants' tables. Salatiga, Samarinda, Semarang and Palembang run complaint channels (an app,
 * social media, forums) but the source material names no periods of their own, so they use the defaults (their
 * calendars differ: Samarinda counts in WITA).
 */
export const COMPLAINT_SLA_TABLES: Readonly<Record<string, ComplaintSlaTable>> = {
  surabaya: SURABAYA_COMPLAINT_SLA,
  salatiga: COMPLAINT_SLA_DEFAULTS,
  samarinda: COMPLAINT_SLA_DEFAULTS,
  semarang: COMPLAINT_SLA_DEFAULTS,
  palembang: COMPLAINT_SLA_DEFAULTS,
};

/** The shipped complaint SLA table of `tenant`, or undefined for a tenant this build does not ship. */
export const complaintSlaFor = (tenant: TenantId): ComplaintSlaTable | undefined =>
  Object.hasOwn(COMPLAINT_SLA_TABLES, tenant) ? COMPLAINT_SLA_TABLES[tenant] : undefined;

/** The schedule a channel is measured by: the national channel by the national schedule, every other by the regional. */
export const complaintScheduleOf = (channel: ComplaintChannel): SlaScheduleName => (channel === 'national' ? 'national' : 'regional');

/** The category's class is not in the table's schedule (a table supplied as data that contradicts itself). */
export type SlaClassMissing = Readonly<{
  _tag: 'SlaClassMissing';
  table: string;
  schedule: SlaScheduleName;
  category: ComplaintCategory;
  slaClass: string;
}>;

/** The SLA a complaint of `category` filed through `channel` gets under `table`. */
export const appliedSlaOf = (
  table: ComplaintSlaTable,
  channel: ComplaintChannel,
  category: ComplaintCategory,
): Either<SlaClassMissing, AppliedSla> => {
  const schedule = complaintScheduleOf(channel);
  const rules = table[schedule];
  const slaClass = rules.categories[category];
  const found = rules.classes.find((c) => c.id === slaClass);
  if (found === undefined) return left({ _tag: 'SlaClassMissing', table: table.id, schedule, category, slaClass });
  return right({
    table: table.id,
    version: table.version,
    schedule,
    slaClass,
    firstResponse: { ...rules.firstResponse },
    resolution: { ...found.resolution },
    reopenWithin: { ...table.reopenWithin },
    escalateTo: rules.escalateTo,
  });
};

const HOUR_MS = 3_600_000;

/**
 * The end of `period` counted from `from` in the tenant's calendar: hours end exactly `amount` hours later; calendar
 * and working days at 23:59:59.999 local time of the last day, counted from the day after (the calendar's
 * `deadlineAfter`). A deadline is met by anything up to and including its end (`isPast`).
 */
export const slaDeadline = (
  from: Date,
  period: SlaPeriod,
  calendar: TenantCalendar,
): Either<CalendarNotCovering, SlaDeadline> => {
  if (period.unit === 'hours')
    return right({ endsAt: new Date(from.getTime() + period.amount * HOUR_MS), hours: period.amount, kind: 'hours', timeZone: calendar.timeZone });
  const deadline = deadlineAfter(from, { days: period.amount, kind: period.unit === 'working-days' ? 'working' : 'calendar' }, calendar);
  return isLeft(deadline) ? deadline : right(deadline.right);
};

/** `48 hours`, `3 calendar days`, `14 working days`. */
export const describeSlaPeriod = (period: SlaPeriod): string =>
  `${period.amount} ${period.unit === 'hours' ? 'hour' : period.unit === 'working-days' ? 'working day' : 'calendar day'}${period.amount === 1 ? '' : 's'}`;
