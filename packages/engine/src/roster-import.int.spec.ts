import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLeft, isRight } from 'fp-ts/Either';
import {
  fold,
  headOf,
  levelOf,
  rosterDecider,
  rosterStreamId,
  superiorOf,
  unitOf,
  type LocalDate,
  type Nip,
  type TenantId,
  type UnitId,
} from '@kinerja/domain';
import { createMemoryStore, verify } from '@kinerja/eventstore';
import { importRosterCsv, parseRosterCsv, rosterSerde } from './roster-import';
import type { CommandContext } from './pipeline';

const fixture = (name: string): string => readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', name), 'utf8');
const tenant = 'salatiga' as TenantId;
const operator = { nip: '198001012005011001' as Nip, role: 'operator' as const };
const context = (commandId: string): CommandContext => ({
  tenant,
  commandId,
  actor: operator,
  issuedAt: new Date('2025-01-06T09:00:00+07:00'),
});
const nip = (s: string) => s as Nip;
const day = (s: string) => s as LocalDate;

const rosterOf = async (store: ReturnType<typeof createMemoryStore>) => {
  const read = await store.readStream(rosterStreamId(tenant));
  if (isLeft(read)) throw new Error('read failed');
  return fold(
    rosterDecider.evolve,
    rosterDecider.initialState(),
    read.right.map((e) => {
      const decoded = rosterSerde.deserialize(e);
      if (isLeft(decoded)) throw new Error(decoded.left);
      return decoded.right;
    }),
  );
};

describe('roster CSV import', () => {
  it('imports a file whose rows name children before parents, in one append that verifies', async () => {
    const store = createMemoryStore();
    const result = await importRosterCsv(store, tenant, fixture('roster-salatiga.csv'), context('import-1'));
    expect(isRight(result) && result.right.commands).toBe(2 + 4 + 5); // 2 units, 4 positions, 5 appointments

    const roster = await rosterOf(store);
    const on = day('2025-01-06');
    expect(superiorOf(roster, nip('199203142019031008'), on)).toBe('198706122015032004');
    expect(superiorOf(roster, nip('198706122015032004'), on)).toBe('197505101998031003');
    expect(unitOf(roster, nip('198912052014022003'), on)).toBe('dukcapil-pelayanan');
    expect(levelOf(roster, nip('198912052014022003'), on)).toEqual({ level: 'jf', jenjang: 'ahli-muda' });
    expect(headOf(roster, 'dukcapil' as UnitId, on)).toBe('197505101998031003');
    // Before her appointment the JF employee is nowhere.
    expect(unitOf(roster, nip('198912052014022003'), day('2023-12-31'))).toBeUndefined();

    const verified = await verify(store);
    expect(isRight(verified) && verified.right).toMatchObject({ _tag: 'Intact', streamsChecked: 1 });
  });

  it('reports every bad row by line and appends nothing', async () => {
    const store = createMemoryStore();
    const result = await importRosterCsv(store, tenant, fixture('roster-bad.csv'), context('import-2'));
    if (!isLeft(result) || result.left._tag !== 'InvalidRows') throw new Error(`expected InvalidRows, got ${JSON.stringify(result)}`);
    const byLine = new Map(result.left.rows.map((r) => [r.line, r.problems.join(' | ')]));
    expect([...byLine.keys()].sort()).toEqual([3, 4, 5, 6]);
    expect(byLine.get(3)).toMatch(/nip.*appointment part/);
    expect(byLine.get(4)).toMatch(/effective_from/);
    expect(byLine.get(5)).toMatch(/employment/);
    expect(byLine.get(6)).toMatch(/197505101998031003/);
    const head = await store.headPosition();
    expect(isRight(head) && head.right).toBe(0);
  });

  it('refuses a file with missing or unknown columns, naming them', () => {
    const parsed = parseRosterCsv('nip,name,colour\n198706122015032004,Rina,red\n');
    expect(isLeft(parsed) && parsed.left[0]?.problems.join(' ')).toMatch(/missing columns: employment.*unknown columns: colour/);
  });

  it('refuses a file that is not CSV, with the line', () => {
    const parsed = parseRosterCsv(`${fixture('roster-salatiga.csv')}199203142019031008,"unterminated\n`);
    expect(isLeft(parsed) && parsed.left[0]?.problems[0]).toMatch(/not valid CSV/);
  });

  it('a second import of the same file is refused row by row (employees already active) and changes nothing', async () => {
    const store = createMemoryStore();
    await importRosterCsv(store, tenant, fixture('roster-salatiga.csv'), context('import-1'));
    const before = await store.headPosition();
    const again = await importRosterCsv(store, tenant, fixture('roster-salatiga.csv'), context('import-3'));
    expect(isLeft(again) && again.left._tag).toBe('InvalidRows');
    expect(await store.headPosition()).toEqual(before);
  });
});
