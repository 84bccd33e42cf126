/**
 * What an employee writes into their SKP and reports against it: 2–4 RHK (utama from their unit's catalogue,
 * sometimes one tambahan), each with IKI targets per aspect; a staff member's RHK utama cascade from their
 * appraiser's first RHK (intervensi); realisations with bukti dukung that match how well the year went; and the
 * words appraisers use. Pure and deterministic: everything is drawn from the `Rng` it is given.
 */
import type {
  CoreValue,
  CoreValueLevels,
  IkiId,
  PlanId,
  Predikat,
  Realised,
  RhkId,
  RhkKind,
  RhkRef,
  Targets,
} from '@kinerja/domain';
import { TAMBAHAN_RHK, type IkiSpec, type RhkSpec } from './opd';
import type { SeedEmployee } from './organisation';
import type { Rng } from './random';

export type IkiSketch = Readonly<{ rhk: RhkId; iki: IkiId; description: string; targets: Targets }>;
export type RhkSketch = Readonly<{ rhk: RhkId; kind: RhkKind; description: string; intervenesIn?: RhkRef; iki: ReadonlyArray<IkiSketch> }>;

export type PlanSketch = Readonly<{
  plan: PlanId;
  approach: 'kuantitatif' | 'kualitatif';
  rhk: ReadonlyArray<RhkSketch>;
  /** Set when the appraiser returns the plan first: the reasons, and the IKI the employee then raises. */
  returned?: Readonly<{ reasons: ReadonlyArray<string>; iki: IkiSketch }>;
  /** Ekspektasi khusus pimpinan the appraiser sets before approving. */
  leaderExpectation?: Readonly<{ value: CoreValue; expectation: string }>;
  /** The IKI as approved (after a return, with the raised target). */
  approvedIki: ReadonlyArray<IkiSketch>;
}>;

const round = (value: number, max: number): number => (max <= 5 ? Math.round(value * 10) / 10 : Math.round(value));

const targetsOf = (rng: Rng, spec: IkiSpec): Targets => ({
  ...(spec.kuantitas === undefined
    ? {}
    : { kuantitas: { value: Math.max(spec.kuantitas.max <= 5 ? 0.1 : 1, round(rng.between(spec.kuantitas.min, spec.kuantitas.max), spec.kuantitas.max)), unit: spec.kuantitas.unit } }),
  ...(spec.kualitas === true ? { kualitas: { percent: rng.pick([85, 90, 95, 100]) } } : {}),
  ...(spec.waktu === true ? { waktu: { value: 12, unit: 'bulan' as const } } : {}),
  ...(spec.biaya === undefined ? {} : { biaya: { rupiah: Math.round(rng.between(spec.biaya.min, spec.biaya.max)) * 1_000_000 } }),
});

const EXPECTATIONS: ReadonlyArray<readonly [CoreValue, string]> = [
  ['berorientasi-pelayanan', 'Menanggapi keluhan pengguna layanan paling lambat 1×24 jam'],
  ['akuntabel', 'Menyampaikan laporan capaian bulanan tepat waktu dengan bukti dukung lengkap'],
  ['kompeten', 'Mengikuti minimal 20 JP pengembangan kompetensi dan membagikan hasilnya ke rekan kerja'],
  ['harmonis', 'Menjaga suasana kerja yang saling menghargai di unit'],
  ['loyal', 'Menjaga kerahasiaan data pribadi penduduk dan pengguna layanan'],
  ['adaptif', 'Menggunakan aplikasi layanan daring untuk seluruh berkas'],
  ['kolaboratif', 'Berkoordinasi lintas bidang dalam penanganan aduan masyarakat'],
];

const RETURN_REASONS: ReadonlyArray<string> = [
  'Target kuantitas belum selaras dengan capaian tahun lalu',
  'IKI belum menggambarkan hasil kerja yang dapat diukur',
  'Mohon sesuaikan target dengan Perjanjian Kinerja unit',
];

