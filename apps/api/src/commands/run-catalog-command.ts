/**
 * The one command of the service's command bus: run a catalog entry (`CommandSpec`) for a tenant with a decoded
 * request and its context. Typed `Command<CommandOutcome>`, so `commandBus.execute(...)` answers the engine's
 * `Either<CommandFailure, Handled>`; the one handler calls `spec.run` and records the outcome in the metrics.
 */
import { Inject, Optional } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isRight } from 'fp-ts/Either';
import type { TenantId } from '@kinerja/domain';
import type { CommandContext, CommandOutcome, CommandSpec, HandleOptions } from '@kinerja/engine';
import type { EventStore } from '@kinerja/eventstore';
import { COMMAND_METRICS, STORE, type CommandMetrics } from '../contracts';
import { InFlightCommands } from './in-flight';

export class RunCatalogCommand extends Command<CommandOutcome> {
  constructor(
    readonly spec: CommandSpec,
    readonly tenant: TenantId,
    readonly request: unknown,
    readonly context: CommandContext,
    readonly options: HandleOptions,
  ) {
    super();
  }
}

/** The metrics' outcome label of an engine outcome. */
export const outcomeLabel = (outcome: CommandOutcome): string => {
  if (isRight(outcome)) return outcome.right.replayed ? 'replayed' : 'ok';
  switch (outcome.left._tag) {
    case 'Refused':
      return 'refused';
    case 'StaleVersion':
    case 'TooManyConflicts':
    case 'DuplicateEventId':
      return 'conflict';
    case 'Unavailable':
      return 'unavailable';
    case 'TooLarge':
      return 'too-large';
    default:
      return outcome.left._tag.endsWith('NotFound') ? 'not-found' : 'failed';
  }
};

const NO_METRICS: CommandMetrics = { commandHandled: () => undefined };

@CommandHandler(RunCatalogCommand)
export class RunCatalogCommandHandler implements ICommandHandler<RunCatalogCommand> {
  private readonly metrics: CommandMetrics;

  constructor(
    @Inject(STORE) private readonly store: EventStore,
    @Inject(InFlightCommands) private readonly inFlight: InFlightCommands,
    @Optional() @Inject(COMMAND_METRICS) metrics?: CommandMetrics,
  ) {
    this.metrics = metrics ?? NO_METRICS;
  }

  async execute(command: RunCatalogCommand): Promise<CommandOutcome> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    const { spec } = command;
    return this.inFlight.track(async () => {
      try {
        const outcome = await spec.run(this.store, command.tenant, command.request, command.context, command.options);
        this.metrics.commandHandled(spec.type, outcomeLabel(outcome), seconds());
        return outcome;
      } catch (error) {
        this.metrics.commandHandled(spec.type, 'error', seconds());
        throw error;
      }
    });
  }
}
