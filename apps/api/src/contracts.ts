/**
 * What the service's modules share: injection tokens, the service configuration, the authenticated principal,
 * route metadata (roles, public), and the metrics the command path records.
 */
import { SetMetadata } from '@nestjs/common';
import type { Role } from '@kinerja/domain';
import type { Locations } from '@kinerja/engine';

/** The `EventStore` (see @kinerja/eventstore). */
export const STORE = Symbol('kinerja.EventStore');
/** The read-model database (a better-sqlite3 `Database` opened on `locations.readModels`). */
export const READ_MODEL_DB = Symbol('kinerja.ReadModelDb');
/** The projection runner (see @kinerja/projections) keeping the read models, in-process. */
export const PROJECTION_RUNNER = Symbol('kinerja.ProjectionRunner');
/** The `ServiceConfig`. */
export const SERVICE_CONFIG = Symbol('kinerja.ServiceConfig');
/** The `CommandMetrics` implementation (operations module). */
export const COMMAND_METRICS = Symbol('kinerja.CommandMetrics');

export type JwtVerification =
  /** HS256 with a shared secret: local use (`kinerja token` mints with the same secret). */
  | Readonly<{ kind: 'secret'; secret: string }>
  /** RS256 public keys: a PEM file (one or more `-----BEGIN PUBLIC KEY-----` blocks) or a JWKS file. */
  | Readonly<{ kind: 'keys'; path: string }>;

export type ServiceConfig = Readonly<{
  /** `KINERJA_HOST`, default 127.0.0.1. */
  host: string;
  /** `KINERJA_PORT`, default 3000; 0 picks a free port (tests). */
  port: number;
  locations: Locations;
  jwt: JwtVerification;
  /** Seed the five demo tenants when the store is empty (default true; tests turn it off). */
  seedDemo: boolean;
  /** Largest request body, bytes (413 above it). */
  bodyLimitBytes: number;
  /** Public complaint filing: requests per minute per client address (429 above it). */
  publicRateLimitPerMinute: number;
  /** `/health/ready` fails when a projection lags more than this many events. */
  readyMaxLag: number;
  /** Log level for the JSON logs (`silent` in tests). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}>;

/**
 * Claims of a kinerja token: `sub` is the NIP, `tenant` the government it acts for, `roles` the roles it may act
 * in; issuer `kinerja`, audience `kinerja-api`. `kinerja token` mints one.
 */
export const TOKEN_ISSUER = 'kinerja';
export const TOKEN_AUDIENCE = 'kinerja-api';

/** The authenticated caller, attached to the request as `request.principal` by the auth guard. */
export type Principal = Readonly<{ nip: string; tenant: string; roles: ReadonlyArray<Role> }>;

export const ROLES_KEY = 'kinerja:roles';
export const PUBLIC_KEY = 'kinerja:public';
/** The roles that may call a route (any one of them suffices). */
export const Roles = (...roles: ReadonlyArray<Role>) => SetMetadata(ROLES_KEY, roles);
/** A route that needs no token (the citizen complaint filing, health, metrics, docs). */
export const PublicRoute = () => SetMetadata(PUBLIC_KEY, true);

/** Recorded by the command path; exported on `/metrics`. */
export type CommandMetrics = Readonly<{
  /** One command handled: its type, how it ended (`ok`, `replayed`, `refused`, `invalid`, `conflict`, `unavailable`, ...), and how long it took. */
  commandHandled: (type: string, outcome: string, seconds: number) => void;
}>;
