/**
 * BR-03: no employee predikat of a unit and period is final before the unit's organisational result is set.
 * The unit period aggregate (DOMAIN.md §2.3) makes predikat final only by settling, and settling is refused until
 * the unit head's superior has set the organisational result (BR-02: one of five). Every settled result cites
 * BR-03 in its basis.
 */
import { isLeft, isRight, type Either } from 'fp-ts/Either';
import {
  DEFAULT_POLICY_SETTINGS,
  describeUnitPeriodError,
  evaluationIdOf,
  fold,
  PERMENPANRB_6_2022,
  planIdOf,
  settledResults,
  unitPeriodDecider,
  unitPeriodIdOf,
  unitPeriodPolicyOf,
  type Assessment,
  type LocalDate,
  type Nip,
  type OrganisationalResult,
  type PeriodId,
  type RatingLevel,
  type UnitId,
  type UnitPeriodCommand,
  type UnitPeriodError,
  type UnitPeriodEvent,
  type UnitPeriodState,
} from '@kinerja/domain';

const unit = 'dinas-perhubungan' as UnitId;
const period = '2025' as PeriodId;
const unitPeriod = unitPeriodIdOf(unit, period);
const kepalaDinas = '197505101998031003' as Nip; // heads Dinas Perhubungan
const sekda = '196802021990031002' as Nip; // the head's superior: sets the result and settles
const operator = { nip: '198001012005011001' as Nip, role: 'operator' as const };
const sistem = { nip: '197001011995031001' as Nip, role: 'sistem' as const };
const official = { nip: sekda, role: 'atasan-pejabat-penilai' as const };
const staff: ReadonlyArray<Nip> = ['199203142019031008', '198706122015032004', '199510202022032011'].map((s) => s as Nip);

const assess = (hasilKerja: RatingLevel, perilaku: RatingLevel): Assessment => {
  const result = PERMENPANRB_6_2022.assess({ regime: 'rated', hasilKerja, perilaku });
  if (isLeft(result)) throw new Error('the rule book refused a valid rating');
  return result.right;
};

let clock = Date.parse('2026-01-05T08:00:00+07:00');
const at = () => new Date((clock += 60_000));

const open: UnitPeriodCommand = {
  type: 'OpenUnitPeriod',
  data: {
    unitPeriod,
    unit,
    period,
    periodStart: new Date('2025-01-01T00:00:00+07:00'),
    periodEnd: new Date('2026-01-01T00:00:00+07:00'),
    facts: {
      roster: { asOf: '2026-01-05' as LocalDate, unitHead: kepalaDinas, authorisedOfficial: sekda },
      policy: unitPeriodPolicyOf(DEFAULT_POLICY_SETTINGS),
    },
  },
  metadata: { now: at(), actor: operator },
};
const propose = (employee: Nip, assessment: Assessment): UnitPeriodCommand => ({
  type: 'RecordProposal',
  data: {
    unitPeriod,
    evaluation: evaluationIdOf(planIdOf(employee, period), period),
    employee,
    assessment,
    isUnitHead: employee === kepalaDinas,
    jenjang: null,
    months: 12,
  },
  metadata: { now: at(), actor: sistem },
});
const setResult = (result: OrganisationalResult): UnitPeriodCommand => ({
  type: 'SetOrganisationalResult',
  data: { unitPeriod, result, justification: 'Capaian IKU dan penanganan pengaduan transportasi 2025', evidence: [] },
  metadata: { now: at(), actor: official },
});
const settle: UnitPeriodCommand = { type: 'SettleUnitPeriod', data: { unitPeriod }, metadata: { now: at(), actor: official } };

/** A stream: each command is decided on the state of the events so far; accepted events are appended. */
const stream = () => {
  const events: UnitPeriodEvent[] = [];
  const state = (): UnitPeriodState => fold(unitPeriodDecider.evolve, unitPeriodDecider.initialState(), events);
  const send = (command: UnitPeriodCommand): Either<UnitPeriodError, ReadonlyArray<UnitPeriodEvent>> => {
    const result = unitPeriodDecider.decide(command, state());
    if (isRight(result)) events.push(...result.right);
    return result;
  };
  return { events, state, send };
};