/** The SKP of one employee for one year. `appraiserPlan`: the appraiser's own plan, which staff RHK cascade from. */
export const sketchPlan = (rng: Rng, employee: SeedEmployee, plan: PlanId, appraiserPlan: PlanId | undefined): PlanSketch => {
  const section = employee.section;
  const heads = employee.role === 'unit-head';
  const utamaPool: ReadonlyArray<RhkSpec> = heads ? section.headRhk : section.staffRhk;
  const utamaCount = Math.min(utamaPool.length, heads ? utamaPool.length : rng.int(1, Math.min(3, utamaPool.length)));
  const utama = rng.shuffle(utamaPool).slice(0, Math.max(1, utamaCount));
  // A head also takes on one activity of the unit's staff when their own list is short.
  const extraUtama = heads && utama.length < 2 && section.staffRhk.length > 0 ? [rng.pick(section.staffRhk)] : [];
  const tambahan = rng.chance(utama.length + extraUtama.length >= 3 ? 0.2 : 0.45) ? [rng.pick(TAMBAHAN_RHK)] : [];
  const chosen: ReadonlyArray<readonly [RhkSpec, RhkKind]> = [
    ...[...utama, ...extraUtama].map((r) => [r, 'utama'] as const),
    ...tambahan.map((r) => [r, 'tambahan'] as const),
  ];
  const rhk: RhkSketch[] = chosen.map(([spec, kind], i) => {
    const id = `RHK-${i + 1}` as RhkId;
    return {
      rhk: id,
      kind,
      description: spec.description,
      ...(kind === 'utama' && appraiserPlan !== undefined ? { intervenesIn: { plan: appraiserPlan, rhk: 'RHK-1' as RhkId } } : {}),
      iki: spec.iki.map((ikiSpec, j) => ({
        rhk: id,
        iki: `${i + 1}.${j + 1}` as IkiId,
        description: ikiSpec.description,
        targets: targetsOf(rng, ikiSpec),
      })),
    };
  });
  const all = rhk.flatMap((r) => r.iki);
  const raisable = all.filter((i) => i.targets.kuantitas !== undefined);
  const first = raisable[0];
  const returned =
    first !== undefined && rng.chance(0.12)
      ? {
          reasons: [rng.pick(RETURN_REASONS)],
          iki: {
            ...first,
            targets: {
              ...first.targets,
              kuantitas: {
                value: round((first.targets.kuantitas?.value ?? 1) * rng.between(1.1, 1.25), first.targets.kuantitas?.value ?? 1),
                unit: first.targets.kuantitas?.unit ?? 'kegiatan',
              },
            },
          },
        }
      : undefined;
  const expectation = rng.chance(0.25) ? rng.pick(EXPECTATIONS) : undefined;
  return {
    plan,
    approach: rng.chance(0.9) ? 'kuantitatif' : 'kualitatif',
    rhk,
    ...(returned === undefined ? {} : { returned }),
    ...(expectation === undefined ? {} : { leaderExpectation: { value: expectation[0], expectation: expectation[1] } }),
    approvedIki: all.map((i) => (returned !== undefined && i.iki === returned.iki.iki ? returned.iki : i)),
  };
};

/** How far above or below target a predikat tends to land. */
const ACHIEVEMENT: Readonly<Record<Predikat, readonly [number, number]>> = {
  'sangat-baik': [1.05, 1.2],
  baik: [0.93, 1.06],
  'butuh-perbaikan': [0.6, 0.85],
  kurang: [0.85, 1.0],
  'sangat-kurang': [0.35, 0.6],
};

/** The cumulative realisation of an IKI after `share` of the year, for an employee heading for `predikat`. */
export const realisationFor = (rng: Rng, iki: IkiSketch, predikat: Predikat, share: number): Realised => {
  const [low, high] = ACHIEVEMENT[predikat];
  const achieved = rng.between(low, high);
  const { kuantitas, kualitas, waktu, biaya } = iki.targets;
  return {
    ...(kuantitas === undefined ? {} : { kuantitas: round(kuantitas.value * achieved * share, kuantitas.value) }),
    ...(kualitas === undefined ? {} : { kualitas: Math.min(100, Math.round(kualitas.percent * Math.min(1.05, achieved))) }),
    ...(waktu === undefined ? {} : { waktu: Math.max(1, Math.round(waktu.value * share * (achieved < 0.9 ? 1.15 : 1))) }),
    ...(biaya === undefined ? {} : { biaya: Math.round(biaya.rupiah * share * rng.between(0.82, 0.99)) }),
  };
};

const EVIDENCE: ReadonlyArray<string> = [
  'Laporan capaian kinerja',
  'Rekap data dari aplikasi layanan',
  'Berita acara dan daftar hadir kegiatan',
  'Dokumentasi foto kegiatan',
  'Surat keputusan dan dokumen pendukung',
];

