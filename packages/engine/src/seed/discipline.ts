/**
 * Unexcused absences and the discipline cases they lead to (PP 94/2021; BR-14..BR-19, BR-21, BR-22), for one tenant
 * and year, through the catalog (`RecordAbsence`, the discipline and appeal commands), the absence and appeal
 * process managers and the discipline timer.
 *
 * - A few employees a year (`ABSENTEE_SHARE` of the tenant's staff, at least two) miss working days without a
 *   valid reason. The attendance system (`sistem`) records each day the next working morning, with a few excused
 *   days (sick leave) among them. Days come in short runs (one to three working days), never ten in a row, so BR-16
 *   never applies; the yearly count crosses BR-15 thresholds (3, 4, 7, 11, ... days), and at each the absence
 *   process manager opens a case proposing the band's sanction.
 * - Each case goes the way PP 94/2021 sets out: the direct superior summons the employee in writing (at least 7
 *   working days ahead) and examines them on that day; for a berat sanction (21 days or more) the PPK first forms a
 *   Tim Pemeriksa, which examines (BR-17). The official authorised for that sanction and that employee decides
 *   (BR-19: the nearest superior whose rank the authority table lets impose it, else the PPK), and delivers the
 *   decision within 14 working days (BR-22), one in eight late, after the timer recorded the missed deadline. The
 *   timer records the sanction served once it has run its course.
 * - The first absentee of every tenant and year reaches a sedang band (11–13 days); in the first tenant that
 *   employee files a keberatan against the 25% tunjangan kinerja cut (BR-21) and the PPK lightens it; the appeal's
 *   process manager applies that to the case. The first tenant's second absentee reaches a berat band (21–22 days).
 *
 * The PPK: the roster has no position for the Wali Kota; the Sekretaris Daerah acts as the PPK by delegation (role
 * `ppk`), as the engine's facts allow. The Tim Pemeriksa: the employee's direct superior (atasan), the Sekretaris of
 * the BKPSDM where the city has one or else of the employee's OPD (kepegawaian), and an official of the OPD's
 * Sekretariat (pengawasan: the generated roster has no Inspektorat).
 *
 * Absence days fall within the years the holiday calendar covers (2025–2027 shipped), and in its last year by the
 * end of September, so that every working-day deadline a case leads to stays within the calendar.
 */
import {
  authorityFor,
  BR_15_THRESHOLDS,
  cumulativeSanction,
  disciplineAuthorityFactsFor,
  disciplineCaseIdOf,
  disciplineStreamId,
  INDONESIA_2025_2027,
  levelOfSanction,
  localDateOf,
  servedFrom,
  superiorLineOf,
  type Actor,
  type AuthorityTable,
  type LocalDate,
  type Nip,
  type RosterState,
  type Sanction,
  type TenantId,
  type TenantPolicy,
} from '@kinerja/domain';
import { disciplineAggregate } from '../aggregates';
import { loadStream } from '../pipeline';
import type { ContextOf, SeedHost } from './host';
import type { SeedEmployee, TenantOrganisation } from './organisation';
import { rngFor, type Rng } from './random';
import { instantAt, isOfficeDay, later, localDate, workingDayFrom, workingDaysAfter } from './timeline';

/** The share of a tenant's staff with unexcused absences in a year (at least two employees). */
export const ABSENTEE_SHARE = 0.015;

/** Unexcused days of the other absentees: mostly a ringan band, now and then a sedang one. */
const DAY_BANDS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[3, 6], 60],
  [[7, 10], 25],
  [[11, 13], 10],
  [[14, 16], 5],
];

export type AbsenteeSketch = Readonly<{
  tenant: TenantOrganisation;
  policy: TenantPolicy;
  year: number;
  /** 0-based, per tenant and year. */
  index: number;
  employee: SeedEmployee;
  /** Unexcused and excused days, oldest first. */
  days: ReadonlyArray<Readonly<{ date: LocalDate; excused: boolean }>>;
  /** Who decides each sanction the BR-15 thresholds lead to (BR-19), by threshold. */
  deciders: ReadonlyMap<number, Actor>;
  /** The BR-15 threshold whose case the employee objects to (BR-21), if any. */
  keberatan?: number;
}>;

/** The last day absences are generated for in `year`; undefined when the holiday calendar does not cover it. */
const lastAbsenceDay = (year: number): LocalDate | undefined => {
  const { fromYear, toYear } = INDONESIA_2025_2027;
  if (year < fromYear || year > toYear) return undefined;
  return localDate(year, year < toYear ? 11 : 9, 30);
};

