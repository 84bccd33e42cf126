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

/** The keys of a stored envelope: the fast path below hashes exactly these. */
const ENVELOPE_KEYS = 8;

/**
 * Recomputes an envelope's hash from its content (verify).
 *
 * Fast path: the SQLite store keeps `data` and `metadata` as canonical JSON text, so once parsed their keys are
 * already in canonical order, and `JSON.stringify` of the envelope rebuilt with its top-level keys in canonical
 * order gives the canonical bytes without sorting anything. If that hash equals the stored one, the bytes were
 * the canonical bytes that were hashed when the event was written (a SHA-256 collision aside), so the content
 * is unaltered. Otherwise (an edited event, or JSON whose key order differs, such as integer-like keys, which
 * JavaScript objects order numerically) the hash is recomputed from the RFC 8785 form, which decides.
 */
export const recomputeHash = (envelope: EventEnvelope): string => {
  const { hash, ...metadata } = envelope.metadata;
  if (Object.keys(envelope).length === ENVELOPE_KEYS) {
    const fast = sha256(
      `${metadata.prevHash}${JSON.stringify({
        data: envelope.data,
        eventId: envelope.eventId,
        metadata,
        schemaVersion: envelope.schemaVersion,
        streamId: envelope.streamId,
        streamVersion: envelope.streamVersion,
        type: envelope.type,
      })}`,
    );
    if (fast === hash) return fast;
  }
  return hashEnvelope(unhashed(envelope));
};

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

/** A sealed event and the canonical JSON texts of its `data` and `metadata`, as a store that keeps text stores them. */
export type SealedForStorage = Readonly<{
  envelope: Omit<EventEnvelope, 'globalPosition'>;
  /** RFC 8785 JSON of `data`. */
  dataText: string;
  /** RFC 8785 JSON of `metadata`, `hash` included. */
  metadataText: string;
}>;

/**
 * Stamps versions, recordedAt and the hash chain on new events, and gives the canonical texts to store. The
 * envelope's canonical bytes are composed from the canonical texts of its parts (its top-level keys are fixed,
 * and `data` < `eventId` < `metadata` < `schemaVersion` < `streamId` < `streamVersion` < `type`), so each part
 * is canonicalized once.
 */
export const sealEventsForStorage = (input: SealInput): ReadonlyArray<SealedForStorage> => seal(input, true);

/** `withMetadataText`: whether the caller stores the metadata's text (memory and EventStoreDB do not need it). */
const seal = (input: SealInput, withMetadataText: boolean): ReadonlyArray<SealedForStorage> => {
  let prevHash = input.prevHash;
  return input.events.map((event, i) => {
    const eventId = event.eventId ?? input.newEventId();
    const streamVersion = input.firstVersion + i;
    const unhashedMetadata = { ...event.metadata, recordedAt: input.recordedAt, prevHash };
    const dataText = canonicalize(event.data);
    const bytes =
      `{"data":${dataText},"eventId":${canonicalize(eventId)},"metadata":${canonicalize(unhashedMetadata)},` +
      `"schemaVersion":${canonicalize(event.schemaVersion)},"streamId":${canonicalize(input.streamId)},` +
      `"streamVersion":${canonicalize(streamVersion)},"type":${canonicalize(event.type)}}`;
    const hash = sha256(`${prevHash}${bytes}`);
    prevHash = hash;
    const metadata = { ...unhashedMetadata, hash };
    return {
      envelope: { eventId, type: event.type, schemaVersion: event.schemaVersion, streamId: input.streamId, streamVersion, data: event.data, metadata },
      dataText,
      metadataText: withMetadataText ? canonicalize(metadata) : '',
    };
  });
};

/** Stamps versions, recordedAt and the hash chain on new events; the adapter adds `globalPosition`. */
export const sealEvents = (input: SealInput): ReadonlyArray<Omit<EventEnvelope, 'globalPosition'>> =>
  seal(input, false).map((sealed) => sealed.envelope);
