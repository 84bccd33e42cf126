import { isLeft, isRight, type Either } from 'fp-ts/Either';
import { fold, replay, type Nip } from '../core';
import { rosterDecider, type RosterCommand } from './decide';
import { planRosterImport, type RosterImportRow, type RowProblems } from './import';
import { employeesOf, findPosition, headOf, levelOf, parentUnitOf, superiorOf, unitOf } from './queries';
import type { RosterState } from './roster';
import {
  ANI,
  appointed,
  BUDI,
  CITRA,
  day,
  DEDI,
  DINKES,
  EKA,
  FAJAR,
  KADIS,
  metadata,
  OPERATOR,
  pos,
  PUSKESMAS,
  SETDA,
  structure,
} from './roster.testkit';

const GITA = '199508082020122007' as Nip;
const HADI = '199610102021011008' as Nip;

type Cells = Readonly<Record<string, string>>;

const SEKDA_ROW: Cells = {
  nip: FAJAR,
  name: 'Fajar Nugroho',
  employment: 'pns',
  unit_id: 'setda',
  unit_name: 'Sekretariat Daerah',
  parent_unit_id: '',
  position_id: 'sekda',
  position_title: 'Sekretaris Daerah',
  level: 'jpt-madya',
  jenjang: '',
  reports_to_position_id: '',
  effective_from: '2019-01-01',
};
const DINKES_CELLS = { unit_id: 'dinkes', unit_name: 'Dinas Kesehatan', parent_unit_id: 'setda' };
const KADIS_ROW: Cells = {
  ...SEKDA_ROW,
  ...DINKES_CELLS,
  nip: ANI,
  name: 'Ani Wulandari',
  position_id: 'dinkes-kadis',
  position_title: 'Kepala Dinas Kesehatan',
  level: 'jpt-pratama',
  reports_to_position_id: 'sekda',
  effective_from: '2020-01-01',
};
const SEKRETARIS_ROW: Cells = {
  ...KADIS_ROW,
  nip: BUDI,
  name: 'Budi Santoso',
  position_id: 'dinkes-sekretaris',
  position_title: 'Sekretaris Dinas',
  level: 'administrator',
  reports_to_position_id: 'dinkes-kadis',
  effective_from: '2021-01-01',
};
const KASUBBAG_ROW: Cells = {
  ...SEKRETARIS_ROW,
  nip: CITRA,
  name: 'Citra Lestari',
  position_id: 'dinkes-kasubbag-umum',
  position_title: 'Kepala Subbagian Umum',
  level: 'pengawas',
  reports_to_position_id: 'dinkes-sekretaris',
};
const STAF_ROW: Cells = {
  ...KASUBBAG_ROW,
  nip: DEDI,
  name: 'Dedi Kurniawan',
  employment: 'pppk',
  position_id: 'dinkes-pengadministrasi-umum',
  position_title: 'Pengadministrasi Umum',
  level: 'pelaksana',
  reports_to_position_id: 'dinkes-kasubbag-umum',
  effective_from: '2022-01-01',
};
const DOKTER_ROW: Cells = {
  ...STAF_ROW,
  nip: EKA,
  name: 'Eka Putri',
  employment: 'pns',
  position_id: 'dinkes-dokter-ahli-muda',
  position_title: 'Dokter Ahli Muda',
  level: 'jf',
  jenjang: 'ahli-muda',
  reports_to_position_id: 'dinkes-kadis',
};
const KAPUS_ROW: Cells = {
  ...SEKDA_ROW,
  nip: GITA,
  name: 'Gita Permata',
  unit_id: 'puskesmas-kenjeran',
  unit_name: 'UPT Puskesmas Kenjeran',
  parent_unit_id: 'dinkes',
  position_id: 'puskesmas-kenjeran-kepala',
  position_title: 'Kepala UPT Puskesmas Kenjeran',
  level: 'pengawas',
  reports_to_position_id: 'dinkes-kadis',
  effective_from: '2023-03-01',
};

/** Line 1 is the header; data starts on line 2. */
const file = (...records: ReadonlyArray<Cells>): ReadonlyArray<RosterImportRow> =>
  records.map((record, i) => ({ line: i + 2, record }));

const problemsOf = (
  result: Either<ReadonlyArray<RowProblems>, ReadonlyArray<RosterCommand>>,
): ReadonlyArray<RowProblems> => {
  if (!isLeft(result)) throw new Error(`expected problems, got ${result.right.length} commands`);
  return result.left;
};

