/**
 * One controller per aggregate, generated from the catalog: `RosterCommandsController`, `PlanCommandsController`,
 * ... each with one `POST` route per command of that aggregate (`command-routes.ts`). A route only builds the
 * typed `RunCatalogCommand` from the request (`buildCommand`) and dispatches it on the `CommandBus`; the answer
 * is the engine's outcome as JSON (`answerOf`) or a problem (`problemOfCommandFailure`).
 *
 * The routes carry their spec's roles (`@Roles`, checked by the global guard) or, for the citizen complaint
 * filing (`public: true`), `@PublicRoute()` and a per-route rate limit (`@fastify/rate-limit`).
 */
import { Controller, Inject, Post, Req, Res, SetMetadata, type Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RouteConfig } from '@nestjs/platform-fastify';
import { isLeft } from 'fp-ts/Either';
import type { CommandSpec, Handled } from '@kinerja/engine';
import { PublicRoute, Roles } from '../contracts';
import { problemOfCommandFailure, type RuleLookup } from '../problems/problem';
import { buildCommand, type CommandHttpRequest } from './command-request';
import { aggregatePrefix, kebabCase } from './command-routes';
import type { RunCatalogCommand } from './run-catalog-command';

/** Route metadata: the catalog entry a command route runs. */
export const COMMAND_SPEC_KEY = 'kinerja:command-spec';

/** The global position of the answer's events: queries wait for it with `X-Kinerja-Min-Position`. */
export const POSITION_HEADER = 'x-kinerja-position';

export type CommandAnswer = Readonly<{
  streamId: string;
  /** The stream's version after the command (`-1`: the stream does not exist); also the `ETag`. */
  streamVersion: number;
  /** The global position of the command's last event (0 when it appended nothing). */
  position: number;
  /** True when this Idempotency-Key was already handled: the first answer again, nothing appended now. */
  replayed: boolean;
  events: ReadonlyArray<Readonly<{ eventId: string; type: string; streamVersion: number; position: number; data: unknown }>>;
}>;

export const answerOf = (handled: Handled<unknown>, streamId: string): CommandAnswer => ({
  streamId: handled.envelopes[0]?.streamId ?? streamId,
  streamVersion: handled.streamVersion,
  position: handled.position,
  replayed: handled.replayed,
  events: handled.envelopes.map((e) => ({ eventId: e.eventId, type: e.type, streamVersion: e.streamVersion, position: e.globalPosition, data: e.data })),
});

/** What a command route touches of fastify's reply. */
export type CommandReply = Readonly<{ status: (code: number) => unknown; header: (name: string, value: string) => unknown }>;

export type CommandRouteOptions = Readonly<{
  ruleOf: RuleLookup;
  /** The clock that stamps `issuedAt` (default: the system clock). */
  clock?: () => Date;
  /** Requests per minute per client address on public routes. */
  publicRateLimitPerMinute: number;
}>;

/** Builds, dispatches and answers one command request (the body of every generated route). */
export const dispatchCommand = async (
  commandBus: CommandBus,
  spec: CommandSpec,
  request: CommandHttpRequest,
  reply: CommandReply,
  options: CommandRouteOptions,
): Promise<CommandAnswer> => {
  const command: RunCatalogCommand = buildCommand(spec, request, options.clock?.() ?? new Date());
  const outcome = await commandBus.execute(command);
  if (isLeft(outcome)) throw problemOfCommandFailure(outcome.left, spec.aggregate, options.ruleOf);
  const handled = outcome.right;
  const answer = answerOf(handled, spec.streamOf(command.tenant, command.request));
  reply.status(!handled.replayed && handled.envelopes.length > 0 ? 201 : 200);
  if (handled.streamVersion >= 0) reply.header('etag', `"${handled.streamVersion}"`);
  reply.header(POSITION_HEADER, String(handled.position));
  return answer;
};

const pascalCase = (kebab: string): string => kebab.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
const camelCase = (type: string): string => type.charAt(0).toLowerCase() + type.slice(1);

/** The controller of one aggregate's commands. */
export const commandControllerFor = (aggregate: string, specs: ReadonlyArray<CommandSpec>, options: CommandRouteOptions): Type => {
  class AggregateCommandsController {
    constructor(readonly commandBus: CommandBus) {}
  }
  Object.defineProperty(AggregateCommandsController, 'name', { value: `${pascalCase(aggregate)}CommandsController` });
  Inject(CommandBus)(AggregateCommandsController, undefined, 0);
  Controller(aggregatePrefix(aggregate))(AggregateCommandsController);

  const prototype = AggregateCommandsController.prototype as unknown as Record<string, unknown>;
  for (const spec of specs) {
    const method = camelCase(spec.type);
    prototype[method] = function (this: AggregateCommandsController, request: CommandHttpRequest, reply: CommandReply) {
      return dispatchCommand(this.commandBus, spec, request, reply, options);
    };
    const descriptor = Object.getOwnPropertyDescriptor(prototype, method) as PropertyDescriptor;
    // Parameter metadata: the raw fastify request, and the reply (passthrough: Nest still sends the answer).
    Req()(prototype, method, 0);
    Res({ passthrough: true })(prototype, method, 1);
    Post(kebabCase(spec.type))(prototype, method, descriptor);
    SetMetadata(COMMAND_SPEC_KEY, spec)(prototype, method, descriptor);
    if (spec.public === true) {
      PublicRoute()(prototype, method, descriptor);
      RouteConfig({ rateLimit: { max: options.publicRateLimitPerMinute, timeWindow: 60_000 } })(prototype, method, descriptor);
    } else Roles(...spec.roles)(prototype, method, descriptor);
  }
  return AggregateCommandsController;
};

/** One controller per aggregate that has commands, in catalog order. */
export const commandControllers = (specs: ReadonlyArray<CommandSpec>, options: CommandRouteOptions): ReadonlyArray<Type> => {
  const aggregates = [...new Set(specs.map((s) => s.aggregate))];
  return aggregates.map((aggregate) => commandControllerFor(aggregate, specs.filter((s) => s.aggregate === aggregate), options));
};
