/** The domain's aggregates as the pipeline needs them: a decider and how its events are stored. */
import {
  planDecider,
  PlanEventCodec,
  rosterDecider,
  RosterEventCodec,
  type PlanCommand,
  type PlanError,
  type PlanEvent,
  type PlanState,
  type RosterCommand,
  type RosterError,
  type RosterEvent,
  type RosterState,
} from '@kinerja/domain';
import type { Aggregate } from './pipeline';
import { serdeFromCodec } from './serde';

export const rosterAggregate: Aggregate<RosterState, RosterCommand, RosterEvent, RosterError> = {
  decider: rosterDecider,
  serde: serdeFromCodec<RosterEvent>(RosterEventCodec),
};

export const planAggregate: Aggregate<PlanState, PlanCommand, PlanEvent, PlanError> = {
  decider: planDecider,
  serde: serdeFromCodec<PlanEvent>(PlanEventCodec),
};
