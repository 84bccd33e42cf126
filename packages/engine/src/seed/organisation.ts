/**
 * The generated organisation of the five tenants: who works where, in which position, reporting to whom. Built
 * once from (employees, seed, startYear), deterministically, then imported into each tenant's roster as CSV
 * files, one per OPD, exactly as an operator would import them (`parseRosterCsv` / `importRosterCsv`).
 *
 * Shape of a city: the Sekretaris Daerah (JPT Madya) heads the Sekretariat Daerah; each OPD's head (a JPT Pratama:
 * Kepala Dinas, Kepala Badan) reports to the Sekda; under the head are the OPD's Sekretariat (a Sekretaris, two
 * Kepala Subbagian once it is large enough), its bidang (a Kepala Bidang each) and, for the service OPD of a larger
 * city, its UPT (Puskesmas, schools, terminals: a Kepala UPT each); staff (pelaksana, and functional staff with
 * their jenjang) report to the head of their unit or to a Kepala Subbagian.
 *
 * Who gets a plan: everyone whose direct superior has a superior in the roster, i.e. everyone but the Sekda and the
 * OPD heads, who are appraised by the Wali Kota (the PPK, who holds no NIP and no roster position).
 */
import {
  JENJANG,
  nipProblem,
  type Jenjang,
  type LocalDate,
  type Nip,
  type PositionId,
  type TenantId,
  type UnitId,
} from '@kinerja/domain';
import { personalName, titledName, type Education, type Sex } from './names';
import { CORE_OPD, MORE_OPD, OPD_PRIORITY, PLACES, SEKRETARIAT, type OpdSpec, type SectionSpec, type StaffSpec } from './opd';
import { rngFor, type Rng } from './random';

/** The five model tenants (DOMAIN.md §1), biggest first, with their share of the generated employees. */
export const SEED_TENANTS: ReadonlyArray<Readonly<{ tenant: TenantId; share: number }>> = [
  { tenant: 'surabaya' as TenantId, share: 0.3 },
  { tenant: 'semarang' as TenantId, share: 0.24 },
  { tenant: 'palembang' as TenantId, share: 0.21 },
  { tenant: 'samarinda' as TenantId, share: 0.15 },
  { tenant: 'salatiga' as TenantId, share: 0.1 },
];

/** Smallest unit headcount: a head and two staff, so that the kurva distribusi can always be met. */
const MIN_UNIT = 3;
/** The Sekda, and per core OPD its head and a Sekretariat of MIN_UNIT. */
export const MIN_EMPLOYEES_PER_TENANT = 1 + CORE_OPD.length * (1 + MIN_UNIT);

export type EmployeeRole = 'sekda' | 'opd-head' | 'unit-head' | 'sub-head' | 'staff';

export type SeedEmployee = Readonly<{
  tenant: TenantId;
  nip: Nip;
  /** As written in the roster, with titles. */
  name: string;
  sex: Sex;
  employment: 'pns' | 'pppk';
  opd: string;
  unit: UnitId;
  position: PositionId;
  title: string;
  level: 'jpt-madya' | 'jpt-pratama' | 'administrator' | 'pengawas' | 'pelaksana' | 'jf';
  jenjang: Jenjang | null;
  role: EmployeeRole;
  /** The direct superior: the Pejabat Penilai Kinerja. */
  superior: Nip | null;
  /** The position this one reports to. */
  reportsTo: PositionId | null;
  /** TMT of the current position. */
  effectiveFrom: LocalDate;
  /** What the employee plans: the section of their unit (the secretariat, a bidang, a UPT kind). */
  section: SectionSpec;
  /** A latent performance in [0, 1): better employees tend to get better ratings, year after year. */
  aptitude: number;
}>;

export type SeedUnit = Readonly<{
  tenant: TenantId;
  id: UnitId;
  name: string;
  opd: string;
  parent: UnitId | null;
  /** The head of the unit (Pimpinan Unit). */
  head: Nip;
  /** The unit head's superior: sets the organisational result and settles the unit period. */
  authorisedOfficial: Nip | null;
  /** Everyone of the unit who has a plan, head first, then in roster order. */
  members: ReadonlyArray<Nip>;
}>;

export type RosterFile = Readonly<{ name: string; csv: string; rows: number }>;

