/**
 * `seedHistory`: a deterministic, realistic history of the five tenants, written through the real engine (the
 * command catalog, the pipeline and the evaluation-cycle process manager), for the service's demo data, the CLI's
 * `kinerja seed` and the benchmark workload.
 *
 * For each tenant: the roster, imported per OPD as CSV files; then for each year and each employee with a plan, the
 * SKP (drafted, submitted, sometimes returned and amended, approved), realisations with bukti dukung each period,
 * coaching notes, the periodic evaluations of the tenant's frequency (quarterly) and the annual one, with peer and
 * subordinate feedback where the tenant's practice has it and self-evaluation notes in Semarang; ratings chosen so
 * that each unit's distribution fits the kurva distribusi under the organisational result its head's superior sets;
 * the unit periods opened, proposed to (by the process manager) and settled; the evaluations settled (by the process
 * manager), delivered and made final when the objection window has passed; keberatan, poor-performance paths and
 * rewards. Then, in the years the holiday calendar covers, the year's citizens' complaints (`complaints.ts`, BR-23)
 * and the unexcused absences with the discipline cases they lead to (`discipline.ts`, BR-14..BR-22).
 *
 * Determinism: the same (employees, years, seed, tenants, startYear, periodic) give the same commands with the same
 * ids, data and instants on every machine, and the same order of decisions per stream: every choice comes from a
 * PRNG keyed by the seed and what is being decided, every instant from the calendar, and everything that writes to
 * a shared stream (a unit period) runs in a fixed order inside its unit's chain. Concurrency only interleaves
 * different streams. Command ids name the seed and what they do, so running the seed again on the same store
 * appends nothing.
 */
import { performance } from 'node:perf_hooks';
import { isLeft } from 'fp-ts/Either';
import {
  addDays,
  checkDistribution,
  evaluationIdOf,
  evaluationStreamId,
  INDONESIA_2025_2027,
  localDateOf,
  planIdOf,
  policyFor,
  rosterStreamId,
  unitPeriodIdOf,
  type Actor,
  type EvaluationId,
  type LocalDate,
  type Nip,
  type PeriodId,
  type PlanId,
  type Predikat,
  type RosterState,
  type TenantId,
  type TenantPolicy,
} from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import { loadRoster } from '../facts/roster';
import { tenantSettings } from '../facts/tenant';
import type { CommandContext } from '../pipeline';
import { planUnitRatings, type UnitRatingPlan } from './distribution';
import { complaintCountFor, sketchComplaints, writeComplaint } from './complaints';
import { absenteeCountFor, sketchAbsentees, writeAbsentee } from './discipline';
import { createSeedHost, type ContextOf, type HostCounters, type Refusal, type SeedHost } from './host';
import { generateOrganisations, SEED_TENANTS, type SeedEmployee, type SeedUnit, type TenantOrganisation } from './organisation';
import { rngFor, type Rng } from './random';
import {
  COACHING_NOTES,
  effortNotesFor,
  evidenceFor,
  FEEDBACK_COMMENTS,
  feedbackLevelsFor,
  justificationFor,
  realisationFor,
  SELF_EVALUATION_NOTES,
  sketchPlan,
  type PlanSketch,
} from './skp';
import { instantAt, later, officeMoment, periodsOf, workingDayFrom, workingDaysAfter, type EvaluationPeriod } from './timeline';

/** The first year the seed writes by default: the first year the shipped holiday calendars cover. */
export const DEFAULT_SEED_START_YEAR = 2025;
/** The system actor's NIP when none is given (the one the engine's tests use). */
export const SEED_SYSTEM_NIP = '198001012005011001' as Nip;

export type SeedProgress = Readonly<{ done: number; total: number; phase: string }>;

export type SeedOptions = Readonly<{
  store: EventStore;
  /** Employees in all, spread over the tenants by size (Surabaya largest); at least 21 per tenant. */
  employees: number;
  /** Years of history from `startYear`, each a full cycle (plans to final evaluations). */
  years: number;
  seed: number | string;
  /** Which of the five tenants; all by default. */
  tenants?: ReadonlyArray<TenantId>;
  /** Default 2025. Years before 2023 would be rated under a numeric rule book, which the generator does not plan. */
  startYear?: number;
  /** Command chains in flight at once (different employees, different units). Default 32. */
  concurrency?: number;
  /** Periodic evaluations at the tenant's frequency besides the annual one. Default true. */
  periodic?: boolean;
  /** Who the process managers and timers act as. Default `SEED_SYSTEM_NIP` as `sistem`. */
  system?: Actor;
  /** Who imports rosters and opens unit periods. Default the system NIP as `operator`. */
  operator?: Actor;
  /** Citizens' complaints (BR-23) in the years the holiday calendar covers. Default true. */
  complaints?: boolean;
  /** Unexcused absences and the discipline cases they lead to (BR-14..BR-22) in the years the calendar covers. Default true. */
  discipline?: boolean;
  onProgress?: (progress: SeedProgress) => void;
}>;

export type TenantReport = Readonly<{
  employees: number;
  /** Units whose members have plans. */
  units: number;
  plans: number;
  evaluations: number;
  unitPeriods: number;
  /** Complaints filed (BR-23). */
  complaints: number;
  /** Employees with unexcused absences, and the discipline cases their absences opened (BR-15). */
  absentees: number;
  disciplineCases: number;
  events: number;
}>;

