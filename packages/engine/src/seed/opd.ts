/**
 * The catalogue of OPD (Organisasi Perangkat Daerah) the generated cities are built from: the five units DOMAIN.md
 * §1 names (Dinas Kesehatan, Dinas Pendidikan, Dinas Kependudukan dan Pencatatan Sipil, Dinas Perhubungan, BPBD),
 * which every tenant has, and further OPD a larger city adds in the order its practice stresses them. Each OPD has
 * a secretariat, its bidang and, for the service OPD, its UPT (Puskesmas, schools, terminals); each unit has the
 * positions its staff hold (pelaksana, and functional positions with their jenjang) and the planned results (RHK)
 * with their indicators (IKI) its people write into their SKP. Pure data.
 */
import type { Jenjang } from '@kinerja/domain';
import type { Education } from './names';

/** A staff position of a unit: pelaksana, or a functional position (JF) held at one of `jenjang`. */
export type StaffSpec = Readonly<{
  title: string;
  /** Short, for position ids. */
  code: string;
  level: 'pelaksana' | 'jf';
  jenjang?: ReadonlyArray<Jenjang>;
  education: Education;
  weight: number;
}>;

/** An IKI template: what is measured and the range its kuantitas target is drawn from. */
export type IkiSpec = Readonly<{
  description: string;
  kuantitas?: Readonly<{ unit: string; min: number; max: number }>;
  kualitas?: boolean;
  waktu?: boolean;
  /** Budget in millions of rupiah. */
  biaya?: Readonly<{ min: number; max: number }>;
}>;

export type RhkSpec = Readonly<{ description: string; iki: ReadonlyArray<IkiSpec> }>;

/** A bidang, the secretariat, or the kind of a UPT. */
export type SectionSpec = Readonly<{
  key: string;
  name: string;
  /** The head's title, e.g. `Kepala Bidang Pelayanan Kesehatan`. */
  head: string;
  staff: ReadonlyArray<StaffSpec>;
  /** What the head plans (program level) and what staff plan (activity level). */
  headRhk: ReadonlyArray<RhkSpec>;
  staffRhk: ReadonlyArray<RhkSpec>;
}>;

/** UPT of an OPD: many units of one kind, named after the city's kecamatan. */
export type UptSpec = Readonly<{
  /** Unit id part, e.g. `pkm`. */
  code: string;
  /** Unit name for the n-th UPT in kecamatan `place`. */
  name: (place: string, n: number) => string;
  section: SectionSpec;
  /** Share of the OPD's staff working in its UPT when the OPD is large enough to have them. */
  share: number;
  /** Typical headcount of one UPT. */
  size: number;
}>;

export type OpdSpec = Readonly<{
  key: string;
  name: string;
  /** The head's title (a JPT Pratama). */
  head: string;
  sections: ReadonlyArray<SectionSpec>;
  upt?: UptSpec;
  /** Relative size among a city's OPD. */
  weight: number;
}>;

const pelaksana = (title: string, code: string, education: Education, weight = 1): StaffSpec => ({
  title,
  code,
  level: 'pelaksana',
  education,
  weight,
});
const jf = (title: string, code: string, jenjang: ReadonlyArray<Jenjang>, education: Education, weight = 1): StaffSpec => ({
  title,
  code,
  level: 'jf',
  jenjang,
  education,
  weight,
});

const AHLI: ReadonlyArray<Jenjang> = ['ahli-pertama', 'ahli-muda', 'ahli-madya'];
const TERAMPIL: ReadonlyArray<Jenjang> = ['terampil', 'mahir', 'penyelia'];

const count = (unit: string, min: number, max: number) => ({ unit, min, max });
const iki = (description: string, more: Omit<IkiSpec, 'description'>): IkiSpec => ({ description, ...more });
const rhk = (description: string, ...indicators: ReadonlyArray<IkiSpec>): RhkSpec => ({ description, iki: indicators });

/** Planned results any head of a unit may add (tambahan) and staff may take on. */
export const TAMBAHAN_RHK: ReadonlyArray<RhkSpec> = [
  rhk('Terlaksananya tugas sebagai anggota tim penyusun SOP unit', iki('SOP tersusun dan ditetapkan', { kuantitas: count('dokumen', 1, 4), waktu: true })),
  rhk('Terlaksananya tugas piket posko pelayanan hari besar', iki('Laporan piket posko tersusun', { kuantitas: count('laporan', 1, 3) })),
  rhk('Meningkatnya kompetensi diri melalui pengembangan kompetensi', iki('Jam pelajaran pengembangan kompetensi diikuti', { kuantitas: count('JP', 20, 40) })),
  rhk('Terlaksananya tugas sebagai narasumber sosialisasi layanan', iki('Kegiatan sosialisasi sebagai narasumber', { kuantitas: count('kegiatan', 1, 6), kualitas: true })),
  rhk('Tersusunnya laporan SAKIP unit', iki('Laporan kinerja unit tersusun tepat waktu', { kuantitas: count('laporan', 1, 2), waktu: true })),
];