const proposals = [
  propose(staff[0]!, assess('di-atas-ekspektasi', 'di-atas-ekspektasi')),
  propose(staff[1]!, assess('sesuai-ekspektasi', 'sesuai-ekspektasi')),
  propose(staff[2]!, assess('di-bawah-ekspektasi', 'sesuai-ekspektasi')),
  propose(kepalaDinas, assess('sesuai-ekspektasi', 'sesuai-ekspektasi')),
];

describe('BR-03 no predikat is final before the organisational result is set', () => {
  it('refuses to settle before the organisational result is set, and nothing becomes final', () => {
    const unitPeriodStream = stream();
    for (const command of [open, ...proposals]) expect(isRight(unitPeriodStream.send(command))).toBe(true);
    const before = unitPeriodStream.events.length;

    const refused = unitPeriodStream.send(settle);

    expect(isLeft(refused) && refused.left).toEqual({ _tag: 'OrganisationalResultNotSet', unitPeriod });
    if (isLeft(refused)) expect(describeUnitPeriodError(refused.left)).toContain('BR-03');
    expect(unitPeriodStream.events).toHaveLength(before);
    expect(unitPeriodStream.events.some((e) => e.type === 'UnitPeriodSettled')).toBe(false);
    expect(settledResults(unitPeriodStream.state())).toEqual([]);
  });

  it('settles once the result is set, and every final predikat cites BR-03 with the organisational result it rests on', () => {
    const unitPeriodStream = stream();
    for (const command of [open, ...proposals, setResult('baik')]) expect(isRight(unitPeriodStream.send(command))).toBe(true);

    const settled = unitPeriodStream.send(settle);

    expect(isRight(settled)).toBe(true);
    const [decision] = isRight(settled) ? settled.right : [];
    if (decision?.type !== 'UnitPeriodSettled') throw new Error('expected one settlement');
    expect(decision.data.organisationalResult).toBe('baik');
    expect(decision.data.results).toHaveLength(4);
    for (const result of decision.data.results) expect(result.basis.articles).toContain('BR-03');
  });

  it('settles under the last result set when it was set more than once; every setting stays in the stream', () => {
    const unitPeriodStream = stream();
    for (const command of [open, ...proposals, setResult('kurang'), setResult('baik')])
      expect(isRight(unitPeriodStream.send(command))).toBe(true);

    const settled = unitPeriodStream.send(settle);

    const [decision] = isRight(settled) ? settled.right : [];
    expect(decision?.type === 'UnitPeriodSettled' && decision.data.organisationalResult).toBe('baik');
    expect(
      unitPeriodStream.events.flatMap((e) => (e.type === 'OrganisationalResultSet' ? [e.data.result] : [])),
    ).toEqual(['kurang', 'baik']);
  });

  it('only the unit head’s superior sets the result: the unit head cannot', () => {
    const unitPeriodStream = stream();
    expect(isRight(unitPeriodStream.send(open))).toBe(true);
    const byHead: UnitPeriodCommand = { ...setResult('istimewa'), metadata: { now: at(), actor: { nip: kepalaDinas, role: 'pimpinan-unit' } } };
    const refused = unitPeriodStream.send(byHead);
    expect(isLeft(refused) && refused.left).toEqual({ _tag: 'NotTheAuthorisedOfficial', expected: sekda, actor: kepalaDinas });
  });

  it('once settled, the organisational result can no longer change', () => {
    const unitPeriodStream = stream();
    for (const command of [open, ...proposals, setResult('baik'), settle]) expect(isRight(unitPeriodStream.send(command))).toBe(true);
    const refused = unitPeriodStream.send(setResult('istimewa'));
    expect(isLeft(refused) && refused.left._tag).toBe('AlreadySettled');
  });
});
