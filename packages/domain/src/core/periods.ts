/** Arithmetic on performance periods (`PeriodId`). */
import type { PeriodId } from './ids';

/** Months a period covers (BR-24 pro rata): a year 12, a semester 6, a quarter 3, a month 1; a plan period (P) 12. */
export const monthsOfPeriod = (period: PeriodId): number => {
  if (/^\d{4}-S/.test(period)) return 6;
  if (/^\d{4}-Q/.test(period)) return 3;
  if (/^\d{4}-M/.test(period)) return 1;
  return 12;
};