/** Rows per roster file: an OPD with more is imported in parts (`dinkes-1`, `dinkes-2`, ...), each well under 1 MB. */
export const MAX_ROSTER_ROWS = 400;

export type TenantOrganisation = Readonly<{
  tenant: TenantId;
  employees: ReadonlyArray<SeedEmployee>;
  byNip: ReadonlyMap<Nip, SeedEmployee>;
  /** Units whose members have plans (evaluated through unit periods). */
  units: ReadonlyArray<SeedUnit>;
  /** Every unit, evaluated or not. */
  allUnits: ReadonlyArray<SeedUnit>;
  /** The roster files, in import order: the Sekretariat Daerah first, then one per OPD. */
  rosterFiles: ReadonlyArray<RosterFile>;
}>;

// ---------------------------------------------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------------------------------------------

/** Splits `total` into parts proportional to `weights`, each at least `min` (largest remainders last). */
export const apportion = (total: number, weights: ReadonlyArray<number>, min: number): number[] => {
  const n = weights.length;
  const free = total - min * n;
  if (free < 0) throw new RangeError(`cannot split ${total} into ${n} parts of at least ${min}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (free * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = free - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts.map((p) => p + min);
};

/** How many employees each of `tenants` gets out of `employees`, by their shares. */
export const tenantSizes = (employees: number, tenants: ReadonlyArray<TenantId>): ReadonlyArray<number> => {
  const minimum = MIN_EMPLOYEES_PER_TENANT * tenants.length;
  if (!Number.isInteger(employees) || employees < minimum)
    throw new RangeError(
      `the seed needs at least ${minimum} employees for ${tenants.length} tenant(s) (${MIN_EMPLOYEES_PER_TENANT} per tenant: a Sekda and the five OPD of DOMAIN.md §1), got ${employees}`,
    );
  const shares = tenants.map((tenant) => SEED_TENANTS.find((t) => t.tenant === tenant)?.share ?? 0.2);
  return apportion(employees, shares, MIN_EMPLOYEES_PER_TENANT);
};

// ---------------------------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------------------------

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const dateOf = (year: number, month: number, day: number): LocalDate => `${year}-${pad(month, 2)}-${pad(day, 2)}` as LocalDate;

type Profile = Readonly<{ born: readonly [number, number]; maleShare: number }>;

const PROFILES: Readonly<Record<EmployeeRole, Profile>> = {
  sekda: { born: [1966, 1972], maleShare: 0.8 },
  'opd-head': { born: [1967, 1978], maleShare: 0.7 },
  'unit-head': { born: [1970, 1985], maleShare: 0.6 },
  'sub-head': { born: [1972, 1990], maleShare: 0.5 },
  staff: { born: [1968, 2000], maleShare: 0.5 },
};

const FEMALE_LEANING = new Set(['perawat', 'bidan', 'nutrisionis', 'guru', 'apoteker']);

/** Makes NIPs unique across the whole generated population (BKN issues them nationally). */
class NipRegistry {
  private readonly used = new Set<string>();

  issue(rng: Rng, born: LocalDate, appointed: readonly [number, number], sex: Sex): Nip {
    const head = `${born.replace(/-/g, '')}${appointed[0]}${pad(appointed[1], 2)}${sex === 'male' ? 1 : 2}`;
    let sequence = rng.int(1, 999);
    for (let tries = 0; tries < 999; tries++) {
      const nip = `${head}${pad(sequence, 3)}`;
      if (!this.used.has(nip)) {
        const problem = nipProblem(nip);
        if (problem !== undefined) throw new Error(`seed: generated an invalid NIP ${nip}: ${problem}`);
        this.used.add(nip);
        return nip as Nip;
      }
      sequence = (sequence % 999) + 1;
    }
    throw new Error(`seed: no free NIP sequence for ${head}`);
  }
}

type PersonDraft = Readonly<{ nip: Nip; name: string; sex: Sex; employment: 'pns' | 'pppk'; effectiveFrom: LocalDate }>;

const person = (
  rng: Rng,
  nips: NipRegistry,
  tenant: TenantId,
  role: EmployeeRole,
  education: Education,
  code: string,
  startYear: number,
  mayBePppk: boolean,
): PersonDraft => {
  const profile = PROFILES[role];
  const pppk = mayBePppk && rng.chance(0.15);
  const maleShare = FEMALE_LEANING.has(code) ? 0.2 : profile.maleShare;
  const sex: Sex = rng.chance(maleShare) ? 'male' : 'female';
  const lastAppointment = startYear - 1;
  const bornYear = pppk ? rng.int(Math.max(profile.born[0], 1975), Math.min(profile.born[1], lastAppointment - 23)) : rng.int(profile.born[0], Math.min(profile.born[1], lastAppointment - 22));
  const born = dateOf(bornYear, rng.int(1, 12), rng.int(1, 28));
  const appointedYear = pppk
    ? rng.int(Math.max(2019, bornYear + 22), lastAppointment)
    : Math.min(lastAppointment, bornYear + rng.int(22, 30));
  const appointed = [appointedYear, rng.int(1, 12)] as const;
  const nip = nips.issue(rng, born, appointed, sex);
  // TMT of the current position: within the last six years, never before the appointment month.
  const fromYear = rng.int(Math.max(appointedYear, startYear - 6), startYear - 1);
  const fromMonth = fromYear === appointedYear ? rng.int(appointed[1], 12) : rng.int(1, 12);
  const name = titledName(rng, personalName(rng, sex, tenant), education);
  return { nip, name, sex, employment: pppk ? 'pppk' : 'pns', effectiveFrom: dateOf(fromYear, fromMonth, 1) };
};

// ---------------------------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------------------------

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'] as const;

type UnitPlan = Readonly<{ id: UnitId; name: string; section: SectionSpec; size: number; headTitle: string; headLevel: 'administrator' | 'pengawas' }>;

/** The units of one OPD with `budget` employees besides its head. */
const planOpd = (rng: Rng, tenant: TenantId, opd: OpdSpec, budget: number): ReadonlyArray<UnitPlan> => {
  const places = PLACES[tenant] ?? [];
  const upt = opd.upt;
  const uptBudget = upt !== undefined && budget >= 40 ? Math.round(budget * upt.share) : 0;
  const uptCount = upt === undefined || uptBudget === 0 ? 0 : Math.max(1, Math.round(uptBudget / upt.size));
  const rest = budget - uptBudget;
  const secretariatOf = (r: number): number => Math.max(MIN_UNIT, Math.min(40, Math.round(r * 0.25)));
  let bidang = Math.min(opd.sections.length, Math.floor((rest - MIN_UNIT) / 10));
  while (bidang > 0 && Math.floor((rest - secretariatOf(rest)) / bidang) < MIN_UNIT) bidang -= 1;
  const sekretariat = bidang === 0 ? rest : secretariatOf(rest);
  // A large OPD splits its work into more bidang than the catalogue names (by wilayah), ~60 people at most each.
  if (bidang > 0) bidang = Math.max(bidang, Math.ceil((rest - sekretariat) / 60));
  const bidangSizes = bidang === 0 ? [] : apportion(rest - sekretariat, Array.from({ length: bidang }, () => 1), MIN_UNIT);
  const sections = opd.sections;
  const units: UnitPlan[] = [
    {
      id: `${opd.key}-sekretariat` as UnitId,
      name: `Sekretariat ${opd.name}`,
      section: SEKRETARIAT,
      size: sekretariat,
      headTitle: `Sekretaris ${opd.name}`,
      headLevel: 'administrator',
    },
    ...bidangSizes.map((size, i): UnitPlan => {
      const section = sections[i % sections.length] as SectionSpec;
      const round = Math.floor(i / sections.length);
      const split = bidang > sections.length;
      const wilayah = split ? ` Wilayah ${ROMAN[round] ?? round + 1}` : '';
      return {
        id: `${opd.key}-${section.key}${split ? `-${round + 1}` : ''}` as UnitId,
        name: `${section.name}${wilayah}`,
        section,
        size,
        headTitle: `${section.head}${wilayah}`,
        headLevel: 'administrator',
      };
    }),
  ];
  if (upt !== undefined && uptCount > 0) {
    const weights = Array.from({ length: uptCount }, () => rng.between(0.7, 1.3));
    const sizes = apportion(uptBudget, weights, MIN_UNIT);
    const perPlace = new Map<string, number>();
    sizes.forEach((size, i) => {
      const place = places[i % Math.max(1, places.length)] ?? 'Kota';
      const n = (perPlace.get(place) ?? 0) + 1;
      perPlace.set(place, n);
      const name = upt.name(place, n);
      units.push({
        id: `${opd.key}-${upt.code}-${slug(place)}${i >= places.length || upt.code === 'sdn' ? `-${n}` : ''}` as UnitId,
        name,
        section: upt.section,
        size,
        headTitle: `Kepala ${name}`,
        headLevel: 'pengawas',
      });
    });
  }
  return units;
};

const SEKSI = ['Perencanaan dan Evaluasi', 'Pelaksanaan Program', 'Pembinaan dan Pengawasan', 'Data dan Informasi'] as const;

/** The structural positions between a unit's head and its staff: Kepala Subbagian or Kepala Seksi. */
const subHeadsOf = (plan: UnitPlan): ReadonlyArray<readonly [string, string]> => {
  if (plan.headLevel !== 'administrator') return [];
  if (plan.section.key === 'sekretariat')
    return plan.size >= 10
      ? [
          ['kasubag-umum', 'Kepala Subbagian Umum dan Kepegawaian'],
          ['kasubag-keuangan', 'Kepala Subbagian Keuangan dan Perencanaan'],
        ]
      : [];
  const count = Math.min(SEKSI.length, Math.floor((plan.size - 1) / 12));
  return SEKSI.slice(0, count).map((name, i) => [`kasi-${i + 1}`, `Kepala Seksi ${name}`] as const);
};

// ---------------------------------------------------------------------------------------------------------------
// The organisation of one tenant
// ---------------------------------------------------------------------------------------------------------------

const pickStaff = (rng: Rng, section: SectionSpec): StaffSpec =>
  rng.weighted(section.staff.filter((s) => s.weight > 0).map((s) => [s, s.weight] as const));

const pickJenjang = (rng: Rng, spec: StaffSpec, bornYear: number): Jenjang => {
  const options = spec.jenjang ?? [];
  // Older staff tend to hold the higher jenjang of their track.
  const sorted = [...options].sort((a, b) => JENJANG.indexOf(a) - JENJANG.indexOf(b));
  const seniority = Math.min(0.999, Math.max(0, (2001 - bornYear) / 33 + rng.between(-0.25, 0.25)));
  const found = sorted[Math.floor(seniority * sorted.length)];
  if (found === undefined) throw new Error(`seed: staff spec ${spec.code} has no jenjang`);
  return found;
};

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

const ROSTER_HEADER =
  'nip,name,employment,unit_id,unit_name,parent_unit_id,position_id,position_title,level,jenjang,reports_to_position_id,effective_from';

const csvOf = (employees: ReadonlyArray<SeedEmployee>, unitNames: ReadonlyMap<UnitId, Readonly<{ name: string; parent: UnitId | null }>>): string =>
  [
    ROSTER_HEADER,
    ...employees.map((e) => {
      const unit = unitNames.get(e.unit);
      return [
        e.nip,
        e.name,
        e.employment,
        e.unit,
        unit?.name ?? e.unit,
        unit?.parent ?? '',
        e.position,
        e.title,
        e.level,
        e.jenjang ?? '',
        e.reportsTo ?? '',
        e.effectiveFrom,
      ]
        .map(csvCell)
        .join(',');
    }),
  ].join('\n') + '\n';

const buildTenant = (seed: number | string, tenant: TenantId, headcount: number, startYear: number, nips: NipRegistry): TenantOrganisation => {
  const rng = rngFor(seed, tenant, 'organisation');
  const priority = OPD_PRIORITY[tenant] ?? [];
  const extras = Math.min(MORE_OPD.length, Math.max(0, Math.floor((headcount - MIN_EMPLOYEES_PER_TENANT) / 80)));
  const opds: OpdSpec[] = [
    ...CORE_OPD,
    ...priority
      .map((key) => MORE_OPD.find((o) => o.key === key))
      .filter((o): o is OpdSpec => o !== undefined)
      .slice(0, extras),
  ];
  const budgets = apportion(headcount - 1 - opds.length, opds.map((o) => o.weight), MIN_UNIT);

  const employees: SeedEmployee[] = [];
  const units: Array<Omit<SeedUnit, 'members'> & { members: Nip[] }> = [];
  const unitInfo = new Map<UnitId, { name: string; parent: UnitId | null }>();
  const files: Array<{ name: string; employees: SeedEmployee[] }> = [];

  const add = (e: SeedEmployee, file: SeedEmployee[]): SeedEmployee => {
    employees.push(e);
    file.push(e);
    return e;
  };

  // The Sekretariat Daerah: the Sekda alone.
  const setdaFile: SeedEmployee[] = [];
  const setda = 'setda' as UnitId;
  unitInfo.set(setda, { name: 'Sekretariat Daerah', parent: null });
  const sekdaDraft = person(rng, nips, tenant, 'sekda', 'magister', 'sekda', startYear, false);
  const sekda = add(
    {
      tenant,
      ...sekdaDraft,
      opd: 'setda',
      unit: setda,
      position: 'setda-sekda' as PositionId,
      title: 'Sekretaris Daerah',
      level: 'jpt-madya',
      jenjang: null,
      role: 'sekda',
      superior: null,
      reportsTo: null,
      section: SEKRETARIAT,
      aptitude: rng.next(),
    },
    setdaFile,
  );
  units.push({ tenant, id: setda, name: 'Sekretariat Daerah', opd: 'setda', parent: null, head: sekda.nip, authorisedOfficial: null, members: [] });
  files.push({ name: 'setda', employees: setdaFile });

  opds.forEach((opd, index) => {
    const file: SeedEmployee[] = [];
    const opdUnit = opd.key as UnitId;
    unitInfo.set(opdUnit, { name: opd.name, parent: null });
    const headDraft = person(rng, nips, tenant, 'opd-head', opd.key === 'dinkes' ? 'dokter' : 'magister', 'kadis', startYear, false);
    const opdHead = add(
      {
        tenant,
        ...headDraft,
        opd: opd.key,
        unit: opdUnit,
        position: `${opd.key}-kepala` as PositionId,
        title: opd.head,
        level: 'jpt-pratama',
        jenjang: null,
        role: 'opd-head',
        superior: sekda.nip,
        reportsTo: sekda.position,
        section: SEKRETARIAT,
        aptitude: rng.next(),
      },
      file,
    );
    units.push({ tenant, id: opdUnit, name: opd.name, opd: opd.key, parent: null, head: opdHead.nip, authorisedOfficial: sekda.nip, members: [] });

    for (const plan of planOpd(rng, tenant, opd, budgets[index] ?? MIN_UNIT)) {
      unitInfo.set(plan.id, { name: plan.name, parent: opdUnit });
      const members: Nip[] = [];
      const headDraftU = person(rng, nips, tenant, 'unit-head', plan.section.key === 'puskesmas' ? 'dokter' : plan.section.key === 'sd' ? 'guru' : 'magister', 'head', startYear, false);
      const head = add(
        {
          tenant,
          ...headDraftU,
          opd: opd.key,
          unit: plan.id,
          position: `${plan.id}-kepala` as PositionId,
          title: plan.headTitle,
          level: plan.headLevel,
          jenjang: null,
          role: 'unit-head',
          superior: opdHead.nip,
          reportsTo: opdHead.position,
          section: plan.section,
          aptitude: rng.next(),
        },
        file,
      );
      members.push(head.nip);
      // A large secretariat has two Kepala Subbagian, a large bidang up to four Kepala Seksi, each with part of the staff.
      const subHeads: SeedEmployee[] = [];
      for (const [code, title] of subHeadsOf(plan)) {
        const draft = person(rng, nips, tenant, 'sub-head', 'sarjana', code, startYear, false);
        const k = add(
          {
            tenant,
            ...draft,
            opd: opd.key,
            unit: plan.id,
            position: `${plan.id}-${code}` as PositionId,
            title,
            level: 'pengawas',
            jenjang: null,
            role: 'sub-head',
            superior: head.nip,
            reportsTo: head.position,
            section: plan.section,
            aptitude: rng.next(),
          },
          file,
        );
        subHeads.push(k);
        members.push(k.nip);
      }
      const staffCount = plan.size - 1 - subHeads.length;
      for (let i = 0; i < staffCount; i++) {
        const spec = pickStaff(rng, plan.section);
        // In a secretariat, finance and planning staff report to the Kepala Subbagian Keuangan, everyone else to the
        // Umum one; in a bidang, staff are spread over the Kepala Seksi.
        const finance = spec.code === 'pengelola-keuangan' || spec.code === 'perencana';
        const b = subHeads.length === 0 ? -1 : plan.section.key === 'sekretariat' ? (finance ? 1 : 0) : i % subHeads.length;
        const boss = subHeads[b] ?? head;
        const branch = b < 0 ? '' : plan.section.key === 'sekretariat' ? (finance ? 'keu-' : 'umum-') : `s${b + 1}-`;
        const draft = person(rng, nips, tenant, 'staff', spec.education, spec.code, startYear, spec.level === 'pelaksana' || spec.code === 'guru');
        const jenjang = spec.level === 'jf' ? pickJenjang(rng, spec, Number(draft.nip.slice(0, 4))) : null;
        const position = `${plan.id}-${branch}${spec.code}${jenjang === null ? '' : `-${jenjang}`}`;
        if (position.length > 64) throw new Error(`seed: position id too long: ${position}`);
        const staff = add(
          {
            tenant,
            ...draft,
            opd: opd.key,
            unit: plan.id,
            position: position as PositionId,
            title: jenjang === null ? spec.title : `${spec.title} ${jenjangTitle(jenjang)}`,
            level: spec.level,
            jenjang,
            role: 'staff',
            superior: boss.nip,
            reportsTo: boss.position,
            section: plan.section,
            aptitude: rng.next(),
          },
          file,
        );
        members.push(staff.nip);
      }
      units.push({ tenant, id: plan.id, name: plan.name, opd: opd.key, parent: opdUnit, head: head.nip, authorisedOfficial: opdHead.nip, members });
    }
    files.push({ name: opd.key, employees: file });
  });

  const byNip = new Map(employees.map((e) => [e.nip, e]));
  const frozen = units.map((u) => ({ ...u, members: [...u.members] }));
  return {
    tenant,
    employees,
    byNip,
    units: frozen.filter((u) => u.members.length > 0),
    allUnits: frozen,
    rosterFiles: files.flatMap((f) => {
      // A large OPD is imported in parts (in roster order, so a part only names units and positions made before it):
      // one import is one append, and the store refuses appends over 1 MB.
      const parts = Math.ceil(f.employees.length / MAX_ROSTER_ROWS);
      return Array.from({ length: parts }, (_, k) => {
        const rows = f.employees.slice(k * MAX_ROSTER_ROWS, (k + 1) * MAX_ROSTER_ROWS);
        return { name: parts === 1 ? f.name : `${f.name}-${k + 1}`, csv: csvOf(rows, unitInfo), rows: rows.length };
      });
    }),
  };
};

const JENJANG_TITLES: Readonly<Record<Jenjang, string>> = {
  pemula: 'Pemula',
  terampil: 'Terampil',
  mahir: 'Mahir',
  penyelia: 'Penyelia',
  'ahli-pertama': 'Ahli Pertama',
  'ahli-muda': 'Ahli Muda',
  'ahli-madya': 'Ahli Madya',
  'ahli-utama': 'Ahli Utama',
};
const jenjangTitle = (jenjang: Jenjang): string => JENJANG_TITLES[jenjang];

/** The organisation of every tenant for `employees` in total; the same arguments give the same organisation. */
export const generateOrganisations = (
  employees: number,
  seed: number | string,
  startYear: number,
  tenants: ReadonlyArray<TenantId> = SEED_TENANTS.map((t) => t.tenant),
): ReadonlyArray<TenantOrganisation> => {
  const unknown = tenants.filter((tenant) => !SEED_TENANTS.some((t) => t.tenant === tenant));
  if (unknown.length > 0) throw new RangeError(`the seed knows the tenants ${SEED_TENANTS.map((t) => t.tenant).join(', ')}; not ${unknown.join(', ')}`);
  const selected = SEED_TENANTS.map((t) => t.tenant).filter((tenant) => tenants.includes(tenant));
  const sizes = tenantSizes(employees, selected);
  const nips = new NipRegistry();
  return selected.map((tenant, i) => buildTenant(seed, tenant, sizes[i] ?? MIN_EMPLOYEES_PER_TENANT, startYear, nips));
};
