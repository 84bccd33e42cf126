/**
 * Absence records (presensi) per employee and year, the BR-15/BR-16 rules as pure functions, and the process
 * manager that turns crossed thresholds into discipline reports.
 */
export {
  absenceStreamId,
  evolve as evolveAbsence,
  initialState as initialAbsenceState,
  type AbsenceEntry,
  type AbsenceEvent,
  type AbsenceRecorded,
  type AbsenceState,
  type EmptyAbsenceYear,
  type RecordingAbsenceYear,
} from './absence';
export {
  absenceDecider,
  decide as decideAbsence,
  type AbsenceCommand,
  type RecordAbsence,
  type RecordAbsenceRequest,
} from './decide';
export * from './errors';
export * from './codecs';
export * from './rules';
export { reactToAbsence, type ReportBreachProposal } from './process';