export type SeedReport = Readonly<{
  seed: number | string;
  employees: number;
  years: number;
  startYear: number;
  /** Events appended by this run (0 when the same seed had already been written to the store). */
  events: number;
  /** Commands run, the process managers' included. */
  commands: number;
  /** Commands that had been handled by an earlier run of the same seed: nothing appended for them. */
  replayed: number;
  /** Commands refused, or process-manager reactions that failed: 0 for a correct seed. */
  refusals: number;
  refusalsByTag: Readonly<Record<string, number>>;
  firstRefusals: ReadonlyArray<Refusal>;
  perTenant: Readonly<Record<string, TenantReport>>;
  /** Events appended per stream category (`plan`, `evaluation`, `unitperiod`, `roster`, ...). */
  perAggregate: Readonly<Record<string, number>>;
  seconds: number;
  eventsPerSecond: number;
}>;

// ---------------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------------

/** Runs `work` over `items`, at most `concurrency` at a time. */
const inPool = async <T>(items: ReadonlyArray<T>, concurrency: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
};

type EmployeeYear = Readonly<{
  employee: SeedEmployee;
  tenant: TenantOrganisation;
  policy: TenantPolicy;
  year: number;
  plan: PlanId;
  appraiser: SeedEmployee;
  appraiserSuperior: Nip;
  sketch: PlanSketch;
}>;

type UnitYear = Readonly<{ unit: SeedUnit; tenant: TenantOrganisation; policy: TenantPolicy; members: ReadonlyArray<EmployeeYear> }>;

const as = (nip: Nip, role: Actor['role']): Actor => ({ nip, role });

// ---------------------------------------------------------------------------------------------------------------
// seedHistory
// ---------------------------------------------------------------------------------------------------------------

