import { isRight } from 'fp-ts/Either';
import { replay, type Nip } from '../core';
import { rosterDecider, type RosterCommand } from './decide';
import {
  employeesOf,
  employmentOf,
  headOf,
  headPositionOf,
  holdersOf,
  isHeadOf,
  levelOf,
  parentUnitOf,
  positionOf,
  positionsIn,
  superiorOf,
  superiorPositionOf,
  unitOf,
  unitsOf,
} from './queries';
import type { RosterEvent, RosterState } from './roster';
import {
  ANI,
  appoint,
  appointed,
  BUDI,
  CITRA,
  command,
  day,
  DEDI,
  departed,
  DINKES,
  DOKTER,
  EKA,
  event,
  FAJAR,
  KABID,
  KADIS,
  KAPUS,
  KASUBBAG,
  pos,
  PUSKESMAS,
  SEKDA,
  SEKRETARIS,
  SETDA,
  STAF,
  structure,
  transferred,
  unit,
} from './roster.testkit';

/**
 * Dinas Kesehatan over five years:
 * - 2019 Fajar is sekda; 2020 Ani kadis; 2021 Budi sekretaris and Citra kasubbag umum; 2022 Dedi (PPPK) staff
 *   and Eka dokter ahli muda;
 * - 2023-07-01 Budi moves to kabid P2P: the sekretaris post stays vacant;
 * - 2024-01-01 Citra retires: the kasubbag post stays vacant;
 * - 2024-06-01 the staff position reports to the kabid instead of the kasubbag;
 * - 2025-01-01 Ani retires: the kadis post is vacant; the puskesmas moves under setda.
 */
const history: ReadonlyArray<RosterEvent> = [
  ...structure,
  appointed(FAJAR, SEKDA, '2019-01-01'),
  appointed(ANI, KADIS, '2020-01-01'),
  appointed(BUDI, SEKRETARIS, '2021-01-01'),
  appointed(CITRA, KASUBBAG, '2021-01-01'),
  appointed(DEDI, STAF, '2022-01-01', 'pppk'),
  appointed(EKA, DOKTER, '2022-01-01'),
  transferred(BUDI, SEKRETARIS, KABID, '2023-07-01'),
  departed(CITRA, KASUBBAG, 'retired', '2024-01-01'),
  event('ReportingLineChanged', { position: STAF, reportsTo: KABID, effectiveFrom: day('2024-06-01') }),
  departed(ANI, KADIS, 'retired', '2025-01-01'),
  event('ParentUnitChanged', { unit: PUSKESMAS, parent: SETDA, effectiveFrom: day('2025-01-01') }),
];
const state = replay(rosterDecider, history);
const on = day;

