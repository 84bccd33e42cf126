/**
 * Citizens' complaints (pengaduan, DOMAIN.md §2.7, BR-23) of one tenant and year, through the complaint commands of
 * the catalog and the complaint timer (`fireDue`).
 *
 * How many: a few per ten employees a year (`COMPLAINTS_PER_EMPLOYEE`), spread over the OPD by how much of the
 * public they serve (Dukcapil, Dishub, Dinkes most). Each complaint:
 *
 * - is filed on the tenant's channels (`CHANNEL_WEIGHTS`): by the citizen in the city's app or web portal
 *   (`CITIZEN_ACTOR`), transcribed by an operator from SMS or social media, or fed by the national channel
 *   (SP4N-LAPOR) as the system; in a BR-23 category (informasi, pengaduan, sengketa, sengketa-lapangan), about a
 *   unit of the OPD, one in five naming an employee;
 * - is acknowledged by the complaint desk (operator), in time for most; late for some, after the complaint timer
 *   escalated it (Surabaya: 48 hours, to the mayor; elsewhere 3 working days, to the head of the service unit);
 * - is assigned to an official of the unit (the named employee's superior when someone is named), who responds
 *   and resolves within the class's resolution deadline, or after the timer escalated it;
 * - is reopened by the citizen now and then (and answered again), and closed with a satisfaction rating (1–5) by
 *   most citizens; a few complaints are duplicates merged into the first one, a few are spam.
 *
 * Every instant comes from the deadlines the filing recorded (read from the filed event) and the calendar: work in
 * time falls before them, late work after them. Filings fall within the years the holiday calendar covers (2025–
 * 2027 shipped), and in its last year early enough for every deadline they lead to to stay within it.
 */
import {
  CITIZEN_ACTOR,
  complaintSlaFor,
  complaintStreamId,
  INDONESIA_2025_2027,
  type Actor,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintEvent,
  type LocalDate,
  type Nip,
  type TenantId,
  type TenantPolicy,
  type TimeZone,
  type TrackingCode,
} from '@kinerja/domain';
import { complaintIdentityForCommand } from '../catalog/complaint';
import type { ContextOf, SeedHost } from './host';
import { hoursAfter, officeMomentAfter, officeMomentBetween } from './moments';
import { personalName } from './names';
import type { SeedEmployee, SeedUnit, TenantOrganisation } from './organisation';
import { rngFor, type Rng } from './random';
import { instantAt, later } from './timeline';

/** Complaints a year per employee of the tenant, by how much its practice draws them (DOMAIN.md §1). */
export const COMPLAINTS_PER_EMPLOYEE: Readonly<Record<string, number>> = {
  surabaya: 0.35, // the online complaint app
  semarang: 0.3, // feedback through social media and the mobile app
  palembang: 0.3, // public feedback; Dishub rates field staff on handling transport complaints
  salatiga: 0.25,
  samarinda: 0.25,
};

/** How much of the public each OPD serves: the weight of its share of the complaints. */
const OPD_WEIGHTS: Readonly<Record<string, number>> = {
  dukcapil: 3,
  dishub: 2.5,
  dinkes: 2.5,
  disdik: 1.5,
  bpbd: 1,
  dpmptsp: 2,
  satpolpp: 1.5,
  dpupr: 1.5,
  dinsos: 1.5,
  diskominfo: 0.5,
  bkpsdm: 0.3,
};

const CHANNEL_WEIGHTS: Readonly<Record<string, ReadonlyArray<readonly [ComplaintChannel, number]>>> = {
  surabaya: [['app', 50], ['web', 12], ['sms', 5], ['social-media', 15], ['national', 18]],
  semarang: [['app', 35], ['web', 10], ['sms', 5], ['social-media', 30], ['national', 20]],
  palembang: [['app', 20], ['web', 30], ['sms', 15], ['social-media', 15], ['national', 20]],
};
const DEFAULT_CHANNELS: ReadonlyArray<readonly [ComplaintChannel, number]> = [['app', 20], ['web', 35], ['sms', 15], ['social-media', 10], ['national', 20]];

