/**
 * How a catalog entry is built: a command either goes to the pipeline as the client sent it (`plainSpec`), or the
 * engine first gathers the facts the domain needs from other streams and settings (`factsSpec`). Either way the
 * command is decided on the stream `streamOf` names, with the context's tenant set to the route's tenant and the
 * pipeline's options (If-Match) passed through.
 */
import { isLeft, right, type Either } from 'fp-ts/Either';
import type * as t from 'io-ts';
import type { CommandMetadata, Role, TenantId } from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import type { GatherError } from '../facts/problems';
import { commandOf } from '../facts/tenant';
import { handle, type Aggregate, type CommandContext } from '../pipeline';
import type { AggregateName, CommandSpec } from './catalog';

export type SpecHeader<Request> = Readonly<{
  aggregate: AggregateName;
  type: string;
  summary: string;
  request: t.Type<Request, unknown, unknown>;
  roles: ReadonlyArray<Role>;
  public?: boolean;
  streamOf: (tenant: TenantId, request: Request) => string;
}>;

/** Gathers the facts and returns the complete domain command. */
export type Gather<Request, Command> = (
  store: EventStore,
  tenant: TenantId,
  request: Request,
  context: CommandContext,
) => Promise<Either<GatherError, Command>>;

/**
 * A spec as the catalog lists it. The request type is erased: the edges decode a body with `spec.request` before
 * they call `spec.run`, so `run` only ever sees what its own codec produced.
 */
const listed = <Request>(spec: CommandSpec<Request>): CommandSpec => spec as unknown as CommandSpec;

export const factsSpec = <State, Command, Event, Error extends Readonly<{ _tag: string }>, Request>(
  aggregate: Aggregate<State, Command, Event, Error>,
  header: SpecHeader<Request>,
  gather: Gather<Request, Command>,
): CommandSpec =>
  listed<Request>({
    ...header,
    run: async (store, tenant, request, context, options) => {
      const own: CommandContext = { ...context, tenant };
      const command = await gather(store, tenant, request, own);
      if (isLeft(command)) return command;
      return handle(store, aggregate, header.streamOf(tenant, request), command.right, own, options);
    },
  });

type AnyCommand = Readonly<{ type: string; data: unknown; metadata: CommandMetadata }>;

/** A command whose data is exactly what the client sends. */
export const plainSpec = <State, Command extends AnyCommand, Event, Error extends Readonly<{ _tag: string }>>(
  aggregate: Aggregate<State, Command, Event, Error>,
  header: SpecHeader<Command['data']>,
): CommandSpec =>
  factsSpec(aggregate, header, async (_store, _tenant, request, context) =>
    right(commandOf(header.type, request, context) as unknown as Command),
  );