export const seedHistory = async (options: SeedOptions): Promise<SeedReport> => {
  const startYear = options.startYear ?? DEFAULT_SEED_START_YEAR;
  const concurrency = options.concurrency ?? 32;
  const periodic = options.periodic ?? true;
  const { store, employees, years, seed } = options;
  if (!Number.isInteger(years) || years < 1 || years > 50) throw new RangeError(`years must be a whole number from 1 to 50, got ${years}`);
  if (!Number.isInteger(startYear) || startYear < 2023)
    throw new RangeError(`startYear must be 2023 or later (PermenPANRB 6/2022, the rated regime the generator plans for), got ${startYear}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${concurrency}`);
  const system = options.system ?? as(SEED_SYSTEM_NIP, 'sistem');
  const operator = options.operator ?? as(system.nip, 'operator');
  const started = performance.now();

  const organisations = generateOrganisations(employees, seed, startYear, options.tenants ?? SEED_TENANTS.map((t) => t.tenant));
  const host = createSeedHost(store, system);
  const idOf = (tenant: TenantId, ...parts: ReadonlyArray<string | number>): string => `seed-${seed}/${tenant}/${parts.join('/')}`;
  const contextOf = (tenant: TenantId, actor: Actor, at: Date, correlation: string, ...parts: ReadonlyArray<string | number>): CommandContext => ({
    tenant,
    commandId: idOf(tenant, ...parts),
    correlationId: idOf(tenant, correlation),
    actor,
    issuedAt: at,
  });

  // Progress: roster files, then per year the plans and per period three passes (prepare, units, deliver).
  const planHolders = organisations.flatMap((o) => o.employees.filter((e) => e.role !== 'sekda' && e.role !== 'opd-head'));
  const periodsPerYear = (tenant: TenantOrganisation): number => periodsOf(startYear, policyOrThrow(tenant.tenant).evaluationFrequency, periodic).length;
  const perYear = organisations.reduce(
    (sum, o) => {
      const holders = o.employees.filter((e) => e.role !== 'sekda' && e.role !== 'opd-head').length;
      return sum + holders + periodsPerYear(o) * (3 * holders + o.units.length);
    },
    0,
  );
  const withComplaints = options.complaints ?? true;
  const withDiscipline = options.discipline ?? true;
  const yearsOf = Array.from({ length: years }, (_, i) => startYear + i);
  const extras = organisations.reduce(
    (sum, o) =>
      sum +
      yearsOf.reduce(
        (n, year) => n + (withComplaints ? complaintCountFor(o, year, seed) : 0) + (withDiscipline ? absenteeCountFor(o, year) : 0),
        0,
      ),
    0,
  );
  const total = organisations.reduce((sum, o) => sum + o.rosterFiles.length, 0) + years * perYear + extras;
  let done = 0;
  const tick = (phase: string): void => {
    done += 1;
    options.onProgress?.({ done, total, phase });
  };
  options.onProgress?.({ done: 0, total, phase: 'roster' });

  // --- Rosters: one import per OPD, as an operator would load them. ---
  const rosters = new Map<TenantId, RosterState>();
  await inPool(organisations, concurrency, async (organisation) => {
    const { tenant } = organisation;
    const importedAt = instantAt(workingDayFrom(`${startYear}-01-02` as LocalDate), 7, 0, policyOrThrow(tenant).timeZone);
    for (const [i, file] of organisation.rosterFiles.entries())
      {
        await host.run(tenant, 'roster', 'ImportRoster', { csv: file.csv }, contextOf(tenant, operator, later(importedAt, i), 'roster', 'roster', file.name));
        tick('roster');
      }
    // What the roster says (who may decide a sanction, BR-19) is read from it, as the engine's facts read it.
    const roster = await loadRoster(store, tenant);
    if (isLeft(roster)) host.refuse('load roster', roster.left, rosterStreamId(tenant));
    else rosters.set(tenant, roster.right);
  });

  type Counts = { plans: number; evaluations: number; unitPeriods: number; complaints: number; absentees: number; disciplineCases: number };
  const counts = new Map<TenantId, Counts>(
    organisations.map((o) => [o.tenant, { plans: 0, evaluations: 0, unitPeriods: 0, complaints: 0, absentees: 0, disciplineCases: 0 }]),
  );

  for (let year = startYear; year < startYear + years; year++) {
    const employeeYears = planHolders.flatMap((employee): EmployeeYear[] => {
      const tenant = organisations.find((o) => o.tenant === employee.tenant) as TenantOrganisation;
      const appraiser = employee.superior === null ? undefined : tenant.byNip.get(employee.superior);
      if (appraiser === undefined || appraiser.superior === null) return [];
      const plan = planIdOf(employee.nip, String(year) as PeriodId);
      const appraiserPlan = appraiser.role === 'opd-head' || appraiser.role === 'sekda' ? undefined : planIdOf(appraiser.nip, String(year) as PeriodId);
      return [
        {
          employee,
          tenant,
          policy: policyOrThrow(tenant.tenant),
          year,
          plan,
          appraiser,
          appraiserSuperior: appraiser.superior,
          sketch: sketchPlan(rngFor(seed, employee.tenant, employee.nip, year, 'skp'), employee, plan, appraiserPlan),
        },
      ];
    });
    const byNip = new Map(employeeYears.map((ey) => [`${ey.employee.tenant}/${ey.employee.nip}`, ey]));
    const unitYears: UnitYear[] = organisations.flatMap((tenant) =>
      tenant.units.map((unit) => ({
        unit,
        tenant,
        policy: policyOrThrow(tenant.tenant),
        members: unit.members.flatMap((nip) => {
          const ey = byNip.get(`${tenant.tenant}/${nip}`);
          return ey === undefined ? [] : [ey];
        }),
      })),
    );
    for (const ey of employeeYears) (counts.get(ey.employee.tenant) as { plans: number }).plans += 1;

    // --- The SKP: drafted, submitted, (returned, amended, resubmitted,) approved. ---
    await inPool(employeeYears, concurrency, async (ey) => {
      await writePlan(host, ey, seed, contextOf);
      tick(`plans ${year}`);
    });

    // --- Each evaluation period: prepare (realisations, opening, feedback), rate and settle per unit, deliver. ---
    // The periods of the year over every tenant's frequency, in order of their end, the annual one last.
    const periodsByTenant = new Map(organisations.map((o) => [o.tenant, periodsOf(year, policyOrThrow(o.tenant).evaluationFrequency, periodic)]));
    const periods = [...new Map([...periodsByTenant.values()].flat().map((p) => [p.id, p])).values()].sort(
      (a, b) => (a.kind === b.kind ? (a.end < b.end ? -1 : a.end > b.end ? 1 : a.id < b.id ? -1 : 1) : a.kind === 'annual' ? 1 : -1),
    );
    for (const period of periods) {
      const evaluated = employeeYears.filter((ey) => periodsByTenant.get(ey.employee.tenant)?.some((p) => p.id === period.id) === true);
      const ratings = new Map<string, Predikat>();
      const unitPlans = new Map<string, UnitRatingPlan>();
      for (const uy of unitYears) {
        if (periodsByTenant.get(uy.tenant.tenant)?.some((p) => p.id === period.id) !== true) continue;
        const rng = rngFor(seed, uy.tenant.tenant, uy.unit.id, period.id, 'ratings');
        const plan = planUnitRatings(
          rng,
          uy.members.map((m) => m.employee.aptitude),
          uy.policy.unitHeadHasilKerja,
          uy.policy.curve,
        );
        unitPlans.set(`${uy.tenant.tenant}/${uy.unit.id}`, plan);
        uy.members.forEach((m, i) => ratings.set(`${m.employee.tenant}/${m.employee.nip}`, plan.ratings[i]?.predikat ?? 'baik'));
      }
      const predikatOf = (ey: EmployeeYear): Predikat => ratings.get(`${ey.employee.tenant}/${ey.employee.nip}`) ?? 'baik';

      await inPool(evaluated, concurrency, async (ey) => {
        await prepareEvaluation(host, ey, period, predikatOf(ey), periodic, seed, contextOf, byNip, system);
        (counts.get(ey.employee.tenant) as { evaluations: number }).evaluations += 1;
        tick(`evaluations ${period.id}`);
      });
      const unitsNow = unitYears.filter((uy) => periodsByTenant.get(uy.tenant.tenant)?.some((p) => p.id === period.id) === true);
      await inPool(unitsNow, concurrency, async (uy) => {
        const plan = unitPlans.get(`${uy.tenant.tenant}/${uy.unit.id}`);
        if (plan !== undefined && uy.members.length > 0) {
          await rateAndSettleUnit(host, uy, period, plan, seed, contextOf, operator);
          (counts.get(uy.tenant.tenant) as { unitPeriods: number }).unitPeriods += 1;
        }
        tick(`unit periods ${period.id}`);
      });
      await inPool(evaluated, concurrency, async (ey) => {
        await deliver(host, ey, period, seed, contextOf);
        tick(`delivery ${period.id}`);
      });
      // A few keberatan on annual results, per unit in member order (an upheld one re-checks the unit's curve).
      const objected = new Set<string>();
      if (period.kind === 'annual' && Number(period.end.slice(0, 4)) <= INDONESIA_2025_2027.toYear)
        await inPool(unitsNow, concurrency, async (uy) => {
          const plan = unitPlans.get(`${uy.tenant.tenant}/${uy.unit.id}`);
          if (plan === undefined) return;
          for (const nip of await objectInUnit(host, uy, period, plan, seed, contextOf)) objected.add(`${uy.tenant.tenant}/${nip}`);
        });
      await inPool(evaluated, concurrency, async (ey) => {
        const key = `${ey.employee.tenant}/${ey.employee.nip}`;
        if (!objected.has(key)) await finalize(host, ey, period, seed);
        if (period.kind === 'annual') await reward(host, ey, period, ratings.get(key) ?? 'baik', seed, contextOf, objected.has(key));
        tick(`final ${period.id}`);
      });
    }

    // --- The year's complaints (BR-23), and the absences and discipline cases (BR-14..BR-22), each in its own chain. ---
    const complaints = withComplaints ? organisations.flatMap((o) => sketchComplaints(o, policyOrThrow(o.tenant), year, seed)) : [];
    const absentees = withDiscipline
      ? organisations.flatMap((o, i) => {
          const roster = rosters.get(o.tenant);
          const settings = tenantSettings(o.tenant);
          if (roster === undefined || isLeft(settings)) return [];
          const sketched = sketchAbsentees(o, settings.right.policy, year, seed, roster, settings.right.discipline.authority, i === 0);
          // Progress counts the absentees a tenant should have; one the roster could not give still ticks.
          for (let missing = absenteeCountFor(o, year) - sketched.length; missing > 0; missing--) tick(`absences ${year}`);
          return sketched;
        })
      : [];
    const work: ReadonlyArray<() => Promise<void>> = [
      ...complaints.map((sketch) => async () => {
        await writeComplaint({ host, seed, contextOf, operator, system }, sketch);
        (counts.get(sketch.tenant.tenant) as Counts).complaints += 1;
        tick(`complaints ${year}`);
      }),
      ...absentees.map((sketch) => async () => {
        const cases = await writeAbsentee({ host, store, seed, contextOf, system }, sketch);
        const n = counts.get(sketch.tenant.tenant) as Counts;
        n.absentees += 1;
        n.disciplineCases += cases;
        tick(`absences ${year}`);
      }),
    ];
    await inPool(work, concurrency, (run) => run());
  }

  const seconds = (performance.now() - started) / 1000;
  const c: HostCounters = host.counters;
  return {
    seed,
    employees,
    years,
    startYear,
    events: c.events,
    commands: c.commands,
    replayed: c.replayed,
    refusals: c.refusals,
    refusalsByTag: { ...c.refusalsByTag },
    firstRefusals: [...c.firstRefusals],
    perTenant: Object.fromEntries(
      organisations.map((o) => {
        const n = counts.get(o.tenant) ?? { plans: 0, evaluations: 0, unitPeriods: 0, complaints: 0, absentees: 0, disciplineCases: 0 };
        return [o.tenant, { employees: o.employees.length, units: o.units.length, ...n, events: c.eventsByTenant[o.tenant] ?? 0 }];
      }),
    ),
    perAggregate: { ...c.eventsByCategory },
    seconds,
    eventsPerSecond: seconds > 0 ? c.events / seconds : 0,
  };
};

