import { DisciplineEventCodec, type LocalDate } from '@kinerja/domain';
import {
  at,
  CASE,
  decideSanction,
  deliver,
  EMPLOYEE,
  examinedHistory,
  KABID,
  review,
  run,
  UNIT,
} from '../../../domain/src/discipline/discipline.testkit';
import { sanctionsInForce, sanctionsProjection } from './sanctions';
import { workQueueProjection, deadlinesDue } from './work-queues';
import { applyEvents, createReadModelDb, envelopeFactory, envelopesOf } from './read-models.testkit';

const tenant = 'surabaya';
const streamId = `disiplin-${tenant}.${CASE}`;
const d = (s: string) => s as LocalDate;

const project = (events: ReturnType<typeof run>) => {
  const db = createReadModelDb([sanctionsProjection, workQueueProjection]);
  applyEvents(db, [sanctionsProjection, workQueueProjection], envelopesOf(envelopeFactory(), DisciplineEventCodec, events, { tenant, streamId }));
  return db;
};

describe('sanctions in force (BR-14, PP 94/2021) as of a date', () => {
  const decided = run([decideSanction({ type: 'potongan-tukin-25', months: 6 }, 'kabid')], examinedHistory());
  const delivered = run([deliver()], decided);
  const inForce = delivered.find((e) => e.type === 'DecisionDelivered');
  if (inForce?.type !== 'DecisionDelivered') throw new Error('not delivered');
  const { from, until } = inForce.data.inForce;

  it('an imposed sanction is in force nowhere until delivered; BR-22 makes its delivery a deadline of the deciding official', () => {
    const db = project(decided);
    expect(sanctionsInForce(db, { tenant, asOf: d('2026-01-01') })).toEqual([]);
    expect(deadlinesDue(db, { tenant, to: '2026-12-31T00:00:00Z' }).map((x) => [x.kind, x.owner])).toEqual([['sanction-delivery', KABID]]);
  });

  it('delivered: in force from its first day until (not on) its end, with level, authority and decider', () => {
    const db = project(delivered);
    expect(until).not.toBeNull();
    expect(sanctionsInForce(db, { tenant, asOf: from })).toEqual([
      expect.objectContaining({
        caseId: CASE,
        employee: EMPLOYEE,
        unit: UNIT,
        sanction: 'potongan-tukin-25',
        months: 6,
        level: 'sedang',
        decidedBy: KABID,
        authority: expect.stringContaining('administrator'),
        from,
        until,
      }),
    ]);
    const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) as LocalDate;
    expect(sanctionsInForce(db, { tenant, asOf: dayBefore })).toEqual([]);
    expect(sanctionsInForce(db, { tenant, asOf: until as LocalDate })).toEqual([]);
    expect(sanctionsInForce(db, { tenant, asOf: from, unit: 'other' })).toEqual([]);
    expect(deadlinesDue(db, { tenant, to: '2026-12-31T00:00:00Z' })).toEqual([]);
  });

  it('lightened on review (BR-21): the new sanction from the same first day; annulled: in force before, not from the annulment', () => {
    const twelve = run([deliver()], run([decideSanction({ type: 'potongan-tukin-25', months: 12 }, 'kabid')], examinedHistory()));
    const lightened = run([review('keberatan', 'memperingan', { type: 'potongan-tukin-25', months: 6 }, at('2025-11-20T10:00:00+07:00'))], twelve);
    const db = project(lightened);
    expect(sanctionsInForce(db, { tenant, asOf: d('2026-01-01') })).toEqual([
      expect.objectContaining({ sanction: 'potongan-tukin-25', months: 6, level: 'sedang', from, until, reviewOutcome: 'memperingan' }),
    ]);
    expect(sanctionsInForce(db, { tenant, asOf: d('2026-06-01') })).toEqual([]); // the 12 months would still run
    expect(sanctionsInForce(project(twelve), { tenant, asOf: d('2026-06-01') }).map((s) => s.months)).toEqual([12]);
    const annulled = run([review('keberatan', 'membatalkan', undefined, at('2025-11-20T10:00:00+07:00'))], delivered);
    const db2 = project(annulled);
    expect(sanctionsInForce(db2, { tenant, asOf: d('2025-11-19') }).map((s) => s.sanction)).toEqual(['potongan-tukin-25']);
    expect(sanctionsInForce(db2, { tenant, asOf: d('2025-11-20') })).toEqual([]);
  });
});
