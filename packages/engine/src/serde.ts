/**
 * From an aggregate's io-ts event codec to the store's envelope and back. Every event type of the domain is at
 * schema version 1 today; when one gets a v2, its upcaster is registered here (docs/adr, "Versioning").
 */
import { isLeft, left, right } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { describeErrors } from '@kinerja/domain';
import type { Json } from '@kinerja/eventstore';
import type { EventSerde } from './pipeline';

export const serdeFromCodec = <Event extends { readonly type: string }>(
  codec: t.Type<Event, unknown, unknown>,
  schemaVersion = 1,
): EventSerde<Event> => ({
  serialize: (event) => {
    const wire = codec.encode(event) as { type: string; data: Json };
    return { type: wire.type, schemaVersion, data: wire.data };
  },
  deserialize: (envelope) => {
    if (envelope.schemaVersion !== schemaVersion)
      return left(`event type ${envelope.type} has schema version ${envelope.schemaVersion}, which this code cannot read (expected ${schemaVersion})`);
    const decoded = codec.decode({ type: envelope.type, data: envelope.data });
    if (isLeft(decoded))
      return left(
        `event ${envelope.type} v${envelope.schemaVersion}: ${describeErrors(decoded.left)
          .map((p) => `${p.path || '(root)'}: ${p.message}`)
          .join('; ')}`,
      );
    return right(decoded.right);
  },
});
