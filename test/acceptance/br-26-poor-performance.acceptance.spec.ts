/**
 * BR-26 the poor-performance path (PP 30/2019 Ps 56–58): an official who misses targets gets 6 months to improve;
 * then a competence test; then a transfer to a suitable or lower post; for jabatan administrasi and fungsional
 * without a vacancy, a temporary post of at most 1 year; then dismissal with honour [reg, summarised]. A later
 * predikat at or above the threshold closes the path. "N consecutive poor years ⇒ dismissal" is not a national
 * rule: policy only, default off.
 *
 * The path is opened by the process manager from a final evaluation whose predikat is below the tenant's threshold
 * [policy, default: below Baik]; the evaluation here goes through the evaluation aggregate of the public API.
 */
import { isLeft } from 'fp-ts/Either';
import {
  duePoorPerformance,
  evaluationIdOf,
  LocalDate,
  Nip,
  PeriodId,
  planIdOf,
  POOR_PERFORMANCE_POLICY_DEFAULTS,
  PositionId,
  poorPerformanceDecider,
  poorPerformanceIdOf,
  reactToEvaluationFinal,
  replay,
  unitPeriodIdOf,
  type CommandMetadata,
  type EvaluationCommand,
  type FinalEvaluationFact,
  type PoorPerformanceCommand,
  type PoorPerformanceError,
  type PoorPerformanceEvent,
  type PoorPerformancePolicy,
  type PoorPerformanceState,
  type Role,
  type TimeZone,
} from '@kinerja/domain';
import {
  appraiser,
  as,
  employee,
  factsFor,
  plan,
  policyOf,
  rated,
  Stream,
  system,
  unit,
  valid,
  year,
  deliver,
  rate,
  settle,
  open as openQ1,
  finalize as finalizeQ1,
} from './br-evaluation-fixtures';
import { DeciderStream } from './decider-stream';

const ppk = valid(Nip, '196501011990031001');
const operator = valid(Nip, '198202022006041002');
const WIB = 'Asia/Jakarta' as TimeZone;
const annual = evaluationIdOf(plan, year);
const path1 = poorPerformanceIdOf(employee, 1);
const year2024 = valid(PeriodId, '2024');
const plan2024 = planIdOf(employee, year2024);

const by = (nip: Nip, role: Role, at: string): CommandMetadata => ({ now: new Date(at), actor: { nip, role } });

/** The 2025 annual evaluation in Surabaya: hasil kerja below expectation, perilaku as expected ⇒ Butuh Perbaikan (BR-01). */
const annualEvaluation = (): Stream => {
  const facts = factsFor(policyOf('surabaya'));
  const stream = new Stream();
  const commands: ReadonlyArray<EvaluationCommand> = [
    {
      type: 'OpenEvaluation',
      data: {
        evaluation: annual,
        kind: 'annual',
        period: year,
        periodStart: new Date('2025-01-01T00:00:00+07:00'),
        periodEnd: new Date('2026-01-01T00:00:00+07:00'),
        facts,
      },
      metadata: as(appraiser, '2026-01-05T08:00:00+07:00'),
    },
    { type: 'RateEvaluation', data: { evaluation: annual, ...rated('di-bawah-ekspektasi', 'sesuai-ekspektasi') }, metadata: as(appraiser, '2026-01-12T10:00:00+07:00') },
    {
      type: 'SettleEvaluation',
      data: {
        evaluation: annual,
        unitPeriod: unitPeriodIdOf(unit, year),
        organisationalResult: 'baik',
        predikat: 'butuh-perbaikan',
        label: 'Butuh Perbaikan',
        articles: ['BR-01', 'BR-05'],
        consequences: { angkaKredit: null, allowancePercent: 90, promotionEligible: false, articles: ['BR-25'] },
      },
      metadata: as(system, '2026-01-15T10:00:00+07:00'),
    },
    { type: 'DeliverEvaluation', data: { evaluation: annual }, metadata: as(appraiser, '2026-01-20T10:00:00+07:00') },
    // 14 calendar days after 20 January end on 3 February; the window has passed on 4 February.
    { type: 'FinalizeEvaluation', data: { evaluation: annual }, metadata: as(system, '2026-02-04T09:00:00+07:00') },
  ];
  for (const command of commands) stream.apply(command);
  return stream;
};