/** How many absentees a tenant gets in `year`: a share of its staff, at least two (none outside the calendar's years). */
export const absenteeCountFor = (organisation: TenantOrganisation, year: number): number =>
  lastAbsenceDay(year) === undefined
    ? 0
    : Math.max(2, Math.round(organisation.employees.filter((e) => e.role === 'staff' || e.role === 'sub-head').length * ABSENTEE_SHARE));

/** The Sekretaris Daerah, who acts as the PPK by delegation. */
export const ppkOf = (organisation: TenantOrganisation): Nip | undefined => organisation.employees.find((e) => e.role === 'sekda')?.nip;

/**
 * BR-19: who imposes `sanction` on `employee`: the nearest superior whose rank the table authorises for it, else
 * the PPK; undefined when nobody may (the default table has no one for a ringan sanction on a pelaksana without a
 * pengawas above them).
 */
const deciderFor = (roster: RosterState, table: AuthorityTable, employee: Nip, sanction: Sanction, asOf: LocalDate, ppk: Nip): Actor | undefined => {
  for (const official of superiorLineOf(roster, employee, asOf)) {
    const facts = disciplineAuthorityFactsFor(roster, { official, employee, asOf, ppk: [] });
    if (authorityFor(table, facts, sanction.type) !== undefined) return { nip: official, role: 'pejabat-berwenang-menghukum' };
  }
  const facts = disciplineAuthorityFactsFor(roster, { official: ppk, employee, asOf, ppk: [ppk] });
  return authorityFor(table, facts, sanction.type) === undefined ? undefined : { nip: ppk, role: 'ppk' };
};

/** The office days of `year` from its first working day to `last`. */
const officeDaysOf = (year: number, last: LocalDate): ReadonlyArray<LocalDate> => {
  const days: LocalDate[] = [];
  for (let day = workingDayFrom(localDate(year, 1, 2)); day <= last; day = workingDaysAfter(day, 1)) if (isOfficeDay(day)) days.push(day);
  return days;
};

/**
 * `total` unexcused days in runs of one to three working days, one run per stretch of the year, each run ending at
 * least one working day before its stretch does: no two runs touch, so no run reaches BR-16's ten days.
 */
const unexcusedDays = (rng: Rng, office: ReadonlyArray<LocalDate>, total: number): ReadonlyArray<LocalDate> => {
  const runs: number[] = [];
  for (let left = total; left > 0; ) {
    const run = Math.min(left, rng.int(1, 3));
    runs.push(run);
    left -= run;
  }
  const stretch = Math.floor(office.length / runs.length);
  return runs.flatMap((run, i) => {
    const start = i * stretch + rng.int(0, Math.max(0, stretch - run - 1));
    return office.slice(start, start + run);
  });
};

/** The absentees of a tenant and year, with their days and the officials who will decide their cases. */
export const sketchAbsentees = (
  organisation: TenantOrganisation,
  policy: TenantPolicy,
  year: number,
  seed: number | string,
  roster: RosterState,
  table: AuthorityTable,
  first: boolean,
): ReadonlyArray<AbsenteeSketch> => {
  const last = lastAbsenceDay(year);
  const ppk = ppkOf(organisation);
  if (last === undefined || ppk === undefined) return [];
  const rng = rngFor(seed, organisation.tenant, year, 'absentees');
  const staff = organisation.employees.filter((e) => e.role === 'staff' || e.role === 'sub-head');
  const wanted = absenteeCountFor(organisation, year);
  const office = officeDaysOf(year, last);
  const asOf = localDate(year, 6, 1);
  const sketches: AbsenteeSketch[] = [];
  for (const employee of rng.shuffle(staff)) {
    if (sketches.length >= wanted) break;
    const index = sketches.length;
    const own = rngFor(seed, organisation.tenant, year, 'absence', employee.nip);
    const [from, to] =
      index === 0 ? ([11, 13] as const) : index === 1 && first ? ([21, 22] as const) : own.weighted(DAY_BANDS);
    const total = own.int(from, to);
    // BR-19: every sanction the thresholds lead to needs an official authorised to impose it on this employee.
    const deciders = new Map<number, Actor>();
    for (const threshold of BR_15_THRESHOLDS.filter((t) => t <= total)) {
      const sanction = cumulativeSanction(threshold);
      const decider = sanction === undefined ? undefined : deciderFor(roster, table, employee.nip, sanction, asOf, ppk);
      if (decider !== undefined) deciders.set(threshold, decider);
    }
    if (deciders.size !== BR_15_THRESHOLDS.filter((t) => t <= total).length) continue;
    const unexcused = unexcusedDays(own, office, total);
    const taken = new Set(unexcused);
    const excused = own.shuffle(office.filter((d) => !taken.has(d))).slice(0, own.int(0, 3));
    const days = [...unexcused.map((date) => ({ date, excused: false })), ...excused.map((date) => ({ date, excused: true }))].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    );
    sketches.push({ tenant: organisation, policy, year, index, employee, days, deciders, ...(index === 0 && first ? { keberatan: 11 } : {}) });
  }
  return sketches;
};

