/**
 * Indonesian personal names for the generated roster, with the academic titles (gelar) that civil servants
 * write before and after their names. Javanese names dominate in Surabaya, Semarang and Salatiga; Banjar, Bugis
 * and Kutai names are common in Samarinda; Malay (Palembang) names in Palembang. Many Indonesians have one name
 * only; about one in six generated names is a single word.
 */
import type { Rng } from './random';

export type Sex = 'male' | 'female';

const MALE_GIVEN = [
  'Agus', 'Ahmad', 'Andi', 'Arif', 'Bambang', 'Bayu', 'Budi', 'Dedi', 'Dimas', 'Eko', 'Fajar', 'Fikri', 'Gilang',
  'Hadi', 'Hendra', 'Heru', 'Imam', 'Irfan', 'Joko', 'Kurniawan', 'Lukman', 'Muhammad', 'Nanang', 'Oki', 'Prasetyo',
  'Rahmat', 'Rizky', 'Slamet', 'Sugeng', 'Suharto', 'Teguh', 'Tri', 'Wahyu', 'Wawan', 'Yudi', 'Yusuf', 'Zainal',
  'Adi', 'Aris', 'Bagus', 'Danang', 'Didik', 'Edi', 'Gunawan', 'Haris', 'Ilham', 'Indra', 'Rudi', 'Setyo', 'Wisnu',
] as const;

const FEMALE_GIVEN = [
  'Ani', 'Ayu', 'Dewi', 'Dian', 'Endah', 'Fitri', 'Indah', 'Intan', 'Kartika', 'Lestari', 'Lia', 'Maya', 'Nur',
  'Nurul', 'Putri', 'Ratna', 'Rina', 'Rini', 'Siti', 'Sri', 'Tuti', 'Wulan', 'Yuni', 'Yulia', 'Anisa', 'Astuti',
  'Desi', 'Eka', 'Erna', 'Fransiska', 'Hesti', 'Ika', 'Kurnia', 'Laras', 'Mega', 'Novi', 'Puji', 'Retno', 'Santi',
  'Sari', 'Tika', 'Umi', 'Vivi', 'Widya', 'Yanti', 'Diah', 'Evi', 'Lilis', 'Wahyuni', 'Susanti',
] as const;

/** Second names by region; Javanese ones are used everywhere, the others where they are common. */
const SECOND_JAVA_MALE = [
  'Setiawan', 'Pratama', 'Wibowo', 'Santoso', 'Susanto', 'Hidayat', 'Nugroho', 'Saputra', 'Wijaya', 'Purnomo',
  'Handoko', 'Prasetya', 'Hartono', 'Sulistyo', 'Cahyono', 'Firmansyah', 'Ramadhan', 'Haryanto', 'Sutrisno', 'Kusuma',
] as const;
const SECOND_JAVA_FEMALE = [
  'Rahayu', 'Wulandari', 'Lestari', 'Permatasari', 'Suryani', 'Utami', 'Kurniasih', 'Maharani', 'Anggraini',
  'Puspitasari', 'Kusuma', 'Handayani', 'Susilowati', 'Pertiwi',
] as const;
const SECOND_KALIMANTAN = ['Rahman', 'Syahrani', 'Noor', 'Gazali', 'Arsyad', 'Mahmud', 'Rusdi', 'Hamzah'] as const;
const SECOND_SUMATRA = ['Syahputra', 'Harahap', 'Siregar', 'Nasution', 'Saragih', 'Fauzi', 'Zulkarnain', 'Alamsyah'] as const;

const secondNames = (tenant: string, sex: Sex): ReadonlyArray<string> => {
  const java = sex === 'male' ? SECOND_JAVA_MALE : SECOND_JAVA_FEMALE;
  return tenant === 'samarinda'
    ? [...java, ...SECOND_KALIMANTAN]
    : tenant === 'palembang'
      ? [...java, ...SECOND_SUMATRA]
      : java;
};

/** A name without titles, e.g. `Sri Wahyuni` or `Slamet`. */
export const personalName = (rng: Rng, sex: Sex, tenant: string): string => {
  const given = rng.pick<string>(sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  if (rng.chance(1 / 6)) return given;
  const second = rng.pick(secondNames(tenant, sex));
  return second === given ? given : `${given} ${second}`;
};

/** The education a position usually asks for, by which the titles are chosen. */
export type Education = 'sma' | 'diploma' | 'sarjana' | 'magister' | 'dokter' | 'perawat' | 'guru' | 'teknik';

/** The name as a civil servant writes it, with titles: `dr. Andi Wijaya, M.Kes.`, `Siti Rahayu, S.Pd.`. */
export const titledName = (rng: Rng, name: string, education: Education): string => {
  switch (education) {
    case 'sma':
      return name;
    case 'diploma':
      return `${name}, ${rng.pick(['A.Md.', 'A.Md.Kep.', 'A.Md.Kom.', 'A.Md.Ak.'])}`;
    case 'sarjana':
      return `${name}, ${rng.pick(['S.E.', 'S.Sos.', 'S.H.', 'S.Kom.', 'S.AP.', 'S.IP.'])}`;
    case 'magister':
      return `${name}, ${rng.pick(['S.E., M.M.', 'S.Sos., M.Si.', 'S.H., M.H.', 'S.T., M.T.', 'S.AP., M.AP.'])}`;
    case 'dokter':
      return `dr. ${name}${rng.chance(0.3) ? ', M.Kes.' : ''}`;
    case 'perawat':
      return `${name}, ${rng.pick(['S.Kep., Ns.', 'A.Md.Kep.', 'A.Md.Keb.', 'S.KM.', 'S.Farm., Apt.'])}`;
    case 'guru':
      return `${name}, ${rng.pick(['S.Pd.', 'S.Pd.', 'S.Pd.I.', 'S.Pd., M.Pd.'])}`;
    case 'teknik':
      return `${name}, ${rng.pick(['S.T.', 'S.T.', 'A.Md.T.', 'S.Tr.T.'])}`;
  }
};
