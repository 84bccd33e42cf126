import type { Principal } from '../contracts';
import { tenantOfStream } from '@kinerja/engine';
import { assertMayReadEmployee, assertMayReadStream, queueOwner } from './access';
import { hidePersonalData, isComplaintStream, withoutPersonalData } from './personal-data';
import { employeeScope } from './read-model-db';
import { REPORT_ROLES } from './reports.queries';

const agus = '199203142019031008';
const dewi = '199510202022032011';
const as = (nip: string, ...roles: Principal['roles']): Principal => ({ nip, tenant: 'surabaya', roles });

describe('query access: readers-all, an employee’s own file, a tenant’s own streams', () => {
  it('a stream id names its tenant after the category', () => {
    expect(tenantOfStream('roster-surabaya')).toBe('surabaya');
    expect(tenantOfStream(`plan-surabaya.${agus}.2025`)).toBe('surabaya');
    expect(tenantOfStream('ledger')).toBeUndefined();
    expect(tenantOfStream('plan-')).toBeUndefined();
  });

  it('an employee reads their own file and streams; the inspectorate and auditors read anyone’s; others are 403', () => {
    expect(() => assertMayReadEmployee(as(agus, 'pegawai'), agus)).not.toThrow();
    expect(() => assertMayReadEmployee(as(agus, 'auditor'), dewi)).not.toThrow();
    expect(() => assertMayReadEmployee(as(agus, 'pegawai', 'pejabat-penilai'), dewi)).toThrow(/only the employee/);
    expect(() => assertMayReadStream(as(agus, 'pegawai'), `evaluation-surabaya.${agus}.2025.2025`, 'surabaya')).not.toThrow();
    expect(() => assertMayReadStream(as(agus, 'pegawai'), `evaluation-surabaya.${dewi}.2025.2025`, 'surabaya')).toThrow();
    expect(() => assertMayReadStream(as(agus, 'pegawai'), 'roster-surabaya', 'surabaya')).toThrow();
    expect(() => assertMayReadStream(as(agus, 'inspektorat'), 'roster-salatiga', 'surabaya')).toThrow(/not of tenant surabaya/);
  });

  it('a queue is one’s own; a reader-all may look at another official’s', () => {
    expect(queueOwner(as(agus, 'pejabat-penilai'), undefined)).toBe(agus);
    expect(queueOwner(as(agus, 'inspektorat'), dewi)).toBe(dewi);
    expect(() => queueOwner(as(agus, 'pejabat-penilai'), dewi)).toThrow();
  });

  it('a report is narrowed to the caller when they read only as an employee', () => {
    expect(employeeScope(as(agus, 'pegawai'), undefined, REPORT_ROLES)).toBe(agus);
    expect(employeeScope(as(agus, 'pegawai'), agus, REPORT_ROLES)).toBe(agus);
    expect(() => employeeScope(as(agus, 'pegawai'), dewi, REPORT_ROLES)).toThrow();
    expect(employeeScope(as(agus, 'pegawai', 'ppk'), undefined, REPORT_ROLES)).toBeUndefined();
    expect(employeeScope(as(agus, 'auditor'), dewi, REPORT_ROLES)).toBe(dewi);
  });
});

describe('citizens’ personal data in complaint streams (BR-23)', () => {
  const view = {
    streamId: 'pengaduan-surabaya.adu-1',
    envelopes: [{ data: { subject: 'KTP', contact: { phone: '0812' }, trackingCode: 'T-1', personalData: ['contact', 'trackingCode'] } }],
    state: { status: 'filed', contact: { name: 'Budi' }, at: new Date('2026-01-01T00:00:00Z') },
  };

  it('is taken out, wherever it is nested, for roles that may not read it', () => {
    const hidden = hidePersonalData(view, as(agus, 'auditor'));
    expect(hidden).toEqual({
      streamId: view.streamId,
      envelopes: [{ data: { subject: 'KTP', personalData: ['contact', 'trackingCode'] } }],
      state: { status: 'filed', at: new Date('2026-01-01T00:00:00Z') },
      personalDataHidden: true,
    });
  });

  it('stays for the operator, the unit head and the inspectorate, and in streams that are not complaints', () => {
    for (const role of ['operator', 'pimpinan-unit', 'inspektorat'] as const) expect(hidePersonalData(view, as(agus, role))).toBe(view);
    const plan = { ...view, streamId: `plan-surabaya.${agus}.2025` };
    expect(hidePersonalData(plan, as(agus, 'auditor'))).toBe(plan);
    expect(isComplaintStream('pengaduan-surabaya.adu-1')).toBe(true);
    expect(withoutPersonalData([{ contact: 1 }, 'x'])).toEqual([{}, 'x']);
  });
});
