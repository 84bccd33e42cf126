import * as fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import { INDONESIA_2025_2027 } from '../calendar';
import { deepEqual, specFor } from '../testing';
import { AbsenceEventCodec, AbsenceCommandCodec } from './codecs';
import { absenceDecider } from './decide';
import { describeAbsenceError } from './errors';
import { absenceStreamId } from './absence';
import { d, EMPLOYEE, OPERATOR, recordAbsence, recordAll, stateOfAbsences, SYSTEM, system, workingDays } from './absence.testkit';
import type { TenantId } from '../core';

const given = specFor(absenceDecider);
const now = new Date('2025-12-31T12:00:00+07:00');

describe('absence records: RecordAbsence', () => {
  it('records an unexcused working day with the year’s count and longest run', () => {
    given([])
      .when(recordAbsence(d('2025-01-02')))
      .then([
        {
          type: 'AbsenceRecorded',
          data: {
            employee: EMPLOYEE,
            year: 2025,
            date: d('2025-01-02'),
            excused: false,
            unexcusedDays: 1,
            longestRun: 1,
            longestRunEnd: d('2025-01-02'),
            previousLongestRun: 0,
            calendar: INDONESIA_2025_2027.id,
            recordedBy: SYSTEM,
            at: now,
          },
        },
      ]);
  });

  it('an excused day counts for nothing, and breaks a run', () => {
    const history = recordAll([recordAbsence(d('2025-01-02')), recordAbsence(d('2025-01-03'), true)]);
    given(history)
      .when({ ...recordAbsence(d('2025-01-06')), data: { ...recordAbsence(d('2025-01-06')).data, reason: 'Tanpa keterangan' } })
      .then([
        {
          type: 'AbsenceRecorded',
          data: {
            employee: EMPLOYEE,
            year: 2025,
            date: d('2025-01-06'),
            excused: false,
            reason: 'Tanpa keterangan',
            unexcusedDays: 2,
            longestRun: 1,
            longestRunEnd: d('2025-01-02'),
            previousLongestRun: 1,
            calendar: INDONESIA_2025_2027.id,
            recordedBy: SYSTEM,
            at: now,
          },
        },
      ]);
  });

  it('refuses a date recorded before, naming how it was recorded', () => {
    given(recordAll([recordAbsence(d('2025-01-02'), true)]))
      .when(recordAbsence(d('2025-01-02')))
      .thenFails('AbsenceAlreadyRecorded', { date: d('2025-01-02'), excused: true });
  });

  it('refuses weekends, holidays, cuti bersama, days after today, and days the calendar does not cover', () => {
    given([]).when(recordAbsence(d('2025-01-04'))).thenFails('NotAWorkingDay');
    given([]).when(recordAbsence(d('2025-01-01'))).thenFails('NotAWorkingDay');
    given([]).when(recordAbsence(d('2025-04-02'))).thenFails('NotAWorkingDay');
    given([])
      .when(recordAbsence(d('2025-06-02'), false, system(new Date('2025-06-01T23:00:00+07:00'))))
      .thenFails('AbsenceInFuture', { today: d('2025-06-01') });
    given([])
      .when(recordAbsence(d('2024-12-31'), false, system(new Date('2025-01-02T08:00:00+07:00'))))
      .thenFails('CalendarNotCovering');
  });

  it('refuses another employee or year on this stream, and anyone but an operator or the system', () => {
    const history = recordAll([recordAbsence(d('2025-01-02'))]);
    given(history)
      .when(recordAbsence(d('2026-01-05'), false, system(new Date('2026-02-01T08:00:00+07:00'))))
      .thenFails('WrongAbsenceYear', { year: 2025 });
    given([])
      .when(recordAbsence(d('2025-01-02'), false, { now, actor: { nip: EMPLOYEE, role: 'pegawai' } }))
      .thenFails('NotSystemOrOperator');
    given([])
      .when(recordAbsence(d('2025-01-02'), false, { now, actor: { nip: OPERATOR, role: 'operator' } }))
      .then([
        {
          type: 'AbsenceRecorded',
          data: {
            employee: EMPLOYEE,
            year: 2025,
            date: d('2025-01-02'),
            excused: false,
            unexcusedDays: 1,
            longestRun: 1,
            longestRunEnd: d('2025-01-02'),
            previousLongestRun: 0,
            calendar: INDONESIA_2025_2027.id,
            recordedBy: OPERATOR,
            at: now,
          },
        },
      ]);
  });

  it('absences recorded out of order join a run: the state keeps the dates sorted', () => {
    const [a, b, c] = workingDays(3, 1);
    const events = recordAll([recordAbsence(c!), recordAbsence(a!), recordAbsence(b!)]);
    const last = events[events.length - 1];
    expect(last?.data).toMatchObject({ unexcusedDays: 3, longestRun: 3, longestRunEnd: c, previousLongestRun: 1 });
    const state = stateOfAbsences(events);
    expect(state.status === 'recording' && state.unexcused).toEqual([a, b, c]);
  });

  it('one stream per employee and year', () => {
    expect(absenceStreamId('surabaya' as TenantId, EMPLOYEE, 2025)).toBe(`absensi-surabaya.${EMPLOYEE}.2025`);
  });

  it('every refusal has a sentence', () => {
    expect(describeAbsenceError({ _tag: 'NotAWorkingDay', date: d('2025-01-04') })).toBe('2025-01-04 is not a working day');
  });
});

describe('absence codecs', () => {
  it('round-trip every command and event of a year of random absences', () => {
    const days = workingDays(200, 1);
    fc.assert(
      fc.property(fc.subarray([...days], { maxLength: 40 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (dates, excused) => {
        const commands = dates.map((date, i) => recordAbsence(date, excused[i] ?? false));
        const events = recordAll(commands);
        for (const command of commands) {
          const back = AbsenceCommandCodec.decode(JSON.parse(JSON.stringify(AbsenceCommandCodec.encode(command))));
          expect(isRight(back) && deepEqual(back.right, command)).toBe(true);
        }
        for (const event of events) {
          const back = AbsenceEventCodec.decode(JSON.parse(JSON.stringify(AbsenceEventCodec.encode(event))));
          expect(isRight(back) && deepEqual(back.right, event)).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});
