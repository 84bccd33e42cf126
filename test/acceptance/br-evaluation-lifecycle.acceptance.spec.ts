/**
 * DOMAIN.md §2.2, end to end through the public packages: a quarterly evaluation in Samarinda (WITA, peers and
 * co-workers evaluate) goes open → feedback from a peer and a subordinate → rated with the process and effort
 * cited → settled by the unit period → delivered → final after the BR-10 window, through the engine's command
 * pipeline on a real store; refusals append nothing; the employee sees aggregated feedback, an auditor sees who
 * said what; the chain verifies at the end.
 */
import { isLeft, isRight, type Either } from 'fp-ts/Either';
import {
  currentResult,
  evaluationDecider,
  EvaluationEventCodec,
  evaluationStreamId,
  feedbackDetail,
  feedbackSummary,
  replay,
  type EvaluationCommand,
  type EvaluationError,
  type EvaluationEvent,
  type TenantId,
} from '@kinerja/domain';
import { createMemoryStore, verify } from '@kinerja/eventstore';
import { handle, serdeFromCodec, type Aggregate, type HandleError, type Handled } from '@kinerja/engine';
import {
  deliver,
  employee,
  evaluation,
  factsFor,
  finalize,
  giveFeedback,
  invite,
  open,
  peer,
  policyOf,
  rate,
  settle,
  subordinate,
} from './br-evaluation-fixtures';

const tenant = 'samarinda' as TenantId;
const streamId = evaluationStreamId(tenant, evaluation);
const aggregate: Aggregate<ReturnType<typeof evaluationDecider.initialState>, EvaluationCommand, EvaluationEvent, EvaluationError> = {
  decider: evaluationDecider,
  serde: serdeFromCodec<EvaluationEvent>(EvaluationEventCodec),
};

let seq = 0;
const run = (store: ReturnType<typeof createMemoryStore>, command: EvaluationCommand): Promise<Either<HandleError<EvaluationError>, Handled<EvaluationEvent>>> =>
  handle(store, aggregate, streamId, command, {
    tenant,
    commandId: `eval-${++seq}`,
    actor: command.metadata.actor,
    issuedAt: command.metadata.now,
  });
const refusalOf = (result: Either<HandleError<EvaluationError>, unknown>): string | undefined =>
  isLeft(result) && result.left._tag === 'Refused' ? result.left.error._tag : undefined;

describe('DOMAIN §2.2: a quarterly evaluation in Samarinda, from opening to final', () => {
  const store = createMemoryStore();
  const samarinda = policyOf('samarinda');
  const stored = async () => {
    const history = await store.readStream(streamId);
    if (isLeft(history)) throw new Error('unreadable');
    return history.right.flatMap((e) => {
      const decoded = aggregate.serde.deserialize(e);
      return isRight(decoded) ? [decoded.right] : [];
    });
  };
  const expectUnchanged = async (count: number) => expect(await stored()).toHaveLength(count);

  it('opens for the approved plan under the tenant’s rule book and policy', async () => {
    expect(isRight(await run(store, open(factsFor(samarinda), '2025-04-01T08:00:00+08:00')))).toBe(true);
    await expectUnchanged(1);
  });

  it('invites a peer and a subordinate; never the employee; refusals append nothing', async () => {
    expect(refusalOf(await run(store, invite(employee, 'peer')))).toBe('InviteeIsEmployee');
    await expectUnchanged(1);
    expect(isRight(await run(store, invite(peer, 'peer')))).toBe(true);
    expect(isRight(await run(store, invite(subordinate, 'subordinate')))).toBe(true);
    await expectUnchanged(3);
  });

  it('takes each invitee’s levels per BerAKHLAK value with a comment', async () => {
    expect(isRight(await run(store, giveFeedback(peer, 'sesuai-ekspektasi', { levels: { kolaboratif: 'di-atas-ekspektasi' }, comment: 'Kompak saat posyandu' })))).toBe(true);
    expect(isRight(await run(store, giveFeedback(subordinate, 'di-atas-ekspektasi', { comment: 'Arahan jelas' })))).toBe(true);
    expect(refusalOf(await run(store, giveFeedback(subordinate, 'di-bawah-ekspektasi')))).toBe('FeedbackAlreadyGiven');
    await expectUnchanged(5);
  });

  it('is rated by the appraiser, citing the process and effort of an initiative not yet fully achieved', async () => {
    const effort = 'Inisiatif imunisasi keliling belum mencapai target, cakupan naik 20% dalam satu triwulan';
    const result = await run(store, rate({ regime: 'rated', hasilKerja: 'di-atas-ekspektasi', perilaku: 'sesuai-ekspektasi', justification: 'Target laporan tercapai', effortNotes: effort }));
    expect(isRight(result) && result.right.events[0]).toMatchObject({
      type: 'EvaluationRated',
      data: { effortNotes: effort, feedbackCount: 2, closedInvitations: [], assessment: { predikat: 'baik', label: 'Baik' } },
    });
  });

  it('is settled, delivered, and final after the window (WITA)', async () => {
    expect(isRight(await run(store, settle('baik', 'Baik', '2025-04-09T10:00:00+08:00')))).toBe(true);
    expect(isRight(await run(store, deliver('2025-04-10T11:00:00+08:00')))).toBe(true);
    expect(refusalOf(await run(store, finalize('2025-04-24T23:59:59+08:00')))).toBe('ObjectionWindowOpen');
    expect(isRight(await run(store, finalize('2025-04-25T00:00:00+08:00')))).toBe(true);
    expect(refusalOf(await run(store, rate({ regime: 'rated', hasilKerja: 'di-atas-ekspektasi', perilaku: 'di-atas-ekspektasi', justification: 'lagi' })))).toBe('EvaluationFinal');
  });

  it('shows the employee aggregated feedback and the auditor who said what', async () => {
    const state = replay(evaluationDecider, await stored());
    const summary = feedbackSummary(state);
    expect(summary.perValue.kolaboratif).toEqual({ 'di-bawah-ekspektasi': 0, 'sesuai-ekspektasi': 0, 'di-atas-ekspektasi': 2 });
    expect(summary.comments).toEqual(['Arahan jelas', 'Kompak saat posyandu']);
    expect(JSON.stringify(summary)).not.toContain(peer);
    expect(feedbackDetail(state).map((d) => [d.invitee, d.answer?.comment])).toEqual([
      [peer, 'Kompak saat posyandu'],
      [subordinate, 'Arahan jelas'],
    ]);
    expect(currentResult(state)).toMatchObject({ stage: 'settled', predikat: 'baik' });
  });

  it('leaves a log whose chain verifies, with one fact per step', async () => {
    const report = await verify(store);
    expect(isRight(report) && report.right).toMatchObject({ _tag: 'Intact', streamsChecked: 1 });
    expect((await stored()).map((e) => e.type)).toEqual([
      'EvaluationOpened',
      'FeedbackInvited',
      'FeedbackInvited',
      'FeedbackGiven',
      'FeedbackGiven',
      'EvaluationRated',
      'EvaluationSettled',
      'EvaluationDelivered',
      'EvaluationFinalized',
    ]);
  });
});