export const evidenceFor = (rng: Rng, tenant: string, year: number, nip: string, iki: IkiId, period: string) => [
  { ref: `bukti://${tenant}/${year}/${nip}/${iki}/${period}.pdf`, description: `${rng.pick(EVIDENCE)} ${period}` },
];

const JUSTIFICATIONS: Readonly<Record<Predikat, ReadonlyArray<string>>> = {
  'sangat-baik': [
    'Seluruh target IKI terlampaui dengan kualitas hasil yang sangat baik',
    'Capaian melampaui target dan menjadi rujukan rekan kerja di unit',
  ],
  baik: ['Target IKI tercapai sesuai rencana dengan bukti dukung lengkap', 'Hasil kerja sesuai ekspektasi; perilaku kerja sesuai nilai BerAKHLAK'],
  'butuh-perbaikan': ['Sebagian target IKI belum tercapai; perlu pembinaan dan pendampingan', 'Capaian di bawah target pada IKI utama'],
  kurang: ['Hasil kerja tercapai, namun perilaku kerja (disiplin dan koordinasi) di bawah ekspektasi'],
  'sangat-kurang': ['Hasil kerja dan perilaku kerja di bawah ekspektasi'],
};

export const justificationFor = (rng: Rng, predikat: Predikat, period: string): string => `${rng.pick(JUSTIFICATIONS[predikat])} (periode ${period})`;

/** Samarinda's practice: process and effort count, not only the end result (DOMAIN.md §1). */
export const effortNotesFor = (rng: Rng, predikat: Predikat): string | undefined =>
  predikat === 'butuh-perbaikan' || (predikat === 'baik' && rng.chance(0.3))
    ? rng.pick([
        'Inisiatif penjangkauan layanan dinilai positif walaupun target belum sepenuhnya tercapai',
        'Upaya dan proses kerja konsisten; kendala anggaran di luar kendali pegawai',
      ])
    : undefined;

const LEVEL_WEIGHTS: Readonly<Record<Predikat, ReadonlyArray<readonly ['di-bawah-ekspektasi' | 'sesuai-ekspektasi' | 'di-atas-ekspektasi', number]>>> = {
  'sangat-baik': [['sesuai-ekspektasi', 4], ['di-atas-ekspektasi', 6]],
  baik: [['sesuai-ekspektasi', 8], ['di-atas-ekspektasi', 2]],
  'butuh-perbaikan': [['di-bawah-ekspektasi', 2], ['sesuai-ekspektasi', 8]],
  kurang: [['di-bawah-ekspektasi', 6], ['sesuai-ekspektasi', 4]],
  'sangat-kurang': [['di-bawah-ekspektasi', 8], ['sesuai-ekspektasi', 2]],
};

const CORE: ReadonlyArray<CoreValue> = ['berorientasi-pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'];

/** A peer's or subordinate's levels for the seven BerAKHLAK values. */
export const feedbackLevelsFor = (rng: Rng, predikat: Predikat): CoreValueLevels =>
  Object.fromEntries(CORE.map((value) => [value, rng.weighted(LEVEL_WEIGHTS[predikat])])) as unknown as CoreValueLevels;

export const FEEDBACK_COMMENTS: ReadonlyArray<string> = [
  'Sigap membantu rekan saat beban kerja tinggi',
  'Komunikatif dan terbuka terhadap masukan',
  'Perlu lebih tepat waktu dalam menyelesaikan laporan',
  'Ramah kepada pengguna layanan',
];

export const COACHING_NOTES: ReadonlyArray<string> = [
  'Pendampingan penyusunan laporan capaian; disepakati jadwal pelaporan mingguan',
  'Diskusi hambatan pencapaian target; diberikan arahan prioritas pekerjaan',
  'Umpan balik: pertahankan kecepatan layanan, tingkatkan kelengkapan bukti dukung',
];

export const SELF_EVALUATION_NOTES: ReadonlyArray<string> = [
  'Target triwulan tercapai; kendala utama pada kelengkapan berkas dari pemohon',
  'Sebagian kegiatan tertunda karena penyesuaian anggaran; akan dikejar pada periode berikutnya',
  'Seluruh rencana kerja terlaksana sesuai jadwal',
];
