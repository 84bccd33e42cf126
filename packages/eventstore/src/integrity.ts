/**
 * The integrity chain (ARCHITECTURE.md, "Integrity"): each event's hash covers the previous event's hash of
 * the same stream and the canonical JSON (RFC 8785) of the event's envelope without `hash`.
 *
 * `globalPosition` is left out of the hashed bytes: it is a property of the log, not of the event, and an
 * EventStoreDB server assigns it only after the append. Leaving it out keeps a stream's hashes valid when a
 * history moves from SQLite to EventStoreDB (docs/adr/0003-integrity-chain.md).
 */
import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import type { EventEnvelope, EventMetadata, NewEvent } from './envelope';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash the first event of a stream chains from: a hash of the stream id. */
export const streamGenesisHash = (streamId: string): string => sha256(`kinerja:stream:${streamId}`);

/** An envelope as it is hashed: everything but `globalPosition` and `metadata.hash`. */
export type Unhashed = Omit<EventEnvelope, 'globalPosition' | 'metadata'> & {
  readonly metadata: Omit<EventMetadata, 'hash'>;
};

export const canonicalBytes = (envelope: Unhashed): string => canonicalize(envelope);

export const hashEnvelope = (envelope: Unhashed): string =>
  sha256(`${envelope.metadata.prevHash}${canonicalBytes(envelope)}`);

/** Strips what is not hashed from a stored envelope, so that its hash can be recomputed. */
export const unhashed = (envelope: EventEnvelope): Unhashed => {
  const { hash: _hash, ...metadata } = envelope.metadata;
  const { globalPosition: _position, metadata: _metadata, ...rest } = envelope;
  return { ...rest, metadata };
};

/** Recomputes an envelope's hash from its content (verify). */
export const recomputeHash = (envelope: EventEnvelope): string => hashEnvelope(unhashed(envelope));

export type SealInput = Readonly<{
  streamId: string;
  /** streamVersion of the first new event (the stream's current version + 1). */
  firstVersion: number;
  /** The stream's head hash, or `streamGenesisHash(streamId)` for a new stream. */
  prevHash: string;
  /** The commit instant, ISO-8601 UTC. */
  recordedAt: string;
  events: ReadonlyArray<NewEvent>;
  /** Gives an id to an event that has none (a random UUID in production). */
  newEventId: () => string;
}>;

/** Stamps versions, recordedAt and the hash chain on new events; the adapter adds `globalPosition`. */
export const sealEvents = (input: SealInput): ReadonlyArray<Omit<EventEnvelope, 'globalPosition'>> => {
  let prevHash = input.prevHash;
  return input.events.map((event, i) => {
    const envelope: Unhashed = {
      eventId: event.eventId ?? input.newEventId(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId: input.streamId,
      streamVersion: input.firstVersion + i,
      data: event.data,
      metadata: { ...event.metadata, recordedAt: input.recordedAt, prevHash },
    };
    const hash = hashEnvelope(envelope);
    prevHash = hash;
    return { ...envelope, metadata: { ...envelope.metadata, hash } };
  });
};