export type DisciplineRun = Readonly<{
  host: SeedHost;
  store: Parameters<typeof loadStream>[0];
  seed: number | string;
  contextOf: ContextOf;
  system: Actor;
}>;

const EXCUSES: ReadonlyArray<string> = ['Sakit dengan surat keterangan dokter', 'Izin keperluan keluarga', 'Cuti alasan penting'];

/**
 * Records the absentee's days and takes each case a crossed BR-15 threshold opened to a delivered sanction; returns
 * how many cases were taken through.
 */
export const writeAbsentee = async (run: DisciplineRun, sketch: AbsenteeSketch): Promise<number> => {
  const { host, seed, contextOf, system } = run;
  const tenant: TenantId = sketch.tenant.tenant;
  const { employee, year } = sketch;
  const zone = sketch.policy.timeZone;
  const rng = rngFor(seed, tenant, year, 'absence-record', employee.nip);
  let unexcused = 0;
  let cases = 0;
  for (const { date, excused } of sketch.days) {
    // The attendance system records yesterday's absences on the next working morning.
    const recordedAt = instantAt(workingDaysAfter(date, 1), 7, rng.int(0, 29), zone);
    await host.run(
      tenant,
      'absence',
      'RecordAbsence',
      { employee: employee.nip, date, excused, ...(excused ? { reason: rng.pick(EXCUSES) } : {}) },
      contextOf(tenant, system, recordedAt, `absensi/${employee.nip}/${year}`, 'absensi', employee.nip, date),
    );
    if (excused) continue;
    unexcused += 1;
    const decider = sketch.deciders.get(unexcused);
    if (BR_15_THRESHOLDS.includes(unexcused) && decider !== undefined) {
      await writeCase(run, sketch, unexcused, recordedAt, decider);
      cases += 1;
    }
  }
  return cases;
};

/** Candidates for the Tim Pemeriksa's kepegawaian and pengawasan seats, in order of preference. */
const timCandidates = (organisation: TenantOrganisation, employee: SeedEmployee): ReadonlyArray<Nip> => {
  const secretariat = (opd: string) => organisation.units.find((u) => u.id === `${opd}-sekretariat`);
  const own = secretariat(employee.opd);
  return [
    secretariat('bkpsdm')?.head,
    ...(own?.members.filter((nip) => organisation.byNip.get(nip)?.role === 'sub-head') ?? []),
    own?.head,
    ...organisation.units.filter((u) => u.parent !== null && u.opd !== employee.opd).map((u) => u.head),
  ].filter((nip): nip is Nip => nip !== undefined);
};

const KEBERATAN_REASONS: ReadonlyArray<string> = [
  'Sebagian ketidakhadiran terjadi karena merawat orang tua yang sakit; surat keterangan terlambat diserahkan',
  'Hukuman pemotongan tunjangan kinerja terlalu berat dibanding pelanggaran pertama kali',
];

