import { APPEAL_OUTCOMES } from './appeal';
import {
  appealDecided,
  appealFiled,
  CASE,
  objectionDeemedGranted,
  objectionFiled,
  ppkResponseRecorded,
  responseOverdue,
  sanctionFor,
  SEDANG,
  DISMISSAL,
  SYSTEM,
  AFTER_PPK_DEADLINE,
} from './appeal.testkit';
import { reactToAppeal } from './process';

const metadata = { now: AFTER_PPK_DEADLINE, actor: { nip: SYSTEM, role: 'sistem' as const } };

describe('appeal process manager: a decision → the discipline case’s ApplyReviewOutcome', () => {
  it.each(APPEAL_OUTCOMES)('keberatan decided %s → ApplyReviewOutcome from keberatan, with the new sanction if any', (outcome) => {
    const sanction = sanctionFor(outcome, SEDANG);
    expect(reactToAppeal(appealDecided('keberatan', outcome), metadata)).toEqual([
      {
        type: 'ApplyReviewOutcome',
        data: { caseId: CASE, source: 'keberatan', outcome, ...(sanction === undefined ? {} : { sanction }) },
        metadata,
      },
    ]);
  });

  it.each(APPEAL_OUTCOMES)('banding decided %s → ApplyReviewOutcome from banding (binding)', (outcome) => {
    const sanction = sanctionFor(outcome, DISMISSAL);
    expect(reactToAppeal(appealDecided('banding', outcome), metadata)).toEqual([
      {
        type: 'ApplyReviewOutcome',
        data: { caseId: CASE, source: 'banding', outcome, ...(sanction === undefined ? {} : { sanction }) },
        metadata,
      },
    ]);
  });

  it('a keberatan deemed granted → ApplyReviewOutcome deemed-granted', () => {
    expect(reactToAppeal(objectionDeemedGranted(), metadata)).toEqual([
      { type: 'ApplyReviewOutcome', data: { caseId: CASE, source: 'keberatan', outcome: 'deemed-granted' }, metadata },
    ]);
  });

  it('filings and the PPK’s response change no sanction', () => {
    for (const event of [objectionFiled(), appealFiled(), ppkResponseRecorded(), responseOverdue()])
      expect(reactToAppeal(event, metadata)).toEqual([]);
  });
});