const SEKRETARIAT: SectionSpec = {
  key: 'sekretariat',
  name: 'Sekretariat',
  head: 'Sekretaris',
  staff: [
    jf('Analis Sumber Daya Manusia Aparatur', 'asdma', AHLI, 'sarjana', 2),
    jf('Perencana', 'perencana', AHLI, 'magister'),
    jf('Arsiparis', 'arsiparis', TERAMPIL, 'diploma'),
    jf('Pranata Komputer', 'prakom', ['terampil', 'mahir', 'ahli-pertama'], 'sarjana'),
    pelaksana('Pengelola Keuangan', 'pengelola-keuangan', 'sarjana', 2),
    pelaksana('Pengadministrasi Umum', 'pengadministrasi-umum', 'sma', 3),
    pelaksana('Pengelola Barang Milik Daerah', 'pengelola-bmd', 'diploma'),
  ],
  headRhk: [
    rhk(
      'Meningkatnya kualitas tata kelola administrasi perangkat daerah',
      iki('Nilai SAKIP perangkat daerah', { kuantitas: count('nilai', 70, 85), kualitas: true }),
      iki('Dokumen perencanaan dan pelaporan tepat waktu', { kuantitas: count('dokumen', 6, 12), waktu: true }),
    ),
    rhk(
      'Terkelolanya keuangan perangkat daerah secara akuntabel',
      iki('Realisasi anggaran perangkat daerah', { kuantitas: count('persen', 90, 98), biaya: { min: 800, max: 4000 } }),
    ),
  ],
  staffRhk: [
    rhk('Tersusunnya laporan keuangan perangkat daerah', iki('Laporan keuangan bulanan tersusun', { kuantitas: count('laporan', 12, 12), waktu: true })),
    rhk('Terkelolanya administrasi kepegawaian', iki('Usulan layanan kepegawaian diproses', { kuantitas: count('usulan', 60, 240), kualitas: true })),
    rhk('Terkelolanya arsip dinamis perangkat daerah', iki('Berkas arsip tertata dan terdaftar', { kuantitas: count('berkas', 300, 1200) })),
    rhk('Terkelolanya barang milik daerah', iki('Barang milik daerah terinventarisasi', { kuantitas: count('item', 150, 600), kualitas: true })),
    rhk('Terlaksananya pelayanan administrasi umum', iki('Surat masuk dan keluar teradministrasi', { kuantitas: count('surat', 400, 2000), waktu: true })),
  ],
};

const puskesmasSection: SectionSpec = {
  key: 'puskesmas',
  name: 'UPT Puskesmas',
  head: 'Kepala UPT Puskesmas',
  staff: [
    jf('Dokter', 'dokter', AHLI, 'dokter', 2),
    jf('Perawat', 'perawat', ['terampil', 'mahir', 'ahli-pertama', 'ahli-muda'], 'perawat', 4),
    jf('Bidan', 'bidan', ['terampil', 'mahir', 'penyelia', 'ahli-pertama'], 'perawat', 3),
    jf('Apoteker', 'apoteker', ['ahli-pertama', 'ahli-muda'], 'perawat'),
    jf('Sanitarian', 'sanitarian', ['terampil', 'mahir'], 'perawat'),
    jf('Nutrisionis', 'nutrisionis', ['terampil', 'ahli-pertama'], 'perawat'),
    pelaksana('Pengadministrasi Layanan Kesehatan', 'adm-yankes', 'sma', 2),
  ],
  headRhk: [
    rhk(
      'Meningkatnya derajat kesehatan masyarakat wilayah kerja Puskesmas',
      iki('Cakupan imunisasi dasar lengkap', { kuantitas: count('persen', 90, 97), kualitas: true }),
      iki('Capaian standar pelayanan minimal bidang kesehatan', { kuantitas: count('persen', 85, 100) }),
    ),
  ],
  staffRhk: [
    rhk('Terlaksananya pelayanan kesehatan dasar di Puskesmas', iki('Pasien rawat jalan terlayani sesuai standar', { kuantitas: count('pasien', 1200, 4800), kualitas: true })),
    rhk('Terlaksananya imunisasi dasar lengkap bagi bayi', iki('Bayi diimunisasi lengkap', { kuantitas: count('bayi', 80, 400), waktu: true })),
    rhk('Terlaksananya pemeriksaan kehamilan sesuai standar', iki('Ibu hamil mendapat pelayanan K4', { kuantitas: count('ibu hamil', 60, 300), kualitas: true })),
    rhk('Terlaksananya pelayanan kefarmasian', iki('Resep terlayani tepat dan tepat waktu', { kuantitas: count('resep', 2000, 9000), kualitas: true })),
    rhk('Terlaksananya inspeksi kesehatan lingkungan', iki('Tempat pengelolaan pangan diinspeksi', { kuantitas: count('lokasi', 20, 120) })),
    rhk('Terlaksananya pemantauan status gizi balita', iki('Balita ditimbang dan dipantau gizinya', { kuantitas: count('balita', 300, 1500), waktu: true })),
  ],
};

