/**
 * BR-11: the Atasan Pejabat Penilai records explanations from both the appraiser and the employee before deciding;
 * the decision may change the ratings; it is final, and a second objection on the same evaluation is refused [reg].
 *
 * End to end through the public API, the way the engine runs it: the evaluation, the unit period and the objection
 * each decide on their own stream; the process managers turn facts of one into commands for another. An upheld
 * objection is first re-checked against the unit's kurva distribusi (BR-04..BR-08) and only then revises the
 * evaluation, whose history keeps the result it replaced. A decision deadline [policy: 14 working days] is counted
 * in the tenant's calendar; when it passes undecided, the system escalates and the objection stays open.
 */
import { isLeft, type Either } from 'fp-ts/Either';
import {
  currentResult,
  dueObjection,
  evaluationDecider,
  evaluationIdOf,
  INDONESIA_2025_2027,
  OBJECTION_POLICY_DEFAULTS,
  objectionDecider,
  objectionFactsOf,
  PERMENPANRB_6_2022,
  planIdOf,
  reactToEvaluation,
  reactToObjection,
  reactToUnitPeriod,
  resultHistory,
  unitPeriodDecider,
  unitPeriodIdOf,
  unitPeriodPolicyOf,
  type Appraisal,
  type Assessment,
  type CommandMetadata,
  type LocalDate,
  type Nip,
  type ObjectionCommand,
  type ObjectionError,
  type ObjectionEvent,
  type ObjectionReaction,
  type ObjectionRuling,
  type Predikat,
  type RatingLevel,
  type UnitPeriodCommand,
} from '@kinerja/domain';
import {
  appraiser,
  appraiserSuperior,
  employee,
  evaluation,
  factsFor,
  open,
  policyOf,
  q1,
  rate,
  rated,
  system,
  unit,
  deliver,
} from './br-evaluation-fixtures';
import { DeciderStream } from './decider-stream';

/** What became of an objection command: the objection's answer, and the first refusal its reaction met, if any. */
type Sent = Readonly<{ result: Either<ObjectionError, ReadonlyArray<ObjectionEvent>>; hostRefused?: string }>;

const sekda = '196901011990031003' as Nip; // the authorised official above the Kepala Dinas
const colleague = (i: number) => `19900303201701${1 + (i % 2)}${String(i + 1).padStart(3, '0')}` as Nip;
const unitPeriod = unitPeriodIdOf(unit, q1);
const OBJECTION = 'keberatan-2025-0001';
const surabaya = { timeZone: policyOf('surabaya').timeZone, holidays: INDONESIA_2025_2027 };

const sistem = (at: string): CommandMetadata => ({ now: new Date(at), actor: { nip: system, role: 'sistem' } });
const by = (nip: Nip, at: string): CommandMetadata => ({
  now: new Date(at),
  actor: { nip, role: nip === employee ? 'pegawai' : nip === appraiser ? 'pejabat-penilai' : 'atasan-pejabat-penilai' },
});
const assessment = (h: RatingLevel, p: RatingLevel): Assessment => {
  const result = PERMENPANRB_6_2022.assess({ regime: 'rated', hasilKerja: h, perilaku: p });
  if (isLeft(result)) throw new Error('the rule book refused a valid rating');
  return result.right;
};
const LEVELS: Readonly<Record<Predikat, readonly [RatingLevel, RatingLevel]>> = {
  'sangat-baik': ['di-atas-ekspektasi', 'di-atas-ekspektasi'],
  baik: ['sesuai-ekspektasi', 'sesuai-ekspektasi'],
  'butuh-perbaikan': ['di-bawah-ekspektasi', 'sesuai-ekspektasi'],
  kurang: ['sesuai-ekspektasi', 'di-bawah-ekspektasi'],
  'sangat-kurang': ['di-bawah-ekspektasi', 'di-bawah-ekspektasi'],
};

/**
 * Surabaya, Dinas Kesehatan, 2025-Q1, under a Baik organisational result: the employee rated `rating`, four
 * colleagues as given; the unit period settles, the evaluation is settled through the process manager, delivered on
 * Thursday 10 April 2025 and objected to on Monday 14 April.
 */
