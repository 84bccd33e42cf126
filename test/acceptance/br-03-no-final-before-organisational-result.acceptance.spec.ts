/**
 * BR-03: no employee predikat of a unit and period is final before the unit's organisational result is set.
 * The unit period aggregate (DOMAIN.md §2.3) makes predikat final only by settling, and settling is refused until
 * the unit head's superior has set the organisational result (BR-02: one of five). Every settled result cites
 * BR-03 in its basis.
 */
import { isLeft, isRight } from 'fp-ts/Either';
import {
  describeUnitPeriodError,
  settledResults,
  type Nip,
  type OrganisationalResult,
  type PeriodId,
  type UnitId,
  type UnitPeriodCommand,
} from '@kinerja/domain';
import { rated, unitPeriodOf, UnitPeriodStream } from './unit-period-fixtures';

const kepalaDinas = '197505101998031003' as Nip; // heads Dinas Perhubungan
const sekda = '196802021990031002' as Nip; // the head's superior: sets the result and settles
const staff: ReadonlyArray<Nip> = ['199203142019031008', '198706122015032004', '199510202022032011'].map((s) => s as Nip);

let clock = Date.parse('2026-01-05T08:00:00+07:00');
const at = () => new Date((clock += 60_000));

const dishub = unitPeriodOf({
  unit: 'dinas-perhubungan' as UnitId,
  period: '2025' as PeriodId,
  unitHead: kepalaDinas,
  official: sekda,
  asOf: '2026-01-05',
  now: at,
});
const { unitPeriod } = dishub;
const open = dishub.open();
const setResult = (result: OrganisationalResult) =>
  dishub.setResult(result, 'Capaian IKU dan penanganan pengaduan transportasi 2025');
const settle = dishub.settle();

/** A stream: each command is decided on the state of the events so far; accepted events are appended. */
const stream = () => new UnitPeriodStream();

const proposals = [
  dishub.propose(staff[0]!, rated('di-atas-ekspektasi', 'di-atas-ekspektasi')),
  dishub.propose(staff[1]!, rated('sesuai-ekspektasi', 'sesuai-ekspektasi')),
  dishub.propose(staff[2]!, rated('di-bawah-ekspektasi', 'sesuai-ekspektasi')),
  dishub.propose(kepalaDinas, rated('sesuai-ekspektasi', 'sesuai-ekspektasi')),
];

describe('BR-03 no predikat is final before the organisational result is set', () => {
  it('refuses to settle before the organisational result is set, and nothing becomes final', () => {
    const unitPeriodStream = stream();
    for (const command of [open, ...proposals]) expect(isRight(unitPeriodStream.attempt(command))).toBe(true);
    const before = unitPeriodStream.events.length;

    const refused = unitPeriodStream.attempt(settle);

    expect(isLeft(refused) && refused.left).toEqual({ _tag: 'OrganisationalResultNotSet', unitPeriod });
    if (isLeft(refused)) expect(describeUnitPeriodError(refused.left)).toContain('BR-03');
    expect(unitPeriodStream.events).toHaveLength(before);
    expect(unitPeriodStream.events.some((e) => e.type === 'UnitPeriodSettled')).toBe(false);
    expect(settledResults(unitPeriodStream.state)).toEqual([]);
  });

  it('settles once the result is set, and every final predikat cites BR-03 with the organisational result it rests on', () => {
    const unitPeriodStream = stream();
    for (const command of [open, ...proposals, setResult('baik')]) expect(isRight(unitPeriodStream.attempt(command))).toBe(true);

    const settled = unitPeriodStream.attempt(settle);

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
      expect(isRight(unitPeriodStream.attempt(command))).toBe(true);

    const settled = unitPeriodStream.attempt(settle);

    const [decision] = isRight(settled) ? settled.right : [];
    expect(decision?.type === 'UnitPeriodSettled' && decision.data.organisationalResult).toBe('baik');
    expect(
      unitPeriodStream.events.flatMap((e) => (e.type === 'OrganisationalResultSet' ? [e.data.result] : [])),
    ).toEqual(['kurang', 'baik']);
  });

  it('only the unit head’s superior sets the result: the unit head cannot', () => {
    const unitPeriodStream = stream();
    expect(isRight(unitPeriodStream.attempt(open))).toBe(true);
    const byHead: UnitPeriodCommand = { ...setResult('istimewa'), metadata: { now: at(), actor: { nip: kepalaDinas, role: 'pimpinan-unit' } } };
    const refused = unitPeriodStream.attempt(byHead);
    expect(isLeft(refused) && refused.left).toEqual({ _tag: 'NotTheAuthorisedOfficial', expected: sekda, actor: kepalaDinas });
  });

  it('once settled, the organisational result can no longer change', () => {
    const unitPeriodStream = stream();
    for (const command of [open, ...proposals, setResult('baik'), settle]) expect(isRight(unitPeriodStream.attempt(command))).toBe(true);
    const refused = unitPeriodStream.attempt(setResult('istimewa'));
    expect(isLeft(refused) && refused.left._tag).toBe('AlreadySettled');
  });
});