const policyOrThrow = (tenant: TenantId): TenantPolicy => {
  const policy = policyFor(tenant);
  if (policy === undefined) throw new Error(`seed: no policy for tenant ${tenant}`);
  return policy;
};


// ---------------------------------------------------------------------------------------------------------------
// One employee's SKP
// ---------------------------------------------------------------------------------------------------------------

const writePlan = async (host: SeedHost, ey: EmployeeYear, seed: number | string, contextOf: ContextOf): Promise<void> => {
  const { employee, appraiser, sketch, year, plan } = ey;
  const tenant = employee.tenant;
  const zone = ey.policy.timeZone;
  const rng = rngFor(seed, tenant, employee.nip, year, 'plan-dates');
  const me = as(employee.nip, 'pegawai');
  const boss = as(appraiser.nip, 'pejabat-penilai');
  const correlation = `plan/${plan}`;
  const run = (actor: Actor, at: Date, type: string, request: unknown, ...id: ReadonlyArray<string | number>) =>
    host.run(tenant, 'plan', type, request, contextOf(tenant, actor, at, correlation, 'plan', plan, ...id));

  // Unit heads draft first, then their Kepala Seksi / Subbagian, then staff, whose RHK cascade from theirs.
  const from = `${year}-01-0${employee.role === 'unit-head' ? 2 : employee.role === 'sub-head' ? 6 : 8}` as LocalDate;
  const { at: drafted } = officeMoment(rng, from, employee.role === 'staff' ? 6 : 3, zone);
  let at = drafted;
  const step = (minutes: number): Date => {
    at = later(at, minutes);
    return at;
  };
  await run(me, at, 'DraftPlan', {
    plan,
    employee: employee.nip,
    appraiser: appraiser.nip,
    appraiserSuperior: ey.appraiserSuperior,
    unit: employee.unit,
    period: String(year),
    periodStart: instantAt(`${year}-01-01` as LocalDate, 0, 0, zone),
    periodEnd: instantAt(`${year + 1}-01-01` as LocalDate, 0, 0, zone),
    approach: sketch.approach,
  }, 'draft');
  for (const rhk of sketch.rhk) {
    await run(me, step(rng.int(3, 9)), 'AddRhk', {
      plan,
      rhk: rhk.rhk,
      kind: rhk.kind,
      description: rhk.description,
      ...(rhk.intervenesIn === undefined ? {} : { intervenesIn: rhk.intervenesIn }),
    }, 'rhk', rhk.rhk);
    for (const iki of rhk.iki)
      await run(me, step(rng.int(2, 6)), 'AddIki', { plan, rhk: rhk.rhk, iki: iki.iki, description: iki.description, targets: iki.targets }, 'iki', iki.iki);
  }
  await run(me, step(rng.int(5, 30)), 'SubmitPlan', { plan }, 'submit', 1);
  const reviewDay = workingDaysAfter(workingDayFrom(localDateOf(at, zone)), rng.int(1, 3));
  at = instantAt(reviewDay, rng.int(8, 14), rng.int(0, 59), zone);
  if (sketch.leaderExpectation !== undefined)
    await run(boss, at, 'SetLeaderExpectation', { plan, ...sketch.leaderExpectation }, 'leader-expectation', sketch.leaderExpectation.value);
  if (sketch.returned !== undefined) {
    await run(boss, step(rng.int(5, 40)), 'ReturnPlan', { plan, reasons: sketch.returned.reasons }, 'return', 1);
    const fixDay = workingDaysAfter(reviewDay, rng.int(1, 2));
    at = instantAt(fixDay, rng.int(8, 14), rng.int(0, 59), zone);
    const { iki } = sketch.returned;
    await run(me, at, 'ChangeIki', { plan, iki: iki.iki, description: iki.description, targets: iki.targets }, 'change-iki', iki.iki);
    await run(me, step(rng.int(5, 20)), 'SubmitPlan', { plan }, 'submit', 2);
    at = instantAt(workingDaysAfter(fixDay, rng.int(1, 2)), rng.int(8, 14), rng.int(0, 59), zone);
  }
  await run(boss, step(rng.int(5, 60)), 'ApprovePlan', { plan }, 'approve');
};