type PathStream = DeciderStream<PoorPerformanceState, PoorPerformanceCommand, PoorPerformanceEvent, PoorPerformanceError>;
const newPath = (): PathStream => new DeciderStream(poorPerformanceDecider);

/** What the process manager sends when `evaluation` has just become final. */
const reactTo = (
  evaluation: Stream,
  latestPath: PoorPerformanceState | undefined,
  at: string,
  policy: PoorPerformancePolicy = POOR_PERFORMANCE_POLICY_DEFAULTS,
): ReadonlyArray<PoorPerformanceCommand> => {
  const event = evaluation.events[evaluation.events.length - 1];
  if (event === undefined) throw new Error('no evaluation event');
  return reactToEvaluationFinal(event, evaluation.state, { latestPath, policy, level: 'pelaksana', timeZone: WIB, metadata: by(system, 'sistem', at) });
};

const refusal = (stream: PathStream, command: PoorPerformanceCommand): string | undefined => {
  const result = stream.attempt(command);
  return isLeft(result) ? result.left._tag : undefined;
};

const step = (type: 'EndImprovementPeriod' | 'EndTemporaryPost', at: string): PoorPerformanceCommand => ({ type, data: { path: path1 }, metadata: by(system, 'sistem', at) });
const test = (result: 'passed' | 'failed', at: string, who: Nip = operator, role: Role = 'operator'): PoorPerformanceCommand => ({
  type: 'RecordCompetenceTest',
  data: { path: path1, result, heldOn: valid(LocalDate, at.slice(0, 10)), notes: 'Assessment center BKPSDM Kota Surabaya.' },
  metadata: by(who, role, at),
});
const temporaryPost = (months: number, at: string): PoorPerformanceCommand => ({
  type: 'AssignTemporaryPost',
  data: { path: path1, position: valid(PositionId, 'dinkes-pelaksana-arsip'), months, reasons: ['Tidak tersedia lowongan jabatan yang sesuai.'] },
  metadata: by(ppk, 'ppk', at),
});
const dismissal = (at: string, ground: 'path-exhausted' | 'consecutive-poor-years' = 'path-exhausted', who: Nip = ppk, role: Role = 'ppk'): PoorPerformanceCommand => ({
  type: 'ProposeDismissalWithHonour',
  data: { path: path1, ground, reasons: ['Tidak menunjukkan perbaikan kinerja setelah penempatan sementara.'] },
  metadata: by(who, role, at),
});

