/** io-ts codecs for the absence records: the command (strict) and the event (stripping), and the request codec. */
import * as t from 'io-ts';
import {
  byType,
  commandCodec,
  eventCodec,
  Instant,
  LocalDate,
  Nip,
  strictObject,
  strippingObject,
  text,
  wholeNumber,
} from '../core';
import { calendarShapes } from '../calendar/codecs';
import type { AbsenceEvent, AbsenceRecorded } from './absence';
import type { AbsenceCommand, RecordAbsence, RecordAbsenceRequest } from './decide';

const reason = text(1000);
const Count = wholeNumber('Count', 0);
const request = { required: { employee: Nip, date: LocalDate, excused: t.boolean }, optional: { reason } };

/** What a client (or an attendance import) sends; the engine adds the tenant calendar. */
export const RecordAbsenceRequestCodec: t.Type<RecordAbsenceRequest, unknown, unknown> = strictObject(
  'RecordAbsenceRequest',
  request.required,
  request.optional,
);

export const RecordAbsenceCodec: t.Type<RecordAbsence, unknown, unknown> = commandCodec(
  'RecordAbsence',
  strictObject('RecordAbsence.data', { ...request.required, calendar: calendarShapes(strictObject).calendar }, request.optional),
);

/** One codec per command type; the mapped type makes a missing command a compile error. */
export const absenceCommandCodecs: { readonly [K in AbsenceCommand['type']]: t.Type<Extract<AbsenceCommand, { type: K }>, unknown, unknown> } = {
  RecordAbsence: RecordAbsenceCodec,
};

export const AbsenceCommandCodec: t.Type<AbsenceCommand, unknown, unknown> = byType('AbsenceCommand', absenceCommandCodecs);

export const AbsenceRecordedCodec: t.Type<AbsenceRecorded, unknown, unknown> = eventCodec(
  'AbsenceRecorded',
  strippingObject(
    'AbsenceRecorded.data',
    {
      employee: Nip,
      year: wholeNumber('Year', 1900, 9999),
      date: LocalDate,
      excused: t.boolean,
      unexcusedDays: Count,
      longestRun: Count,
      longestRunEnd: t.union([LocalDate, t.null]),
      previousLongestRun: Count,
      calendar: text(100),
      recordedBy: Nip,
      at: Instant,
    },
    { reason },
  ),
);

export const AbsenceEventCodec: t.Type<AbsenceEvent, unknown, unknown> = byType('AbsenceEvent', {
  AbsenceRecorded: AbsenceRecordedCodec,
});
