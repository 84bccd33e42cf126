import { replay, ROLES } from '../core';
import { specFor } from '../testing';
import { rosterDecider } from './decide';
import {
  ANI,
  appoint,
  appointed,
  BUDI,
  CITRA,
  command,
  day,
  departed,
  DINKES,
  dinkesRegistered,
  DOKTER,
  dokterCreated,
  KABID,
  kabidCreated,
  KADIS,
  kadisCreated,
  KAPUS,
  KASUBBAG,
  OPERATOR,
  pos,
  positions,
  PUSKESMAS,
  recordDeparture,
  SEKDA,
  sekdaCreated,
  SEKRETARIS,
  SETDA,
  setdaRegistered,
  STAF,
  structure,
  transfer,
  transferred,
  unit,
  units,
} from './roster.testkit';

const given = specFor(rosterDecider);

describe('roster decider', () => {
  describe('any command', () => {
    // One of each command type, each of which an operator could issue against `structure`.
    const commands = [
      command('RegisterUnit', { unit: unit('bpbd'), name: 'BPBD' }),
      command('ChangeParentUnit', { unit: PUSKESMAS, parent: SETDA, effectiveFrom: day('2025-01-01') }),
      command('CreatePosition', { position: pos('setda-staf'), unit: SETDA, title: 'Staf', level: 'pelaksana' }),
      command('ChangeReportingLine', { position: STAF, reportsTo: KABID, effectiveFrom: day('2025-01-01') }),
      appoint(ANI, SEKDA, '2024-01-01'),
      transfer(BUDI, KADIS, '2025-01-01'),
      recordDeparture(BUDI, 'retired', '2025-01-01'),
    ];
    const staffed = [...structure, appointed(BUDI, STAF, '2020-01-01')];

    it('are all accepted from an operator', () => {
      for (const c of commands) expect(rosterDecider.decide(c, replay(rosterDecider, staffed))._tag).toBe('Right');
    });

    it.each(ROLES.filter((r) => r !== 'operator'))(
      'is refused for the role %s: the roster is the operator’s',
      (role) => {
        for (const c of commands)
          given(staffed)
            .when({ ...c, metadata: { ...c.metadata, actor: { nip: OPERATOR, role } } })
            .thenFails('NotAnOperator', { actor: OPERATOR, role });
      },
    );
  });

  describe('when empty', () => {
    it('registers a unit without a parent', () => {
      given([])
        .when(command('RegisterUnit', { unit: SETDA, name: 'Sekretariat Daerah' }))
        .then([setdaRegistered]);
    });

    it('refuses a parent unit that is not registered', () => {
      given([])
        .when(command('RegisterUnit', { unit: DINKES, name: 'Dinas Kesehatan', parent: SETDA }))
        .thenFails('ParentUnitNotFound', { unit: DINKES, parent: SETDA });
    });

    it('refuses a unit that would be its own parent', () => {
      given([])
        .when(command('RegisterUnit', { unit: DINKES, name: 'Dinas Kesehatan', parent: DINKES }))
        .thenFails('ParentUnitCycle', { unit: DINKES, cycle: [DINKES, DINKES], on: null });
    });

    it('knows no unit, position or employee', () => {
      given([])
        .when(command('ChangeParentUnit', { unit: DINKES, effectiveFrom: day('2024-01-01') }))
        .thenFails('UnitNotFound', { unit: DINKES });
      given([])
        .when(command('CreatePosition', { position: SEKDA, unit: SETDA, title: 'Sekda', level: 'jpt-madya' }))
        .thenFails('UnitNotFound', { unit: SETDA });
      given([])
        .when(command('ChangeReportingLine', { position: KADIS, reportsTo: SEKDA, effectiveFrom: day('2024-01-01') }))
        .thenFails('PositionNotFound', { position: KADIS });
      given([])
        .when(appoint(ANI, SEKDA, '2024-01-01'))
        .thenFails('PositionNotFound', { position: SEKDA });
      given([])
        .when(transfer(ANI, SEKDA, '2024-01-01'))
        .thenFails('EmployeeNotFound', { nip: ANI });
      given([])
        .when(recordDeparture(ANI, 'retired', '2024-01-01'))
        .thenFails('EmployeeNotFound', { nip: ANI });
    });
  });

  describe('when units exist', () => {
    it('registers a unit under a registered parent', () => {
      given([setdaRegistered])
        .when(command('RegisterUnit', { unit: DINKES, name: 'Dinas Kesehatan', parent: SETDA }))
        .then([dinkesRegistered]);
    });

    it('refuses a unit id that is taken, naming the unit that has it', () => {
      given(units)
        .when(command('RegisterUnit', { unit: DINKES, name: 'Dinas Kesehatan Kota' }))
        .thenFails('UnitAlreadyRegistered', { unit: DINKES, name: 'Dinas Kesehatan' });
    });

    describe('moving a unit (ChangeParentUnit)', () => {
      const bpbd = unit('bpbd');

      it('moves it under another unit from a date', () => {
        given(units)
          .when(command('ChangeParentUnit', { unit: PUSKESMAS, parent: SETDA, effectiveFrom: day('2025-01-01') }))
          .then([
            { type: 'ParentUnitChanged', data: { unit: PUSKESMAS, parent: SETDA, effectiveFrom: day('2025-01-01') } },
          ]);
      });

      it('moves it under no unit', () => {
        given(units)
          .when(command('ChangeParentUnit', { unit: DINKES, effectiveFrom: day('2025-01-01') }))
          .then([{ type: 'ParentUnitChanged', data: { unit: DINKES, effectiveFrom: day('2025-01-01') } }]);
      });

      it('refuses a parent that is not registered', () => {
        given(units)
          .when(command('ChangeParentUnit', { unit: DINKES, parent: bpbd, effectiveFrom: day('2025-01-01') }))
          .thenFails('ParentUnitNotFound', { unit: DINKES, parent: bpbd });
      });

      it('refuses the parent it already has', () => {
        given(units)
          .when(command('ChangeParentUnit', { unit: DINKES, parent: SETDA, effectiveFrom: day('2025-01-01') }))
          .thenFails('ParentUnitUnchanged', { unit: DINKES, parent: SETDA });
        given(units)
          .when(command('ChangeParentUnit', { unit: SETDA, effectiveFrom: day('2025-01-01') }))
          .thenFails('ParentUnitUnchanged', { unit: SETDA, parent: null });
      });

      it('refuses a date on or before its last change: history is not rewritten', () => {
        const moved = {
          type: 'ParentUnitChanged',
          data: { unit: PUSKESMAS, parent: SETDA, effectiveFrom: day('2025-01-01') },
        } as const;
        given([...units, moved])
          .when(command('ChangeParentUnit', { unit: PUSKESMAS, parent: DINKES, effectiveFrom: day('2025-01-01') }))
          .thenFails('ParentUnitChangeBackdated', {
            unit: PUSKESMAS,
            effectiveFrom: day('2025-01-01'),
            lastChange: day('2025-01-01'),
          });
      });

      it('refuses to put a unit under itself or under one of its own sub-units', () => {
        given(units)
          .when(command('ChangeParentUnit', { unit: DINKES, parent: DINKES, effectiveFrom: day('2025-01-01') }))
          .thenFails('ParentUnitCycle', { cycle: [DINKES, DINKES] });
        given(units)
          .when(command('ChangeParentUnit', { unit: SETDA, parent: PUSKESMAS, effectiveFrom: day('2025-01-01') }))
          .thenFails('ParentUnitCycle', {
            unit: SETDA,
            parent: PUSKESMAS,
            cycle: [SETDA, PUSKESMAS, DINKES, SETDA],
            on: day('2025-01-01'),
          });
      });

      it('finds a cycle that only forms when a change recorded earlier takes effect', () => {
        // From 2025-06-01 the puskesmas moves under setda (decided in advance); setda under the puskesmas from
        // 2025-01-01 is fine until then, and a cycle from 2025-06-01.
        const later = {
          type: 'ParentUnitChanged',
          data: { unit: PUSKESMAS, parent: SETDA, effectiveFrom: day('2025-06-01') },
        } as const;
        const flat = { type: 'ParentUnitChanged', data: { unit: DINKES, effectiveFrom: day('2024-01-01') } } as const;
        given([...units, flat, later])
          .when(command('ChangeParentUnit', { unit: SETDA, parent: PUSKESMAS, effectiveFrom: day('2025-01-01') }))
          .thenFails('ParentUnitCycle', { cycle: [SETDA, PUSKESMAS, SETDA], on: day('2025-06-01') });
      });
    });

    describe('creating a position', () => {
      it('creates the head position of a unit', () => {
        given(units)
          .when(
            command('CreatePosition', {
              position: SEKDA,
              unit: SETDA,
              title: 'Sekretaris Daerah',
              level: 'jpt-madya',
              head: true,
            }),
          )
          .then([sekdaCreated]);
      });

      it('creates a position that reports to another, head false by default', () => {
        given([...units, sekdaCreated, kadisCreated])
          .when(
            command('CreatePosition', {
              position: KABID,
              unit: DINKES,
              title: 'Kepala Bidang Pencegahan dan Pengendalian Penyakit',
              level: 'administrator',
              reportsTo: KADIS,
            }),
          )
          .then([kabidCreated]);
      });

      it('creates a functional position with its jenjang', () => {
        const dokter = command('CreatePosition', {
          position: DOKTER,
          unit: DINKES,
          title: 'Dokter Ahli Muda',
          level: 'jf',
          jenjang: 'ahli-muda',
          reportsTo: KABID,
        });
        given([...units, ...positions.slice(0, 4)])
          .when(dokter)
          .then([dokterCreated]);
      });

      it('refuses a position id that is taken, naming the position that has it', () => {
        given(structure)
          .when(command('CreatePosition', { position: KADIS, unit: PUSKESMAS, title: 'Kepala', level: 'pengawas' }))
          .thenFails('PositionAlreadyExists', { position: KADIS, unit: DINKES, title: 'Kepala Dinas Kesehatan' });
      });

      it('refuses a unit that is not registered', () => {
        given(structure)
          .when(
            command('CreatePosition', {
              position: pos('bpbd-kalak'),
              unit: unit('bpbd'),
              title: 'Kalak',
              level: 'jpt-pratama',
            }),
          )
          .thenFails('UnitNotFound', { unit: unit('bpbd') });
      });

      it('requires a jenjang for jf, and only for jf', () => {
        given(structure)
          .when(
            command('CreatePosition', { position: pos('dinkes-perawat'), unit: DINKES, title: 'Perawat', level: 'jf' }),
          )
          .thenFails('JenjangMissing', { position: pos('dinkes-perawat') });
        given(structure)
          .when(
            command('CreatePosition', {
              position: pos('dinkes-pengelola'),
              unit: DINKES,
              title: 'Pengelola',
              level: 'pelaksana',
              jenjang: 'terampil',
            }),
          )
          .thenFails('JenjangNotApplicable', {
            position: pos('dinkes-pengelola'),
            level: 'pelaksana',
            jenjang: 'terampil',
          });
      });

      it('refuses a head position that is not structural', () => {
        given(units)
          .when(
            command('CreatePosition', {
              position: pos('setda-staf'),
              unit: SETDA,
              title: 'Staf',
              level: 'pelaksana',
              head: true,
            }),
          )
          .thenFails('HeadNotStructural', { position: pos('setda-staf'), level: 'pelaksana' });
      });

      it('refuses a second head position for a unit', () => {
        given(structure)
          .when(
            command('CreatePosition', {
              position: pos('dinkes-kadis-2'),
              unit: DINKES,
              title: 'Kadis',
              level: 'jpt-pratama',
              head: true,
            }),
          )
          .thenFails('UnitAlreadyHasHead', { unit: DINKES, head: KADIS });
      });

      describe('its reporting line', () => {
        const create = (
          level: 'jpt-pratama' | 'administrator' | 'pengawas' | 'pelaksana',
          reportsTo: string,
          head = false,
        ) =>
          command('CreatePosition', {
            position: pos('new'),
            unit: DINKES,
            title: 'Baru',
            level,
            reportsTo: pos(reportsTo),
            head,
          });

        it('refuses a position that reports to itself', () => {
          given(structure)
            .when(create('pelaksana', 'new'))
            .thenFails('ReportingLineCycle', { cycle: [pos('new'), pos('new')], on: null });
        });

        it('refuses a superior position that does not exist', () => {
          given(structure)
            .when(create('pelaksana', 'nowhere'))
            .thenFails('SuperiorPositionNotFound', { reportsTo: pos('nowhere') });
        });

        it('refuses a superior that is not structural', () => {
          given(structure)
            .when(create('pelaksana', DOKTER))
            .thenFails('SuperiorNotStructural', { reportsTo: DOKTER, superiorLevel: 'jf' });
          given(structure)
            .when(create('pelaksana', STAF))
            .thenFails('SuperiorNotStructural', { reportsTo: STAF, superiorLevel: 'pelaksana' });
        });

        it('refuses a structural superior of a lower level', () => {
          given(structure).when(create('administrator', KASUBBAG)).thenFails('SuperiorLevelLower', {
            level: 'administrator',
            reportsTo: KASUBBAG,
            superiorLevel: 'pengawas',
          });
          given(structure)
            .when(create('jpt-pratama', KABID))
            .thenFails('SuperiorLevelLower', { level: 'jpt-pratama', superiorLevel: 'administrator' });
        });

        it('accepts a structural superior of the same level (eselon IIIb under IIIa: a lurah under the camat)', () => {
          given(structure)
            .when(create('administrator', KABID))
            .then([
              {
                type: 'PositionCreated',
                data: {
                  position: pos('new'),
                  unit: DINKES,
                  title: 'Baru',
                  head: false,
                  reportsTo: KABID,
                  level: 'administrator',
                },
              },
            ]);
        });

        it('refuses a head position that reports to a position of its own unit', () => {
          const bappeda = { type: 'UnitRegistered', data: { unit: unit('bappeda'), name: 'Bappeda' } } as const;
          const madya = {
            type: 'PositionCreated',
            data: {
              position: pos('bappeda-staf-ahli'),
              unit: unit('bappeda'),
              title: 'Staf Ahli',
              head: false,
              level: 'jpt-madya',
            },
          } as const;
          given([...structure, bappeda, madya])
            .when(
              command('CreatePosition', {
                position: pos('bappeda-kepala'),
                unit: unit('bappeda'),
                title: 'Kepala Bappeda',
                level: 'jpt-pratama',
                reportsTo: pos('bappeda-staf-ahli'),
                head: true,
              }),
            )
            .thenFails('HeadReportsWithinUnit', {
              position: pos('bappeda-kepala'),
              unit: unit('bappeda'),
              reportsTo: pos('bappeda-staf-ahli'),
            });
          // Not the head: reporting within the unit is the normal case.
          given(structure)
            .when(
              command('CreatePosition', {
                position: pos('setda-asisten'),
                unit: SETDA,
                title: 'Asisten',
                level: 'jpt-pratama',
                reportsTo: SEKDA,
              }),
            )
            .then([
              {
                type: 'PositionCreated',
                data: {
                  position: pos('setda-asisten'),
                  unit: SETDA,
                  title: 'Asisten',
                  head: false,
                  reportsTo: SEKDA,
                  level: 'jpt-pratama',
                },
              },
            ]);
        });
      });
    });
  });

  describe('when positions exist', () => {
    describe('changing a reporting line', () => {
      const change = (position: string, reportsTo: string | undefined, effectiveFrom: string) =>
        command('ChangeReportingLine', {
          position: pos(position),
          ...(reportsTo === undefined ? {} : { reportsTo: pos(reportsTo) }),
          effectiveFrom: day(effectiveFrom),
        });
      const changed = (position: string, reportsTo: string | undefined, effectiveFrom: string) =>
        ({ type: 'ReportingLineChanged', data: change(position, reportsTo, effectiveFrom).data }) as const;

      it('makes a position report to another from a date', () => {
        given(structure)
          .when(change(STAF, KABID, '2025-01-01'))
          .then([changed(STAF, KABID, '2025-01-01')]);
      });

      it('makes a position report to no position', () => {
        given(structure)
          .when(change(KAPUS, undefined, '2025-01-01'))
          .then([changed(KAPUS, undefined, '2025-01-01')]);
      });

      it('refuses an unknown position or superior', () => {
        given(structure)
          .when(change('nowhere', KADIS, '2025-01-01'))
          .thenFails('PositionNotFound', { position: pos('nowhere') });
        given(structure)
          .when(change(STAF, 'nowhere', '2025-01-01'))
          .thenFails('SuperiorPositionNotFound', { position: STAF });
      });

      it('refuses the line it already has', () => {
        given(structure)
          .when(change(STAF, KASUBBAG, '2025-01-01'))
          .thenFails('ReportingLineUnchanged', { position: STAF, reportsTo: KASUBBAG });
        given(structure)
          .when(change(SEKDA, undefined, '2025-01-01'))
          .thenFails('ReportingLineUnchanged', { reportsTo: null });
      });

      it('refuses a date on or before its last change', () => {
        given([...structure, changed(STAF, KABID, '2025-01-01')])
          .when(change(STAF, SEKRETARIS, '2024-12-31'))
          .thenFails('ReportingLineChangeBackdated', {
            position: STAF,
            effectiveFrom: day('2024-12-31'),
            lastChange: day('2025-01-01'),
          });
      });

      it('applies the same rules to the new superior as at creation', () => {
        given(structure)
          .when(change(STAF, DOKTER, '2025-01-01'))
          .thenFails('SuperiorNotStructural');
        given(structure)
          .when(change(KABID, KASUBBAG, '2025-01-01'))
          .thenFails('SuperiorLevelLower');
        given(structure)
          .when(change(KADIS, KABID, '2025-01-01'))
          .thenFails('SuperiorLevelLower');
        given(structure)
          .when(change(STAF, STAF, '2025-01-01'))
          .thenFails('ReportingLineCycle', { cycle: [STAF, STAF] });
      });

      it('refuses a head reporting within its unit', () => {
        const pembina = {
          type: 'PositionCreated',
          data: {
            position: pos('puskesmas-pembina'),
            unit: PUSKESMAS,
            title: 'Pembina',
            head: false,
            level: 'administrator',
          },
        } as const;
        given([...structure, pembina])
          .when(change(KAPUS, 'puskesmas-pembina', '2025-01-01'))
          .thenFails('HeadReportsWithinUnit', { position: KAPUS, unit: PUSKESMAS });
      });

      it('refuses a position that would report to one of its own subordinates', () => {
        // sekretaris and kabid are both administrators under kadis; kabid may report to sekretaris, but then
        // sekretaris may not report to kabid.
        given([...structure, changed(KABID, SEKRETARIS, '2024-01-01')])
          .when(change(SEKRETARIS, KABID, '2025-01-01'))
          .thenFails('ReportingLineCycle', {
            position: SEKRETARIS,
            reportsTo: KABID,
            cycle: [SEKRETARIS, KABID, SEKRETARIS],
            on: day('2025-01-01'),
          });
        // Without kabid's change, sekretaris may report to kabid.
        given(structure)
          .when(change(SEKRETARIS, KABID, '2025-01-01'))
          .then([changed(SEKRETARIS, KABID, '2025-01-01')]);
      });

      it('finds a cycle that only forms when a change recorded earlier takes effect', () => {
        // Kabid was recorded to report to sekretaris from 2025-06-01. Sekretaris under kabid from 2025-01-01 is
        // fine until then, and a cycle from 2025-06-01.
        given([...structure, changed(KABID, SEKRETARIS, '2025-06-01')])
          .when(change(SEKRETARIS, KABID, '2025-01-01'))
          .thenFails('ReportingLineCycle', { cycle: [SEKRETARIS, KABID, SEKRETARIS], on: day('2025-06-01') });
      });
    });

    describe('appointing an employee', () => {
      it('appoints a new employee to a vacant structural position', () => {
        given(structure)
          .when(appoint(ANI, KADIS, '2024-01-01'))
          .then([appointed(ANI, KADIS, '2024-01-01')]);
      });

      it('appoints many employees to a pelaksana or jf position', () => {
        given([...structure, appointed(ANI, STAF, '2024-01-01'), appointed(BUDI, DOKTER, '2024-01-01')])
          .when(appoint(CITRA, STAF, '2024-01-01', 'pppk'))
          .then([appointed(CITRA, STAF, '2024-01-01', 'pppk')]);
        given([...structure, appointed(BUDI, DOKTER, '2024-01-01')])
          .when(appoint(CITRA, DOKTER, '2024-02-01'))
          .then([appointed(CITRA, DOKTER, '2024-02-01')]);
      });

      it('refuses a structural position that is held on or after the date', () => {
        given([...structure, appointed(ANI, KADIS, '2024-01-01')])
          .when(appoint(BUDI, KADIS, '2024-06-01'))
          .thenFails('PositionOccupied', { position: KADIS, holder: ANI, since: day('2024-01-01') });
      });

      it('refuses a structural position filled from a later date (recorded in advance)', () => {
        given([...structure, appointed(ANI, KADIS, '2024-07-01')])
          .when(appoint(BUDI, KADIS, '2024-01-01'))
          .thenFails('PositionOccupied', { holder: ANI, since: day('2024-07-01') });
      });

      it('fills a structural position from the day its holder leaves it', () => {
        given([...structure, appointed(ANI, KADIS, '2020-01-01'), departed(ANI, KADIS, 'retired', '2024-06-01')])
          .when(appoint(BUDI, KADIS, '2024-06-01'))
          .then([appointed(BUDI, KADIS, '2024-06-01')]);
        given([...structure, appointed(ANI, KADIS, '2020-01-01'), transferred(ANI, KADIS, SEKDA, '2024-06-01')])
          .when(appoint(BUDI, KADIS, '2024-06-01'))
          .then([appointed(BUDI, KADIS, '2024-06-01')]);
      });

      it('refuses an unknown position', () => {
        given(structure)
          .when(appoint(ANI, pos('nowhere'), '2024-01-01'))
          .thenFails('PositionNotFound', { position: pos('nowhere') });
      });
    });
  });

  describe('when an employee is active', () => {
    const history = [...structure, appointed(ANI, KABID, '2024-01-01')];

    it('refuses to appoint them again', () => {
      given(history)
        .when(appoint(ANI, STAF, '2024-06-01'))
        .thenFails('EmployeeAlreadyActive', { nip: ANI, position: KABID, since: day('2024-01-01') });
    });

    it('transfers them to another position', () => {
      given(history)
        .when(transfer(ANI, KADIS, '2025-01-01'))
        .then([transferred(ANI, KABID, KADIS, '2025-01-01')]);
    });

    it('transfers them into a shared position', () => {
      given([...history, appointed(BUDI, DOKTER, '2020-01-01')])
        .when(transfer(ANI, DOKTER, '2025-01-01'))
        .then([transferred(ANI, KABID, DOKTER, '2025-01-01')]);
    });

    it('refuses a transfer to the position they hold', () => {
      given(history)
        .when(transfer(ANI, KABID, '2025-01-01'))
        .thenFails('TransferToSamePosition', { nip: ANI, position: KABID });
    });

    it('refuses a transfer to an unknown position', () => {
      given(history)
        .when(transfer(ANI, pos('nowhere'), '2025-01-01'))
        .thenFails('PositionNotFound', { position: pos('nowhere') });
    });

    it('refuses a transfer into an occupied structural position', () => {
      given([...history, appointed(BUDI, KADIS, '2020-01-01')])
        .when(transfer(ANI, KADIS, '2025-01-01'))
        .thenFails('PositionOccupied', { position: KADIS, holder: BUDI, since: day('2020-01-01') });
    });

    it('refuses a transfer or departure on or before the current assignment started', () => {
      given(history)
        .when(transfer(ANI, KADIS, '2024-01-01'))
        .thenFails('EffectiveDateNotAfterAssignmentStart', {
          nip: ANI,
          position: KABID,
          effectiveFrom: day('2024-01-01'),
          assignmentStart: day('2024-01-01'),
        });
      given(history)
        .when(recordDeparture(ANI, 'resigned', '2023-12-31'))
        .thenFails('EffectiveDateNotAfterAssignmentStart', { effectiveFrom: day('2023-12-31') });
    });

    it('records their departure', () => {
      given(history)
        .when(recordDeparture(ANI, 'retired', '2025-03-01'))
        .then([departed(ANI, KABID, 'retired', '2025-03-01')]);
    });

    it('records the departure from the position they were transferred to', () => {
      given([...history, transferred(ANI, KABID, SEKRETARIS, '2024-06-01')])
        .when(recordDeparture(ANI, 'transferred-out', '2025-03-01'))
        .then([departed(ANI, SEKRETARIS, 'transferred-out', '2025-03-01')]);
    });
  });

  describe('when an employee has left', () => {
    const history = [
      ...structure,
      appointed(ANI, KABID, '2020-01-01'),
      departed(ANI, KABID, 'dismissed', '2024-01-01'),
    ];

    it('refuses a transfer or a second departure', () => {
      given(history)
        .when(transfer(ANI, KADIS, '2024-06-01'))
        .thenFails('EmployeeNotActive', { nip: ANI, leftOn: day('2024-01-01'), reason: 'dismissed' });
      given(history)
        .when(recordDeparture(ANI, 'retired', '2024-06-01'))
        .thenFails('EmployeeNotActive');
    });

    it('appoints them again on or after the day they left (e.g. a dismissal annulled on appeal)', () => {
      given(history)
        .when(appoint(ANI, KABID, '2024-01-01'))
        .then([appointed(ANI, KABID, '2024-01-01')]);
    });

    it('refuses an appointment before the day they left', () => {
      given(history)
        .when(appoint(ANI, STAF, '2023-06-01'))
        .thenFails('AppointmentBeforeDeparture', {
          nip: ANI,
          effectiveFrom: day('2023-06-01'),
          leftOn: day('2024-01-01'),
        });
    });

    it('refuses to appoint someone who died', () => {
      given([...structure, appointed(BUDI, STAF, '2020-01-01'), departed(BUDI, STAF, 'deceased', '2024-01-01')])
        .when(appoint(BUDI, STAF, '2024-06-01'))
        .thenFails('EmployeeDeceased', { nip: BUDI, since: day('2024-01-01') });
    });
  });

  describe('evolve', () => {
    it('ignores events that do not apply, so any stored history replays', () => {
      const base = replay(rosterDecider, structure);
      const ignored = [
        setdaRegistered, // a duplicate unit
        kadisCreated, // a duplicate position
        { type: 'PositionCreated', data: { ...kadisCreated.data, position: pos('x'), unit: unit('nowhere') } } as const,
        transferred(ANI, KABID, KADIS, '2024-01-01'), // nobody by that NIP
        departed(ANI, KABID, 'retired', '2024-01-01'),
        appointed(ANI, pos('nowhere'), '2024-01-01'),
        { type: 'ReportingLineChanged', data: { position: pos('nowhere'), effectiveFrom: day('2024-01-01') } } as const,
        { type: 'ParentUnitChanged', data: { unit: unit('nowhere'), effectiveFrom: day('2024-01-01') } } as const,
        { type: 'SomethingFromTheFuture', data: {} } as never,
      ];
      for (const e of ignored) expect(rosterDecider.evolve(base, e)).toBe(base);
    });

    it('ignores changes dated before the history they would extend', () => {
      const active = replay(rosterDecider, [...structure, appointed(ANI, KABID, '2024-01-01')]);
      expect(rosterDecider.evolve(active, transferred(ANI, KABID, KADIS, '2023-01-01'))).toBe(active);
      expect(rosterDecider.evolve(active, departed(ANI, KABID, 'retired', '2024-01-01'))).toBe(active);
      expect(rosterDecider.evolve(active, appointed(ANI, STAF, '2025-01-01'))).toBe(active); // already active
      const changed = rosterDecider.evolve(active, {
        type: 'ReportingLineChanged',
        data: { position: STAF, reportsTo: KABID, effectiveFrom: day('2025-01-01') },
      });
      expect(
        rosterDecider.evolve(changed, {
          type: 'ReportingLineChanged',
          data: { position: STAF, effectiveFrom: day('2024-01-01') },
        }),
      ).toBe(changed);
    });

    it('stays empty until a unit is registered', () => {
      expect(replay(rosterDecider, [appointed(ANI, KABID, '2024-01-01')])).toEqual({ status: 'empty' });
      expect(replay(rosterDecider, [setdaRegistered]).status).toBe('active');
    });
  });
});
