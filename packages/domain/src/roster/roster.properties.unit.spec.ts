import * as fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { decodeWith, fold, replay, type LocalDate, type PositionId, type UnitId } from '../core';
import { RosterCommandCodec, RosterEventCodec } from './codecs';
import { rosterDecider } from './decide';
import { assignmentOn, findEmployee, findPosition, holdersOf, parentUnitOf, superiorPositionOf } from './queries';
import { isStructural, type RosterEvent, type RosterState } from './roster';
import {
  ALL_POSITIONS,
  ALL_UNITS,
  commandArbs,
  day,
  eventArbs,
  LAW_DATES,
  reorganisationArb,
  STAFF,
  STRUCTURAL_POSITIONS,
  structure,
  workArb,
} from './roster.testkit';

/** Through JSON, as on the wire and in the store. */
const roundTrip = <A>(codec: t.Type<A, unknown, unknown>, value: A) => {
  const decoded = codec.decode(JSON.parse(JSON.stringify(codec.encode(value))));
  return isRight(decoded) ? decoded.right : decoded.left;
};

/** Runs `commands` against `start`, keeping the events of the accepted ones. */
const run = (
  start: ReadonlyArray<RosterEvent>,
  commands: ReadonlyArray<Parameters<typeof rosterDecider.decide>[0]>,
) => {
  let state = replay(rosterDecider, start);
  const events: RosterEvent[] = [...start];
  for (const command of commands) {
    const decision = rosterDecider.decide(command, state);
    if (isRight(decision)) {
      events.push(...decision.right);
      state = fold(rosterDecider.evolve, state, decision.right);
    }
  }
  return { state, events };
};

/** Every date on which something may change, and one before them all: enough to see every state the history had. */
const DATES: ReadonlyArray<LocalDate> = [day('2023-12-31'), ...LAW_DATES];

/** Whether following `next` from `start` ever comes back to a node it already passed. */
const loops = <K>(start: K, next: (k: K) => K | undefined): boolean => {
  const seen = new Set<K>();
  for (let current: K | undefined = start; current !== undefined; current = next(current)) {
    if (seen.has(current)) return true;
    seen.add(current);
  }
  return false;
};

describe('roster properties', () => {
  describe('codecs round-trip', () => {
    it.each(Object.keys(commandArbs) as Array<keyof typeof commandArbs>)('every %s command', (type) => {
      fc.assert(
        fc.property(commandArbs[type], (command) => expect(roundTrip(RosterCommandCodec, command)).toEqual(command)),
      );
    });

    it.each(Object.keys(eventArbs) as Array<keyof typeof eventArbs>)('every %s event', (type) => {
      fc.assert(fc.property(eventArbs[type], (event) => expect(roundTrip(RosterEventCodec, event)).toEqual(event)));
    });
  });

  describe('codecs at the edge', () => {
    const wire = {
      type: 'CreatePosition',
      data: { position: 'dinkes-kadis', unit: 'dinkes', title: 'Kepala Dinas', level: 'jpt-pratama', head: true },
      metadata: { now: '2025-01-15T08:00:00+07:00', actor: { nip: '198001012005011001', role: 'operator' } },
    };

    it('decodes a command from the wire', () => {
      expect(decodeWith(RosterCommandCodec)(wire)._tag).toBe('Right');
    });

    it('refuses unknown fields and bad values, naming each field', () => {
      const bad = { ...wire, data: { ...wire.data, level: 'eselon-2', eselon: 'II.b', head: 'yes' } };
      expect(decodeWith(RosterCommandCodec)(bad)).toEqual({
        _tag: 'Left',
        left: [
          { path: 'data.eselon', message: 'unknown field "eselon"' },
          {
            path: 'data.level',
            message: 'expected one of jpt-madya, jpt-pratama, administrator, pengawas, pelaksana, jf, got "eselon-2"',
          },
          { path: 'data.head', message: 'expected boolean, got "yes"' },
        ],
      });
    });

    it('names the command types that exist when given another', () => {
      const result = decodeWith(RosterCommandCodec)({ ...wire, type: 'AbolishPosition' });
      expect(result._tag === 'Left' && result.left[0]?.message).toContain(
        'expected one of RegisterUnit, ChangeParentUnit',
      );
    });
  });

  describe('over any sequence of accepted work', () => {
    const work = fc.array(workArb, { maxLength: 60 });

    it('replays deterministically: folding the same events twice gives equal states, equal to the one built while deciding', () => {
      fc.assert(
        fc.property(work, (commands) => {
          const { state, events } = run(structure, commands);
          const once: RosterState = replay(rosterDecider, events);
          const twice: RosterState = replay(rosterDecider, events);
          expect(twice).toEqual(once);
          expect(once).toEqual(state);
        }),
      );
    });

    // Each law lists its violations (one expect per run keeps the runs fast, and a failure says what broke).

    it('a structural position never has two holders on any date', () => {
      fc.assert(
        fc.property(work, (commands) => {
          const { state } = run(structure, commands);
          const violations = STRUCTURAL_POSITIONS.flatMap((position) =>
            DATES.filter((date) => holdersOf(state, position, date).length > 1).map((date) => `${position} on ${date}`),
          );
          expect(violations).toEqual([]);
        }),
      );
    });

    it('an employee holds at most one position on any date, and assignments never overlap', () => {
      fc.assert(
        fc.property(work, (commands) => {
          const { state } = run(structure, commands);
          const violations: string[] = [];
          for (const nip of STAFF) {
            const employee = findEmployee(state, nip);
            if (employee === undefined) continue;
            for (const date of DATES) {
              const covering = employee.assignments.filter(
                (a) => a.from <= date && (a.until === undefined || date < a.until),
              );
              if (covering.length > 1 || assignmentOn(employee, date) !== covering[0])
                violations.push(`${nip} on ${date}`);
            }
            employee.assignments.forEach((a, i) => {
              const next = employee.assignments[i + 1];
              if (a.until !== undefined && a.from >= a.until)
                violations.push(`${nip}: empty assignment from ${a.from}`);
              if (next !== undefined && (a.until === undefined || a.until > next.from))
                violations.push(`${nip}: overlap at ${next.from}`);
            });
          }
          expect(violations).toEqual([]);
        }),
      );
    });

    it('reporting lines and parent units never form a cycle, and superiors are structural, on any date', () => {
      // Reorganisations only, and more runs: a cycle needs two changes that point at each other.
      const reorganisations = fc.array(reorganisationArb, { maxLength: 40 });
      fc.assert(
        fc.property(reorganisations, (commands) => {
          const { state } = run(structure, commands);
          const violations: string[] = [];
          for (const date of DATES) {
            for (const position of ALL_POSITIONS) {
              if (loops<PositionId>(position, (p) => superiorPositionOf(state, p, date)))
                violations.push(`reporting cycle through ${position} on ${date}`);
              const superior = superiorPositionOf(state, position, date);
              const level = superior === undefined ? undefined : findPosition(state, superior)?.level;
              if (level !== undefined && !isStructural(level))
                violations.push(`${position} reports to a ${level} on ${date}`);
            }
            for (const unit of ALL_UNITS)
              if (loops<UnitId>(unit, (u) => parentUnitOf(state, u, date)))
                violations.push(`unit cycle through ${unit} on ${date}`);
          }
          expect(violations).toEqual([]);
        }),
        { numRuns: 500 },
      );
    });
  });
});
