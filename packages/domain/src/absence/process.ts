/**
 * The absence process manager (BR-15, BR-16): from a recorded absence to the discipline case it calls for. Pure;
 * the host runs it for each committed `AbsenceRecorded` with the absence stream's state after that event and the
 * system actor, and sends the commands as any `ReportBreach` request: the engine adds the roster facts and the
 * tenant's discipline policy.
 *
 * - BR-15: when the unexcused days of the year reach the first day of a band (3, 4, 7, 11, 14, 17, 21, 25, 28), a
 *   report proposing that band's sanction. Records only add days, one at a time, so each threshold is reached once.
 * - BR-16: when the longest run of consecutive unexcused working days reaches 10 for the first time, a report
 *   proposing dismissal, with the first day of the next month as the day the salary stops.
 *
 * Case ids are deterministic (`<nip>.<yyyy>-absensi-<n>`, `<nip>.<yyyy>-absensi-berturut`): running the process
 * manager twice for one event opens one case, the second report being refused as `CaseAlreadyReported`.
 */
import type { Command, CommandMetadata } from '../core';
import type { ReportBreachRequest } from '../discipline/decide';
import { disciplineCaseIdOf } from '../discipline/ids';
import type { AbsenceEvent, AbsenceState } from './absence';
import {
  BR_15_THRESHOLDS,
  BR_16_CONSECUTIVE_DAYS,
  BR_16_SANCTION,
  cumulativeSanction,
  salaryStopsFrom,
} from './rules';

/** A `ReportBreach` as a client would send it: the engine fills in `facts` and `policy` before deciding. */
export type ReportBreachProposal = Command<'ReportBreach', ReportBreachRequest>;

export const reactToAbsence = (
  event: AbsenceEvent,
  state: AbsenceState,
  metadata: CommandMetadata,
): ReadonlyArray<ReportBreachProposal> => {
  if (event.type !== 'AbsenceRecorded' || event.data.excused || state.status !== 'recording') return [];
  const { employee, year, unexcusedDays, longestRun, longestRunEnd, previousLongestRun } = event.data;
  const dates = state.unexcused;
  const commands: ReportBreachProposal[] = [];

  const cumulative = cumulativeSanction(unexcusedDays);
  if (BR_15_THRESHOLDS.includes(unexcusedDays) && cumulative !== undefined)
    commands.push({
      type: 'ReportBreach',
      data: {
        caseId: disciplineCaseIdOf(employee, year, `absensi-${unexcusedDays}`),
        employee,
        allegation: `Unexcused absence (tidak masuk kerja tanpa alasan yang sah) on ${unexcusedDays} working days of ${year} (BR-15)`,
        source: {
          kind: 'absence',
          rule: 'BR-15',
          year,
          unexcusedDays,
          consecutiveWorkingDays: longestRun,
          dates,
          proposed: cumulative,
        },
      },
      metadata,
    });

  if (previousLongestRun < BR_16_CONSECUTIVE_DAYS && longestRun >= BR_16_CONSECUTIVE_DAYS && longestRunEnd !== null)
    commands.push({
      type: 'ReportBreach',
      data: {
        caseId: disciplineCaseIdOf(employee, year, 'absensi-berturut'),
        employee,
        allegation: `Unexcused absence on ${longestRun} consecutive working days up to ${longestRunEnd} (BR-16)`,
        source: {
          kind: 'absence',
          rule: 'BR-16',
          year,
          unexcusedDays,
          consecutiveWorkingDays: longestRun,
          dates,
          proposed: BR_16_SANCTION,
          salaryStopsFrom: salaryStopsFrom(longestRunEnd),
        },
      },
      metadata,
    });

  return commands;
};