const CATEGORY_WEIGHTS: ReadonlyArray<readonly [ComplaintCategory, number]> = [['informasi', 30], ['pengaduan', 50], ['sengketa', 15], ['sengketa-lapangan', 5]];

type Topic = Readonly<{ subject: string; description: string }>;

const TOPICS: Readonly<Record<string, ReadonlyArray<Topic>>> = {
  dukcapil: [
    { subject: 'KTP elektronik belum selesai', description: 'Saya merekam KTP elektronik lebih dari tiga minggu lalu, sampai sekarang belum bisa diambil dan belum ada kabar.' },
    { subject: 'Antrean akta kelahiran terlalu lama', description: 'Antrean layanan akta kelahiran sangat panjang, nomor antrean habis sebelum jam sembilan pagi.' },
    { subject: 'Data kartu keluarga salah', description: 'Nama anak saya tertulis salah di kartu keluarga baru, mohon perbaikan tanpa harus mengurus ulang dari awal.' },
    { subject: 'Layanan daring tidak bisa diakses', description: 'Aplikasi layanan kependudukan daring selalu gagal saat mengunggah dokumen persyaratan.' },
  ],
  dishub: [
    { subject: 'Lampu lalu lintas mati', description: 'Lampu lalu lintas di persimpangan dekat pasar mati sejak kemarin sore, lalu lintas macet dan rawan kecelakaan.' },
    { subject: 'Juru parkir menarik tarif berlebih', description: 'Juru parkir di depan pertokoan menarik tarif di atas ketentuan dan tidak memberi karcis.' },
    { subject: 'Pengujian kendaraan bermotor lambat', description: 'Proses uji KIR memakan waktu seharian, petugas loket sering tidak di tempat.' },
    { subject: 'Halte rusak', description: 'Atap halte bus di jalan utama bocor dan bangkunya rusak, penumpang kehujanan.' },
  ],
  dinkes: [
    { subject: 'Pelayanan Puskesmas lambat', description: 'Antrean di Puskesmas sangat lama, pasien lansia menunggu lebih dari tiga jam.' },
    { subject: 'Obat tidak tersedia', description: 'Obat yang diresepkan dokter Puskesmas tidak tersedia di apotek Puskesmas, kami diminta membeli di luar.' },
    { subject: 'Petugas kurang ramah', description: 'Petugas pendaftaran Puskesmas berbicara kasar kepada pasien yang bertanya.' },
    { subject: 'Jadwal imunisasi berubah tanpa pemberitahuan', description: 'Jadwal imunisasi di posyandu dipindah tanpa pengumuman, banyak ibu yang datang sia-sia.' },
  ],
  disdik: [
    { subject: 'Pungutan di sekolah negeri', description: 'Sekolah dasar negeri meminta sumbangan wajib untuk seragam dan kegiatan, padahal seharusnya gratis.' },
    { subject: 'Zonasi penerimaan peserta didik', description: 'Anak kami tidak diterima di sekolah terdekat padahal jarak rumah sesuai zonasi.' },
    { subject: 'Ruang kelas rusak', description: 'Plafon ruang kelas SD Negeri runtuh sebagian, siswa belajar di teras.' },
  ],
  bpbd: [
    { subject: 'Genangan banjir belum surut', description: 'Genangan banjir di permukiman kami belum surut dua hari, belum ada bantuan pompa.' },
    { subject: 'Pohon tumbang menutup jalan', description: 'Pohon besar tumbang menutup jalan kampung setelah hujan angin, belum dievakuasi.' },
    { subject: 'Respons kebakaran lambat', description: 'Laporan kebakaran gudang lambat ditanggapi, petugas baru datang setelah satu jam.' },
  ],
  dpmptsp: [
    { subject: 'Izin usaha tidak kunjung terbit', description: 'Permohonan izin usaha sudah lengkap sejak sebulan lalu namun statusnya masih diproses.' },
    { subject: 'Biaya perizinan tidak jelas', description: 'Kami diminta membayar biaya tambahan untuk izin bangunan yang tidak tercantum di standar pelayanan.' },
  ],
  satpolpp: [{ subject: 'Pedagang kaki lima menutup trotoar', description: 'Trotoar di depan sekolah tertutup lapak pedagang, anak-anak terpaksa berjalan di badan jalan.' }],
  dpupr: [
    { subject: 'Jalan berlubang', description: 'Jalan lingkungan berlubang besar dan membahayakan pengendara sepeda motor, terutama malam hari.' },
    { subject: 'Saluran air tersumbat', description: 'Saluran drainase tersumbat sampah sehingga air meluap ke jalan setiap hujan.' },
  ],
  dinsos: [{ subject: 'Bantuan sosial tidak diterima', description: 'Keluarga kami terdaftar sebagai penerima bantuan sosial tetapi bantuan tidak diterima tiga bulan terakhir.' }],
  diskominfo: [{ subject: 'Situs layanan tidak dapat dibuka', description: 'Situs web layanan publik pemerintah kota tidak dapat dibuka sejak pagi.' }],
  bkpsdm: [{ subject: 'Informasi seleksi pegawai', description: 'Mohon informasi jadwal pengumuman hasil seleksi pegawai pemerintah dengan perjanjian kerja.' }],
};
const DEFAULT_TOPICS: ReadonlyArray<Topic> = [
  { subject: 'Pelayanan lambat', description: 'Pelayanan di kantor ini lambat dan tidak ada kejelasan waktu penyelesaian.' },
];