describe('BR-26 the poor-performance path', () => {
  it('a final annual predikat below Baik opens the path with 6 months to improve; the steps follow in order', () => {
    const evaluation = annualEvaluation();
    expect(evaluation.state.status).toBe('final');

    // Opened by the process manager.
    const commands = reactTo(evaluation, undefined, '2026-02-04T09:00:01+07:00');
    expect(commands.map((c) => c.type)).toEqual(['OpenPoorPerformancePath']);
    const stream = newPath();
    for (const command of commands) stream.apply(command);
    expect(stream.events[0]).toMatchObject({
      type: 'PoorPerformancePathOpened',
      data: {
        path: path1,
        evaluation: { evaluation: annual, predikat: 'butuh-perbaikan', kind: 'annual' },
        improvementPeriod: { months: 6, endsAt: new Date('2026-08-04T23:59:59.999+07:00') },
        articles: ['BR-26', 'PP 30/2019 Ps 56-58', 'PP 30/2019 Ps 56'],
      },
    });

    // 1. Six months to improve: no competence test yet; the period is over only after 4 August.
    expect(refusal(stream, test('failed', '2026-06-01T10:00:00+07:00'))).toBe('StepNotAllowedNow');
    expect(refusal(stream, step('EndImprovementPeriod', '2026-08-04T23:59:59.999+07:00'))).toBe('ImprovementPeriodRunning');
    expect(duePoorPerformance(new Date('2026-08-04T23:59:59.999+07:00'), stream.state, { nip: system, role: 'sistem' })).toEqual([]);
    const due = duePoorPerformance(new Date('2026-08-05T00:00:00+07:00'), stream.state, { nip: system, role: 'sistem' });
    expect(due.map((c) => c.type)).toEqual(['EndImprovementPeriod']);
    for (const command of due) stream.apply(command);

    // 2. The competence test (recorded by the personnel office); no transfer or temporary post before it.
    expect(refusal(stream, temporaryPost(12, '2026-08-10T10:00:00+07:00'))).toBe('StepNotAllowedNow');
    stream.apply(test('failed', '2026-08-20T10:00:00+07:00'));

    // 3. No vacancy for this pelaksana: a temporary post of at most 1 year.
    expect(refusal(stream, temporaryPost(13, '2026-09-01T10:00:00+07:00'))).toBe('TemporaryPostTooLong');
    stream.apply(temporaryPost(12, '2026-09-01T10:00:00+07:00'));
    expect(stream.events[stream.events.length - 1]).toMatchObject({
      type: 'TemporaryPostAssigned',
      data: { period: { months: 12, endsAt: new Date('2027-09-01T23:59:59.999+07:00') }, decidedBy: ppk, authority: 'ppk' },
    });

    // 4. Dismissal with honour only once the temporary post has ended.
    expect(refusal(stream, dismissal('2027-06-01T10:00:00+07:00'))).toBe('DismissalNotYet');
    for (const command of duePoorPerformance(new Date('2027-09-02T00:00:00+07:00'), stream.state, { nip: system, role: 'sistem' }))
      stream.apply(command);
    stream.apply(dismissal('2027-09-06T10:00:00+07:00'));
    expect(stream.state).toMatchObject({ status: 'closed', reason: 'dismissal-proposed' });
    expect(stream.events.map((e) => e.type)).toEqual([
      'PoorPerformancePathOpened',
      'ImprovementPeriodEnded',
      'CompetenceTestRecorded',
      'TemporaryPostAssigned',
      'TemporaryPostEnded',
      'DismissalWithHonourProposed',
    ]);
    // Every step names who took it, in what role, on which articles.
    for (const event of stream.events) {
      expect(event.data.decidedBy).toBeDefined();
      expect(event.data.articles).toContain('BR-26');
    }

    // Closed: nothing more.
    expect(refusal(stream, test('passed', '2027-09-07T10:00:00+07:00'))).toBe('PathClosed');
  });

  it('a vacancy after the test: transfer to a suitable or lower post is the final decision', () => {
    const stream = newPath();
    for (const command of reactTo(annualEvaluation(), undefined, '2026-02-04T09:00:01+07:00')) stream.apply(command);
    stream.apply(step('EndImprovementPeriod', '2026-08-05T00:00:00+07:00'));
    stream.apply(test('passed', '2026-08-20T10:00:00+07:00', ppk, 'ppk'));
    stream.apply({
      type: 'DecideTransfer',
      data: { path: path1, kind: 'suitable', position: valid(PositionId, 'dinkes-pengelola-data'), effectiveOn: valid(LocalDate, '2026-09-01'), reasons: ['Sesuai hasil uji kompetensi.'] },
      metadata: by(ppk, 'ppk', '2026-08-25T10:00:00+07:00'),
    });
    expect(stream.state).toMatchObject({ status: 'closed', reason: 'transferred' });
  });

  it('a later predikat at or above the threshold closes the path by improvement', () => {
    // A path opened on 10 February 2025 for the 2024 annual evaluation ...
    const poor2024: FinalEvaluationFact = {
      evaluation: evaluationIdOf(plan2024, year2024),
      kind: 'annual',
      period: year2024,
      predikat: 'kurang',
      finalizedAt: new Date('2025-02-09T12:00:00+07:00'),
    };
    const stream = newPath();
    stream.apply({
      type: 'OpenPoorPerformancePath',
      data: {
        path: path1,
        employee,
        evaluation: poor2024,
        level: 'pelaksana',
        supervisors: { appraiser, appraiserSuperior: valid(Nip, '197505101998031003') },
        timeZone: WIB,
        policy: POOR_PERFORMANCE_POLICY_DEFAULTS,
        priorPoorYears: 0,
      },
      metadata: by(system, 'sistem', '2025-02-10T09:00:00+07:00'),
    });
    // ... and the 2025-Q1 evaluation, Baik, final on 25 April 2025, within the 6 months.
    const q1 = new Stream();
    q1.apply(openQ1(factsFor(policyOf('surabaya'))));
    q1.apply(rate(rated('sesuai-ekspektasi', 'sesuai-ekspektasi')));
    q1.apply(settle('baik', 'Baik'));
    q1.apply(deliver('2025-04-10T10:00:00+07:00'));
    q1.apply(finalizeQ1('2025-04-25T00:00:00+07:00'));
    const commands = reactTo(q1, stream.state, '2025-04-25T00:00:01+07:00');
    expect(commands.map((c) => c.type)).toEqual(['RecordImprovement']);
    for (const command of commands) stream.apply(command);
    expect(stream.state).toMatchObject({ status: 'closed', reason: 'improved' });
    expect(duePoorPerformance(new Date('2025-09-01T00:00:00+07:00'), stream.state, { nip: system, role: 'sistem' })).toEqual([]);
  });

  describe('"N consecutive poor years ⇒ dismissal" is policy only, off by default', () => {
    const openedFor2024 = (policy: PoorPerformancePolicy): PoorPerformanceState =>
      replay(poorPerformanceDecider, [
        {
          type: 'PoorPerformancePathOpened',
          data: {
            path: path1,
            employee,
            evaluation: {
              evaluation: evaluationIdOf(plan2024, year2024),
              kind: 'annual',
              period: year2024,
              predikat: 'kurang',
              finalizedAt: new Date('2025-02-09T12:00:00+07:00'),
            },
            level: 'pelaksana',
            supervisors: { appraiser, appraiserSuperior: valid(Nip, '197505101998031003') },
            policy,
            priorPoorYears: 0,
            improvementPeriod: { startsAt: new Date('2025-02-10T09:00:00+07:00'), endsAt: new Date('2025-08-10T23:59:59.999+07:00'), months: 6, timeZone: WIB },
            decidedBy: system,
            authority: 'sistem',
            articles: ['BR-26'],
            at: new Date('2025-02-10T09:00:00+07:00'),
          },
        },
      ]);

    it('by default a second poor year is recorded and nothing more; the rule cannot be invoked', () => {
      const latest = openedFor2024(POOR_PERFORMANCE_POLICY_DEFAULTS);
      const commands = reactTo(annualEvaluation(), latest, '2026-02-04T09:00:01+07:00');
      expect(commands.map((c) => c.type)).toEqual(['RecordPoorYear']);
      const stream = newPath();
      stream.state = latest;
      for (const command of commands) stream.apply(command);
      expect(stream.events[0]).toMatchObject({ type: 'PoorYearRecorded', data: { year: 2025, consecutiveYears: 2 } });
      expect(refusal(stream, dismissal('2026-02-05T09:00:00+07:00', 'consecutive-poor-years', system, 'sistem'))).toBe('ConsecutiveYearsRuleOff');
    });

    it('a tenant with N = 2 gets the dismissal proposed by the process manager on the second consecutive poor year', () => {
      const latest = openedFor2024({ ...POOR_PERFORMANCE_POLICY_DEFAULTS, consecutivePoorYearsDismissal: 2 });
      const commands = reactTo(annualEvaluation(), latest, '2026-02-04T09:00:01+07:00');
      expect(commands.map((c) => c.type)).toEqual(['RecordPoorYear', 'ProposeDismissalWithHonour']);
      const stream = newPath();
      stream.state = latest;
      for (const command of commands) stream.apply(command);
      expect(stream.state).toMatchObject({ status: 'closed', reason: 'dismissal-proposed' });
      expect(stream.events[1]).toMatchObject({ data: { ground: 'consecutive-poor-years', poorYears: 2, authority: 'sistem' } });
    });
  });
});
