import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { addDays } from '../calendar';
import type { LocalDate } from '../core';
import { deepEqual } from '../testing';
import { DisciplineCommandCodec, DisciplineEventCodec, SanctionCodec } from './codecs';
import { disciplineDecider, type DisciplineCommand } from './decide';
import type { DisciplineEvent } from './discipline';
import { describeDisciplineError } from './errors';
import { historyArb, localDateArb, POLICY, sanctionArb, stateOf } from './discipline.testkit';
import { addCalendarMonths } from '../calendar';
import { durationMonths, inForcePeriod, levelOfSanction, SANCTION_CATALOGUE } from './sanctions';
import { basisOfDiscipline } from './timers';

/** What goes over the wire: encode, serialise, parse, decode. */
const throughJson = <A>(codec: t.Type<A, unknown, unknown>, value: A) =>
  codec.decode(JSON.parse(JSON.stringify(codec.encode(value))));

const withExtraField = (encoded: unknown): unknown => {
  const wire = encoded as { data: object };
  return { ...wire, data: { ...wire.data, notInTheSchema: 1 } };
};

const monthIndex = (date: LocalDate): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const daysInMonthOf = (date: LocalDate): number =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();

describe('discipline histories (random commands by random people at random times)', () => {
  it('reach decisions often enough to test something', () => {
    const samples = fc.sample(historyArb, { numRuns: 1000, seed: 7 });
    const types = new Set(samples.flatMap((s) => s.events.map((e) => e.type)));
    for (const type of [
      'SummonsIssued',
      'SummonsIgnored',
      'TimPemeriksaFormed',
      'ExaminationRecorded',
      'SanctionImposed',
      'CaseDismissed',
      'DecisionDelivered',
      'DeliveryOverdue',
      'SanctionServed',
      'SanctionReviewed',
    ])
      expect(types).toContain(type);
  });

  it('every command and event round-trips through its codec and JSON; commands refuse unknown fields, events strip them', () => {
    fc.assert(
      fc.property(historyArb, ({ commands, events }) => {
        for (const command of commands) {
          const back = throughJson(DisciplineCommandCodec, command);
          expect(isRight(back) && deepEqual(back.right, command)).toBe(true);
          expect(isLeft(DisciplineCommandCodec.decode(withExtraField(DisciplineCommandCodec.encode(command))))).toBe(true);
        }
        for (const event of events) {
          const back = throughJson(DisciplineEventCodec, event);
          expect(isRight(back) && deepEqual(back.right, event)).toBe(true);
          const stripped = DisciplineEventCodec.decode(withExtraField(DisciplineEventCodec.encode(event)));
          expect(isRight(stripped) && deepEqual(stripped.right, event)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every decision event carries who decided, their authority and the basis', () => {
    fc.assert(
      fc.property(historyArb, ({ commands, events }) => {
        const byDecision = new Map<DisciplineEvent, DisciplineCommand>();
        let e = 0;
        let state = disciplineDecider.initialState();
        for (const command of commands) {
          const result = disciplineDecider.decide(command, state);
          if (isLeft(result)) throw new Error(describeDisciplineError(result.left));
          for (const event of result.right) {
            expect(deepEqual(event, events[e++])).toBe(true);
            byDecision.set(event, command);
            state = disciplineDecider.evolve(state, event);
          }
        }
        for (const [event, command] of byDecision) {
          if (event.type === 'SanctionImposed' || event.type === 'CaseDismissed') {
            expect(event.data.decidedBy).toBe(command.metadata.actor.nip);
            expect(event.data.authority.table).toBe(POLICY.authority.id);
            if (command.type === 'DecideSanction' || command.type === 'DismissCase') {
              expect(event.data.authority.official).toBe(command.data.authority.officialRank);
              expect(event.data.authority.asOf).toBe(command.data.authority.asOf);
            }
            expect(event.data.authority.article).toMatch(/^PP 94\/2021 Ps \d+/);
            expect(event.data.articles).toContain('BR-19');
            expect(event.data.articles).toContain(event.data.authority.article);
          }
          if (event.type === 'SanctionImposed') {
            expect(event.data.articles).toContain('BR-14');
            expect(event.data.articles).toContain(SANCTION_CATALOGUE[event.data.sanction.type].article);
            expect(event.data.level).toBe(levelOfSanction(event.data.sanction));
            if (event.data.level === 'berat') expect(event.data.articles).toContain('BR-17');
          }
          if (event.type === 'SanctionReviewed') {
            expect(event.data.reviewedBy).toBe(command.metadata.actor.nip);
            expect(event.data.authority.length).toBeGreaterThan(0);
          }
          if (event.type === 'SanctionImposed' || event.type === 'CaseDismissed' || event.type === 'SanctionReviewed') {
            const basis = basisOfDiscipline(event);
            expect(basis?.ruleBook).toMatch(/^pp-(94|79)-2021@1$/);
            expect(basis?.articles.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every delivered or reviewed sanction ends exactly its duration after it starts', () => {
    fc.assert(
      fc.property(historyArb, ({ events }) => {
        for (const event of events) {
          const pair =
            event.type === 'DecisionDelivered'
              ? { sanction: event.data.sanction, inForce: event.data.inForce }
              : event.type === 'SanctionReviewed' && event.data.sanction !== null && event.data.inForce !== null
                ? { sanction: event.data.sanction, inForce: event.data.inForce }
                : undefined;
          if (pair === undefined) continue;
          const months = durationMonths(pair.sanction);
          if (months === null) expect(pair.inForce.until).toBeNull();
          else expect(pair.inForce.until).toBe(addCalendarMonths(pair.inForce.from, months));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('replay is deterministic, and a dismissed or annulled case refuses every later command', () => {
    fc.assert(
      fc.property(historyArb, ({ commands, events }) => {
        expect(deepEqual(stateOf(events), stateOf([...events]))).toBe(true);
        const state = stateOf(events);
        if (disciplineDecider.isTerminal?.(state) === true)
          for (const command of commands) {
            const result = disciplineDecider.decide(command, state);
            expect(isLeft(result) && result.left._tag).toBe('CaseClosed');
          }
      }),
      { numRuns: 100 },
    );
  });
});

describe('BR-14: a sanction’s end is always its start plus its duration', () => {
  it('by calendar months: same day of month, or the last day of a shorter month', () => {
    fc.assert(
      fc.property(localDateArb('2000-01-01', '2090-12-31'), sanctionArb, (from, sanction) => {
        const { until } = inForcePeriod(from, sanction);
        const months = durationMonths(sanction);
        if (months === null) return until === null;
        if (until === null) return false;
        const day = Math.min(Number(from.slice(8, 10)), daysInMonthOf(until));
        return monthIndex(until) - monthIndex(from) === months && Number(until.slice(8, 10)) === day && until >= from;
      }),
    );
  });

  it('a longer sanction of a kind never ends before a shorter one from the same day', () => {
    fc.assert(
      fc.property(localDateArb(), (from) => {
        const ends = ([6, 9, 12] as const).map((months) => inForcePeriod(from, { type: 'potongan-tukin-25', months }).until ?? '');
        return ends[0]! < ends[1]! && ends[1]! < ends[2]! && addDays(from, 180) <= ends[0]!;
      }),
    );
  });

  it('the sanction codec round-trips every sanction', () => {
    fc.assert(fc.property(sanctionArb, (s) => {
      const back = throughJson(SanctionCodec, s);
      return isRight(back) && deepEqual(back.right, s);
    }));
  });
});
