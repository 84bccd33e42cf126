// The victim of crash.int.spec.ts: appends to a SQLite store as fast as it can until it is killed.
//
// Plain JavaScript over the BUILT adapter (dist/), so that it runs under bare `node` with nothing compiled on
// the fly. Each acknowledged event id is written to stdout with a synchronous write (fs.writeSync) right after
// its append resolves: once the line is in the pipe it survives the SIGKILL, so the parent's list of
// acknowledged events is exact.
//
// Usage: node crash-child.js <database file> <round>
'use strict';
const { writeSync } = require('node:fs');
const { randomUUID } = require('node:crypto');
const { join } = require('node:path');
const { openSqliteStore } = require(join(__dirname, '..', '..', 'dist', 'sqlite', 'index.js'));

const [path, round] = process.argv.slice(2);
if (path === undefined || round === undefined) {
  process.stderr.write('usage: node crash-child.js <database file> <round>\n');
  process.exit(2);
}

const STREAMS = 12;
const WORKERS = 8;
const say = (line) => writeSync(1, `${line}\n`);

const store = openSqliteStore({ path });
/** What this process believes each stream's version to be; stale on purpose, so that some appends conflict. */
const known = new Map();

const metadata = (n) => ({
  tenant: 'crash',
  commandId: `round-${round}-cmd-${n}`,
  correlationId: `round-${round}`,
  causationId: `round-${round}-cmd-${n}`,
  actor: { nip: '199001012015011001', role: 'operator' },
  occurredAt: new Date().toISOString(),
});

let n = 0;
const worker = async () => {
  for (;;) {
    n += 1;
    const streamId = `crash-${Math.floor(Math.random() * STREAMS)}`;
    const count = 1 + Math.floor(Math.random() * 3);
    const events = Array.from({ length: count }, (_, i) => ({
      eventId: randomUUID(),
      type: i === 0 ? 'Started' : 'Continued',
      schemaVersion: 1,
      data: { round: Number(round), n, i, pad: 'x'.repeat(Math.floor(Math.random() * 200)) },
      metadata: metadata(n),
    }));
    // Half the appends state the version this process last saw (a new stream, or a possibly stale one).
    const expected = Math.random() < 0.5 ? 'any' : (known.get(streamId) ?? 'any');
    const result = await store.append(streamId, events, expected);
    if (result._tag === 'Right') {
      known.set(streamId, result.right.nextExpectedVersion);
      for (const event of result.right.events) say(`ack ${event.eventId} ${event.globalPosition}`);
    } else if (result.left._tag === 'VersionConflict') {
      known.set(streamId, result.left.actual === 'no-stream' ? 'no-stream' : result.left.actual);
      say(`conflict ${streamId}`);
    } else {
      say(`rejected ${JSON.stringify(result.left)}`);
    }
  }
};

say('ready');
for (let i = 0; i < WORKERS; i++) {
  worker().catch((error) => {
    process.stderr.write(`worker failed: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
