/**
 * The seed on memory stores: deterministic (the same arguments give the same streams, whatever the concurrency),
 * idempotent (a second run on the same store appends nothing), free of refusals, with every process-manager
 * reaction in place (running them again over the whole log appends nothing).
 */
import { isLeft } from 'fp-ts/Either';
import { createMemoryStore, type EventEnvelope, type EventStore } from '@kinerja/eventstore';
import type { Actor, TenantId } from '@kinerja/domain';
import { reactToEvent } from '../process';
import { SEED_SYSTEM_NIP, seedHistory, type SeedProgress } from './history';
import { readSeededLog } from './seed.testkit';

/** Every stream's events in stream order: what a decision saw and decided, without store stamps. */
const streamsOf = async (store: EventStore): Promise<Map<string, unknown[]>> => {
  const streams = new Map<string, unknown[]>();
  for await (const e of store.readAll(0)) {
    const list = streams.get(e.streamId) ?? [];
    list.push(essentials(e));
    streams.set(e.streamId, list);
  }
  return streams;
};

const essentials = (e: EventEnvelope) => ({
  eventId: e.eventId,
  type: e.type,
  streamVersion: e.streamVersion,
  data: e.data,
  commandId: e.metadata.commandId,
  actor: e.metadata.actor,
  occurredAt: e.metadata.occurredAt,
  basis: e.metadata.basis,
});

const sorted = (streams: Map<string, unknown[]>) => [...streams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('seedHistory on memory stores', () => {
  // Two tenants keep the file quick: Surabaya (peer feedback, WIB) and Samarinda (peer feedback, WITA).
  const base = { employees: 50, years: 1, seed: 'kinerja', tenants: ['surabaya', 'samarinda'] as unknown as ReadonlyArray<TenantId> } as const;

  it('is deterministic: one command at a time and 16 in flight give the same streams, event for event', async () => {
    const one = createMemoryStore();
    const many = createMemoryStore();
    const progress: SeedProgress[] = [];
    const a = await seedHistory({ ...base, store: one, concurrency: 1 });
    const b = await seedHistory({ ...base, store: many, concurrency: 16, onProgress: (p) => progress.push(p) });
    expect(a.refusals).toBe(0);
    expect(b.refusals).toBe(0);
    expect(a.events).toBe(b.events);
    expect(a.events).toBeGreaterThan(2000);
    expect(sorted(await streamsOf(one))).toEqual(sorted(await streamsOf(many)));
    // BR-04..BR-08 in every quarterly and annual unit period; every evaluation ends final.
    const log = await readSeededLog(one);
    expect(log.curveChecks.length).toBeGreaterThan(0);
    for (const check of log.curveChecks) expect(check).toMatchObject({ holds: true, tallied: true });
    expect(log.finals).toBe(log.evaluations);
    // Progress runs from 0 to its total, never backwards.
    expect(progress[0]).toMatchObject({ done: 0 });
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
    expect(progress.every((p, i) => i === 0 || p.done >= (progress[i - 1]?.done ?? 0))).toBe(true);

    // A second run of the same seed on the same store appends nothing and refuses nothing.
    const before = await one.headPosition();
    const again = await seedHistory({ ...base, store: one, concurrency: 8 });
    expect(again).toMatchObject({ events: 0, refusals: 0 });
    expect(again.replayed).toBe(again.commands);
    expect(await one.headPosition()).toEqual(before);
  }, 60_000);

  it('leaves no reaction undone: every process manager run again over the whole log appends nothing', async () => {
    const store = createMemoryStore();
    // Semarang's self-evaluation notes and Palembang's plain cycle, annual evaluations only.
    const options = { ...base, tenants: ['semarang', 'palembang'] as unknown as ReadonlyArray<TenantId>, seed: 3, periodic: false, concurrency: 8 };
    const report = await seedHistory({ ...options, store });
    expect(report.refusals).toBe(0);
    // The absence (BR-15) and appeal (BR-21) managers, the cycle's and the poor-performance one all had events to react to.
    expect(report.perAggregate).toMatchObject({ absensi: expect.any(Number), disiplin: expect.any(Number), pengaduan: expect.any(Number) });
    const before = await store.headPosition();
    const system: Actor = { nip: SEED_SYSTEM_NIP, role: 'sistem' };
    let handled = 0;
    for await (const envelope of store.readAll(0)) {
      const reaction = await reactToEvent(store, envelope, system);
      if (isLeft(reaction)) throw new Error(JSON.stringify(reaction.left));
      handled += reaction.right.handled;
    }
    expect(handled).toBeGreaterThan(0);
    expect(await store.headPosition()).toEqual(before);
  }, 60_000);

  it('re-reacting to the final evaluations of the service demo (after their poor-performance paths moved on) appends nothing and fails nothing', async () => {
    // The live service's process managers go over the seeded demo again; a final evaluation below Baik then finds
    // its path already open, and today's facts would name the next path: the reaction was handled before.
    const store = createMemoryStore();
    const report = await seedHistory({ store, employees: 300, years: 1, seed: 'kinerja-demo' });
    expect(report.refusals).toBe(0);
    expect(report.perAggregate).toMatchObject({ kinerjarendah: expect.any(Number) });
    const before = await store.headPosition();
    const system: Actor = { nip: SEED_SYSTEM_NIP, role: 'sistem' };
    for await (const envelope of store.readAll(0, { filter: { types: ['EvaluationFinalized', 'EvaluationRevised'] } })) {
      const reaction = await reactToEvent(store, envelope, system);
      if (isLeft(reaction)) throw new Error(JSON.stringify(reaction.left));
    }
    const added: string[] = [];
    for await (const e of store.readAll(before._tag === 'Right' ? before.right : 0)) added.push(`${e.streamId} ${e.type} ${e.metadata.commandId}`);
    expect(added).toEqual([]);
  }, 60_000);

  it('differs for another seed', async () => {
    const a = createMemoryStore();
    const b = createMemoryStore();
    await seedHistory({ ...base, seed: 1, periodic: false, store: a });
    await seedHistory({ ...base, seed: 2, periodic: false, store: b });
    const first = (await streamsOf(a)).get('roster-surabaya');
    const second = (await streamsOf(b)).get('roster-surabaya');
    expect(first?.length).toBeGreaterThan(0);
    expect(first).not.toEqual(second);
  }, 60_000);

  it('refuses sizes it cannot generate, before writing anything', async () => {
    const store = createMemoryStore();
    await expect(seedHistory({ store, employees: 104, years: 1, seed: 1 })).rejects.toThrow(/at least 105 employees/);
    await expect(seedHistory({ store, employees: 200, years: 0, seed: 1 })).rejects.toThrow(/years/);
    await expect(seedHistory({ store, employees: 200, years: 1, seed: 1, startYear: 2020 })).rejects.toThrow(/startYear/);
    expect(await store.headPosition()).toEqual({ _tag: 'Right', right: 0 });
  });
});
