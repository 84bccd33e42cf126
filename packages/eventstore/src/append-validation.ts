/**
 * Checks every adapter makes before it writes, so that the memory, SQLite and EventStoreDB stores refuse the
 * same appends with the same errors (the contract suite holds them to it).
 *
 * Strict JSON matters for integrity: the hash is computed over the canonical JSON of what was appended, so a
 * value that JSON cannot carry faithfully (`undefined`, `NaN`, a `Date`, a class instance) would be hashed in
 * one form and read back in another. Such an append is refused instead of silently changed.
 */
import { left, right, type Either } from 'fp-ts/Either';
import type { NewEvent } from './envelope';
import type { DuplicateEventId, ExpectedVersion, InvalidAppend, TooLarge } from './port';

/** The default limit of one append, as EventStoreDB's default `maxAppendSize`. */
export const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024;

const isPlainObject = (u: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(u);
  return proto === Object.prototype || proto === null;
};

/** The path of the first value that is not plain JSON, or undefined when all of it is. */
export const firstNonJsonPath = (u: unknown, path = '$'): string | undefined => {
  if (u === null || typeof u === 'boolean' || typeof u === 'string') return undefined;
  if (typeof u === 'number') return Number.isFinite(u) ? undefined : path;
  if (Array.isArray(u)) {
    for (let i = 0; i < u.length; i++) {
      const found = firstNonJsonPath(u[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof u === 'object' && isPlainObject(u)) {
    for (const [key, value] of Object.entries(u)) {
      const found = firstNonJsonPath(value, `${path}.${key}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return path;
};

const invalid = (reason: string): Either<InvalidAppend, never> => left({ _tag: 'InvalidAppend', reason });

/**
 * Refuses what no store may write: an empty append (there would be no version to return), an empty stream id
 * or type, a schemaVersion that is not a positive integer, a malformed expected version, data or metadata that
 * is not plain JSON, and an event id that occurs twice in the same append.
 */
export const validateAppend = (
  streamId: string,
  events: ReadonlyArray<NewEvent>,
  expected: ExpectedVersion,
): Either<InvalidAppend | DuplicateEventId, void> => {
  if (streamId.length === 0) return invalid('the stream id is empty');
  if (events.length === 0) return invalid(`nothing to append to ${streamId}`);
  if (typeof expected === 'number' && !(Number.isSafeInteger(expected) && expected >= 0))
    return invalid(`expected version ${expected} is not a non-negative integer`);
  const ids = new Set<string>();
  for (const [i, event] of events.entries()) {
    if (event.type.length === 0) return invalid(`event ${i} has an empty type`);
    if (!(Number.isSafeInteger(event.schemaVersion) && event.schemaVersion >= 1))
      return invalid(`event ${i} (${event.type}) has schemaVersion ${event.schemaVersion}, expected a positive integer`);
    const dataPath = firstNonJsonPath(event.data, 'data');
    if (dataPath !== undefined) return invalid(`event ${i} (${event.type}): ${dataPath} is not plain JSON`);
    const metadataPath = firstNonJsonPath(event.metadata, 'metadata');
    if (metadataPath !== undefined) return invalid(`event ${i} (${event.type}): ${metadataPath} is not plain JSON`);
    if (event.eventId !== undefined) {
      if (event.eventId.length === 0) return invalid(`event ${i} (${event.type}) has an empty event id`);
      if (ids.has(event.eventId)) return left({ _tag: 'DuplicateEventId', eventId: event.eventId });
      ids.add(event.eventId);
    }
  }
  return right(undefined);
};

/** The size of an append as it travels and is stored: the UTF-8 bytes of its JSON. */
export const appendSizeBytes = (events: ReadonlyArray<NewEvent>): number =>
  Buffer.byteLength(JSON.stringify(events), 'utf8');

export const checkAppendSize = (events: ReadonlyArray<NewEvent>, limitBytes: number): Either<TooLarge, void> => {
  const sizeBytes = appendSizeBytes(events);
  return sizeBytes > limitBytes ? left({ _tag: 'TooLarge', limitBytes, sizeBytes }) : right(undefined);
};