const NAMED_EMPLOYEE_NOTE = 'Petugas yang melayani saya: ';

const SPAM: ReadonlyArray<Topic> = [
  { subject: 'Promo pinjaman cepat', description: 'Dapatkan pinjaman tanpa agunan cair dalam 5 menit, hubungi nomor berikut.' },
  { subject: 'tes', description: 'tes tes tes' },
  { subject: 'Menang undian', description: 'Selamat, nomor Anda memenangkan undian berhadiah, klik tautan berikut untuk klaim hadiah.' },
];

const REOPEN_REASONS: ReadonlyArray<string> = [
  'Masalah belum selesai, kondisi di lapangan masih sama seperti sebelumnya.',
  'Jawaban tidak sesuai dengan yang saya laporkan.',
  'Sudah dijanjikan selesai tetapi sampai sekarang belum ada tindak lanjut.',
];

const CLOSING_COMMENTS: Readonly<Record<number, ReadonlyArray<string>>> = {
  1: ['Tidak ada penyelesaian yang nyata.'],
  2: ['Penanganan lambat dan kurang jelas.'],
  3: ['Sudah ditangani, tetapi butuh waktu lama.'],
  4: ['Terima kasih, sudah ditindaklanjuti.'],
  5: ['Respons cepat dan petugas ramah, terima kasih.', 'Masalah selesai dengan baik.'],
};

/** What happens to one complaint besides the usual path. */
type Fate = 'handled' | 'duplicate' | 'spam';

export type ComplaintSketch = Readonly<{
  tenant: TenantOrganisation;
  policy: TenantPolicy;
  year: number;
  /** 0-based, per tenant and year: names the commands. */
  index: number;
  fate: Fate;
  /** For a duplicate: the complaint it repeats (filed before it). */
  original?: number;
}>;

/** The last day a complaint of `category` may be filed in `year` so that every deadline it leads to is in the calendar. */
const lastFilingDay = (year: number, category: ComplaintCategory): LocalDate | undefined => {
  const { fromYear, toYear } = INDONESIA_2025_2027;
  if (year < fromYear || year > toYear) return undefined;
  if (year < toYear) return `${year}-12-31` as LocalDate;
  // The calendar's last year: a 60-working-day class with a reopening needs about five months, the others two.
  return (category === 'sengketa-lapangan' ? `${year}-07-31` : `${year}-10-15`) as LocalDate;
};

/** How many complaints the tenant gets in `year` (none outside the years the holiday calendar covers). */
export const complaintCountFor = (organisation: TenantOrganisation, year: number, seed: number | string): number => {
  if (lastFilingDay(year, 'informasi') === undefined) return 0;
  const rate = COMPLAINTS_PER_EMPLOYEE[organisation.tenant] ?? 0.25;
  const rng = rngFor(seed, organisation.tenant, year, 'complaints');
  return Math.max(6, Math.round(organisation.employees.length * rate * rng.between(0.9, 1.1)));
};