const cycle = (rating: Appraisal, colleagues: ReadonlyArray<Predikat>) => {
  const evaluationStream = new DeciderStream(evaluationDecider);
  const unitPeriodStream = new DeciderStream(unitPeriodDecider);
  const objection = new DeciderStream(objectionDecider);

  evaluationStream.apply(open(factsFor(policyOf('surabaya'))));
  const [ratedEvent] = evaluationStream.apply(rate(rating));
  unitPeriodStream.apply({
    type: 'OpenUnitPeriod',
    data: {
      unitPeriod,
      unit,
      period: q1,
      periodStart: new Date('2025-01-01T00:00:00+07:00'),
      periodEnd: new Date('2025-04-01T00:00:00+07:00'),
      facts: {
        roster: { asOf: '2025-04-08' as LocalDate, unitHead: appraiserSuperior, authorisedOfficial: sekda },
        policy: unitPeriodPolicyOf(policyOf('surabaya')),
      },
    },
    metadata: { now: new Date('2025-04-08T08:00:00+07:00'), actor: { nip: system, role: 'operator' } },
  });
  if (ratedEvent === undefined) throw new Error('not rated');
  for (const command of reactToEvaluation(ratedEvent, evaluationStream.state, sistem('2025-04-08T09:00:00+07:00')))
    unitPeriodStream.apply(command);
  colleagues.forEach((predikat, i) =>
    unitPeriodStream.apply({
      type: 'RecordProposal',
      data: {
        unitPeriod,
        evaluation: evaluationIdOf(planIdOf(colleague(i), '2025' as typeof q1), q1),
        employee: colleague(i),
        assessment: assessment(...LEVELS[predikat]),
        isUnitHead: false,
        jenjang: null,
        months: 3,
      },
      metadata: sistem('2025-04-08T09:00:00+07:00'),
    }),
  );
  const official = { now: new Date('2025-04-09T09:00:00+07:00'), actor: { nip: sekda, role: 'atasan-pejabat-penilai' as const } };
  unitPeriodStream.apply({
    type: 'SetOrganisationalResult',
    data: { unitPeriod, result: 'baik', justification: 'Capaian IKU Dinas Kesehatan triwulan I', evidence: [] },
    metadata: official,
  });
  const [settled] = unitPeriodStream.apply({ type: 'SettleUnitPeriod', data: { unitPeriod }, metadata: official });
  if (settled === undefined) throw new Error('not settled');
  for (const command of reactToUnitPeriod(settled, sistem('2025-04-09T10:00:00+07:00')))
    if (command.data.evaluation === evaluation) evaluationStream.apply(command);
  evaluationStream.apply(deliver('2025-04-10T10:00:00+07:00'));

  /** What the host does with a reaction: each command to its stream, in order, stopping at the first refusal. */
  const host = (commands: ReadonlyArray<ObjectionReaction>): string | undefined => {
    for (const command of commands) {
      const result: Either<Readonly<{ _tag: string }>, unknown> =
        command.type === 'ReviseSettledResult'
          ? unitPeriodStream.attempt(command as UnitPeriodCommand)
          : evaluationStream.attempt(command);
      if (isLeft(result)) return result.left._tag;
    }
    return undefined;
  };
  /** Decides on the objection's stream and lets the process manager carry the events over. */
  const send = (command: ObjectionCommand): Sent => {
    const result = objection.attempt(command);
    if (isLeft(result)) return { result };
    let hostRefused: string | undefined;
    for (const event of result.right) {
      const reaction = reactToObjection(event, evaluationStream.state, sistem(command.metadata.now.toISOString()));
      hostRefused = hostRefused ?? host(reaction);
    }
    return hostRefused === undefined ? { result } : { result, hostRefused };
  };

  const facts = objectionFactsOf(evaluationStream.state, surabaya, OBJECTION_POLICY_DEFAULTS);
  if (facts === undefined) throw new Error('no facts');
  const file = (at: string, objectionId = OBJECTION): ObjectionCommand => ({
    type: 'FileObjection',
    data: { evaluation, objection: objectionId, reasons: ['Laporan April belum diperhitungkan'], facts },
    metadata: by(employee, at),
  });
  const explain = (nip: Nip, at: string): ObjectionCommand => ({
    type: 'RecordExplanation',
    data: { evaluation, objection: OBJECTION, explanation: nip === appraiser ? 'Laporan diterima terlambat' : 'Bukti unggah 31 Maret' },
    metadata: by(nip, at),
  });
  const decide = (ruling: ObjectionRuling, at: string, nip: Nip = appraiserSuperior): ObjectionCommand => ({
    type: 'DecideObjection',
    data: { evaluation, objection: OBJECTION, reasons: ['Bukti unggah sah'], ...ruling },
    metadata: by(nip, at),
  });
  return { evaluation: evaluationStream, unitPeriod: unitPeriodStream, objection, send, file, explain, decide };
};

