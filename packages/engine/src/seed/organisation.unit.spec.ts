import { isRight } from 'fp-ts/Either';
import { nipProblem, planRosterImport, fold, rosterDecider, type Nip, type TenantId } from '@kinerja/domain';
import { parseRosterCsv } from '../roster-import';
import { CORE_OPD } from './opd';
import { apportion, generateOrganisations, MAX_ROSTER_ROWS, MIN_EMPLOYEES_PER_TENANT, SEED_TENANTS, tenantSizes } from './organisation';

const operator = { nip: '198001012005011001' as Nip, role: 'operator' as const };

describe('the generated organisation', () => {
  it('apportions by weight, every part at least the minimum, summing to the total', () => {
    expect(apportion(10, [1, 1, 1], 2)).toEqual([4, 3, 3]);
    expect(apportion(100, [3, 1], 0)).toEqual([75, 25]);
    expect(() => apportion(5, [1, 1, 1], 2)).toThrow(RangeError);
  });

  it('refuses fewer employees than a Sekda and the five OPD per tenant need', () => {
    const tenants = SEED_TENANTS.map((t) => t.tenant);
    expect(() => tenantSizes(MIN_EMPLOYEES_PER_TENANT * 5 - 1, tenants)).toThrow(/at least 105/);
    expect(tenantSizes(1000, tenants).reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('is the same for the same arguments and differs for another seed', () => {
    const a = generateOrganisations(300, 7, 2025);
    const b = generateOrganisations(300, 7, 2025);
    const c = generateOrganisations(300, 8, 2025);
    expect(a.map((t) => t.rosterFiles)).toEqual(b.map((t) => t.rosterFiles));
    expect(a.map((t) => t.rosterFiles)).not.toEqual(c.map((t) => t.rosterFiles));
  });

  it.each([105, 300, 2000])('with %i employees: every tenant, the five OPD of DOMAIN.md §1, valid unique NIPs, and rosters the domain accepts', (n) => {
    const organisations = generateOrganisations(n, 42, 2025);
    expect(organisations.map((o) => o.tenant)).toEqual(SEED_TENANTS.map((t) => t.tenant));
    expect(organisations.reduce((sum, o) => sum + o.employees.length, 0)).toBe(n);
    const nips = organisations.flatMap((o) => o.employees.map((e) => e.nip));
    expect(new Set(nips).size).toBe(nips.length);
    for (const nip of nips) expect(nipProblem(nip)).toBeUndefined();
    for (const organisation of organisations) {
      for (const opd of CORE_OPD) expect(organisation.allUnits.some((u) => u.id === opd.key)).toBe(true);
      // Every evaluated unit has a head, an authorised official above it and at least two more members.
      for (const unit of organisation.units) {
        expect(unit.members[0]).toBe(unit.head);
        expect(unit.members.length).toBeGreaterThanOrEqual(3);
        expect(unit.authorisedOfficial).not.toBeNull();
      }
      // The files import, one after the other, into an empty roster.
      let state = rosterDecider.initialState();
      for (const file of organisation.rosterFiles) {
        const rows = parseRosterCsv(file.csv);
        expect(isRight(rows)).toBe(true);
        if (!isRight(rows)) continue;
        const planned = planRosterImport(rows.right, state, { now: new Date('2025-01-02T01:00:00Z'), actor: operator });
        if (!isRight(planned)) throw new Error(`${organisation.tenant}/${file.name}: ${JSON.stringify(planned.left.slice(0, 3))}`);
        for (const command of planned.right) {
          const decided = rosterDecider.decide(command, state);
          if (!isRight(decided)) throw new Error(JSON.stringify(decided.left));
          state = fold(rosterDecider.evolve, state, decided.right);
        }
      }
    }
  });

  it('scales a city-year: about 20,000 employees, with UPT in the service OPD', () => {
    const organisations = generateOrganisations(20000, 1, 2025, ['surabaya' as TenantId]);
    const [surabaya] = organisations;
    expect(surabaya?.employees.length).toBe(20000);
    expect(surabaya?.units.filter((u) => u.id.startsWith('dinkes-pkm-')).length).toBeGreaterThan(10);
    expect(surabaya?.units.filter((u) => u.id.startsWith('disdik-sdn-')).length).toBeGreaterThan(100);
    // A large OPD is imported in parts, in roster order, each at most MAX_ROSTER_ROWS rows (one import is one
    // append, and the store refuses appends over 1 MB), covering every employee once.
    const files = surabaya?.rosterFiles ?? [];
    expect(Math.max(...files.map((f) => f.rows))).toBeLessThanOrEqual(MAX_ROSTER_ROWS);
    expect(files.some((f) => f.name === 'disdik-2')).toBe(true);
    expect(files.reduce((sum, f) => sum + f.rows, 0)).toBe(20000);
    const rows = files.flatMap((f) => f.csv.trim().split('\n').slice(1).map((line) => line.slice(0, 18)));
    expect(rows).toEqual(surabaya?.employees.map((e) => e.nip));
  });
});