const schoolSection = (level: 'SD' | 'SMP'): SectionSpec => ({
  key: level === 'SD' ? 'sd' : 'smp',
  name: `${level} Negeri`,
  head: `Kepala ${level} Negeri`,
  staff: [
    jf('Guru', 'guru', ['ahli-pertama', 'ahli-muda', 'ahli-madya'], 'guru', 8),
    pelaksana('Pengadministrasi Sekolah', 'adm-sekolah', 'sma', 1),
    pelaksana('Pengelola Perpustakaan Sekolah', 'perpus-sekolah', 'diploma', level === 'SMP' ? 1 : 0.3),
  ],
  headRhk: [
    rhk(
      'Meningkatnya mutu pembelajaran di satuan pendidikan',
      iki('Nilai rapor pendidikan satuan pendidikan', { kuantitas: count('nilai', 60, 80), kualitas: true }),
      iki('Angka putus sekolah ditekan', { kuantitas: count('persen', 0.5, 1), waktu: true }),
    ),
  ],
  staffRhk: [
    rhk('Terlaksananya pembelajaran yang berpusat pada peserta didik', iki('Rencana pelaksanaan pembelajaran dilaksanakan', { kuantitas: count('RPP', 30, 72), kualitas: true })),
    rhk('Terlaksananya penilaian hasil belajar peserta didik', iki('Peserta didik dinilai dan dilaporkan', { kuantitas: count('siswa', 28, 160), waktu: true })),
    rhk('Terlaksananya bimbingan dan pendampingan peserta didik', iki('Peserta didik didampingi kegiatan literasi', { kuantitas: count('siswa', 20, 90) })),
    rhk('Terkelolanya administrasi sekolah', iki('Data Dapodik mutakhir', { kuantitas: count('pemutakhiran', 2, 4), waktu: true })),
  ],
});

const terminalSection: SectionSpec = {
  key: 'terminal',
  name: 'UPT Terminal dan Pengujian Kendaraan',
  head: 'Kepala UPT',
  staff: [
    jf('Penguji Kendaraan Bermotor', 'penguji-kb', ['pemula', 'terampil', 'mahir', 'penyelia'], 'teknik', 3),
    pelaksana('Petugas Ketertiban Terminal', 'petugas-terminal', 'sma', 3),
    pelaksana('Pengadministrasi Retribusi', 'adm-retribusi', 'sma', 1),
  ],
  headRhk: [
    rhk(
      'Meningkatnya keselamatan angkutan umum',
      iki('Kendaraan wajib uji lulus uji berkala', { kuantitas: count('persen', 85, 95), kualitas: true }),
    ),
  ],
  staffRhk: [
    rhk('Terlaksananya pengujian berkala kendaraan bermotor', iki('Kendaraan diuji sesuai standar', { kuantitas: count('kendaraan', 800, 4000), kualitas: true })),
    rhk('Terlaksananya ketertiban dan kelancaran terminal', iki('Keberangkatan bus terlayani tepat waktu', { kuantitas: count('keberangkatan', 2000, 9000), waktu: true })),
    rhk('Terpungutnya retribusi terminal', iki('Retribusi terpungut sesuai target', { kuantitas: count('juta rupiah', 150, 600), biaya: { min: 20, max: 80 } })),
  ],
};

