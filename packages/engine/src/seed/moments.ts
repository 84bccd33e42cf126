/**
 * Instants measured against recorded deadlines: a moment of office hours before a deadline (work done in time), or
 * after one (work done late). They complement `timeline.ts`, whose moments count from a day; these count from an
 * instant, in the tenant's zone, with the same office days and hours (08:00–15:59 on working days).
 */
import { localDateOf, type LocalDate, type TimeZone } from '@kinerja/domain';
import type { Rng } from './random';
import { instantAt, isOfficeDay, workingDayFrom, workingDaysAfter } from './timeline';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const nextDay = (date: LocalDate): LocalDate => workingDaysAfter(date, 1);

/**
 * An office moment after `from` and before `until` (at least ten minutes from either end), on one of the first
 * working days of the window, the sooner ones likelier. When office hours leave no room (a complaint filed on
 * Saturday night whose deadline is Sunday), a moment in the first half of the window: the handler acts out of hours.
 */
export const officeMomentBetween = (rng: Rng, from: Date, until: Date, zone: TimeZone): Date => {
  const start = from.getTime() + 10 * MINUTE;
  const end = until.getTime() - 10 * MINUTE;
  if (end <= start) return new Date(from.getTime() + Math.max(0, until.getTime() - from.getTime()) / 2);
  const windows: Array<readonly [number, number]> = [];
  const last = localDateOf(new Date(end), zone);
  for (let day = localDateOf(new Date(start), zone); day <= last && windows.length < 10; day = nextDay(day)) {
    if (!isOfficeDay(day)) continue;
    const open = Math.max(start, instantAt(day, 8, 0, zone).getTime());
    const close = Math.min(end, instantAt(day, 16, 0, zone).getTime());
    if (close > open) windows.push([open, close]);
  }
  if (windows.length === 0) return new Date(start + rng.next() * (end - start) * 0.5);
  const [open, close] = windows[Math.floor(rng.next() * rng.next() * windows.length)] as readonly [number, number];
  return new Date(open + Math.floor(rng.next() * (close - open)));
};

/** An office moment on one of the first `spread` + 1 working days from the day after `after`, or later that day. */
export const officeMomentAfter = (rng: Rng, after: Date, spread: number, zone: TimeZone): Date => {
  const today = localDateOf(after, zone);
  const closing = instantAt(today, 15, 0, zone).getTime();
  if (isOfficeDay(today) && after.getTime() < closing && rng.chance(0.5))
    return new Date(after.getTime() + 20 * MINUTE + Math.floor(rng.next() * (closing - after.getTime())));
  const day = workingDaysAfter(workingDayFrom(today), rng.int(1, Math.max(1, spread + 1)));
  return instantAt(day, rng.int(8, 15), rng.int(0, 59), zone);
};

/** `at` plus whole hours. */
export const hoursAfter = (at: Date, hours: number): Date => new Date(at.getTime() + hours * HOUR);
