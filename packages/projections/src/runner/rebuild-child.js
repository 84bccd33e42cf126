// The victim of kill.int.spec.ts: rebuilds two small projections from a SQLite store into a read-model file,
// as `kinerja rebuild` would, slowly enough to be killed midway.
//
// Plain JavaScript over the BUILT packages (dist/), so that it runs under bare `node`. Every line goes to stdout
// with a synchronous write, so that what was written before a SIGKILL reaches the parent:
//   progress <projection> <done>      after each committed batch
//   first <projection> <position>     the first event each projection is given in this run
//   report <json>                     the rebuild's report, at the end
//
// Usage: node rebuild-child.js <store file> <read-model file> <batch size> <pause ms per batch>
'use strict';
const { writeSync } = require('node:fs');
const { join } = require('node:path');
const { openSqliteStore } = require('@kinerja/eventstore');
const { createProjectionRunner, openReadModelDb } = require(join(__dirname, '..', '..', 'dist', 'index.js'));

const [storePath, readModelPath, batchArg, pauseArg] = process.argv.slice(2);
if (storePath === undefined || readModelPath === undefined) {
  process.stderr.write('usage: node rebuild-child.js <store file> <read-model file> <batch size> <pause ms>\n');
  process.exit(2);
}
const batchSize = Number(batchArg ?? 50);
const pauseMs = Number(pauseArg ?? 0);
const say = (line) => writeSync(1, `${line}\n`);

const firstSeen = new Map();
const noting = (projection) => ({
  ...projection,
  apply: (event) => {
    if (!firstSeen.has(projection.name)) {
      firstSeen.set(projection.name, event.globalPosition);
      say(`first ${projection.name} ${event.globalPosition}`);
    }
    return projection.apply(event);
  },
});

const projections = [
  noting({
    name: 'kill_accounts',
    version: 1,
    description: 'balance and owner per account',
    eventTypes: ['AccountOpened', 'MoneyDeposited', 'MoneyWithdrawn', 'AccountRenamed', 'AccountClosed'],
    tables: [{ name: 'accounts', columns: { account: 'TEXT', owner: 'TEXT', balance: 'INTEGER' }, primaryKey: ['account'], indexes: [['owner']] }],
    apply: (e) => {
      const d = e.data;
      switch (e.type) {
        case 'AccountOpened':
          return [{ kind: 'upsert', table: 'accounts', row: { account: d.account, owner: d.owner, balance: 0 } }];
        case 'MoneyDeposited':
        case 'MoneyWithdrawn':
          return [{ kind: 'upsert', table: 'accounts', row: { account: d.account, balance: d.balance } }];
        case 'AccountRenamed':
          return [{ kind: 'upsert', table: 'accounts', row: { account: d.account, owner: d.owner } }];
        case 'AccountClosed':
          return [{ kind: 'delete', table: 'accounts', key: { account: d.account } }];
        default:
          return [];
      }
    },
  }),
  noting({
    name: 'kill_trail',
    version: 1,
    description: 'one row per event, notes included',
    eventTypes: ['AccountOpened', 'MoneyDeposited', 'MoneyWithdrawn', 'AccountRenamed', 'AccountClosed', 'NoteWritten'],
    tables: [{ name: 'events', columns: { position: 'INTEGER', stream: 'TEXT', type: 'TEXT' }, primaryKey: ['position'] }],
    apply: (e) => [{ kind: 'upsert', table: 'events', row: { position: e.globalPosition, stream: e.streamId, type: e.type } }],
  }),
];

const store = openSqliteStore({ path: storePath });
// Slows the read down: a pause after every batch's worth of events, so that the parent can kill it midway.
const slow = {
  ...store,
  readAll: async function* (from, options) {
    let n = 0;
    for await (const event of store.readAll(from, options)) {
      yield event;
      n += 1;
      if (pauseMs > 0 && n % batchSize === 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  },
};
const db = openReadModelDb(readModelPath);
const runner = createProjectionRunner({ store: slow, db, projections, batchSize });

say('ready');
runner
  .rebuild(undefined, { onProgress: (p) => say(`progress ${p.projection} ${p.done}`) })
  .then(async (report) => {
    say(`report ${JSON.stringify(report)}`);
    db.close();
    await store.close();
  })
  .catch((error) => {
    process.stderr.write(`rebuild failed: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  });
