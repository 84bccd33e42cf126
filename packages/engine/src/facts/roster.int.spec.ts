/**
 * The roster the facts read (`loadRoster`): folded once per roster version and store, and always equal to a fresh
 * fold of the whole stream, also after the roster changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { levelOf, rosterStreamId, type Actor, type LocalDate, type Nip, type TenantId } from '@kinerja/domain';
import { createMemoryStore, type EventStore } from '@kinerja/eventstore';
import { rosterAggregate } from '../aggregates';
import { catalogDriver, rightOf } from '../catalog/catalog.testkit';
import { loadStream } from '../pipeline';
import { loadRoster } from './roster';

const tenant = 'salatiga' as TenantId;
const operator: Actor = { nip: '198001012005011001' as Nip, role: 'operator' };
const dewi = '199510202022032011' as Nip;
const asOf = '2025-06-02' as LocalDate;

const lines = readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'roster-salatiga.csv'), 'utf8').trim().split('\n');
const header = lines[0] ?? '';
const rows = lines.slice(1);
const withoutDewi = rows.filter((row) => !row.startsWith(dewi));
const dewiRow = rows.find((row) => row.startsWith(dewi)) ?? '';

/** The whole stream folded from the start, nothing kept. */
const freshFold = async (store: EventStore) => rightOf(await loadStream(store, rosterAggregate, rosterStreamId(tenant))).state;

describe('loadRoster', () => {
  it('folds once per roster version, and follows the roster when it changes', async () => {
    const store = createMemoryStore();
    const drive = catalogDriver(store, tenant, operator);
    expect(dewiRow).not.toBe('');
    rightOf(await drive.run('roster', 'ImportRoster', { csv: [header, ...withoutDewi].join('\n') }, operator, '2025-01-02T08:00:00+07:00'));

    const first = rightOf(await loadRoster(store, tenant));
    expect(first).toEqual(await freshFold(store));
    expect(levelOf(first, dewi, asOf)).toBeUndefined();
    // Nothing appended since: the same folded state, not a new fold.
    expect(rightOf(await loadRoster(store, tenant))).toBe(first);

    // The roster changes: the events appended since are folded on, and the result equals a fresh fold.
    rightOf(await drive.run('roster', 'ImportRoster', { csv: [header, dewiRow].join('\n') }, operator, '2025-01-03T08:00:00+07:00'));
    const second = rightOf(await loadRoster(store, tenant));
    expect(second).not.toBe(first);
    expect(second).toEqual(await freshFold(store));
    expect(levelOf(second, dewi, asOf)).toMatchObject({ level: 'pelaksana' });

    // Another store has its own roster: nothing is shared between stores.
    const other = createMemoryStore();
    const empty = rightOf(await loadRoster(other, tenant));
    expect(empty).toEqual(await freshFold(other));
    expect(levelOf(empty, dewi, asOf)).toBeUndefined();
  });
});