/** One case, from the summons to the sanction served (and, for the flagged one, the keberatan and its outcome). */
const writeCase = async (run: DisciplineRun, sketch: AbsenteeSketch, threshold: number, openedAt: Date, decider: Actor): Promise<void> => {
  const { host, store, seed, contextOf } = run;
  const tenant: TenantId = sketch.tenant.tenant;
  const { employee, year } = sketch;
  const zone = sketch.policy.timeZone;
  const sanction = cumulativeSanction(threshold);
  const superior = employee.superior;
  const ppk = ppkOf(sketch.tenant);
  if (sanction === undefined || superior === null || ppk === undefined) return;
  const rng = rngFor(seed, tenant, year, 'case', employee.nip, threshold);
  const caseId = disciplineCaseIdOf(employee.nip, year, `absensi-${threshold}`);
  const correlation = `disiplin/${caseId}`;
  const caseRun = (aggregate: 'discipline' | 'appeal', actor: Actor, at: Date, type: string, request: Record<string, unknown>, step: string) =>
    host.run(tenant, aggregate, type, { caseId, ...request }, contextOf(tenant, actor, at, correlation, 'disiplin', caseId, step));
  const atasan: Actor = { nip: superior, role: 'pejabat-penilai' };
  const berat = levelOfSanction(sanction) === 'berat';
  const unitName = sketch.tenant.units.find((u) => u.id === employee.unit)?.name ?? employee.unit;

  // The summons (PP 94/2021 Ps 26): at least 7 working days ahead.
  const issueDay = workingDaysAfter(localDateOf(openedAt, zone), rng.int(1, 2));
  const summonsDate = workingDaysAfter(issueDay, 7 + rng.int(0, 3));
  await caseRun('discipline', atasan, instantAt(issueDay, rng.int(9, 11), rng.int(0, 59), zone), 'SummonEmployee', { date: summonsDate, place: `Ruang rapat ${unitName}` }, 'summon');

  // BR-17: a berat sanction only after a Tim Pemeriksa examined; the direct superior sits on it as atasan.
  let examiner: Actor = atasan;
  if (berat) {
    const [kepegawaian, pengawasan] = timCandidates(sketch.tenant, employee).filter((nip) => nip !== employee.nip && nip !== superior);
    if (kepegawaian === undefined || pengawasan === undefined) return;
    const members = [
      { nip: superior, element: 'atasan' },
      { nip: kepegawaian, element: 'kepegawaian' },
      { nip: pengawasan, element: 'pengawasan' },
    ];
    await caseRun('discipline', { nip: ppk, role: 'ppk' }, instantAt(workingDaysAfter(issueDay, 1), 10, rng.int(0, 59), zone), 'FormTimPemeriksa', { members }, 'tim');
    examiner = { nip: superior, role: 'tim-pemeriksa' };
  }
  await caseRun('discipline', examiner, instantAt(summonsDate, rng.int(9, 13), rng.int(0, 59), zone), 'RecordExamination', {
    bap: `BAP/${year}/${employee.unit}/${employee.nip.slice(-6)}-${threshold}`,
    findings: `Pegawai mengakui tidak masuk kerja tanpa alasan yang sah selama ${threshold} hari kerja pada tahun ${year}`,
  }, 'examine');

  // BR-14, BR-19: the authorised official imposes the sanction the band gives.
  const decideDay = workingDaysAfter(summonsDate, rng.int(1, 4));
  await caseRun('discipline', decider, instantAt(decideDay, rng.int(9, 14), rng.int(0, 59), zone), 'DecideSanction', {
    sanction,
    findings: `Terbukti tidak masuk kerja tanpa alasan yang sah secara kumulatif ${threshold} hari kerja (PP 94/2021)`,
  }, 'decide');

  // BR-22: delivered within 14 working days; one in eight late, after the timer recorded the missed deadline.
  let deliverDay: LocalDate;
  if (rng.chance(0.125)) {
    await host.fire(disciplineStreamId(tenant, caseId), instantAt(workingDaysAfter(decideDay, 15), 6, 0, zone));
    deliverDay = workingDaysAfter(decideDay, 15 + rng.int(0, 3));
  } else deliverDay = workingDaysAfter(decideDay, rng.int(1, 8));
  let lastAt = instantAt(deliverDay, rng.int(9, 14), rng.int(0, 59), zone);
  await caseRun('discipline', decider, lastAt, 'DeliverDecision', {}, 'deliver');

  // BR-21: the keberatan against the 25% cut, decided by the PPK within 21 working days (memperingan).
  if (sketch.keberatan === threshold) {
    const fileDay = workingDaysAfter(deliverDay, rng.int(3, 9));
    await caseRun('appeal', { nip: employee.nip, role: 'pegawai' }, instantAt(fileDay, rng.int(9, 15), rng.int(0, 59), zone), 'FileAdministrativeObjection', {
      reasons: [rng.pick(KEBERATAN_REASONS)],
    }, 'keberatan');
    lastAt = instantAt(workingDaysAfter(fileDay, rng.int(5, 15)), rng.int(9, 14), rng.int(0, 59), zone);
    await caseRun('appeal', { nip: ppk, role: 'ppk' }, lastAt, 'DecideAppeal', {
      kind: 'keberatan',
      outcome: 'memperingan',
      reasons: ['Pelanggaran pertama dan ada alasan keluarga yang sebagian dapat diterima (PP 79/2021)'],
      sanction: { level: 'ringan', type: 'pernyataan-tidak-puas' },
    }, 'keberatan-decide');
  }

  // The timer records the sanction served once it has run its course.
  const loaded = await loadStream(store, disciplineAggregate, disciplineStreamId(tenant, caseId));
  if (loaded._tag === 'Right' && loaded.right.state.status === 'delivered') {
    const due = servedFrom(loaded.right.state);
    await host.fire(disciplineStreamId(tenant, caseId), later(due.getTime() > lastAt.getTime() ? due : lastAt, 5));
  }
};
