/** The tenant's roster for the facts that read it, folded once per roster version and store. */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { fold, rosterStreamId, type RosterEvent, type RosterState, type TenantId } from '@kinerja/domain';
import type { EventStore, ReadError } from '@kinerja/eventstore';
import { rosterAggregate } from '../aggregates';
import { loadStream, type CorruptStream } from '../pipeline';

/**
 * The tenant's roster as it stands, folded at most once per roster version and store.
 *
 * Many commands read the roster as of their issue date (DraftPlan, OpenEvaluation, InviteFeedback, OpenUnitPeriod,
 * ReportBreach, DecideSanction, DismissCase) and the poor-performance manager reads it for every final evaluation;
 * folding a city's roster (thousands of employees, tens of thousands of events) for each would cost more than the
 * rest of the command. So the folded state is kept per store (a `WeakMap`, like the pipeline's stream cache,
 * ADR 0005) and roster stream, with the stream version it was folded to. Each call reads the stream's last event
 * (one row) to learn its version: the same version gives the kept state; a newer one folds only the events appended
 * since onto it (the roster is append-only and `evolve` a pure fold, so this equals folding the whole stream);
 * anything else folds the whole stream again. The result is always the roster at the version just read.
 */
type FoldedRoster = Readonly<{ version: number; state: RosterState }>;
const foldedRosters = new WeakMap<EventStore, Map<string, FoldedRoster>>();

const rostersOf = (store: EventStore): Map<string, FoldedRoster> => {
  let rosters = foldedRosters.get(store);
  if (rosters === undefined) {
    rosters = new Map();
    foldedRosters.set(store, rosters);
  }
  return rosters;
};

export const loadRoster = async (store: EventStore, tenant: TenantId): Promise<Either<CorruptStream | ReadError, RosterState>> => {
  const streamId = rosterStreamId(tenant);
  const last = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
  if (isLeft(last)) return last;
  const head = last.right[0]?.streamVersion ?? -1;
  const rosters = rostersOf(store);
  const kept = rosters.get(streamId);
  if (kept !== undefined && kept.version === head) return right(kept.state);
  let folded: FoldedRoster;
  if (kept !== undefined && kept.version < head) {
    const since = await store.readStream(streamId, { from: kept.version + 1, to: head });
    if (isLeft(since)) return since;
    const events: Array<RosterEvent> = [];
    for (const envelope of since.right) {
      const decoded = rosterAggregate.serde.deserialize(envelope);
      if (isLeft(decoded)) return left({ _tag: 'CorruptStream', streamId, streamVersion: envelope.streamVersion, problem: decoded.left });
      events.push(decoded.right);
    }
    folded = { version: since.right.at(-1)?.streamVersion ?? kept.version, state: fold(rosterAggregate.decider.evolve, kept.state, events) };
  } else {
    const loaded = await loadStream(store, rosterAggregate, streamId);
    if (isLeft(loaded)) return loaded;
    folded = { version: loaded.right.envelopes.length - 1, state: loaded.right.state };
  }
  // Concurrent callers may finish out of order: never step back to an older version.
  const current = rosters.get(streamId);
  if (current === undefined || current.version <= folded.version) rosters.set(streamId, folded);
  return right(folded.state);
};