/**
 * The complaints of a tenant and year: about 3% duplicates of an earlier one, about 2% spam. So that every tenant's
 * year shows each path however small it is, the first six are set: #1 is answered late (first response), #2 late
 * (resolution), #3 reopened (unless it is a field dispute), #4 spam, #5 a duplicate of #0.
 */
export const sketchComplaints = (organisation: TenantOrganisation, policy: TenantPolicy, year: number, seed: number | string): ReadonlyArray<ComplaintSketch> => {
  const count = complaintCountFor(organisation, year, seed);
  const rng = rngFor(seed, organisation.tenant, year, 'complaint-fates');
  const handled: number[] = [];
  return Array.from({ length: count }, (_, index): ComplaintSketch => {
    const roll = rng.next();
    if (index === 4) return { tenant: organisation, policy, year, index, fate: 'spam' };
    if (index === 5) return { tenant: organisation, policy, year, index, fate: 'duplicate', original: 0 };
    if (index < 6) {
      handled.push(index);
      return { tenant: organisation, policy, year, index, fate: 'handled' };
    }
    // A duplicate repeats one of the complaints handled shortly before it (in the order they are numbered).
    if (handled.length > 0 && roll < 0.03)
      return { tenant: organisation, policy, year, index, fate: 'duplicate', original: rng.pick(handled.slice(-20)) };
    if (roll < 0.05) return { tenant: organisation, policy, year, index, fate: 'spam' };
    handled.push(index);
    return { tenant: organisation, policy, year, index, fate: 'handled' };
  });
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** The service units of the OPD (not the OPD's own head unit, whose only member is the head), bigger ones likelier. */
const unitsOf = (organisation: TenantOrganisation, opd: string): ReadonlyArray<SeedUnit> =>
  organisation.units.filter((u) => u.opd === opd && u.parent !== null && u.members.length > 0);

type Filing = Readonly<{
  channel: ComplaintChannel;
  category: ComplaintCategory;
  unit: SeedUnit;
  topic: Topic;
  named: SeedEmployee | undefined;
  filedAt: Date;
  actor: Actor;
  request: Record<string, unknown>;
}>;

/** What the citizen files: channel, category, unit, words, who files it and when. */
const filingOf = (rng: Rng, sketch: ComplaintSketch, operator: Actor, system: Actor): Filing | undefined => {
  const { tenant: organisation, year } = sketch;
  const zone = sketch.policy.timeZone;
  const opds = [...new Set(organisation.units.map((u) => u.opd))].filter((opd) => unitsOf(organisation, opd).length > 0);
  if (opds.length === 0) return undefined;
  const opd = rng.weighted(opds.map((o) => [o, OPD_WEIGHTS[o] ?? 0.5] as const));
  const unit = rng.weighted(unitsOf(organisation, opd).map((u) => [u, u.members.length] as const));
  const channel = rng.weighted(CHANNEL_WEIGHTS[organisation.tenant] ?? DEFAULT_CHANNELS);
  const drawn = rng.weighted(CATEGORY_WEIGHTS);
  // The spam is "information"; #3, the one reopened, is no field dispute (whose 60 working days leave no room).
  const category = sketch.fate === 'spam' ? 'informasi' : sketch.index === 3 && drawn === 'sengketa-lapangan' ? 'sengketa' : drawn;
  const last = lastFilingDay(year, category);
  if (last === undefined) return undefined;
  // The day: any day of the year up to the last filing day (citizens write on weekends too).
  const lastDay = Number(new Date(`${last}T00:00:00Z`).getTime() - new Date(`${year}-01-01T00:00:00Z`).getTime()) / 86_400_000;
  const day = new Date(Date.UTC(year, 0, 1 + rng.int(1, Math.max(1, lastDay))));
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}` as LocalDate;
  const topic = sketch.fate === 'spam' ? rng.pick(SPAM) : rng.pick(TOPICS[opd] ?? DEFAULT_TOPICS);
  const staff = unit.members.map((nip) => organisation.byNip.get(nip)).filter((e): e is SeedEmployee => e !== undefined && e.role === 'staff');
  const named = sketch.fate === 'handled' && staff.length > 0 && rng.chance(0.2) ? rng.pick(staff) : undefined;
  const sex = rng.chance(0.5) ? 'male' : 'female';
  const name = personalName(rng, sex, organisation.tenant);
  const phone = `+62 8${rng.int(11, 59)}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`;
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${rng.int(1, 99)}@surel.example.id`;
  const anonymous = rng.chance(channel === 'national' ? 0.4 : channel === 'social-media' ? 0.5 : 0.15);
  const contact =
    anonymous || sketch.fate === 'spam'
      ? undefined
      : channel === 'sms'
        ? { phone }
        : channel === 'social-media'
          ? { name, email }
          : rng.chance(0.6)
            ? { name, phone }
            : { name, email };
  // Who files, and when: the citizen in the app or on the portal, at any hour of the day; an operator transcribing
  // an SMS or a post in office hours; the national channel's feed whenever it forwards one.
  const citizenAt = instantAt(date, rng.int(6, 21), rng.int(0, 59), zone);
  const [actor, filedAt]: readonly [Actor, Date] =
    channel === 'app' || channel === 'web'
      ? [CITIZEN_ACTOR, citizenAt]
      : channel === 'national'
        ? [system, later(citizenAt, rng.int(5, 90))]
        : [operator, officeMomentAfter(rng, citizenAt, 1, zone)];
  const request: Record<string, unknown> = {
    channel,
    category,
    unit: unit.id,
    subject: topic.subject,
    description: named === undefined ? topic.description : `${topic.description} ${NAMED_EMPLOYEE_NOTE}${named.name}.`,
    ...(named === undefined ? {} : { namedEmployee: named.nip }),
    ...(contact === undefined ? {} : { contact }),
    ...(channel === 'national' ? { externalRef: `LAPOR-${year}${pad(rng.int(1, 12))}${rng.int(100000, 999999)}` } : {}),
    ...(channel === 'social-media' ? { externalRef: `post/${rng.int(10_000_000, 99_999_999)}` } : {}),
  };
  return { channel, category, unit, topic, named, filedAt, actor, request };
};

/**
 * A duplicate: another citizen reports the same thing on the same channel, a few hours to three days after the
 * complaint it repeats (filed in office hours when an operator transcribes it).
 */
const duplicateOf = (rng: Rng, original: Filing, zone: TimeZone): Filing => {
  const reported = hoursAfter(original.filedAt, rng.int(2, 72));
  const filedAt = original.actor.role === 'operator' ? officeMomentAfter(rng, reported, 1, zone) : reported;
  const { namedEmployee: _named, contact: _contact, externalRef: _ref, ...request } = original.request;
  return { ...original, named: undefined, filedAt, request };
};

/** Who handles the complaint in the unit: the named employee's superior, else the head of a section or the unit. */
const assigneeFor = (rng: Rng, organisation: TenantOrganisation, filing: Filing): Nip => {
  if (filing.named?.superior != null) return filing.named.superior;
  const subHeads = filing.unit.members.filter((nip) => organisation.byNip.get(nip)?.role === 'sub-head');
  return subHeads.length > 0 && rng.chance(0.7) ? rng.pick(subHeads) : filing.unit.head;
};

type FiledFacts = Readonly<{ trackingCode: TrackingCode; responseDeadline: Date; resolutionDeadline: Date }>;

const filedFactsOf = (events: ReadonlyArray<unknown>): FiledFacts | undefined => {
  const filed = (events as ReadonlyArray<ComplaintEvent>).find((e) => e.type === 'ComplaintFiled');
  return filed?.type === 'ComplaintFiled'
    ? { trackingCode: filed.data.trackingCode, responseDeadline: filed.data.responseDeadline.endsAt, resolutionDeadline: filed.data.resolutionDeadline.endsAt }
    : undefined;
};

const satisfactionFor = (rng: Rng, troubled: boolean): number =>
  rng.weighted<number>(
    troubled
      ? [[5, 5], [4, 20], [3, 35], [2, 25], [1, 15]]
      : [[5, 35], [4, 40], [3, 15], [2, 6], [1, 4]],
  );

export type ComplaintRun = Readonly<{
  host: SeedHost;
  seed: number | string;
  contextOf: ContextOf;
  operator: Actor;
  system: Actor;
}>;

const earlier = (a: Date, b: Date): Date => (a.getTime() <= b.getTime() ? a : b);
const latest = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);