// ---------------------------------------------------------------------------------------------------------------
// One employee's evaluation of one period, up to rating
// ---------------------------------------------------------------------------------------------------------------

const PERIOD_WORDS: Readonly<Record<string, string>> = { Q1: 'Triwulan I', Q2: 'Triwulan II', Q3: 'Triwulan III', Q4: 'Triwulan IV', S1: 'Semester I', S2: 'Semester II' };
const periodWords = (period: EvaluationPeriod): string =>
  period.kind === 'annual' ? `Tahun ${period.id}` : (PERIOD_WORDS[period.id.slice(5)] ?? period.id);

const evaluationOf = (ey: EmployeeYear, period: EvaluationPeriod): EvaluationId => evaluationIdOf(ey.plan, period.id as PeriodId);

const prepareEvaluation = async (
  host: SeedHost,
  ey: EmployeeYear,
  period: EvaluationPeriod,
  predikat: Predikat,
  periodic: boolean,
  seed: number | string,
  contextOf: ContextOf,
  byNip: ReadonlyMap<string, EmployeeYear>,
  system: Actor,
): Promise<void> => {
  const { employee, appraiser, sketch, year, plan } = ey;
  const tenant = employee.tenant;
  const zone = ey.policy.timeZone;
  const rng = rngFor(seed, tenant, employee.nip, period.id, 'prepare');
  const me = as(employee.nip, 'pegawai');
  const boss = as(appraiser.nip, 'pejabat-penilai');
  const evaluation = evaluationOf(ey, period);
  const correlation = `evaluation/${evaluation}`;
  const planRun = (actor: Actor, at: Date, type: string, request: unknown, ...id: ReadonlyArray<string | number>) =>
    host.run(tenant, 'plan', type, request, contextOf(tenant, actor, at, `plan/${plan}`, 'plan', plan, ...id));
  const evalRun = (actor: Actor, at: Date, type: string, request: unknown, ...id: ReadonlyArray<string | number>) =>
    host.run(tenant, 'evaluation', type, request, contextOf(tenant, actor, at, correlation, 'evaluation', evaluation, ...id));

  // Realisations, cumulative, in the last working days of the period (once at mid-year and once at year end when
  // only the annual evaluation runs; none before the annual one when the last periodic evaluation recorded them).
  const reportingPoints: ReadonlyArray<readonly [LocalDate, number, string]> =
    period.kind === 'periodic'
      ? [[period.end, (period.months[period.months.length - 1] ?? 12) / 12, periodWords(period)]]
      : periodic
        ? []
        : [
            [`${year}-07-01` as LocalDate, 0.5, 'Semester I'],
            [period.end, 1, `Tahun ${year}`],
          ];
  for (const [end, share, words] of reportingPoints) {
    const { at } = officeMoment(rng, addDays(end, -12), 4, zone);
    let minute = 0;
    for (const iki of sketch.approvedIki) {
      minute += rng.int(2, 8);
      await planRun(me, later(at, minute), 'RecordRealisation', {
        plan,
        iki: iki.iki,
        realised: realisationFor(rng, iki, predikat, share),
        evidence: evidenceFor(rng, tenant, year, employee.nip, iki.iki, words.replace(/ /g, '-')),
      }, 'realisation', words, iki.iki);
    }
    // The appraiser's coaching for someone heading below expectation; now and then plain feedback for others.
    if (predikat === 'butuh-perbaikan' || predikat === 'kurang' || rng.chance(0.08))
      await planRun(boss, later(at, minute + rng.int(60, 240)), 'RecordFeedback', {
        plan,
        kind: predikat === 'baik' || predikat === 'sangat-baik' ? 'feedback' : 'coaching',
        note: rng.pick(COACHING_NOTES),
      }, 'feedback', words);
  }
  if (period.kind === 'annual')
    await planRun(system, instantAt(period.end, 0, 5, zone), 'ClosePlan', { plan }, 'close');

  // Opening, in the first working days after the period.
  const { date: openDay, at: openedAt } = officeMoment(rng, period.end, 2, zone);
  await evalRun(boss, openedAt, 'OpenEvaluation', {
    evaluation,
    kind: period.kind,
    period: period.id,
    periodStart: instantAt(period.start, 0, 0, zone),
    periodEnd: instantAt(period.end, 0, 0, zone),
  }, 'open');

  // 360° feedback where the tenant's practice has it: mostly on the annual evaluation.
  if (ey.policy.peerFeedback && rng.chance(period.kind === 'annual' ? 0.45 : 0.1)) {
    const unit = ey.tenant.units.find((u) => u.id === employee.unit);
    const candidates = (unit?.members ?? []).filter((nip) => nip !== employee.nip && nip !== appraiser.nip);
    const invitees = rng.shuffle(candidates).slice(0, rng.int(1, 3));
    const inviteDay = workingDaysAfter(openDay, 1);
    for (const [i, invitee] of invitees.entries()) {
      const relation = ey.tenant.byNip.get(invitee)?.superior === employee.nip ? 'subordinate' : 'peer';
      await evalRun(boss, instantAt(inviteDay, 9, 10 + i * 3, zone), 'InviteFeedback', { evaluation, invitee, relation }, 'invite', invitee);
    }
    for (const invitee of invitees) {
      if (!rng.chance(0.85)) continue;
      const giver = byNip.get(`${tenant}/${invitee}`);
      const answerDay = workingDaysAfter(inviteDay, rng.int(1, 2));
      await evalRun(as(invitee, 'rekan-kerja'), instantAt(answerDay, rng.int(8, 15), rng.int(0, 59), zone), 'GiveFeedback', {
        evaluation,
        levels: feedbackLevelsFor(rng, predikat),
        ...(rng.chance(0.4) ? { comment: rng.pick(FEEDBACK_COMMENTS) } : {}),
      }, 'feedback', giver?.employee.nip ?? invitee);
    }
  }
  // Semarang: periodic self-evaluation notes (DOMAIN.md §1).
  if (ey.policy.selfEvaluation && rng.chance(0.7))
    await evalRun(me, instantAt(workingDaysAfter(openDay, 1), rng.int(13, 15), rng.int(0, 59), zone), 'RecordSelfEvaluation', {
      evaluation,
      notes: rng.pick(SELF_EVALUATION_NOTES),
    }, 'self-evaluation');
  // Now and then the appraiser corrects a realisation with their own evidence.
  const corrected = sketch.approvedIki[0];
  if (corrected !== undefined && rng.chance(0.05))
    await evalRun(boss, instantAt(workingDaysAfter(openDay, 2), 10, rng.int(0, 59), zone), 'RecordEvaluationRealisation', {
      evaluation,
      iki: corrected.iki,
      realised: realisationFor(rng, corrected, predikat, (period.months[period.months.length - 1] ?? 12) / 12),
      evidence: evidenceFor(rng, tenant, year, employee.nip, corrected.iki, `verifikasi-${period.id}`),
    }, 'appraiser-realisation', corrected.iki);
};