/** Runs the planned commands, each of which must be accepted as it stands. */
const apply = (state: RosterState, commands: ReadonlyArray<RosterCommand>): RosterState =>
  commands.reduce((s, c) => {
    const decision = rosterDecider.decide(c, s);
    if (isLeft(decision)) throw new Error(`refused: ${JSON.stringify(decision.left)}`);
    return fold(rosterDecider.evolve, s, decision.right);
  }, state);

describe('roster import', () => {
  describe('a good file', () => {
    // Children before parents, subordinates before superiors, two employees in one shared position.
    const rows = file(
      STAF_ROW,
      KAPUS_ROW,
      { ...STAF_ROW, nip: HADI, name: 'Hadi Wijaya', effective_from: '2023-01-02' },
      KASUBBAG_ROW,
      DOKTER_ROW,
      SEKRETARIS_ROW,
      KADIS_ROW,
      SEKDA_ROW,
    );
    const result = planRosterImport(rows, rosterDecider.initialState(), metadata());

    it('plans units parents first, then positions superiors first, then one appointment per row in file order', () => {
      expect(isRight(result)).toBe(true);
      if (!isRight(result)) return;
      const summary = result.right.map((c) =>
        c.type === 'RegisterUnit'
          ? `unit ${c.data.unit}`
          : c.type === 'CreatePosition'
            ? `position ${c.data.position}`
            : `${c.type} ${'nip' in c.data ? c.data.nip : ''}`,
      );
      expect(summary).toEqual([
        'unit setda',
        'unit dinkes',
        'unit puskesmas-kenjeran',
        'position sekda',
        'position dinkes-kadis',
        'position dinkes-sekretaris',
        'position dinkes-kasubbag-umum',
        'position dinkes-pengadministrasi-umum',
        'position puskesmas-kenjeran-kepala',
        'position dinkes-dokter-ahli-muda',
        `AppointEmployee ${DEDI}`,
        `AppointEmployee ${GITA}`,
        `AppointEmployee ${HADI}`,
        `AppointEmployee ${CITRA}`,
        `AppointEmployee ${EKA}`,
        `AppointEmployee ${BUDI}`,
        `AppointEmployee ${ANI}`,
        `AppointEmployee ${FAJAR}`,
      ]);
      expect(result.right.every((c) => c.metadata.actor.role === 'operator')).toBe(true);
    });

    it('builds the roster the file describes, heads included', () => {
      if (!isRight(result)) throw new Error('expected commands');
      const state = apply(rosterDecider.initialState(), result.right);
      const on = day('2024-01-01');
      expect(parentUnitOf(state, PUSKESMAS, on)).toBe(DINKES);
      expect(superiorOf(state, DEDI, on)).toBe(CITRA);
      expect(superiorOf(state, GITA, on)).toBe(ANI);
      expect(levelOf(state, EKA, on)).toEqual({ level: 'jf', jenjang: 'ahli-muda' });
      expect(unitOf(state, GITA, on)).toBe(PUSKESMAS);
      expect(employeesOf(state, DINKES, on)).toEqual([ANI, BUDI, CITRA, DEDI, HADI, EKA]);
      // Heads: structural positions that report to no position of their own unit.
      expect(headOf(state, SETDA, on)).toBe(FAJAR);
      expect(headOf(state, DINKES, on)).toBe(ANI);
      expect(headOf(state, PUSKESMAS, on)).toBe(GITA);
      expect(findPosition(state, pos('dinkes-sekretaris'))?.head).toBe(false);
    });

    it('uses units and positions already in the roster as they are', () => {
      const state = replay(rosterDecider, structure);
      const newcomer = { ...STAF_ROW, nip: HADI, name: 'Hadi Wijaya' };
      const planned = planRosterImport(file(newcomer), state, metadata());
      expect(isRight(planned) && planned.right.map((c) => c.type)).toEqual(['AppointEmployee']);
    });

    it('plans nothing for an empty file', () => {
      expect(planRosterImport([], rosterDecider.initialState(), metadata())).toEqual({ _tag: 'Right', right: [] });
    });
  });

  describe('a bad file', () => {
    const rows = file(
      SEKDA_ROW, // 2: fine
      { ...KADIS_ROW, nip: '12345', employment: 'honorer' }, // 3: two cells wrong
      KADIS_ROW, // 4: fine
      { ...DOKTER_ROW, jenjang: '' }, // 5: jf without jenjang (the decider's rule)
      { ...KASUBBAG_ROW, reports_to_position_id: 'dinkes-kadis', unit_name: 'Dinkes' }, // 6: unit named differently from line 4
      { ...KASUBBAG_ROW, nip: HADI, reports_to_position_id: 'dinkes-kadis' }, // 7: the kasubbag post is taken by line 6
      { ...STAF_ROW, position_id: 'dinkes-staf-x', reports_to_position_id: 'dinkes-nowhere' }, // 8: unknown superior
      { ...STAF_ROW, nip: GITA, position_id: 'dinkes-staf-x', reports_to_position_id: 'dinkes-nowhere' }, // 9: needs line 8's position
      { ...SEKDA_ROW, nip: ANI, position_id: 'setda-staf', level: 'pelaksana', reports_to_position_id: 'sekda' }, // 10: Ani twice
      { ...STAF_ROW, nip: BUDI, catatan: 'pindahan' }, // 11: unknown column
      { ...STAF_ROW, nip: EKA, effective_from: '2024-02-30' }, // 12: no such day
    );
    const problems = problemsOf(planRosterImport(rows, rosterDecider.initialState(), metadata()));
    const at = (line: number) => problems.find((p) => p.line === line)?.problems ?? [];

    it('reports every bad row by line, and only those', () => {
      expect(problems.map((p) => p.line)).toEqual([3, 5, 6, 7, 8, 9, 10, 11, 12]);
    });

    it('names the column of each cell that does not decode', () => {
      expect(at(3)).toEqual([
        expect.stringMatching(/^column nip: NIP must be exactly 18 digits/),
        'column employment: expected one of pns, pppk, got "honorer"',
      ]);
      expect(at(11)).toEqual(['column catatan: unknown field "catatan"']);
      expect(at(12)).toEqual(['column effective_from: "2024-02-30" is not a day that exists']);
    });

    it('reports the decider’s refusals in words', () => {
      expect(at(5)).toEqual(['position "dinkes-dokter-ahli-muda" is a jabatan fungsional (jf) and needs a jenjang']);
      expect(at(7)).toEqual([
        `position "dinkes-kasubbag-umum" is held by ${CITRA} from 2021-01-01; it takes one holder at a time`,
      ]);
      expect(at(8)).toEqual(['position "dinkes-staf-x" cannot report to "dinkes-nowhere": no such position']);
      expect(at(10)).toEqual([`employee ${ANI} already holds position "dinkes-kadis" since 2020-01-01`]);
    });

    it('reports a unit or position defined differently on a later line', () => {
      expect(at(6)).toEqual([
        'unit "dinkes" differs from its definition on line 4 (unit_name: "Dinas Kesehatan" there, "Dinkes" here)',
      ]);
      expect(at(7)).toHaveLength(1); // same position as line 6, same definition: no conflict
    });

    it('points a row at the line whose failure it depends on', () => {
      expect(at(9)).toEqual(['position "dinkes-staf-x" could not be created (see line 8)']);
    });

    it('reports a conflicting position definition', () => {
      const conflicting = problemsOf(
        planRosterImport(
          file(SEKDA_ROW, KADIS_ROW, { ...KADIS_ROW, nip: BUDI, level: 'administrator', position_title: 'Kadis' }),
          rosterDecider.initialState(),
          metadata(),
        ),
      );
      expect(conflicting).toEqual([
        {
          line: 4,
          problems: [
            'position "dinkes-kadis" differs from its definition on line 3 (position_title: "Kepala Dinas Kesehatan" there, "Kadis" here; level: "jpt-pratama" there, "administrator" here)',
            // The appointment goes to the position as first defined, which Ani holds.
            `position "dinkes-kadis" is held by ${ANI} from 2020-01-01; it takes one holder at a time`,
          ],
        },
      ]);
    });
  });

  describe('structure that cannot be built', () => {
    it('reports units that would sit under each other, and the rows that need them', () => {
      const a = { ...SEKDA_ROW, unit_id: 'a', unit_name: 'A', parent_unit_id: 'b', position_id: 'a-kepala' };
      const b = { ...SEKDA_ROW, nip: ANI, unit_id: 'b', unit_name: 'B', parent_unit_id: 'a', position_id: 'b-kepala' };
      const problems = problemsOf(planRosterImport(file(a, b), rosterDecider.initialState(), metadata()));
      // Each line says why once: its position and appointment need its own unit, which that line already explains.
      expect(problems).toEqual([
        { line: 2, problems: ['unit "a" would sit under itself: the parent units form a cycle a → b → a'] },
        { line: 3, problems: ['unit "b" would sit under itself: the parent units form a cycle a → b → a'] },
      ]);
    });

    it('points rows in a unit under a failed unit at the line that explains it', () => {
      const a = { ...SEKDA_ROW, unit_id: 'a', unit_name: 'A', parent_unit_id: 'a', position_id: 'a-kepala' };
      const c = { ...SEKDA_ROW, nip: ANI, unit_id: 'c', unit_name: 'C', parent_unit_id: 'a', position_id: 'c-kepala' };
      const d = {
        ...STAF_ROW,
        nip: BUDI,
        unit_id: 'c',
        unit_name: 'C',
        parent_unit_id: 'a',
        position_id: 'c-staf',
        reports_to_position_id: 'c-kepala',
      };
      expect(problemsOf(planRosterImport(file(a, c, d), rosterDecider.initialState(), metadata()))).toEqual([
        { line: 2, problems: ['unit "a" would sit under itself: the parent units form a cycle a → a'] },
        { line: 3, problems: ['parent unit "a" could not be created (see line 2)'] },
        { line: 4, problems: ['unit "c" could not be created (see line 3)'] },
      ]);
    });

    it('reports positions whose reporting lines form a cycle', () => {
      const x = {
        ...STAF_ROW,
        ...DINKES_CELLS,
        parent_unit_id: '',
        position_id: 'x',
        level: 'administrator',
        reports_to_position_id: 'y',
      };
      const y = { ...x, nip: ANI, position_id: 'y', reports_to_position_id: 'x' };
      const problems = problemsOf(planRosterImport(file(x, y), rosterDecider.initialState(), metadata()));
      expect(problems).toEqual([
        { line: 2, problems: ['position "x" would report to itself: the reporting lines form a cycle x → y → x'] },
        { line: 3, problems: ['position "y" would report to itself: the reporting lines form a cycle x → y → x'] },
      ]);
    });

    it('reports two heads for one unit: usually a missing reports_to_position_id', () => {
      const second = { ...SEKRETARIS_ROW, reports_to_position_id: '' };
      const problems = problemsOf(
        planRosterImport(file(SEKDA_ROW, KADIS_ROW, second), rosterDecider.initialState(), metadata()),
      );
      expect(problems).toEqual([{ line: 4, problems: ['unit "dinkes" already has a head position, "dinkes-kadis"'] }]);
    });
  });

  describe('against an existing roster', () => {
    const state = replay(rosterDecider, [...structure, appointed(ANI, KADIS, '2020-01-01')]);

    it('refuses rows for employees already in the roster: re-import is out of scope', () => {
      const problems = problemsOf(planRosterImport(file(KADIS_ROW), state, metadata()));
      expect(problems).toEqual([
        {
          line: 2,
          problems: [
            `employee ${ANI} is already in the roster; an import only adds new employees (use TransferEmployee or RecordDeparture)`,
          ],
        },
      ]);
    });

    it('refuses rows that describe an existing unit or position differently', () => {
      const row = { ...STAF_ROW, nip: HADI, unit_name: 'Dinkes Kota', level: 'jf', jenjang: 'terampil' };
      expect(problemsOf(planRosterImport(file(row), state, metadata()))).toEqual([
        {
          line: 2,
          problems: [
            'unit "dinkes" differs from the roster (unit_name: "Dinas Kesehatan" there, "Dinkes Kota" here)',
            'position "dinkes-pengadministrasi-umum" differs from the roster (level: "pelaksana" there, "jf" here; jenjang: empty there, "terampil" here)',
          ],
        },
      ]);
    });
  });

  it('refuses every row when the actor is not an operator', () => {
    const problems = problemsOf(
      planRosterImport(file(SEKDA_ROW, KADIS_ROW), rosterDecider.initialState(), metadata('pegawai')),
    );
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
    expect(problems[0]?.problems).toEqual([`only an operator may change the roster; ${OPERATOR} acts as pegawai`]);
  });
});