/** The five OPD of DOMAIN.md §1, present in every tenant, in this order. */
export const CORE_OPD: ReadonlyArray<OpdSpec> = [
  {
    key: 'dinkes',
    name: 'Dinas Kesehatan',
    head: 'Kepala Dinas Kesehatan',
    weight: 5,
    sections: [
      {
        key: 'yankes',
        name: 'Bidang Pelayanan Kesehatan',
        head: 'Kepala Bidang Pelayanan Kesehatan',
        staff: [jf('Administrator Kesehatan', 'adminkes', AHLI, 'magister', 2), pelaksana('Pengelola Data Pelayanan Kesehatan', 'data-yankes', 'diploma', 2)],
        headRhk: [
          rhk('Meningkatnya mutu pelayanan kesehatan rujukan dan primer', iki('Fasilitas kesehatan terakreditasi', { kuantitas: count('persen', 80, 100), kualitas: true })),
        ],
        staffRhk: [
          rhk('Terlaksananya pembinaan mutu fasilitas kesehatan', iki('Fasilitas kesehatan dibina', { kuantitas: count('fasyankes', 10, 60), kualitas: true })),
          rhk('Tersusunnya data capaian SPM kesehatan', iki('Laporan SPM tersusun tepat waktu', { kuantitas: count('laporan', 4, 12), waktu: true })),
        ],
      },
      {
        key: 'p2p',
        name: 'Bidang Pencegahan dan Pengendalian Penyakit',
        head: 'Kepala Bidang Pencegahan dan Pengendalian Penyakit',
        staff: [jf('Epidemiolog Kesehatan', 'epidemiolog', ['terampil', 'ahli-pertama', 'ahli-muda'], 'perawat', 2), jf('Entomolog Kesehatan', 'entomolog', ['ahli-pertama'], 'perawat')],
        headRhk: [
          rhk('Menurunnya angka kesakitan penyakit menular', iki('Cakupan penemuan kasus TBC', { kuantitas: count('persen', 70, 90), waktu: true })),
        ],
        staffRhk: [
          rhk('Terlaksananya surveilans penyakit berpotensi wabah', iki('Laporan surveilans mingguan lengkap', { kuantitas: count('laporan', 48, 52), waktu: true })),
          rhk('Terlaksananya pengendalian vektor demam berdarah', iki('Kelurahan dengan angka bebas jentik ≥ 95%', { kuantitas: count('kelurahan', 5, 40) })),
        ],
      },
      {
        key: 'kesmas',
        name: 'Bidang Kesehatan Masyarakat',
        head: 'Kepala Bidang Kesehatan Masyarakat',
        staff: [jf('Penyuluh Kesehatan Masyarakat', 'pkm', ['ahli-pertama', 'ahli-muda'], 'perawat', 2), jf('Nutrisionis', 'nutrisionis', ['terampil', 'ahli-pertama'], 'perawat')],
        headRhk: [
          rhk('Menurunnya prevalensi stunting', iki('Prevalensi balita stunting', { kuantitas: count('persen', 8, 15), waktu: true })),
        ],
        staffRhk: [
          rhk('Terlaksananya promosi kesehatan masyarakat', iki('Kegiatan penyuluhan kesehatan', { kuantitas: count('kegiatan', 12, 48), kualitas: true })),
          rhk('Terlaksananya intervensi gizi spesifik', iki('Balita gizi kurang mendapat makanan tambahan', { kuantitas: count('balita', 50, 400), waktu: true })),
        ],
      },
    ],
    upt: { code: 'pkm', name: (place) => `UPT Puskesmas ${place}`, section: puskesmasSection, share: 0.75, size: 18 },
  },
  {
    key: 'disdik',
    name: 'Dinas Pendidikan',
    head: 'Kepala Dinas Pendidikan',
    weight: 8,
    sections: [
      {
        key: 'sd',
        name: 'Bidang Pembinaan Sekolah Dasar',
        head: 'Kepala Bidang Pembinaan Sekolah Dasar',
        staff: [jf('Pengawas Sekolah', 'pengawas-sekolah', ['ahli-muda', 'ahli-madya'], 'guru', 2), pelaksana('Pengelola Data Pendidikan', 'data-pendidikan', 'sarjana', 2)],
        headRhk: [
          rhk('Meningkatnya mutu layanan pendidikan dasar', iki('Angka partisipasi murni SD', { kuantitas: count('persen', 95, 99), kualitas: true })),
        ],
        staffRhk: [
          rhk('Terlaksananya supervisi akademik sekolah dasar', iki('Sekolah disupervisi', { kuantitas: count('sekolah', 8, 30), kualitas: true })),
          rhk('Terkelolanya data pokok pendidikan', iki('Sekolah dengan Dapodik valid', { kuantitas: count('sekolah', 40, 250), waktu: true })),
        ],
      },
      {
        key: 'smp',
        name: 'Bidang Pembinaan Sekolah Menengah Pertama',
        head: 'Kepala Bidang Pembinaan Sekolah Menengah Pertama',
        staff: [jf('Pengawas Sekolah', 'pengawas-sekolah', ['ahli-muda', 'ahli-madya'], 'guru', 2), pelaksana('Pengelola Program Pendidikan', 'program-pendidikan', 'sarjana')],
        headRhk: [
          rhk('Meningkatnya mutu layanan pendidikan menengah pertama', iki('Angka partisipasi murni SMP', { kuantitas: count('persen', 80, 95), kualitas: true })),
        ],
        staffRhk: [
          rhk('Terlaksananya program perencanaan dan penerapan kurikulum', iki('Program dan kegiatan perencanaan dilaporkan hasilnya', { kuantitas: count('laporan', 4, 12), waktu: true })),
          rhk('Terlaksananya supervisi akademik SMP', iki('Sekolah disupervisi', { kuantitas: count('sekolah', 6, 20), kualitas: true })),
        ],
      },
      {
        key: 'gtk',
        name: 'Bidang Guru dan Tenaga Kependidikan',
        head: 'Kepala Bidang Guru dan Tenaga Kependidikan',
        staff: [jf('Analis Sumber Daya Manusia Aparatur', 'asdma', AHLI, 'sarjana'), pelaksana('Pengelola Data Guru', 'data-guru', 'diploma', 2)],
        headRhk: [
          rhk('Meningkatnya kompetensi guru dan tenaga kependidikan', iki('Guru mengikuti pengembangan keprofesian', { kuantitas: count('persen', 60, 90), kualitas: true })),
        ],
        staffRhk: [
          rhk('Terlaksananya pelatihan guru', iki('Guru dilatih', { kuantitas: count('guru', 50, 400), kualitas: true })),
          rhk('Terproses tunjangan profesi guru', iki('Usulan tunjangan profesi diverifikasi', { kuantitas: count('usulan', 200, 1500), waktu: true })),
        ],
      },
    ],
    upt: {
      code: 'sdn',
      name: (place, n) => `SD Negeri ${place} ${n}`,
      section: schoolSection('SD'),
      share: 0.8,
      size: 12,
    },
  },
  {
    key: 'dukcapil',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    head: 'Kepala Dinas Kependudukan dan Pencatatan Sipil',
    weight: 2,
    sections: [
      {
        key: 'pelayanan',
        name: 'Bidang Pelayanan Pendaftaran Penduduk',
        head: 'Kepala Bidang Pelayanan Pendaftaran Penduduk',
        staff: [
          jf('Administrator Database Kependudukan', 'adminduk', AHLI, 'sarjana', 2),
          pelaksana('Pengadministrasi Kependudukan', 'pengadministrasi-kependudukan', 'sma', 4),
        ],
        headRhk: [
          rhk('Meningkatnya kecepatan dan ketepatan layanan dokumen kependudukan', iki('Dokumen terbit ≤ 1 hari kerja', { kuantitas: count('persen', 90, 99), waktu: true, kualitas: true })),
        ],
        staffRhk: [
          rhk('Dokumen kependudukan terbit tepat waktu', iki('KTP-el dan KK diterbitkan', { kuantitas: count('dokumen', 1200, 9000), waktu: true }), iki('Dokumen terbit tanpa kesalahan data', { kualitas: true })),
          rhk('Terlayaninya perekaman KTP-el', iki('Penduduk wajib KTP-el direkam', { kuantitas: count('penduduk', 800, 5000), kualitas: true })),
        ],
      },
      {
        key: 'capil',
        name: 'Bidang Pelayanan Pencatatan Sipil',
        head: 'Kepala Bidang Pelayanan Pencatatan Sipil',
        staff: [pelaksana('Pengolah Data Pencatatan Sipil', 'pengolah-capil', 'diploma', 3), jf('Administrator Database Kependudukan', 'adminduk', AHLI, 'sarjana')],
        headRhk: [
          rhk('Meningkatnya cakupan kepemilikan akta pencatatan sipil', iki('Anak memiliki akta kelahiran', { kuantitas: count('persen', 92, 99), kualitas: true })),
        ],
        staffRhk: [
          rhk('Akta pencatatan sipil terbit tepat waktu', iki('Akta kelahiran dan kematian diterbitkan', { kuantitas: count('akta', 800, 6000), waktu: true })),
          rhk('Terlaksananya layanan jemput bola pencatatan sipil', iki('Kegiatan jemput bola di kelurahan', { kuantitas: count('kegiatan', 12, 48) })),
        ],
      },
      {
        key: 'piak',
        name: 'Bidang Pengelolaan Informasi Administrasi Kependudukan',
        head: 'Kepala Bidang Pengelolaan Informasi Administrasi Kependudukan',
        staff: [jf('Pranata Komputer', 'prakom', ['terampil', 'mahir', 'ahli-pertama', 'ahli-muda'], 'sarjana', 2)],
        headRhk: [
          rhk('Meningkatnya kualitas data kependudukan', iki('Data ganda terselesaikan', { kuantitas: count('persen', 90, 100), kualitas: true })),
        ],
        staffRhk: [
          rhk('Terpeliharanya sistem informasi administrasi kependudukan', iki('Ketersediaan layanan SIAK', { kuantitas: count('persen', 97, 99), kualitas: true })),
          rhk('Terlaksananya pemanfaatan data kependudukan oleh lembaga pengguna', iki('Perjanjian kerja sama pemanfaatan data', { kuantitas: count('PKS', 2, 10), waktu: true })),
        ],
      },
    ],
  },
  {
    key: 'dishub',
    name: 'Dinas Perhubungan',
    head: 'Kepala Dinas Perhubungan',
    weight: 3,
    sections: [
      {
        key: 'lalin',
        name: 'Bidang Lalu Lintas',
        head: 'Kepala Bidang Lalu Lintas',
        staff: [jf('Penguji Kendaraan Bermotor', 'penguji-kb', TERAMPIL, 'teknik'), pelaksana('Petugas Pengatur Lalu Lintas', 'pengatur-lalin', 'sma', 4), jf('Analis Lalu Lintas', 'analis-lalin', AHLI, 'teknik')],
        headRhk: [
          rhk('Meningkatnya kelancaran lalu lintas', iki('Ruas jalan dengan V/C ratio < 0,8', { kuantitas: count('persen', 70, 90), kualitas: true })),
        ],
        staffRhk: [
          rhk('Terlaksananya pengaturan lalu lintas di simpang rawan', iki('Titik simpang dijaga pada jam sibuk', { kuantitas: count('titik-hari', 200, 600), waktu: true })),
          rhk('Tertanganinya aduan masyarakat bidang perhubungan', iki('Aduan ditangani ≤ 2×24 jam', { kuantitas: count('aduan', 40, 300), waktu: true, kualitas: true })),
        ],
      },
      {
        key: 'angkutan',
        name: 'Bidang Angkutan',
        head: 'Kepala Bidang Angkutan',
        staff: [pelaksana('Pengelola Angkutan Umum', 'pengelola-angkutan', 'diploma', 2), jf('Analis Transportasi', 'analis-transportasi', AHLI, 'teknik')],
        headRhk: [
          rhk('Meningkatnya pelayanan angkutan umum', iki('Trayek angkutan umum terlayani', { kuantitas: count('persen', 80, 95), kualitas: true })),
        ],
        staffRhk: [
          rhk('Terbitnya izin penyelenggaraan angkutan tepat waktu', iki('Izin trayek diproses ≤ 5 hari kerja', { kuantitas: count('izin', 40, 250), waktu: true })),
          rhk('Terlaksananya pengawasan angkutan umum', iki('Kendaraan angkutan umum diperiksa', { kuantitas: count('kendaraan', 100, 900) })),
        ],
      },
    ],
    upt: { code: 'upt', name: (place) => `UPT Terminal ${place}`, section: terminalSection, share: 0.5, size: 14 },
  },
  {
    key: 'bpbd',
    name: 'Badan Penanggulangan Bencana Daerah',
    head: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah',
    weight: 2,
    sections: [
      {
        key: 'kedaruratan',
        name: 'Bidang Kedaruratan dan Logistik',
        head: 'Kepala Bidang Kedaruratan dan Logistik',
        staff: [jf('Analis Kebencanaan', 'analis-bencana', AHLI, 'sarjana'), pelaksana('Petugas Pusdalops', 'pusdalops', 'sma', 3), pelaksana('Pengelola Logistik Kebencanaan', 'logistik', 'diploma')],
        headRhk: [
          rhk('Meningkatnya kecepatan respons kedaruratan bencana', iki('Kejadian bencana direspons ≤ 30 menit', { kuantitas: count('persen', 90, 100), waktu: true })),
        ],
        staffRhk: [
          rhk('Tertanganinya kejadian banjir dan kebakaran tepat waktu', iki('Kejadian ditangani dengan respons ≤ 30 menit', { kuantitas: count('kejadian', 20, 150), waktu: true, kualitas: true })),
          rhk('Tersedianya logistik kebencanaan', iki('Paket logistik siap salur', { kuantitas: count('paket', 200, 1500) })),
        ],
      },
      {
        key: 'pencegahan',
        name: 'Bidang Pencegahan dan Kesiapsiagaan',
        head: 'Kepala Bidang Pencegahan dan Kesiapsiagaan',
        staff: [jf('Analis Kebencanaan', 'analis-bencana', AHLI, 'sarjana'), pelaksana('Penyuluh Kesiapsiagaan', 'penyuluh-siaga', 'diploma', 2)],
        headRhk: [
          rhk('Meningkatnya kesiapsiagaan masyarakat menghadapi bencana', iki('Kelurahan tangguh bencana terbentuk', { kuantitas: count('kelurahan', 2, 12), kualitas: true })),
        ],
        staffRhk: [
          rhk('Terlaksananya simulasi dan sosialisasi kesiapsiagaan', iki('Simulasi evakuasi dilaksanakan', { kuantitas: count('kegiatan', 4, 24), kualitas: true })),
          rhk('Tersusunnya kajian risiko bencana', iki('Dokumen kajian risiko tersusun', { kuantitas: count('dokumen', 1, 3), waktu: true })),
        ],
      },
    ],
  },
];