// ---------------------------------------------------------------------------------------------------------------
// One unit's period: opened, every member rated in order (the process manager proposes each), result set, settled
// ---------------------------------------------------------------------------------------------------------------

const rateAndSettleUnit = async (
  host: SeedHost,
  uy: UnitYear,
  period: EvaluationPeriod,
  plan: UnitRatingPlan,
  seed: number | string,
  contextOf: ContextOf,
  operator: Actor,
): Promise<void> => {
  const { unit, policy } = uy;
  const tenant = uy.tenant.tenant;
  const zone = policy.timeZone;
  const rng = rngFor(seed, tenant, unit.id, period.id, 'settle');
  const unitPeriod = unitPeriodIdOf(unit.id, period.id as PeriodId);
  const correlation = `unitperiod/${unitPeriod}`;
  const unitRun = (actor: Actor, at: Date, type: string, request: unknown, ...id: ReadonlyArray<string | number>) =>
    host.run(tenant, 'unit-period', type, request, contextOf(tenant, actor, at, correlation, 'unitperiod', unitPeriod, ...id));

  const openDay = workingDaysAfter(workingDayFrom(period.end), 4);
  await unitRun(operator, instantAt(openDay, 7, 30, zone), 'OpenUnitPeriod', {
    unitPeriod,
    unit: unit.id,
    period: period.id,
    periodStart: instantAt(period.start, 0, 0, zone),
    periodEnd: instantAt(period.end, 0, 0, zone),
  }, 'open');

  const rateDay = workingDaysAfter(openDay, 1);
  for (const [i, member] of uy.members.entries()) {
    const rating = plan.ratings[i];
    if (rating === undefined) continue;
    const evaluation = evaluationOf(member, period);
    const words = periodWords(period);
    const effortNotes = tenant === 'samarinda' ? effortNotesFor(rng, rating.predikat) : undefined;
    await host.run(
      tenant,
      'evaluation',
      'RateEvaluation',
      {
        evaluation,
        regime: 'rated',
        hasilKerja: rating.hasilKerja,
        perilaku: rating.perilaku,
        justification: justificationFor(rng, rating.predikat, words),
        ...(effortNotes === undefined ? {} : { effortNotes }),
      },
      contextOf(tenant, as(member.appraiser.nip, 'pejabat-penilai'), instantAt(rateDay, 9 + Math.floor(i / 8), (i * 7) % 60, zone), `evaluation/${evaluation}`, 'evaluation', evaluation, 'rate'),
    );
  }

  const official = unit.authorisedOfficial;
  if (official === null) return;
  const decideDay = workingDaysAfter(rateDay, rng.int(1, 2));
  const boss = as(official, 'pimpinan-unit');
  const achieved = { istimewa: [95, 100], baik: [80, 95], 'butuh-perbaikan': [60, 80], kurang: [40, 60], 'sangat-kurang': [20, 40] }[plan.result];
  await unitRun(boss, instantAt(decideDay, 9, rng.int(0, 30), zone), 'SetOrganisationalResult', {
    unitPeriod,
    result: plan.result,
    justification: `Capaian indikator kinerja ${unit.name} ${periodWords(period)}: ${rng.int(achieved[0] ?? 80, achieved[1] ?? 95)}% dari target`,
    evidence: [{ ref: `bukti://${tenant}/${period.id}/${unit.id}/lkjip.pdf`, description: 'Laporan kinerja unit (LKjIP) dan rekap capaian IKU' }],
  }, 'result');
  await unitRun(boss, instantAt(decideDay, 10, rng.int(0, 59), zone), 'SettleUnitPeriod', { unitPeriod }, 'settle');
};

