/**
 * BR-10: an evaluation objection (keberatan) is filed by the evaluated employee, with written reasons, to the
 * Atasan Pejabat Penilai, within 14 days of delivery: day 14 accepted, day 15 refused [reg: PP 30/2019 Ps 59;
 * calendar days by default]. The window is the one the evaluation recorded at delivery, in the tenant's time zone,
 * ending 23:59:59.999 local time of day 14 (DOMAIN.md §3, "Days"): the same instant can be in time in Surabaya (WIB,
 * UTC+7) and late in Samarinda (WITA, UTC+8). The objection aggregate admits the filing; its process manager then
 * notes it on the evaluation.
 */
import { isLeft, isRight } from 'fp-ts/Either';
import {
  INDONESIA_2025_2027,
  OBJECTION_POLICY_DEFAULTS,
  objectionDecider,
  objectionFactsOf,
  reactToObjection,
  type CommandMetadata,
  type EvaluationCommand,
  type Nip,
  type ObjectionCommand,
  type ObjectionEvent,
  type TenantCalendar,
} from '@kinerja/domain';
import { appraiser, appraiserSuperior, deliveredIn, employee, evaluation, policyOf, system, type Stream } from './br-evaluation-fixtures';

const OBJECTION = 'keberatan-2025-0001';
const REASONS = ['Realisasi laporan imunisasi April belum diperhitungkan'];

/** Delivered Thursday 10 April 2025 at the same instant in both cities: 10:00 WIB = 11:00 WITA. */
const DELIVERED = '2025-04-10T10:00:00+07:00';

const calendarOf = (tenant: string): TenantCalendar => ({
  timeZone: policyOf(tenant).timeZone,
  holidays: INDONESIA_2025_2027,
});

const delivered = (tenant: string) => deliveredIn(tenant, DELIVERED);

/** What the engine does: reads the evaluation's stream for the facts and asks the objection decider. */
const file = (tenant: string, at: string, o: Readonly<{ by?: Nip; reasons?: ReadonlyArray<string>; stream?: Stream }> = {}) => {
  const stream = o.stream ?? delivered(tenant);
  const facts = objectionFactsOf(stream.state, calendarOf(tenant), OBJECTION_POLICY_DEFAULTS);
  if (facts === undefined) throw new Error('the evaluation has not been opened');
  const by = o.by ?? employee;
  const command: ObjectionCommand = {
    type: 'FileObjection',
    data: { evaluation, objection: OBJECTION, reasons: o.reasons ?? REASONS, facts },
    metadata: { now: new Date(at), actor: { nip: by, role: by === employee ? 'pegawai' : 'pejabat-penilai' } },
  };
  return objectionDecider.decide(command, objectionDecider.initialState());
};

const refusalOf = (result: ReturnType<typeof file>): string | undefined => (isLeft(result) ? result.left._tag : undefined);
const filedEvent = (result: ReturnType<typeof file>): ObjectionEvent => {
  if (isLeft(result)) throw new Error(`refused: ${JSON.stringify(result.left)}`);
  const [event] = result.right;
  if (event === undefined) throw new Error('no event');
  return event;
};

