import { replay } from '../core';
import { rosterDecider } from '../roster/decide';
import {
  ANI,
  appointed,
  BUDI,
  CITRA,
  DEDI,
  DOKTER,
  EKA,
  FAJAR,
  KADIS as KADIS_POSITION,
  KASUBBAG,
  SEKDA,
  SEKRETARIS,
  STAF,
  structure,
} from '../roster/roster.testkit';
import { disciplineAuthorityFactsFor, disciplineReportFactsFor } from './facts';
import {
  asOperator,
  asSystem,
  at,
  CASE,
  d,
  decidedHistory,
  deliveredHistory,
  examinedHistory,
  recordOverdue,
  run,
  stateOf,
  SYSTEM,
} from './discipline.testkit';
import { basisOfDiscipline, dueDiscipline } from './timers';

const system = { nip: SYSTEM, role: 'sistem' } as const;

describe('dueDiscipline: the commands whose time has come', () => {
  it('nothing while a case is being examined', () => {
    expect(dueDiscipline(at('2030-01-01T00:00:00Z'), stateOf(examinedHistory()), system)).toEqual([]);
  });

  it('BR-22: escalates an undelivered decision from the first instant after its deadline, once', () => {
    const decided = stateOf(decidedHistory());
    expect(dueDiscipline(at('2025-11-07T23:59:59.999+07:00'), decided, system)).toEqual([]);
    const now = at('2025-11-08T00:00:00+07:00');
    expect(dueDiscipline(now, decided, system)).toEqual([recordOverdue(now)]);
    const escalated = stateOf(run([recordOverdue(now)], decidedHistory()));
    expect(dueDiscipline(at('2025-12-01T00:00:00+07:00'), escalated, system)).toEqual([]);
  });

  it('records a sanction served when its period has ended (a teguran: on the day it takes effect)', () => {
    const delivered = stateOf(deliveredHistory());
    expect(dueDiscipline(at('2025-11-05T23:59:59.999+07:00'), delivered, system)).toEqual([]);
    const now = at('2025-11-06T00:00:00+07:00');
    expect(dueDiscipline(now, delivered, system)).toEqual([
      { type: 'RecordServed', data: { caseId: CASE }, metadata: asSystem(now) },
    ]);
  });

  it('the commands it returns are accepted by the case', () => {
    const now = at('2025-11-06T00:00:00+07:00');
    const [command] = dueDiscipline(now, stateOf(deliveredHistory()), system);
    expect(command).toBeDefined();
    if (command !== undefined) expect(stateOf(run([command], deliveredHistory())).status).toBe('served');
    expect(() => run([{ ...recordOverdue(now), metadata: asOperator(now) }], decidedHistory())).toThrow('NotSystem');
  });
});

describe('basisOfDiscipline', () => {
  it('gives the rule book and articles of decision events, and nothing for the others', () => {
    const events = deliveredHistory();
    const bases = events.map(basisOfDiscipline);
    expect(events.map((e) => e.type)).toEqual([
      'BreachReported',
      'SummonsIssued',
      'ExaminationRecorded',
      'SanctionImposed',
      'DecisionDelivered',
    ]);
    expect(bases.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(bases[3]).toEqual({
      ruleBook: 'pp-94-2021@1',
      articles: ['BR-14', 'PP 94/2021 Ps 8 ayat (2) huruf b', 'BR-19', 'PP 94/2021 Ps 16', 'PP 94/2021 Ps 23', 'BR-22'],
    });
    expect(bases[4]).toEqual({ ruleBook: 'pp-94-2021@1', articles: ['BR-22'] });
  });
});

describe('facts the engine reads from the roster', () => {
  const roster = replay(rosterDecider, [
    ...structure,
    appointed(ANI, SEKDA, '2020-01-01'),
    appointed(BUDI, KADIS_POSITION, '2020-01-01'),
    appointed(CITRA, SEKRETARIS, '2020-01-01'),
    appointed(DEDI, KASUBBAG, '2020-01-01'),
    appointed(EKA, STAF, '2020-01-01'),
    appointed(FAJAR, DOKTER, '2020-01-01'),
  ]);
  const asOf = d('2025-10-06');

  it('the employee’s grade, unit and line of superiors, direct superior first', () => {
    expect(disciplineReportFactsFor(roster, EKA, asOf)).toEqual({
      asOf,
      employeeGrade: 'pelaksana',
      employeeUnit: 'dinkes',
      superiors: [DEDI, CITRA, BUDI, ANI],
    });
    // A vacant post (the kabid the doctor reports to) is skipped: the next official up the line.
    expect(disciplineReportFactsFor(roster, FAJAR, asOf)).toMatchObject({ employeeGrade: 'jf-ahli-muda', superiors: [BUDI, ANI] });
    expect(disciplineReportFactsFor(roster, EKA, d('2019-06-01'))).toEqual({
      asOf: d('2019-06-01'),
      employeeGrade: null,
      employeeUnit: null,
      superiors: [],
    });
  });

  it('the deciding official’s rank and whether they are in the employee’s line', () => {
    expect(disciplineAuthorityFactsFor(roster, { official: DEDI, employee: EKA, asOf, ppk: [] })).toEqual({
      asOf,
      officialRank: 'pengawas',
      officialIsSuperior: true,
      employeeGrade: 'pelaksana',
    });
    expect(disciplineAuthorityFactsFor(roster, { official: DEDI, employee: FAJAR, asOf, ppk: [] })).toMatchObject({
      officialRank: 'pengawas',
      officialIsSuperior: false,
      employeeGrade: 'jf-ahli-muda',
    });
    expect(disciplineAuthorityFactsFor(roster, { official: ANI, employee: EKA, asOf, ppk: [ANI] })).toMatchObject({
      officialRank: 'ppk',
    });
    expect(disciplineAuthorityFactsFor(roster, { official: FAJAR, employee: EKA, asOf, ppk: [] })).toMatchObject({
      officialRank: null,
    });
  });
});
