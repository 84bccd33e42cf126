/**
 * The gRPC runtime and the protobuf messages the test server speaks, loaded from the client package itself.
 *
 * Why from there: `@eventstore/db-client` ships the generated google-protobuf classes and service definitions
 * of the EventStoreDB protocol (`generated/*_pb.js`, `*_grpc_pb.js`) but no `.proto` files, so using them is the
 * only way to be byte-compatible with the client without copying its protocol. They are the very classes the
 * client serialises with, so the server cannot drift from the client's view of the wire format.
 *
 * Why by path: `test/package.json` does not (yet) declare `@grpc/grpc-js` or `@eventstore/db-client`, and
 * root configs are not ours to change, so the modules are resolved from `packages/eventstore`, which has both.
 * The generated files sit in pnpm's store and find `google-protobuf` beside their real path, so resolution
 * starts from the real path of the client package. Types come from the `.d.ts` files shipped next to them.
 *
 * Loading them with Node's own `require` (not jest's) also keeps the server's module instances apart from the
 * ones the client under test uses, as a real server in another process would be.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { realpathSync } from 'node:fs';
import type * as GrpcJs from '../../packages/eventstore/node_modules/@grpc/grpc-js';
import type * as StreamsGrpc from '../../packages/eventstore/node_modules/@eventstore/db-client/generated/streams_grpc_pb';
import type * as StreamsPb from '../../packages/eventstore/node_modules/@eventstore/db-client/generated/streams_pb';
import type * as SharedPb from '../../packages/eventstore/node_modules/@eventstore/db-client/generated/shared_pb';
import type * as StatusPb from '../../packages/eventstore/node_modules/@eventstore/db-client/generated/status_pb';
import type * as ServerFeaturesGrpc from '../../packages/eventstore/node_modules/@eventstore/db-client/generated/serverfeatures_grpc_pb';
import type * as ServerFeaturesPb from '../../packages/eventstore/node_modules/@eventstore/db-client/generated/serverfeatures_pb';

const eventstorePackage = join(__dirname, '..', '..', 'packages', 'eventstore');
const clientPackage = realpathSync(join(eventstorePackage, 'node_modules', '@eventstore', 'db-client'));

const fromEventstore = createRequire(join(eventstorePackage, 'package.json'));
const fromClient = createRequire(join(clientPackage, 'package.json'));

/** `google.protobuf.Any`, typed through the one place the generated typings expose it. */
export type AnyMessage = NonNullable<ReturnType<StatusPb.Status['getDetails']>>;
/** `google.protobuf.Empty`, used by BatchAppendResp (the other messages use `event_store.client.Empty`). */
export type GoogleEmpty = NonNullable<ReturnType<StreamsPb.BatchAppendResp['getNoStream']>>;

// The casts below only name what `require` returns; the declarations are the package's own `.d.ts` files.
export const grpc = fromEventstore('@grpc/grpc-js') as typeof GrpcJs;
export const streamsGrpc = fromClient('./generated/streams_grpc_pb') as typeof StreamsGrpc;
export const streamsPb = fromClient('./generated/streams_pb') as typeof StreamsPb;
export const sharedPb = fromClient('./generated/shared_pb') as typeof SharedPb;
export const statusPb = fromClient('./generated/status_pb') as typeof StatusPb;
export const serverFeaturesGrpc = fromClient('./generated/serverfeatures_grpc_pb') as typeof ServerFeaturesGrpc;
export const serverFeaturesPb = fromClient('./generated/serverfeatures_pb') as typeof ServerFeaturesPb;
export const anyPb = fromClient('google-protobuf/google/protobuf/any_pb') as { Any: new () => AnyMessage };
export const emptyPb = fromClient('google-protobuf/google/protobuf/empty_pb') as { Empty: new () => GoogleEmpty };

export type { GrpcJs, ServerFeaturesPb, SharedPb, StatusPb, StreamsPb };
