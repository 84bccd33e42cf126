/**
 * How the seed runs commands: as the service would. Each command goes through the catalog (`commandSpecFor(…).run`:
 * facts gathered, then the pipeline), and every event it commits is handed to the process managers right after the
 * command, as a host does; the events their commands commit are handed on in turn, until nothing more follows.
 *
 * One exception, for speed at city scale: the four commands whose facts come from the tenant's roster (DraftPlan,
 * OpenEvaluation, InviteFeedback, OpenUnitPeriod) get them from a roster state the seed folded once per tenant,
 * through the same domain functions the engine's fact gathering uses (`rosterFactsFor`, `evaluationRosterFactsFor`,
 * `inviteeFactsFor`, `unitPeriodRosterFactsFor`). The roster does not change while the seed runs, so the facts are
 * the same; a test runs a small seed both ways and compares every event. (Folding a 4,000-employee roster for each
 * of 20,000 plans would cost more than the rest of the history together.)
 *
 * And one filter: the poor-performance manager (BR-26) gathers the roster for every final evaluation, though it can
 * only act for an employee who has a path already or whose final predikat is below Baik. The host skips it for the
 * others: a final evaluation whose settled predikat it saw is Baik or better, of an employee with no path stream.
 * With `shortcuts: false` both the roster cache and this filter are off, and the same test compares the two runs.
 *
 * Refusals are not thrown: each is counted with its tag, the command and the stream, so a report can show them
 * (a correct seed has none). Events appended are counted per tenant and per stream category.
 */
import { isLeft, left, type Either } from 'fp-ts/Either';
import {
  evaluationIdParts,
  evaluationPlanFactsOf,
  evaluationPolicyOf,
  evaluationRosterFactsFor,
  evaluationStreamId,
  inviteeFactsFor,
  localDateOf,
  planStreamId,
  policyFor,
  rosterFactsFor,
  ruleBookFor,
  unitPeriodPolicyOf,
  unitPeriodRosterFactsFor,
  unitPeriodStreamId,
  type Actor,
  type InviteFeedbackRequest,
  type OpenEvaluationRequest,
  type PlanHeader,
  type RosterState,
  type TenantId,
  type UnitPeriodHeader,
} from '@kinerja/domain';
import type { EventEnvelope, EventStore } from '@kinerja/eventstore';
import { evaluationAggregate, planAggregate, unitPeriodAggregate } from '../aggregates';
import { commandSpecFor } from '../catalog';
import { fireDue, reactToEvent } from '../process';
import type { AggregateName, CommandOutcome } from '../catalog/catalog';
import { categoryOf } from '../catalog/streams';
import { reactToCycleEvent } from '../evaluation-cycle';
import { handle, loadStream, type CommandContext, type Handled } from '../pipeline';

export type Refusal = Readonly<{ tag: string; command: string; stream?: string; detail: string }>;

export type HostCounters = {
  commands: number;
  /** Commands whose id had been handled before (a re-run of the seed): nothing appended. */
  replayed: number;
  events: number;
  refusals: number;
  refusalsByTag: Record<string, number>;
  /** The first refusals, in full, for the report. */
  firstRefusals: Refusal[];
  eventsByTenant: Record<string, number>;
  eventsByCategory: Record<string, number>;
};

/** A store that reports every envelope it commits. */
const capturing = (store: EventStore, onAppended: (envelopes: ReadonlyArray<EventEnvelope>) => void): EventStore => ({
  ...store,
  append: async (streamId, events, expected) => {
    const appended = await store.append(streamId, events, expected);
    if (!isLeft(appended)) onAppended(appended.right.events);
    return appended;
  },
});

const describe = (error: unknown): Readonly<{ tag: string; detail: string }> => {
  const e = error as { _tag?: string; error?: { _tag?: string } };
  const tag = e._tag === 'Refused' ? (e.error?._tag ?? 'Refused') : (e._tag ?? 'Unknown');
  return { tag, detail: JSON.stringify(error).slice(0, 600) };
};

export type SeedHost = Readonly<{
  counters: HostCounters;
  /** Runs one command and the reactions to what it committed; undefined when it was refused (and counted). */
  run: (
    tenant: TenantId,
    aggregate: AggregateName,
    type: string,
    request: unknown,
    context: CommandContext,
  ) => Promise<Handled<unknown> | undefined>;
  /** Runs the timers due on `streamId` at `now` (as a host's timer would), and the reactions; how many fired. */
  fire: (streamId: string, now: Date) => Promise<number>;
  /** Folds and keeps the tenant's roster for the roster-fact commands. */
  cacheRoster: (tenant: TenantId, roster: RosterState) => void;
  /** Counts a failure that happened outside a command (a roster import). */
  refuse: (command: string, error: unknown, stream?: string) => void;
}>;