const settledBaik = () => {
  const c = cycle(rated('sesuai-ekspektasi', 'sesuai-ekspektasi'), ['baik', 'baik', 'butuh-perbaikan', 'sangat-baik']);
  c.send(c.file('2025-04-14T09:00:00+07:00'));
  return c;
};
const heard = () => {
  const c = settledBaik();
  c.send(c.explain(appraiser, '2025-04-22T10:00:00+07:00'));
  c.send(c.explain(employee, '2025-04-23T10:00:00+07:00'));
  return c;
};
const raised = rated('di-atas-ekspektasi', 'di-atas-ekspektasi', 'Laporan April lengkap; pelayanan melampaui ekspektasi');
const refusal = (sent: Sent) => (isLeft(sent.result) ? sent.result.left._tag : undefined);

describe('BR-11 the objection decision: both sides heard first; may change the ratings; final', () => {
  it('the filing is noted on the evaluation by the process manager', () => {
    const c = settledBaik();
    expect(c.evaluation.state.status).toBe('objected');
    expect(c.objection.state.status).toBe('filed');
  });

  it('refuses a decision before both explanations are recorded, naming who is missing', () => {
    const c = settledBaik();
    const none = c.send(c.decide({ outcome: 'upheld', rating: raised }, '2025-04-21T10:00:00+07:00'));
    expect(isLeft(none.result) && none.result.left).toEqual({ _tag: 'ExplanationsMissing', missing: ['appraiser', 'employee'] });
    c.send(c.explain(appraiser, '2025-04-22T10:00:00+07:00'));
    const one = c.send(c.decide({ outcome: 'rejected' }, '2025-04-22T11:00:00+07:00'));
    expect(isLeft(one.result) && one.result.left).toEqual({ _tag: 'ExplanationsMissing', missing: ['employee'] });
    expect(c.evaluation.state.status).toBe('objected');
  });

  it('only the Atasan Pejabat Penilai named on the plan decides', () => {
    const c = heard();
    expect(refusal(c.send(c.decide({ outcome: 'rejected' }, '2025-04-30T10:00:00+07:00', appraiser)))).toBe('NotTheAddressee');
  });

  it('refuses a second objection on the same evaluation, while pending and after the decision', () => {
    const c = heard();
    expect(refusal(c.send(c.file('2025-04-15T09:00:00+07:00', 'keberatan-2025-0002')))).toBe('ObjectionAlreadyFiled');
    c.send(c.decide({ outcome: 'rejected' }, '2025-04-30T10:00:00+07:00'));
    expect(refusal(c.send(c.file('2025-04-16T09:00:00+07:00', 'keberatan-2025-0002')))).toBe('ObjectionAlreadyFiled');
  });

  it('an upheld objection revises the unit period and then the evaluation; the old result stays in the history', () => {
    const c = heard();
    const decided = c.send(c.decide({ outcome: 'upheld', rating: raised }, '2025-04-30T10:00:00+07:00'));
    expect(decided.hostRefused).toBeUndefined();
    expect(c.objection.events.at(-1)).toMatchObject({
      type: 'ObjectionUpheld',
      data: { decidedBy: appraiserSuperior, authority: 'atasan-pejabat-penilai', articles: ['BR-10', 'BR-11', 'PP 30/2019 Ps 59'] },
    });
    // The unit period: the curve re-checked with the new predikat (BR-05 still holds: 2 of 5 Baik, 1 Butuh Perbaikan).
    expect(c.unitPeriod.events.at(-1)).toMatchObject({
      type: 'SettledResultRevised',
      data: { evaluation, previous: { predikat: 'baik' }, result: { predikat: 'sangat-baik' } },
    });
    // The evaluation: final with the revised result; the proposed and settled results are kept.
    expect(c.evaluation.state.status).toBe('final');
    expect(resultHistory(c.evaluation.state).map((r) => [r.stage, r.predikat])).toEqual([
      ['proposed', 'baik'],
      ['settled', 'baik'],
      ['revised', 'sangat-baik'],
    ]);
    expect(currentResult(c.evaluation.state)).toMatchObject({ stage: 'revised', predikat: 'sangat-baik', decidedBy: appraiserSuperior });
    // Final: nothing more on the objection.
    expect(refusal(c.send(c.decide({ outcome: 'rejected' }, '2025-05-02T10:00:00+07:00')))).toBe('ObjectionClosed');
  });

  it('an upheld objection that would break the unit’s curve does not revise the evaluation', () => {
    const c = cycle(rated('di-bawah-ekspektasi', 'sesuai-ekspektasi'), ['baik', 'baik', 'baik', 'sangat-baik']);
    c.send(c.file('2025-04-14T09:00:00+07:00'));
    c.send(c.explain(appraiser, '2025-04-22T10:00:00+07:00'));
    c.send(c.explain(employee, '2025-04-23T10:00:00+07:00'));
    const decided = c.send(c.decide({ outcome: 'upheld', rating: rated('sesuai-ekspektasi', 'sesuai-ekspektasi') }, '2025-04-30T10:00:00+07:00'));
    // Baik would become 4 of 5 (over 70 %) with no Butuh Perbaikan left: BR-05.
    expect(decided.hostRefused).toBe('DistributionViolated');
    expect(c.objection.state.status).toBe('upheld');
    expect(c.evaluation.state.status).toBe('objected');
    expect(currentResult(c.evaluation.state)).toMatchObject({ stage: 'settled', predikat: 'butuh-perbaikan' });
  });

  it('a rejected objection makes the settled result final', () => {
    const c = heard();
    c.send(c.decide({ outcome: 'rejected' }, '2025-04-30T10:00:00+07:00'));
    expect(c.evaluation.state.status).toBe('final');
    expect(currentResult(c.evaluation.state)).toMatchObject({ stage: 'settled', predikat: 'baik' });
  });

  it('a withdrawn objection makes the settled result final too', () => {
    const c = settledBaik();
    c.send({ type: 'WithdrawObjection', data: { evaluation, objection: OBJECTION }, metadata: by(employee, '2025-04-16T09:00:00+07:00') });
    expect(c.evaluation.state.status).toBe('final');
    expect(refusal(c.send(c.file('2025-04-17T09:00:00+07:00', 'keberatan-2025-0002')))).toBe('ObjectionAlreadyFiled');
  });
});