describe('BR-10 filing an evaluation objection: by the employee, with reasons, to the Atasan Pejabat Penilai, within 14 days', () => {
  describe('Surabaya (WIB): the window ends 24 April 2025, 23:59:59.999 WIB', () => {
    it('accepts a filing in the last minute of day 14', () => {
      expect(refusalOf(file('surabaya', '2025-04-24T23:59:00+07:00'))).toBeUndefined();
      expect(refusalOf(file('surabaya', '2025-04-24T23:59:59.999+07:00'))).toBeUndefined();
    });

    it('refuses a filing at 00:00 on day 15, naming the deadline the evaluation recorded', () => {
      const result = file('surabaya', '2025-04-25T00:00:00+07:00');
      expect(isLeft(result) && result.left).toEqual({
        _tag: 'ObjectionWindowClosed',
        deadline: new Date('2025-04-24T23:59:59.999+07:00'),
      });
    });
  });

  describe('Samarinda (WITA): the window ends 24 April 2025, 23:59:59.999 WITA, an hour earlier', () => {
    it('accepts a filing in the last minute of day 14', () => {
      expect(refusalOf(file('samarinda', '2025-04-24T23:59:00+08:00'))).toBeUndefined();
    });

    it('refuses a filing at 00:00 on day 15', () => {
      const result = file('samarinda', '2025-04-25T00:00:00+08:00');
      expect(isLeft(result) && result.left).toEqual({
        _tag: 'ObjectionWindowClosed',
        deadline: new Date('2025-04-24T23:59:59.999+08:00'),
      });
    });
  });

  describe('the same instant in both cities', () => {
    it('23:59 on 24 April in Makassar (22:59 in Jakarta) is in time in both', () => {
      const instant = '2025-04-24T15:59:00Z';
      expect(refusalOf(file('samarinda', instant))).toBeUndefined();
      expect(refusalOf(file('surabaya', instant))).toBeUndefined();
    });

    it('23:30 on 24 April in Jakarta is 00:30 on 25 April in Makassar: accepted in Surabaya, refused in Samarinda', () => {
      const instant = '2025-04-24T16:30:00Z';
      expect(refusalOf(file('surabaya', instant))).toBeUndefined();
      expect(refusalOf(file('samarinda', instant))).toBe('ObjectionWindowClosed');
    });

    it('00:00 on 25 April in Jakarta (01:00 in Makassar) is day 15 in both', () => {
      const instant = '2025-04-24T17:00:00Z';
      expect(refusalOf(file('surabaya', instant))).toBe('ObjectionWindowClosed');
      expect(refusalOf(file('samarinda', instant))).toBe('ObjectionWindowClosed');
    });
  });

  it('is addressed to the Atasan Pejabat Penilai named on the plan, with the reasons and the legal basis', () => {
    const event = filedEvent(file('surabaya', '2025-04-14T09:00:00+07:00'));
    expect(event).toMatchObject({
      type: 'ObjectionFiled',
      data: {
        evaluation,
        objection: OBJECTION,
        reasons: REASONS,
        employee,
        appraiser,
        addressee: appraiserSuperior,
        objectionDeadline: new Date('2025-04-24T23:59:59.999+07:00'),
        articles: ['BR-10', 'PP 30/2019 Ps 59'],
        filedBy: employee,
      },
    });
  });

  it('is filed by the evaluated employee only, and with written reasons', () => {
    expect(refusalOf(file('surabaya', '2025-04-14T09:00:00+07:00', { by: appraiser }))).toBe('NotTheEmployee');
    expect(refusalOf(file('surabaya', '2025-04-14T09:00:00+07:00', { reasons: [] }))).toBe('NoReasons');
  });

  it('needs a delivered evaluation', () => {
    const stream = delivered('surabaya');
    stream.apply({ type: 'FinalizeEvaluation', data: { evaluation }, metadata: { now: new Date('2025-04-25T00:00:00+07:00'), actor: { nip: system, role: 'sistem' } } });
    expect(refusalOf(file('surabaya', '2025-04-24T23:00:00+07:00', { stream }))).toBe('EvaluationNotDelivered');
  });

  it('a filing admitted in the last minute of day 14 is noted on the evaluation, even when the host reacts on day 15', () => {
    for (const [tenant, lastMinute] of [
      ['surabaya', '2025-04-24T23:59:00+07:00'],
      ['samarinda', '2025-04-24T23:59:00+08:00'],
    ] as const) {
      const stream = delivered(tenant);
      const filed = filedEvent(file(tenant, lastMinute, { stream }));
      const host: CommandMetadata = { now: new Date('2025-04-25T00:05:00+08:00'), actor: { nip: system, role: 'sistem' } };
      const commands = reactToObjection(filed, stream.state, host);
      expect(commands.map((c) => c.type)).toEqual(['NoteObjection']);
      const noted = stream.attempt(commands[0] as EvaluationCommand);
      expect(isRight(noted)).toBe(true);
      expect(stream.state.status).toBe('objected');
    }
  });
});
