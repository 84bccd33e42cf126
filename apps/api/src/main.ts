/**
 * The kinerja service: `startService(config)` opens the runtime (store, demo seed, read models, ledger keeper,
 * process managers, timers), starts the HTTP app and listens; `close()` shuts it down gracefully (stop accepting,
 * finish in-flight requests and commands, stop the loops, close the store).
 *
 * Run directly (`node apps/api/dist/main.js`, `pnpm start`), it reads its configuration from the environment
 * (`configFromEnv`, see config.ts), prints where the docs are and how to get a token, and stops on SIGTERM/SIGINT.
 */
import 'reflect-metadata';
import { relative } from 'node:path';
import { COMMANDS, RULE_OF_REFUSAL, ruleOfRefusal, type CommandSpec } from '@kinerja/engine';
import { createTokenVerifier } from './auth/tokens';
import { InFlightCommands } from './commands/in-flight';
import { configFromEnv, type ConfigFromEnv } from './config';
import type { ServiceConfig } from './contracts';
import { createHttpApp } from './http-app';
import { demoPeople } from './runtime/demo';
import { openRuntime, type ServiceRuntime } from './runtime/runtime';
import { createRuntimeLog, type RuntimeLog } from './runtime/runtime-log';

export { configFromEnv, ensureDemoSecret, type ConfigFromEnv } from './config';
export type { ServiceConfig } from './contracts';

export type RunningService = Readonly<{
  /** `http://<host>:<port>` */
  url: string;
  runtime: ServiceRuntime;
  close: () => Promise<void>;
}>;

export type StartOptions = Readonly<{
  log?: RuntimeLog;
  /** The timer loop's period (default 30 s). */
  timerIntervalMs?: number;
  /** The clock that stamps commands' `issuedAt` and the timers' `now` (default: the system clock; tests fix it). */
  clock?: () => Date;
  /** The commands served (default: the engine's `COMMANDS`); an embedding service may serve fewer. */
  specs?: ReadonlyArray<CommandSpec>;
}>;

export const startService = async (config: ServiceConfig, options: StartOptions = {}): Promise<RunningService> => {
  const log = options.log ?? createRuntimeLog(config.logLevel);
  const verifier = await createTokenVerifier(config.jwt);
  const runtime = await openRuntime(config, {
    log,
    ...(options.timerIntervalMs === undefined ? {} : { timerIntervalMs: options.timerIntervalMs }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  let app: Awaited<ReturnType<typeof createHttpApp>>['app'];
  try {
    ({ app } = await createHttpApp({
      config,
      store: runtime.store,
      readModelDb: runtime.readModelDb,
      runner: runtime.runner,
      verifier,
      specs: options.specs ?? COMMANDS,
      rules: RULE_OF_REFUSAL,
      ruleOf: ruleOfRefusal,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    }));
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await runtime.stop();
    throw error;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const inFlight = app.get(InFlightCommands);
      // Stop accepting; fastify waits for the requests in flight (new ones meanwhile get 503).
      await app.close();
      await inFlight.drain();
      await runtime.stop();
    })();
    return closing;
  };
  return { url, runtime, close };
};

/** What the service prints when it is up: where the docs are and how to get a token. */
export const startupBanner = (url: string, config: ConfigFromEnv): string => {
  const lines = [`kinerja is listening on ${url}`, `  API docs (Swagger UI): ${url}/docs   (OpenAPI: ${url}/docs-json)`];
  if (config.demoSecretPath !== undefined) {
    const path = relative(process.cwd(), config.demoSecretPath) || config.demoSecretPath;
    const people = config.seedDemo ? demoPeople() : undefined;
    lines.push(`  Tokens are signed with the demo secret in ${path}; \`kinerja token\` reads it from there. Get one with:`);
    if (people === undefined) lines.push('    pnpm kinerja token --nip <NIP> --tenant <tenant> --roles <role,...>');
    else
      lines.push(
        `    pnpm kinerja token --nip ${people.appraiser} --tenant ${people.tenant} --roles pimpinan-unit,pejabat-penilai,pegawai   # head of ${people.unit}`,
        `    pnpm kinerja token --nip ${people.employee} --tenant ${people.tenant} --roles pegawai                                   # one of its staff`,
        `    pnpm kinerja token --nip 198001012005011001 --tenant ${people.tenant} --roles inspektorat                               # reads everything`,
      );
  } else if (config.jwt.kind === 'secret') lines.push('  Tokens: pnpm kinerja token --nip <NIP> --tenant <tenant> --roles <role,...> (with the same KINERJA_JWT_SECRET)');
  else lines.push(`  Tokens: RS256, verified with the keys in ${config.jwt.path}`);
  lines.push('  Send it as "Authorization: Bearer <token>". Stop with Ctrl-C.');
  return lines.join('\n');
};

const main = async (): Promise<void> => {
  const config = configFromEnv(process.env);
  const log = createRuntimeLog(config.logLevel);
  const service = await startService(config, { log });
  const seeded = service.runtime.seeded;
  if (seeded !== undefined) process.stdout.write(`Seeded the demo tenants: ${seeded.events} events in ${seeded.seconds.toFixed(1)} s\n`);
  process.stdout.write(`${startupBanner(service.url, config)}\n`);
  const stop = (signal: string) => {
    log.info('shutting down', { signal });
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
};

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(`kinerja: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