describe('BR-11 [policy] the decision deadline: 14 working days, escalated when passed undecided', () => {
  const timer = { nip: system, role: 'sistem' as const };

  it('filed on Thursday 17 April 2025: Good Friday, Labour Day and the weekends push the deadline to Friday 9 May', () => {
    const c = settledBaik();
    const late = cycle(rated('sesuai-ekspektasi', 'sesuai-ekspektasi'), ['baik', 'baik', 'butuh-perbaikan', 'sangat-baik']);
    late.send(late.file('2025-04-17T15:00:00+07:00'));
    const state = late.objection.state;
    if (state.status !== 'filed') throw new Error('expected a filed objection');
    // 18 Apr Good Friday; 21-25, 28-30 Apr (8); 1 May Labour Day; 2 May (9); 5-9 May (14).
    expect(state.decisionDeadline).toEqual({
      endsAt: new Date('2025-05-09T23:59:59.999+07:00'),
      days: 14,
      kind: 'working',
      calendar: INDONESIA_2025_2027.id,
      timeZone: 'Asia/Jakarta',
    });
    // Nothing is due up to the deadline's last millisecond, a Friday night; from Saturday 00:00 the escalation is.
    expect(dueObjection(new Date('2025-05-09T23:59:59.999+07:00'), state, timer)).toEqual([]);
    const due = dueObjection(new Date('2025-05-10T00:00:00+07:00'), state, timer);
    expect(due.map((cmd) => cmd.type)).toEqual(['EscalateObjection']);
    for (const command of due) late.send(command);
    expect(late.objection.events.at(-1)).toMatchObject({
      type: 'ObjectionDecisionOverdue',
      data: { addressee: appraiserSuperior, escalatedBy: system, authority: 'sistem', articles: ['BR-11', 'policy:objection.decisionPeriod'] },
    });
    // Once escalated, nothing more is due; the objection stays open and is still decided, marked late.
    expect(dueObjection(new Date('2025-06-01T00:00:00+07:00'), late.objection.state, timer)).toEqual([]);
    late.send(late.explain(appraiser, '2025-05-12T10:00:00+07:00'));
    late.send(late.explain(employee, '2025-05-14T10:00:00+07:00'));
    late.send(late.decide({ outcome: 'upheld', rating: raised }, '2025-05-15T10:00:00+07:00'));
    expect(late.objection.events.at(-1)).toMatchObject({ type: 'ObjectionUpheld', data: { afterDeadline: true } });
    expect(currentResult(late.evaluation.state)).toMatchObject({ stage: 'revised', predikat: 'sangat-baik' });
    // The objection filed on Monday 14 April has its own deadline: Tuesday 6 May (Good Friday and Labour Day skipped).
    expect(c.objection.state.status === 'filed' && c.objection.state.decisionDeadline.endsAt).toEqual(
      new Date('2025-05-06T23:59:59.999+07:00'),
    );
  });
});