/** Files one complaint and takes it through its path (BR-23). */
export const writeComplaint = async (run: ComplaintRun, sketch: ComplaintSketch): Promise<void> => {
  const { host, seed, contextOf, operator, system } = run;
  const organisation = sketch.tenant;
  const tenant: TenantId = organisation.tenant;
  const zone = sketch.policy.timeZone;
  const rng = rngFor(seed, tenant, sketch.year, 'complaint', sketch.index);
  const original = sketch.original;
  const filing =
    sketch.fate === 'duplicate' && original !== undefined
      ? (() => {
          const first = filingOf(rngFor(seed, tenant, sketch.year, 'complaint', original), { ...sketch, index: original, fate: 'handled' }, operator, system);
          return first === undefined ? undefined : duplicateOf(rng, first, zone);
        })()
      : filingOf(rng, sketch, operator, system);
  if (filing === undefined) return;
  const idParts = (index: number) => ['pengaduan', sketch.year, index] as const;
  const correlation = `pengaduan/${sketch.year}/${sketch.index}`;
  const complaintRun = (actor: Actor, at: Date, type: string, request: Record<string, unknown>, step: string) =>
    host.run(tenant, 'complaint', type, { complaint, ...request }, contextOf(tenant, actor, at, correlation, ...idParts(sketch.index), step));

  const fileContext = contextOf(tenant, filing.actor, filing.filedAt, correlation, ...idParts(sketch.index), 'file');
  const { complaint } = complaintIdentityForCommand(fileContext.commandId);
  const filed = await host.run(tenant, 'complaint', 'FileComplaint', filing.request, fileContext);
  const facts = filed === undefined ? undefined : filedFactsOf(filed.events);
  if (facts === undefined) return;
  const streamId = complaintStreamId(tenant, complaint);

  // Spam: the desk rejects it on its next round. A duplicate: merged into the complaint it repeats.
  if (sketch.fate === 'spam') {
    await complaintRun(operator, officeMomentAfter(rng, filing.filedAt, 1, zone), 'RejectComplaintAsSpam', { reason: 'Bukan pengaduan pelayanan publik (promosi atau pesan uji coba)' }, 'spam');
    return;
  }
  if (sketch.fate === 'duplicate' && original !== undefined) {
    const originalContext = contextOf(tenant, filing.actor, filing.filedAt, correlation, ...idParts(original), 'file');
    const into = complaintIdentityForCommand(originalContext.commandId).complaint;
    await complaintRun(operator, officeMomentAfter(rng, filing.filedAt, 1, zone), 'MergeDuplicateComplaint', { into, reason: 'Pengaduan yang sama telah dilaporkan sebelumnya' }, 'merge');
    return;
  }

  // First response (BR-23): in time for most; late for some, after the timer escalated it.
  const lateAck = rng.chance(0.08) || sketch.index === 1;
  const ackBy = earlier(facts.responseDeadline, facts.resolutionDeadline);
  let ackAt: Date;
  if (lateAck) {
    await host.fire(streamId, hoursAfter(facts.responseDeadline, rng.int(1, 4)));
    ackAt = officeMomentAfter(rng, hoursAfter(facts.responseDeadline, 5), 2, zone);
  } else if (complaintSlaFor(tenant)?.regional.firstResponse.unit === 'hours') {
    // A first response counted in hours (Surabaya's 48): the city's desk works around the clock.
    ackAt = new Date(filing.filedAt.getTime() + Math.floor(rng.between(0.02, 0.4) * (ackBy.getTime() - filing.filedAt.getTime())));
  } else ackAt = officeMomentBetween(rng, filing.filedAt, new Date(filing.filedAt.getTime() + (ackBy.getTime() - filing.filedAt.getTime()) * 0.5), zone);
  await complaintRun(operator, ackAt, 'AcknowledgeComplaint', { message: 'Terima kasih, laporan Anda telah kami terima dan diteruskan kepada unit terkait.' }, 'acknowledge');

  const assignee = assigneeFor(rng, organisation, filing);
  const assignedAt = later(ackAt, rng.int(5, 45));
  await complaintRun(operator, assignedAt, 'AssignComplaint', { assignee, note: `Mohon ditindaklanjuti: ${filing.topic.subject}` }, 'assign');
  const handler: Actor = { nip: assignee, role: 'pegawai' };

  // Response and resolution: within the class's deadline for most; late for some, after the timer escalated it.
  const answer = async (from: Date, deadline: Date, cycle: number): Promise<Date> => {
    const late = rng.chance(0.07) || (sketch.index === 2 && cycle === 1) || from.getTime() >= deadline.getTime() - 3 * 3_600_000;
    let respondedAt: Date;
    let resolvedAt: Date;
    if (late) {
      // The timer runs hourly: it escalates soon after the deadline (or finds it escalated with the first response).
      await host.fire(streamId, latest(from, hoursAfter(deadline, rng.int(1, 4))));
      respondedAt = officeMomentAfter(rng, latest(from, hoursAfter(deadline, 5)), 3, zone);
      resolvedAt = later(respondedAt, rng.int(30, 120));
    } else {
      respondedAt = officeMomentBetween(rng, from, new Date(deadline.getTime() - 2 * 3_600_000), zone);
      resolvedAt = officeMomentBetween(rng, respondedAt, deadline, zone);
    }
    await complaintRun(handler, respondedAt, 'RespondToComplaint', { response: `Laporan telah kami periksa. ${filing.topic.subject}: petugas telah ditugaskan menindaklanjuti.` }, `respond-${cycle}`);
    await complaintRun(handler, resolvedAt, 'ResolveComplaint', { resolution: 'Tindak lanjut telah selesai dilaksanakan dan dilaporkan kepada pelapor.' }, `resolve-${cycle}`);
    return resolvedAt;
  };
  let resolvedAt = await answer(assignedAt, facts.resolutionDeadline, 1);
  let troubled = lateAck;

  // Now and then the citizen reopens it with the tracking code within the 14 days, and it is answered again.
  const citizen = filing.channel === 'app' || filing.channel === 'web';
  const reopener = citizen ? CITIZEN_ACTOR : operator;
  if (filing.category !== 'sengketa-lapangan' && (rng.chance(0.06) || sketch.index === 3)) {
    const reopenedAt = hoursAfter(resolvedAt, rng.int(20, 120));
    const reopened = await complaintRun(reopener, reopenedAt, 'ReopenComplaint', { trackingCode: facts.trackingCode, reason: rng.pick(REOPEN_REASONS) }, 'reopen');
    const event = reopened?.events[0] as ComplaintEvent | undefined;
    if (event?.type === 'ComplaintReopened') {
      resolvedAt = await answer(later(reopenedAt, rng.int(30, 180)), event.data.resolutionDeadline.endsAt, 2);
      troubled = true;
    }
  }

  // Most citizens rate the handling (1-5); in the app or on the portal themselves, otherwise the desk records it.
  if (rng.chance(0.8)) {
    const satisfaction = satisfactionFor(rng, troubled);
    const comment = rng.chance(0.5) ? rng.pick(CLOSING_COMMENTS[satisfaction] ?? []) : undefined;
    const closedAt = citizen ? hoursAfter(resolvedAt, rng.int(2, 150)) : officeMomentAfter(rng, resolvedAt, 4, zone);
    await complaintRun(reopener, closedAt, 'CloseComplaint', {
      satisfaction,
      ...(comment === undefined ? {} : { comment }),
      ...(citizen ? { trackingCode: facts.trackingCode } : {}),
    }, 'close');
  }
};