// ---------------------------------------------------------------------------------------------------------------
// Delivery, keberatan, final, rewards
// ---------------------------------------------------------------------------------------------------------------

const deliveryDayOf = (rng: Rng, period: EvaluationPeriod): LocalDate => workingDaysAfter(workingDayFrom(period.end), 8 + rng.int(0, 2));

const deliver = async (host: SeedHost, ey: EmployeeYear, period: EvaluationPeriod, seed: number | string, contextOf: ContextOf): Promise<void> => {
  const tenant = ey.employee.tenant;
  const zone = ey.policy.timeZone;
  const rng = rngFor(seed, tenant, ey.employee.nip, period.id, 'deliver');
  const evaluation = evaluationOf(ey, period);
  const day = deliveryDayOf(rng, period);
  await host.run(
    tenant,
    'evaluation',
    'DeliverEvaluation',
    { evaluation },
    contextOf(tenant, as(ey.appraiser.nip, 'pejabat-penilai'), instantAt(day, rng.int(8, 15), rng.int(0, 59), zone), `evaluation/${evaluation}`, 'evaluation', evaluation, 'deliver'),
  );
};

/** BR-10: after the window (the end of day 14 after delivery) the system's timer makes the result final. */
const finalize = async (host: SeedHost, ey: EmployeeYear, period: EvaluationPeriod, seed: number | string): Promise<void> => {
  const rng = rngFor(seed, ey.employee.tenant, ey.employee.nip, period.id, 'deliver');
  const day = deliveryDayOf(rng, period);
  await host.fire(evaluationStreamId(ey.employee.tenant, evaluationOf(ey, period)), instantAt(addDays(day, 15), 0, 10, ey.policy.timeZone));
};

const OBJECTION_REASONS: ReadonlyArray<string> = [
  'Capaian IKI telah melampaui target sesuai bukti dukung yang dilampirkan, namun dinilai sesuai ekspektasi',
  'Penilaian perilaku kerja tidak mempertimbangkan penugasan tambahan selama periode penilaian',
  'Bukti dukung realisasi triwulan IV belum diperhitungkan dalam penilaian',
];

/**
 * BR-10, BR-11: about one in twenty-five members (never the head, whose hasil kerja is the unit's) files a keberatan
 * within the window; both sides explain; the Atasan Pejabat Penilai decides. Upheld: Baik raised to Sangat Baik
 * where the unit's curve still holds (the process manager re-checks it and revises); partly upheld: perilaku raised
 * without changing the predikat; otherwise rejected. Returns the members who objected.
 */
