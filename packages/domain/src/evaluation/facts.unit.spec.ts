import { replay } from '../core';
import {
  amendmentStarted,
  I1,
  I2,
  ikiAdded,
  planApproved,
  planClosed,
  planSubmitted,
  R1,
  realisationRecorded,
  TARGETS,
  histories as planHistories,
} from '../plan/plan.testkit';
import { TENANT_POLICIES } from '../policy/tenants';
import { rosterDecider } from '../roster/decide';
import { ANI, appointed, BUDI, CITRA, day, DEDI, DINKES, DOKTER, KABID, KADIS, STAF, structure } from '../roster/roster.testkit';
import { evaluationPlanFactsOf, evaluationPolicyOf, evaluationRosterFactsFor, inviteeFactsFor } from './facts';
import { HEADER } from './evaluation.testkit';

describe('facts the engine fills in', () => {
  const roster = replay(rosterDecider, [
    ...structure,
    appointed(ANI, KADIS, '2020-01-01'),
    appointed(BUDI, KABID, '2020-01-01'),
    appointed(CITRA, DOKTER, '2020-01-01'),
    appointed(DEDI, STAF, '2020-01-01'),
  ]);
  const asOf = day('2025-04-01');

  it('tells whether the employee heads the unit (BR-09) and their jenjang (BR-24)', () => {
    expect(evaluationRosterFactsFor(roster, ANI, DINKES, asOf)).toEqual({ asOf, isUnitHead: true, jenjang: null });
    expect(evaluationRosterFactsFor(roster, CITRA, DINKES, asOf)).toEqual({ asOf, isUnitHead: false, jenjang: 'ahli-muda' });
  });

  it("gives an invitee's unit and superior on the invitation date", () => {
    expect(inviteeFactsFor(roster, CITRA, asOf)).toEqual({ asOf, unit: DINKES, superior: BUDI });
    expect(inviteeFactsFor(roster, CITRA, day('2019-06-01'))).toEqual({ asOf: day('2019-06-01'), unit: null, superior: null });
  });

  it("records the tenant policy's evaluation settings", () => {
    const samarinda = TENANT_POLICIES.find((p) => p.tenant === 'samarinda');
    if (samarinda === undefined) throw new Error('samarinda missing');
    expect(evaluationPolicyOf(samarinda)).toEqual({
      timeZone: 'Asia/Makassar',
      frequency: 'quarterly',
      peerFeedback: true,
      selfEvaluation: false,
      objectionWindow: { days: 14, kind: 'calendar' },
      allowancePercent: samarinda.allowancePercent,
      angkaKreditProRata: true,
    });
  });

  it("takes the approved revision's IKI and the latest realisation of each from the plan's stream", () => {
    const first = realisationRecorded(R1, I1, { realised: { kuantitas: 2 }, now: new Date('2025-02-01T09:00:00+07:00') });
    const second = realisationRecorded(R1, I1, { realised: { kuantitas: 3 }, now: new Date('2025-03-01T09:00:00+07:00') });
    const facts = evaluationPlanFactsOf([...planHistories.approved, first, second]);
    expect(facts).toEqual({
      header: HEADER,
      status: 'approved',
      closedFrom: null,
      revision: 1,
      iki: [{ rhk: R1, iki: I1, description: 'Indikator I1', targets: TARGETS }],
      realisations: [{ iki: I1, realised: { kuantitas: 3 }, evidence: second.data.evidence, recordedAt: second.data.at }],
    });
  });

  it('keeps the approved IKI during an amendment, and tells a plan closed unfinished', () => {
    const amending = evaluationPlanFactsOf([...planHistories.approved, amendmentStarted(1), ikiAdded(R1, I2)]);
    expect([amending?.status, amending?.revision, amending?.iki.map((i) => i.iki)]).toEqual(['draft', 1, [I1]]);
    const closed = evaluationPlanFactsOf([...planHistories.approved, amendmentStarted(1), planClosed('draft', 1)]);
    expect([closed?.status, closed?.closedFrom]).toEqual(['closed', 'draft']);
    const resubmitted = evaluationPlanFactsOf([...planHistories.approved, amendmentStarted(1), ikiAdded(R1, I2), planSubmitted(), planApproved(2)]);
    expect(resubmitted?.iki.map((i) => i.iki)).toEqual([I1, I2]);
    expect(evaluationPlanFactsOf([])).toBeUndefined();
  });
});