/** Further OPD a larger city has, in the order they are added as the roster grows. */
export const MORE_OPD: ReadonlyArray<OpdSpec> = [
  {
    key: 'dpmptsp',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    head: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    weight: 2,
    sections: [
      {
        key: 'perizinan',
        name: 'Bidang Pelayanan Perizinan',
        head: 'Kepala Bidang Pelayanan Perizinan',
        staff: [pelaksana('Pengadministrasi Perizinan', 'adm-perizinan', 'sma', 3), jf('Penata Perizinan', 'penata-perizinan', AHLI, 'sarjana', 2)],
        headRhk: [rhk('Meningkatnya kecepatan layanan perizinan', iki('Izin terbit sesuai SLA', { kuantitas: count('persen', 90, 99), waktu: true }))],
        staffRhk: [
          rhk('Terprosesnya permohonan izin melalui aplikasi', iki('Permohonan izin diproses', { kuantitas: count('permohonan', 500, 4000), waktu: true })),
          rhk('Tertanganinya pengaduan layanan perizinan', iki('Pengaduan dijawab tepat waktu', { kuantitas: count('pengaduan', 20, 200), kualitas: true })),
        ],
      },
    ],
  },
  {
    key: 'bkpsdm',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    head: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    weight: 1,
    sections: [
      {
        key: 'pengembangan',
        name: 'Bidang Pengembangan Kompetensi Aparatur',
        head: 'Kepala Bidang Pengembangan Kompetensi Aparatur',
        staff: [jf('Analis Sumber Daya Manusia Aparatur', 'asdma', AHLI, 'sarjana', 3), jf('Widyaiswara', 'widyaiswara', ['ahli-muda', 'ahli-madya'], 'magister')],
        headRhk: [rhk('Meningkatnya kompetensi ASN', iki('ASN memenuhi 20 JP pengembangan kompetensi', { kuantitas: count('persen', 70, 95), kualitas: true }))],
        staffRhk: [
          rhk('Terlaksananya pelatihan teknis ASN', iki('Peserta pelatihan lulus', { kuantitas: count('peserta', 100, 800), kualitas: true })),
          rhk('Terkelolanya penilaian kinerja ASN', iki('SKP pegawai terverifikasi', { kuantitas: count('SKP', 500, 5000), waktu: true })),
        ],
      },
    ],
  },
  {
    key: 'dinsos',
    name: 'Dinas Sosial',
    head: 'Kepala Dinas Sosial',
    weight: 2,
    sections: [
      {
        key: 'rehsos',
        name: 'Bidang Rehabilitasi dan Perlindungan Sosial',
        head: 'Kepala Bidang Rehabilitasi dan Perlindungan Sosial',
        staff: [jf('Pekerja Sosial', 'peksos', ['terampil', 'ahli-pertama', 'ahli-muda'], 'sarjana', 3), pelaksana('Pendamping Rehabilitasi Sosial', 'pendamping', 'diploma', 2)],
        headRhk: [rhk('Meningkatnya keberfungsian sosial PPKS', iki('PPKS tertangani', { kuantitas: count('persen', 70, 95), kualitas: true }))],
        staffRhk: [
          rhk('Terlaksananya penjangkauan PPKS', iki('PPKS dijangkau dan dirujuk', { kuantitas: count('orang', 60, 400), waktu: true })),
          rhk('Tersalurnya bantuan sosial tepat sasaran', iki('Penerima bantuan terverifikasi', { kuantitas: count('KPM', 500, 4000), kualitas: true })),
        ],
      },
    ],
  },
  {
    key: 'dpupr',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    head: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang',
    weight: 3,
    sections: [
      {
        key: 'binamarga',
        name: 'Bidang Bina Marga',
        head: 'Kepala Bidang Bina Marga',
        staff: [jf('Teknik Jalan dan Jembatan', 'tjj', ['terampil', 'mahir', 'ahli-pertama', 'ahli-muda'], 'teknik', 3), pelaksana('Pengawas Lapangan', 'pengawas-lapangan', 'teknik', 2)],
        headRhk: [rhk('Meningkatnya kemantapan jalan kota', iki('Panjang jalan kondisi mantap', { kuantitas: count('persen', 75, 92), kualitas: true }))],
        staffRhk: [
          rhk('Terlaksananya pemeliharaan jalan', iki('Ruas jalan dipelihara', { kuantitas: count('km', 10, 80), biaya: { min: 500, max: 5000 } })),
          rhk('Terlaksananya pengawasan pekerjaan konstruksi', iki('Paket pekerjaan diawasi', { kuantitas: count('paket', 4, 20), waktu: true })),
        ],
      },
      {
        key: 'sda',
        name: 'Bidang Sumber Daya Air dan Drainase',
        head: 'Kepala Bidang Sumber Daya Air dan Drainase',
        staff: [jf('Teknik Pengairan', 'pengairan', ['terampil', 'ahli-pertama', 'ahli-muda'], 'teknik', 2), pelaksana('Petugas Operasi Pintu Air', 'pintu-air', 'sma', 2)],
        headRhk: [rhk('Berkurangnya genangan di kawasan permukiman', iki('Luas genangan berkurang', { kuantitas: count('hektar', 10, 120), kualitas: true }))],
        staffRhk: [
          rhk('Terlaksananya normalisasi saluran drainase', iki('Saluran dinormalisasi', { kuantitas: count('meter', 2000, 20000), waktu: true })),
          rhk('Terlaksananya operasi rumah pompa', iki('Jam operasi pompa saat hujan', { kuantitas: count('jam', 200, 1500) })),
        ],
      },
    ],
  },
  {
    key: 'satpolpp',
    name: 'Satuan Polisi Pamong Praja',
    head: 'Kepala Satuan Polisi Pamong Praja',
    weight: 2,
    sections: [
      {
        key: 'trantib',
        name: 'Bidang Ketertiban Umum dan Ketenteraman Masyarakat',
        head: 'Kepala Bidang Ketertiban Umum dan Ketenteraman Masyarakat',
        staff: [jf('Polisi Pamong Praja', 'pol-pp', ['terampil', 'mahir', 'penyelia', 'ahli-pertama'], 'sma', 5)],
        headRhk: [rhk('Meningkatnya ketenteraman dan ketertiban umum', iki('Gangguan trantibum tertangani', { kuantitas: count('persen', 85, 100), waktu: true }))],
        staffRhk: [
          rhk('Terlaksananya patroli ketertiban umum', iki('Patroli wilayah dilaksanakan', { kuantitas: count('patroli', 100, 360), waktu: true })),
          rhk('Tertanganinya aduan gangguan ketertiban', iki('Aduan ditindaklanjuti ≤ 1×24 jam', { kuantitas: count('aduan', 30, 250), kualitas: true })),
        ],
      },
    ],
  },
  {
    key: 'diskominfo',
    name: 'Dinas Komunikasi dan Informatika',
    head: 'Kepala Dinas Komunikasi dan Informatika',
    weight: 1,
    sections: [
      {
        key: 'aptika',
        name: 'Bidang Aplikasi Informatika',
        head: 'Kepala Bidang Aplikasi Informatika',
        staff: [jf('Pranata Komputer', 'prakom', ['terampil', 'mahir', 'ahli-pertama', 'ahli-muda'], 'sarjana', 3), jf('Pranata Hubungan Masyarakat', 'pranata-humas', AHLI, 'sarjana')],
        headRhk: [rhk('Meningkatnya indeks SPBE kota', iki('Indeks SPBE', { kuantitas: count('indeks', 3, 4), kualitas: true }))],
        staffRhk: [
          rhk('Terpeliharanya aplikasi layanan publik', iki('Ketersediaan aplikasi layanan', { kuantitas: count('persen', 97, 99), kualitas: true })),
          rhk('Terkelolanya kanal pengaduan masyarakat', iki('Aduan diteruskan ke OPD ≤ 1 hari', { kuantitas: count('aduan', 300, 3000), waktu: true })),
        ],
      },
    ],
  },
];