const objectInUnit = async (
  host: SeedHost,
  uy: UnitYear,
  period: EvaluationPeriod,
  plan: UnitRatingPlan,
  seed: number | string,
  contextOf: ContextOf,
): Promise<ReadonlyArray<Nip>> => {
  const tenant = uy.tenant.tenant;
  const zone = uy.policy.timeZone;
  const rng = rngFor(seed, tenant, uy.unit.id, period.id, 'keberatan');
  const counts = { ...plan.counts };
  const objected: Nip[] = [];
  for (const [i, member] of uy.members.entries()) {
    const rating = plan.ratings[i];
    if (i === 0 || rating === undefined || !rng.chance(0.04)) continue;
    if (rating.predikat !== 'baik' && rating.predikat !== 'butuh-perbaikan') continue;
    const employee = member.employee;
    const evaluation = evaluationOf(member, period);
    const objection = `KB-${period.id}-${employee.nip.slice(-6)}`;
    const correlation = `evaluation/${evaluation}`;
    const run = (actor: Actor, at: Date, type: string, request: unknown, step: string) =>
      host.run(tenant, 'objection', type, request, contextOf(tenant, actor, at, correlation, 'keberatan', evaluation, step));
    const delivered = deliveryDayOf(rngFor(seed, tenant, employee.nip, period.id, 'deliver'), period);
    const filedDay = workingDayFrom(addDays(delivered, rng.int(2, 8)));
    const filed = await run(as(employee.nip, 'pegawai'), instantAt(filedDay, rng.int(8, 15), rng.int(0, 59), zone), 'FileObjection', {
      evaluation,
      objection,
      reasons: [rng.pick(OBJECTION_REASONS)],
    }, 'file');
    if (filed === undefined) continue;
    objected.push(employee.nip);
    const explainDay = workingDaysAfter(filedDay, rng.int(1, 3));
    await run(as(member.appraiser.nip, 'pejabat-penilai'), instantAt(explainDay, 10, rng.int(0, 59), zone), 'RecordExplanation', {
      evaluation,
      objection,
      explanation: 'Penilaian didasarkan pada capaian IKI dan pengamatan perilaku kerja selama periode penilaian',
    }, 'explain-appraiser');
    await run(as(employee.nip, 'pegawai'), instantAt(explainDay, 14, rng.int(0, 59), zone), 'RecordExplanation', {
      evaluation,
      objection,
      explanation: 'Terlampir bukti dukung tambahan atas capaian dan penugasan selama periode penilaian',
    }, 'explain-employee');
    // Upheld only where the curve still holds with one more Sangat Baik and one Baik less.
    const upgraded = { ...counts, baik: counts.baik - 1, 'sangat-baik': counts['sangat-baik'] + 1 };
    const upheld = rating.predikat === 'baik' && rng.chance(0.5) && checkDistribution(plan.result, upgraded, uy.policy.curve)._tag === 'Right';
    const partly = !upheld && rating.perilaku === 'sesuai-ekspektasi' && rng.chance(0.5);
    const ruling = upheld
      ? { outcome: 'upheld', rating: { regime: 'rated', hasilKerja: 'di-atas-ekspektasi', perilaku: 'di-atas-ekspektasi', justification: 'Bukti dukung tambahan menunjukkan capaian di atas ekspektasi' } }
      : partly
        ? { outcome: 'partly-upheld', rating: { regime: 'rated', hasilKerja: rating.hasilKerja, perilaku: 'di-atas-ekspektasi', justification: 'Penugasan tambahan diperhitungkan pada perilaku kerja' } }
        : { outcome: 'rejected' };
    if (upheld) Object.assign(counts, upgraded);
    const decideDay = workingDaysAfter(explainDay, rng.int(2, 6));
    await run(as(member.appraiserSuperior, 'atasan-pejabat-penilai'), instantAt(decideDay, 10, rng.int(0, 59), zone), 'DecideObjection', {
      evaluation,
      objection,
      reasons: [upheld || partly ? 'Keberatan beralasan sebagian atau seluruhnya berdasarkan bukti dukung' : 'Penilaian telah sesuai dengan bukti dukung dan pengamatan atasan'],
      ...ruling,
    }, 'decide');
  }
  return objected;
};

/**
 * After the annual result is final: recognition and talent-pool priority for Sangat Baik, incentives for reaching
 * targets in Semarang (DOMAIN.md §1), a training recommendation for those below expectation; decided by the unit's
 * authorised official as Pimpinan Unit.
 */
const reward = async (
  host: SeedHost,
  ey: EmployeeYear,
  period: EvaluationPeriod,
  predikat: Predikat,
  seed: number | string,
  contextOf: ContextOf,
  objected: boolean,
): Promise<void> => {
  const tenant = ey.employee.tenant;
  const unit = ey.tenant.units.find((u) => u.id === ey.employee.unit);
  if (unit?.authorisedOfficial === null || unit === undefined || objected) return;
  const rng = rngFor(seed, tenant, ey.employee.nip, period.id, 'reward');
  const year = ey.year;
  const official = as(unit.authorisedOfficial, 'pimpinan-unit');
  const day = workingDayFrom(`${year + 1}-03-${String(rng.int(2, 20)).padStart(2, '0')}` as LocalDate);
  const evaluationIds = [evaluationOf(ey, period)];
  const base = { employee: ey.employee.nip, year, basis: [] as ReadonlyArray<string>, evaluationIds };
  const decision = (kind: string) => `800-${kind}-${unit.opd}-${year}-${ey.employee.nip.slice(-6)}`;
  const run = (at: Date, type: string, request: unknown, step: string) =>
    host.run(tenant, 'reward', type, request, contextOf(tenant, official, at, `reward/${ey.employee.nip}/${year}`, 'reward', ey.employee.nip, year, step));
  const at = (hour: number) => instantAt(day, hour, rng.int(0, 59), ey.policy.timeZone);
  if (predikat === 'sangat-baik') {
    if (rng.chance(0.5))
      await run(at(9), 'GrantRecognition', { ...base, decision: decision('PGH'), title: 'Pegawai Berkinerja Sangat Baik', reasons: ['Predikat kinerja tahunan Sangat Baik'] }, 'recognition');
    if (rng.chance(0.3))
      await run(at(10), 'PrioritiseForTalentPool', { ...base, decision: decision('TLN'), reasons: ['Predikat Sangat Baik: kuadran kinerja tinggi'] }, 'talent-pool');
  }
  if (tenant === 'semarang' && (predikat === 'sangat-baik' || (predikat === 'baik' && rng.chance(0.3))))
    await run(at(11), 'GrantIncentive', {
      ...base,
      decision: decision('INS'),
      award: { kind: 'percent', percent: predikat === 'sangat-baik' ? 10 : 5 },
      reasons: ['Target kinerja tahunan tercapai'],
      basis: ['Peraturan Wali Kota Semarang tentang tambahan penghasilan pegawai'],
    }, 'incentive');
  if (predikat === 'butuh-perbaikan' || predikat === 'kurang')
    await run(at(13), 'RecommendTraining', {
      ...base,
      decision: decision('DIK'),
      topics: [{ kind: 'competence-gap', competence: rng.pick(['Penyusunan laporan kinerja', 'Manajemen waktu dan prioritas kerja', 'Pelayanan prima']) }],
      reasons: ['Hasil kerja di bawah ekspektasi pada penilaian tahunan'],
    }, 'training');
};
