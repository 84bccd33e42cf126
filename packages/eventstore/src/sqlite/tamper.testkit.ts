/**
 * Test support: alters one stored event behind the store's back, with plain SQL on a second connection, as
 * someone with access to the file would. Verification must then name that event as the first broken link.
 */
import Database from 'better-sqlite3';
import { changeOneByteOfJson } from '../contract/contract.testkit';

/**
 * Changes one byte of the stored `data` JSON of `streamId`@`streamVersion` (a letter or digit, so that the text
 * stays valid JSON of the same length; see `changeOneByteOfJson`) and leaves its hash alone. Returns the JSON
 * before and after. Throws when there is no such event or nothing in its data to change.
 */
export const tamperEventData = (
  path: string,
  streamId: string,
  streamVersion: number,
): Readonly<{ before: string; after: string }> => {
  const db = new Database(path, { timeout: 5_000 });
  try {
    const before = db
      .prepare<[string, number], string>('SELECT data FROM events WHERE stream_id = ? AND stream_version = ?')
      .pluck()
      .get(streamId, streamVersion);
    if (before === undefined) throw new Error(`tamperEventData: no event ${streamId}@${streamVersion} in ${path}`);
    const after = changeOneByteOfJson(before);
    db.prepare('UPDATE events SET data = ? WHERE stream_id = ? AND stream_version = ?').run(after, streamId, streamVersion);
    return { before, after };
  } finally {
    db.close();
  }
};