/** Which further OPD a tenant adds first: what its practice stresses (DOMAIN.md §1). */
export const OPD_PRIORITY: Readonly<Record<string, ReadonlyArray<string>>> = {
  surabaya: ['diskominfo', 'dinsos', 'dpupr', 'satpolpp', 'bkpsdm', 'dpmptsp'],
  salatiga: ['bkpsdm', 'dpmptsp', 'dinsos', 'satpolpp', 'dpupr', 'diskominfo'],
  samarinda: ['dpupr', 'dinsos', 'bkpsdm', 'satpolpp', 'diskominfo', 'dpmptsp'],
  semarang: ['dpmptsp', 'diskominfo', 'bkpsdm', 'dpupr', 'dinsos', 'satpolpp'],
  palembang: ['satpolpp', 'diskominfo', 'dpupr', 'dinsos', 'bkpsdm', 'dpmptsp'],
};

export { SEKRETARIAT };

/** Kecamatan of each city, after which its UPT are named. */
export const PLACES: Readonly<Record<string, ReadonlyArray<string>>> = {
  surabaya: [
    'Tegalsari', 'Genteng', 'Bubutan', 'Simokerto', 'Gubeng', 'Wonokromo', 'Tambaksari', 'Rungkut', 'Sukolilo', 'Mulyorejo',
    'Kenjeran', 'Bulak', 'Sawahan', 'Wonocolo', 'Wiyung', 'Karangpilang', 'Jambangan', 'Gayungan', 'Lakarsantri', 'Benowo',
    'Pakal', 'Asemrowo', 'Sukomanunggal', 'Tandes', 'Krembangan', 'Pabean Cantian', 'Semampir', 'Tenggilis Mejoyo',
    'Gunung Anyar', 'Dukuh Pakis', 'Sambikerep',
  ],
  salatiga: [
    'Sidorejo', 'Tingkir', 'Argomulyo', 'Sidomukti', 'Kutowinangun', 'Mangunsari', 'Kalicacing', 'Tegalrejo', 'Kumpulrejo',
    'Ledok', 'Noborejo', 'Cebongan', 'Blotongan', 'Pulutan', 'Gendongan', 'Kecandran',
  ],
  samarinda: [
    'Samarinda Ulu', 'Samarinda Ilir', 'Samarinda Utara', 'Samarinda Seberang', 'Sungai Kunjang', 'Palaran', 'Sungai Pinang',
    'Sambutan', 'Loa Janan Ilir', 'Samarinda Kota',
  ],
  semarang: [
    'Semarang Tengah', 'Semarang Utara', 'Semarang Timur', 'Semarang Selatan', 'Semarang Barat', 'Gayamsari', 'Candisari',
    'Gajahmungkur', 'Genuk', 'Pedurungan', 'Tembalang', 'Banyumanik', 'Gunungpati', 'Mijen', 'Ngaliyan', 'Tugu',
  ],
  palembang: [
    'Ilir Barat I', 'Ilir Barat II', 'Ilir Timur I', 'Ilir Timur II', 'Ilir Timur III', 'Seberang Ulu I', 'Seberang Ulu II',
    'Kertapati', 'Plaju', 'Sukarami', 'Sako', 'Kemuning', 'Kalidoni', 'Bukit Kecil', 'Gandus', 'Alang-Alang Lebar',
    'Sematang Borang', 'Jakabaring',
  ],
};
