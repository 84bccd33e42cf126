import { isLeft, right, type Either } from 'fp-ts/Either';
import * as t from 'io-ts';
import { byType, eventCodec, planIdOf, planStreamId, type Actor, type Command, type Decider, type Event, type LocalDate, type Nip, type PeriodId, type PlanCommand, type PlanState, type TenantId, type UnitId } from '@kinerja/domain';
import { createMemoryStore, type EventStore } from '@kinerja/eventstore';
import { planAggregate } from './aggregates';
import { handle, type Aggregate } from './pipeline';
import { serdeFromCodec } from './serde';
import {
  employeeFileAsOf,
  employeeStreamCategories,
  employeeStreamIds,
  streamAsOf,
  streamModelFor,
  streamModelOf,
  typedStreamAsOf,
  type AsOf,
} from './time-travel';

const rightOf = <E, A>(result: Either<E, A>): A => {
  if (isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

/** A store whose clock (recordedAt) the test moves by hand. */
const clockedStore = (): { store: EventStore; setClock: (iso: string) => void } => {
  let now = new Date('2025-01-01T00:00:00Z');
  return { store: createMemoryStore({ clock: () => now }), setClock: (iso) => (now = new Date(iso)) };
};

// A register whose state is every value folded, in folding order: it shows which events counted, and in what order.
type Set_ = Event<'ValueSet', { value: number }>;
type SetValue = Command<'SetValue', { value: number }>;
const register: Decider<ReadonlyArray<number>, SetValue, Set_, never> = {
  initialState: () => [],
  evolve: (s, e) => [...s, e.data.value],
  decide: (c) => right([{ type: 'ValueSet', data: { value: c.data.value } }]),
};
const registerAggregate: Aggregate<ReadonlyArray<number>, SetValue, Set_, never> = {
  decider: register,
  serde: serdeFromCodec<Set_>(byType('RegisterEvent', { ValueSet: eventCodec('ValueSet', t.type({ value: t.number })) })),
};
const clerk: Actor = { nip: '198503152010011002' as Nip, role: 'operator' };

describe('time travel: a stream as of an instant', () => {
  /**
   * Three values: 1 effective and recorded 1 March, 2 effective and recorded 1 May, and 3, a correction recorded on
   * 1 June that applies from 1 April (its command was issued with that effective instant).
   */
  const history = async (): Promise<EventStore> => {
    const { store, setClock } = clockedStore();
    const set = async (value: number, occurred: string, recorded: string) => {
      setClock(recorded);
      const now = new Date(occurred);
      rightOf(
        await handle(store, registerAggregate, 'register-x', { type: 'SetValue', data: { value }, metadata: { now, actor: clerk } }, {
          tenant: 'surabaya',
          commandId: `set-${value}`,
          actor: clerk,
          issuedAt: now,
        }),
      );
    };
    await set(1, '2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z');
    await set(2, '2025-05-01T00:00:00Z', '2025-05-01T00:00:00Z');
    await set(3, '2025-04-01T00:00:00Z', '2025-06-01T00:00:00Z');
    return store;
  };
  const at = (iso: string) => new Date(iso);
  const stateAsOf = async (store: EventStore, asOf: AsOf) => rightOf(await typedStreamAsOf(store, registerAggregate, 'register-x', asOf));

  it('by recorded time: only what the store held then, in stream order', async () => {
    const store = await history();
    expect((await stateAsOf(store, { by: 'recorded', at: at('2025-04-15T00:00:00Z') })).state).toEqual([1]);
    expect((await stateAsOf(store, { by: 'recorded', at: at('2025-05-15T00:00:00Z') })).state).toEqual([1, 2]);
    const june = await stateAsOf(store, { by: 'recorded', at: at('2025-06-30T00:00:00Z') });
    expect(june.state).toEqual([1, 2, 3]);
    expect(june.version).toBe(2);
    expect(june.laterEvents).toBe(0);
  });

  it('by effective time: a correction recorded later shows where it applies, and is named as recorded later', async () => {
    const store = await history();
    const april = await stateAsOf(store, { by: 'effective', at: at('2025-04-15T00:00:00Z') });
    expect(april.state).toEqual([1, 3]);
    expect(april.recordedLater.map((e) => e.data)).toEqual([{ value: 3 }]);
    expect(april.laterEvents).toBe(1);
    // Folded in the order the facts occurred: the April correction does not override May's value.
    expect((await stateAsOf(store, { by: 'effective', at: at('2025-06-30T00:00:00Z') })).state).toEqual([1, 3, 2]);
  });

  it('on both axes: effective in April as known in May does not know the June correction yet', async () => {
    const store = await history();
    const known = await stateAsOf(store, { by: 'effective', at: at('2025-04-15T00:00:00Z'), knownAt: at('2025-05-15T00:00:00Z') });
    expect(known.state).toEqual([1]);
    expect(known.recordedLater).toEqual([]);
  });

  it('before the first event: the initial state, version -1, and every event counted as later', async () => {
    const store = await history();
    const before = await stateAsOf(store, { by: 'recorded', at: at('2025-02-01T00:00:00Z') });
    expect(before).toMatchObject({ state: [], version: -1, envelopes: [], laterEvents: 0 });
    const effectiveBefore = await stateAsOf(store, { by: 'effective', at: at('2025-02-01T00:00:00Z') });
    expect(effectiveBefore).toMatchObject({ state: [], version: -1, laterEvents: 3 });
  });

  it('returns the envelopes that made the state, hashes included, so an auditor can check them', async () => {
    const store = await history();
    const result = await stateAsOf(store, { by: 'effective', at: at('2025-06-30T00:00:00Z') });
    expect(result.envelopes.map((e) => e.streamVersion)).toEqual([0, 2, 1]);
    expect(result.envelopes.every((e) => /^[0-9a-f]{64}$/.test(e.metadata.hash))).toBe(true);
  });

  it('a stream whose category no aggregate owns answers with its events and no state', async () => {
    const store = await history();
    expect(streamModelFor('register-x')).toBeUndefined();
    const result = rightOf(await streamAsOf(store, 'register-x', { by: 'recorded', at: at('2025-12-31T00:00:00Z') }));
    expect(result).toMatchObject({ aggregate: undefined, state: undefined, events: [], version: 2 });
    expect(result.envelopes).toHaveLength(3);
  });

  it('an event the model cannot decode is a CorruptStream naming its version', async () => {
    const store = await history();
    const strict = streamModelOf('strict', {
      ...registerAggregate,
      serde: { ...registerAggregate.serde, deserialize: (e) => (e.streamVersion === 1 ? { _tag: 'Left', left: 'bad data' } : registerAggregate.serde.deserialize(e)) },
    });
    const result = await streamAsOf(store, 'register-x', { by: 'recorded', at: at('2025-12-31T00:00:00Z') }, strict);
    expect(result).toEqual({ _tag: 'Left', left: { _tag: 'CorruptStream', streamId: 'register-x', streamVersion: 1, problem: 'bad data' } });
  });

  it('a closed store is Unavailable, not an exception', async () => {
    const store = await history();
    await store.close();
    const result = await streamAsOf(store, 'register-x', { by: 'recorded', at: at('2025-12-31T00:00:00Z') });
    expect(isLeft(result) && result.left._tag).toBe('Unavailable');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The real plan aggregate, found by the stream's category
// ---------------------------------------------------------------------------------------------------------------

const tenant = 'surabaya' as TenantId;
const year = '2025' as PeriodId;
const unit = 'dinkes' as UnitId;
const appraiser = '197805122005012001' as Nip;
const superior = '196901011990031003' as Nip;
const employeeA = '198503152010011002' as Nip;
const employeeB = '199001012015011001' as Nip;

/** Drafts, submits and approves `employee`'s 2025 plan; the approval is issued on 7 January but recorded on 9 January. */
const approvedPlan = async (store: EventStore, setClock: (iso: string) => void, employee: Nip): Promise<string> => {
  const plan = planIdOf(employee, year);
  const streamId = planStreamId(tenant, plan);
  let n = 0;
  const run = async (actor: Actor, issued: string, recorded: string, type: PlanCommand['type'], data: unknown) => {
    setClock(recorded);
    const now = new Date(issued);
    rightOf(
      await handle(store, planAggregate, streamId, { type, data, metadata: { now, actor } } as PlanCommand, {
        tenant,
        commandId: `${employee}-${++n}`,
        actor,
        issuedAt: now,
      }),
    );
  };
  const me: Actor = { nip: employee, role: 'pegawai' };
  await run(me, '2025-01-06T02:00:00Z', '2025-01-06T02:00:00Z', 'DraftPlan', {
    plan,
    employee,
    appraiser,
    appraiserSuperior: superior,
    unit,
    period: year,
    periodStart: new Date('2025-01-01T00:00:00+07:00'),
    periodEnd: new Date('2026-01-01T00:00:00+07:00'),
    approach: 'kuantitatif',
    roster: { asOf: '2025-01-06' as LocalDate, employeeUnit: unit, employeeSuperior: appraiser, appraiserSuperior: superior },
  });
  await run(me, '2025-01-06T02:05:00Z', '2025-01-06T02:05:00Z', 'AddRhk', { plan, rhk: 'R1', kind: 'utama', description: 'Laporan' });
  await run(me, '2025-01-06T02:10:00Z', '2025-01-06T02:10:00Z', 'AddIki', {
    plan,
    rhk: 'R1',
    iki: 'I1',
    description: 'Laporan bulanan',
    targets: { kuantitas: { value: 12, unit: 'laporan' } },
  });
  await run(me, '2025-01-06T02:15:00Z', '2025-01-06T02:15:00Z', 'SubmitPlan', { plan });
  await run({ nip: appraiser, role: 'pejabat-penilai' }, '2025-01-07T02:00:00Z', '2025-01-09T02:00:00Z', 'ApprovePlan', { plan });
  return streamId;
};

describe('time travel over a real aggregate (the plan)', () => {
  it('finds the plan aggregate by category and folds the plan as it stood', async () => {
    const { store, setClock } = clockedStore();
    const streamId = await approvedPlan(store, setClock, employeeA);
    expect(streamModelFor(streamId)?.name).toBe('plan');
    const recorded = rightOf(await streamAsOf(store, streamId, { by: 'recorded', at: new Date('2025-01-08T00:00:00Z') }));
    expect(recorded.aggregate).toBe('plan');
    expect((recorded.state as PlanState).status).toBe('submitted');
    expect(recorded.events.map((e) => (e as { type: string }).type)).toEqual(['PlanDrafted', 'RhkAdded', 'IkiAdded', 'PlanSubmitted']);
    // Effective on 8 January the approval of 7 January already applies, though it was recorded on the 9th.
    const effective = rightOf(await streamAsOf(store, streamId, { by: 'effective', at: new Date('2025-01-08T00:00:00Z') }));
    expect((effective.state as PlanState).status).toBe('approved');
    expect(effective.recordedLater.map((e) => e.type)).toEqual(['PlanApproved']);
  });

  it("one employee's file: the employee's streams from the log, each as of the instant", async () => {
    const { store, setClock } = clockedStore();
    const planA = await approvedPlan(store, setClock, employeeA);
    await approvedPlan(store, setClock, employeeB);
    const ids = rightOf(await employeeStreamIds(store, tenant, employeeA));
    expect(ids).toEqual([planA]);
    const file = rightOf(await employeeFileAsOf(store, [...ids, `evaluation-${tenant}.${employeeA}.2025.2025`], { by: 'recorded', at: new Date('2025-01-10T00:00:00Z') }));
    expect(file.streams.map((s) => [s.streamId, (s.state as PlanState).status])).toEqual([[planA, 'approved']]);
    expect(file.notYet).toEqual([`evaluation-${tenant}.${employeeA}.2025.2025`]);
    const before = rightOf(await employeeFileAsOf(store, ids, { by: 'recorded', at: new Date('2025-01-01T00:00:00Z') }));
    expect(before.streams).toEqual([]);
  });

  it("the employee's categories come from the domain's stream ids", () => {
    expect(employeeStreamCategories(tenant)).toEqual(
      expect.arrayContaining(['plan', 'evaluation', 'keberatan', 'disiplin', 'keberatanadmin', 'banding', 'absensi', 'kinerjarendah', 'penghargaan']),
    );
  });
});