describe('roster queries', () => {
  describe('an employee on a date', () => {
    it('knows no position before the appointment and none from the departure', () => {
      expect(positionOf(state, ANI, on('2019-12-31'))).toBeUndefined();
      expect(positionOf(state, ANI, on('2020-01-01'))).toBe(KADIS);
      expect(positionOf(state, ANI, on('2024-12-31'))).toBe(KADIS);
      expect(positionOf(state, ANI, on('2025-01-01'))).toBeUndefined();
    });

    it('follows a transfer from its effective date', () => {
      expect(positionOf(state, BUDI, on('2023-06-30'))).toBe(SEKRETARIS);
      expect(positionOf(state, BUDI, on('2023-07-01'))).toBe(KABID);
      expect(levelOf(state, BUDI, on('2023-07-01'))).toEqual({ level: 'administrator' });
    });

    it('gives the unit, the level with its jenjang, and the employment', () => {
      expect(unitOf(state, EKA, on('2022-01-01'))).toBe(DINKES);
      expect(unitOf(state, EKA, on('2021-12-31'))).toBeUndefined();
      expect(levelOf(state, EKA, on('2023-01-01'))).toEqual({ level: 'jf', jenjang: 'ahli-muda' });
      expect(levelOf(state, FAJAR, on('2023-01-01'))).toEqual({ level: 'jpt-madya' });
      expect(employmentOf(state, DEDI, on('2023-01-01'))).toBe('pppk');
      expect(employmentOf(state, BUDI, on('2023-07-01'))).toBe('pns');
    });

    it('knows nothing of an unknown NIP', () => {
      const stranger = '199912312024121001' as Nip;
      expect(positionOf(state, stranger, on('2024-01-01'))).toBeUndefined();
      expect(unitOf(state, stranger, on('2024-01-01'))).toBeUndefined();
      expect(levelOf(state, stranger, on('2024-01-01'))).toBeUndefined();
      expect(superiorOf(state, stranger, on('2024-01-01'))).toBeUndefined();
    });

    it('shows the gap between leaving and a new appointment', () => {
      const back = replay(rosterDecider, [...history, appointed(CITRA, STAF, '2024-09-01', 'pppk')]);
      expect(positionOf(back, CITRA, on('2023-12-31'))).toBe(KASUBBAG);
      expect(positionOf(back, CITRA, on('2024-03-01'))).toBeUndefined();
      expect(positionOf(back, CITRA, on('2024-09-01'))).toBe(STAF);
      expect(employmentOf(back, CITRA, on('2023-12-31'))).toBe('pns');
      expect(employmentOf(back, CITRA, on('2024-09-01'))).toBe('pppk');
    });
  });

  describe('superiorOf', () => {
    it('is the holder of the position the employee’s position reports to', () => {
      expect(superiorOf(state, DEDI, on('2023-01-01'))).toBe(CITRA);
      expect(superiorOf(state, EKA, on('2023-07-01'))).toBe(BUDI);
      expect(superiorOf(state, ANI, on('2023-01-01'))).toBe(FAJAR);
    });

    it('walks up past vacant positions to the first occupied one', () => {
      // 2024-02-01: kasubbag vacant (Citra retired), sekretaris vacant (Budi moved): the kadis, Ani.
      expect(superiorOf(state, DEDI, on('2024-02-01'))).toBe(ANI);
      // Before Budi moved, the sekretaris was next up.
      expect(superiorOf(state, CITRA, on('2023-06-30'))).toBe(BUDI);
      // 2025-02-01: the kadis post is vacant too: the sekda.
      expect(superiorOf(state, BUDI, on('2025-02-01'))).toBe(FAJAR);
    });

    it('follows reporting-line changes from their effective date', () => {
      expect(superiorPositionOf(state, STAF, on('2024-05-31'))).toBe(KASUBBAG);
      expect(superiorPositionOf(state, STAF, on('2024-06-01'))).toBe(KABID);
      expect(superiorOf(state, DEDI, on('2024-05-31'))).toBe(ANI);
      expect(superiorOf(state, DEDI, on('2024-06-01'))).toBe(BUDI);
    });

    it('is undefined at the top of the line, and for someone with no position that day', () => {
      expect(superiorOf(state, FAJAR, on('2023-01-01'))).toBeUndefined();
      expect(superiorOf(state, ANI, on('2025-01-01'))).toBeUndefined();
      expect(superiorOf(state, DEDI, on('2021-12-31'))).toBeUndefined();
    });

    it('is undefined when nobody holds any position up the line', () => {
      const early = replay(rosterDecider, [...structure, appointed(DEDI, STAF, '2018-01-01')]);
      expect(superiorOf(early, DEDI, on('2018-06-01'))).toBeUndefined();
    });
  });

  describe('heads', () => {
    it('is the holder of the unit’s head position, while it is held', () => {
      expect(headPositionOf(state, DINKES)).toBe(KADIS);
      expect(headPositionOf(state, PUSKESMAS)).toBe(KAPUS);
      expect(headOf(state, DINKES, on('2024-12-31'))).toBe(ANI);
      expect(headOf(state, DINKES, on('2025-01-01'))).toBeUndefined();
      expect(isHeadOf(state, ANI, DINKES, on('2024-12-31'))).toBe(true);
      expect(isHeadOf(state, ANI, DINKES, on('2025-01-01'))).toBe(false);
      expect(isHeadOf(state, ANI, SETDA, on('2024-12-31'))).toBe(false);
      expect(isHeadOf(state, BUDI, DINKES, on('2024-12-31'))).toBe(false);
      expect(isHeadOf(state, FAJAR, SETDA, on('2024-12-31'))).toBe(true);
    });

    it('has no head for a unit without a head position or an unknown unit', () => {
      const bare = replay(rosterDecider, [event('UnitRegistered', { unit: unit('bpbd'), name: 'BPBD' })]);
      expect(headOf(bare, unit('bpbd'), on('2025-01-01'))).toBeUndefined();
      expect(headOf(state, unit('nowhere'), on('2025-01-01'))).toBeUndefined();
    });
  });

  describe('units and positions', () => {
    it('lists the holders of the unit’s positions on a date', () => {
      expect(employeesOf(state, DINKES, on('2022-06-01'))).toEqual([ANI, BUDI, CITRA, DEDI, EKA]);
      expect(employeesOf(state, DINKES, on('2024-06-01'))).toEqual([ANI, BUDI, DEDI, EKA]);
      expect(employeesOf(state, DINKES, on('2025-01-01'))).toEqual([BUDI, DEDI, EKA]);
      expect(employeesOf(state, SETDA, on('2018-12-31'))).toEqual([]);
    });

    it('lists every holder of a shared position', () => {
      const crowded = replay(rosterDecider, [...history, appointed(CITRA, STAF, '2024-09-01')]);
      expect(holdersOf(crowded, STAF, on('2024-09-01'))).toEqual([DEDI, CITRA]);
      expect(holdersOf(crowded, STAF, on('2024-08-31'))).toEqual([DEDI]);
    });

    it('follows parent-unit changes from their effective date', () => {
      expect(parentUnitOf(state, PUSKESMAS, on('2024-12-31'))).toBe(DINKES);
      expect(parentUnitOf(state, PUSKESMAS, on('2025-01-01'))).toBe(SETDA);
      expect(parentUnitOf(state, SETDA, on('2025-01-01'))).toBeUndefined();
    });

    it('lists units by id and positions in order of creation', () => {
      expect(unitsOf(state).map((u) => u.id)).toEqual([DINKES, PUSKESMAS, SETDA]);
      expect(positionsIn(state, DINKES).map((p) => p.id)).toEqual([KADIS, SEKRETARIS, KABID, KASUBBAG, STAF, DOKTER]);
    });

    it('answers nothing on an empty roster', () => {
      const empty: RosterState = rosterDecider.initialState();
      expect(unitsOf(empty)).toEqual([]);
      expect(employeesOf(empty, DINKES, on('2025-01-01'))).toEqual([]);
      expect(superiorOf(empty, ANI, on('2025-01-01'))).toBeUndefined();
    });
  });

  describe('at the scale of a city', () => {
    it('decides and replays 20,000 appointments and answers queries without scanning everyone', () => {
      // 40 units; each: a head, 4 administrators, 12 pengawas, 3 pelaksana and 2 jf positions.
      const commands: RosterCommand[] = [];
      for (let u = 0; u < 40; u++) {
        const id = unit(`opd-${u}`);
        const p = (kind: string, i: number) => pos(`opd-${u}-${kind}-${i}`);
        commands.push(command('RegisterUnit', { unit: id, name: `OPD ${u}` }));
        commands.push(
          command('CreatePosition', {
            position: p('kepala', 0),
            unit: id,
            title: 'Kepala',
            level: 'jpt-pratama',
            head: true,
          }),
        );
        for (let i = 0; i < 4; i++)
          commands.push(
            command('CreatePosition', {
              position: p('adm', i),
              unit: id,
              title: 'Kabid',
              level: 'administrator',
              reportsTo: p('kepala', 0),
            }),
          );
        for (let i = 0; i < 12; i++)
          commands.push(
            command('CreatePosition', {
              position: p('pgw', i),
              unit: id,
              title: 'Kasi',
              level: 'pengawas',
              reportsTo: p('adm', i % 4),
            }),
          );
        for (let i = 0; i < 3; i++)
          commands.push(
            command('CreatePosition', {
              position: p('pel', i),
              unit: id,
              title: 'Staf',
              level: 'pelaksana',
              reportsTo: p('pgw', i),
            }),
          );
        for (let i = 0; i < 2; i++)
          commands.push(
            command('CreatePosition', {
              position: p('jf', i),
              unit: id,
              title: 'Pranata',
              level: 'jf',
              jenjang: 'ahli-pertama',
              reportsTo: p('adm', i),
            }),
          );
      }
      // Distinct NIPs: appointment year 2000 + n div 999, sequence 1 + n mod 999.
      const nips = Array.from(
        { length: 20_000 },
        (_, n) => `19800101${2000 + Math.floor(n / 999)}011${String(1 + (n % 999)).padStart(3, '0')}` as Nip,
      );
      nips.forEach((nip, n) => {
        const u = n % 40;
        const slot = Math.floor(n / 40);
        const position =
          slot === 0
            ? `opd-${u}-kepala-0`
            : slot <= 4
              ? `opd-${u}-adm-${slot - 1}`
              : slot <= 16
                ? `opd-${u}-pgw-${slot - 5}`
                : `opd-${u}-${slot % 2 === 0 ? 'pel' : 'jf'}-${slot % 2}`;
        commands.push(appoint(nip, pos(position), '2024-01-01'));
      });

      let current = rosterDecider.initialState();
      const events: RosterEvent[] = [];
      const refused: unknown[] = [];
      for (const c of commands) {
        const decision = rosterDecider.decide(c, current);
        if (isRight(decision))
          for (const e of decision.right) {
            events.push(e);
            current = rosterDecider.evolve(current, e);
          }
        else refused.push(decision.left);
      }
      expect(refused).toEqual([]);
      expect(events).toHaveLength(commands.length);
      const replayed = replay(rosterDecider, events);
      expect(replayed).toEqual(current);
      const [first] = nips;
      const last = nips[nips.length - 1] as Nip;
      expect(positionOf(replayed, last, on('2024-06-01'))).toBeDefined();
      expect(superiorOf(replayed, last, on('2024-06-01'))).toBeDefined();
      expect(employeesOf(replayed, unit('opd-7'), on('2024-06-01')).length).toBeGreaterThan(400);
      expect(first !== undefined && isHeadOf(replayed, first, unit('opd-0'), on('2024-06-01'))).toBe(true);
    }, 30_000);
  });
});