export const createSeedHost = (store: EventStore, system: Actor, options: Readonly<{ shortcuts: boolean }>): SeedHost => {
  const counters: HostCounters = {
    commands: 0,
    replayed: 0,
    events: 0,
    refusals: 0,
    refusalsByTag: {},
    firstRefusals: [],
    eventsByTenant: {},
    eventsByCategory: {},
  };
  const rosters = new Map<TenantId, RosterState>();

  const refuse = (command: string, error: unknown, stream?: string): void => {
    const { tag, detail } = describe(error);
    counters.refusals += 1;
    counters.refusalsByTag[tag] = (counters.refusalsByTag[tag] ?? 0) + 1;
    if (counters.firstRefusals.length < 20) counters.firstRefusals.push({ tag, command, ...(stream === undefined ? {} : { stream }), detail });
  };

  const count = (envelopes: ReadonlyArray<EventEnvelope>): void => {
    for (const e of envelopes) {
      counters.events += 1;
      counters.eventsByTenant[e.metadata.tenant] = (counters.eventsByTenant[e.metadata.tenant] ?? 0) + 1;
      const category = categoryOf(e.streamId);
      counters.eventsByCategory[category] = (counters.eventsByCategory[category] ?? 0) + 1;
    }
  };

  /** The roster-fact commands from the cached roster; undefined when the catalog should run the command. */
  const fromCachedRoster = async (
    target: EventStore,
    tenant: TenantId,
    type: string,
    request: unknown,
    context: CommandContext,
  ): Promise<CommandOutcome | undefined> => {
    const roster = rosters.get(tenant);
    const policy = policyFor(tenant);
    if (!options.shortcuts || roster === undefined || policy === undefined) return undefined;
    const asOf = localDateOf(context.issuedAt, policy.timeZone);
    const metadata = { now: context.issuedAt, actor: context.actor };
    switch (type) {
      case 'DraftPlan': {
        const header = request as PlanHeader;
        const facts = rosterFactsFor(roster, header.employee, header.appraiser, asOf);
        return handle(target, planAggregate, planStreamId(tenant, header.plan), { type, data: { ...header, roster: facts }, metadata }, context);
      }
      case 'OpenEvaluation': {
        const data = request as OpenEvaluationRequest;
        const ruleBook = ruleBookFor(policy, data.period);
        if (ruleBook === undefined) return left({ _tag: 'NoRuleBookForPeriod', tenant, period: data.period });
        const plan = evaluationIdParts(data.evaluation).plan;
        const planEvents = await loadStream(target, planAggregate, planStreamId(tenant, plan));
        if (isLeft(planEvents)) return planEvents;
        const planFacts = evaluationPlanFactsOf(planEvents.right.events);
        if (planFacts === undefined) return left({ _tag: 'PlanNotFound', plan });
        const facts = {
          plan: planFacts,
          ruleBook,
          policy: evaluationPolicyOf(policy),
          roster: evaluationRosterFactsFor(roster, planFacts.header.employee, planFacts.header.unit, asOf),
        };
        return handle(target, evaluationAggregate, evaluationStreamId(tenant, data.evaluation), { type, data: { ...data, facts }, metadata }, context);
      }
      case 'InviteFeedback': {
        const data = request as InviteFeedbackRequest;
        const inviteeFacts = inviteeFactsFor(roster, data.invitee, asOf);
        return handle(target, evaluationAggregate, evaluationStreamId(tenant, data.evaluation), { type, data: { ...data, inviteeFacts }, metadata }, context);
      }
      case 'OpenUnitPeriod': {
        const data = request as UnitPeriodHeader;
        const rosterFacts = unitPeriodRosterFactsFor(roster, data.unit, asOf);
        if (rosterFacts === undefined) return left({ _tag: 'NoAuthorisedOfficial', unit: data.unit, asOf });
        return handle(
          target,
          unitPeriodAggregate,
          unitPeriodStreamId(tenant, data.unitPeriod),
          { type, data: { ...data, facts: { roster: rosterFacts, policy: unitPeriodPolicyOf(policy) } }, metadata },
          context,
        );
      }
      default:
        return undefined;
    }
  };

  const execute = async (
    target: EventStore,
    tenant: TenantId,
    aggregate: AggregateName,
    type: string,
    request: unknown,
    context: CommandContext,
  ): Promise<CommandOutcome> => {
    const fast = await fromCachedRoster(target, tenant, type, request, context);
    if (fast !== undefined) return fast;
    const spec = commandSpecFor(aggregate, type);
    if (spec === undefined) throw new Error(`seed: the catalog has no command ${aggregate}/${type}`);
    return spec.run(target, tenant, request, context);
  };

  // What the host has seen committed: settled (or revised) predikat per evaluation stream, employees with a path.
  const predikatOf = new Map<string, string>();
  const withPath = new Set<string>();
  const observe = (envelope: EventEnvelope): void => {
    const data = envelope.data as Record<string, unknown> | null;
    if (envelope.type === 'EvaluationSettled' && typeof data?.['predikat'] === 'string') predikatOf.set(envelope.streamId, data['predikat']);
    if (envelope.type === 'EvaluationRevised') {
      const assessment = data?.['assessment'] as Record<string, unknown> | undefined;
      if (typeof assessment?.['predikat'] === 'string') predikatOf.set(envelope.streamId, assessment['predikat']);
    }
    if (categoryOf(envelope.streamId) === 'kinerjarendah') withPath.add(employeeOfPath(envelope.streamId));
  };
  const mayOpenOrFeedPath = (envelope: EventEnvelope): boolean => {
    if (!options.shortcuts) return true;
    if (envelope.type !== 'EvaluationFinalized' && envelope.type !== 'EvaluationRevised') return true;
    const predikat = predikatOf.get(envelope.streamId);
    if (predikat !== 'baik' && predikat !== 'sangat-baik') return true;
    return withPath.has(employeeOfEvaluationStream(envelope.streamId));
  };

  /** The process managers, for one committed event (the cycle's alone when the poor-performance one cannot act). */
  const react = async (target: EventStore, envelope: EventEnvelope): Promise<Either<unknown, unknown>> => {
    observe(envelope);
    return mayOpenOrFeedPath(envelope) ? reactToEvent(target, envelope, system) : reactToCycleEvent(target, envelope, system);
  };

  /** Reacts to `first`, then to whatever the reactions commit, until nothing more follows. */
  const settle = async (target: EventStore, first: ReadonlyArray<EventEnvelope>, committed: EventEnvelope[]): Promise<void> => {
    const queue: EventEnvelope[] = [...first];
    while (queue.length > 0) {
      const envelope = queue.shift() as EventEnvelope;
      const reaction = await react(target, envelope);
      if (isLeft(reaction)) refuse(`react ${envelope.type}`, reaction.left, envelope.streamId);
      queue.push(...committed.splice(0));
    }
  };

  const capture = (): Readonly<{ target: EventStore; committed: EventEnvelope[] }> => {
    const committed: EventEnvelope[] = [];
    const target = capturing(store, (envelopes) => {
      count(envelopes);
      committed.push(...envelopes);
    });
    return { target, committed };
  };

  const run: SeedHost['run'] = async (tenant, aggregate, type, request, context) => {
    const { target, committed } = capture();
    counters.commands += 1;
    const outcome = await execute(target, tenant, aggregate, type, request, context);
    if (isLeft(outcome)) {
      refuse(`${aggregate}/${type}`, outcome.left, describeStream(request));
      return undefined;
    }
    if (outcome.right.replayed) counters.replayed += 1;
    // A replayed command's events were committed by an earlier run: react to them again (idempotent: the
    // reactions' own command ids are derived from the event), so that a run cut short completes its reactions.
    await settle(target, outcome.right.replayed ? outcome.right.envelopes : committed.splice(0), committed);
    return outcome.right;
  };

  const fire: SeedHost['fire'] = async (streamId, now) => {
    const { target, committed } = capture();
    const fired = await fireDue(target, streamId, now, system);
    if (isLeft(fired)) {
      refuse(`timer ${streamId}`, fired.left, streamId);
      return 0;
    }
    counters.commands += fired.right.fired;
    await settle(target, committed.splice(0), committed);
    return fired.right.fired;
  };

  return {
    counters,
    run,
    fire,
    cacheRoster: (tenant, roster) => {
      rosters.set(tenant, roster);
    },
    refuse,
  };
};

/** `kinerjarendah-<tenant>.<nip>.<n>` → `<tenant>.<nip>`. */
const employeeOfPath = (streamId: string): string => {
  const rest = streamId.slice(streamId.indexOf('-') + 1);
  return rest.slice(0, rest.lastIndexOf('.'));
};

/** `evaluation-<tenant>.<nip>.<plan period>.<period>` → `<tenant>.<nip>`. */
const employeeOfEvaluationStream = (streamId: string): string => {
  const [tenant, nip] = streamId.slice(streamId.indexOf('-') + 1).split('.');
  return `${tenant}.${nip}`;
};

/** A hint for a refusal report: the id the request names. */
const describeStream = (request: unknown): string | undefined => {
  const r = request as Record<string, unknown>;
  const id = r['plan'] ?? r['evaluation'] ?? r['unitPeriod'];
  return typeof id === 'string' ? id : undefined;
};

