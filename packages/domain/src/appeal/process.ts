/**
 * The appeal's process manager (ARCHITECTURE.md, step 7): a decided keberatan or banding changes the sanction of
 * the discipline case it was filed against. Every outcome, also memperkuat, becomes the case's
 * `ApplyReviewOutcome`, so the case records that its sanction was reviewed and how.
 *
 * The discipline case aggregate is written separately; this module types its command locally
 * (`ReviewOutcomeCommand`) so that the appeal does not import it. The host sends the command with the system
 * actor and the decision event as its cause.
 */
import type { Command, CommandMetadata } from '../core';
import {
  isAppealDecisionEvent,
  outcomeOfAppealEvent,
  type AppealEvent,
  type AppealKind,
  type AppealOutcome,
  type ReviewedSanction,
} from './appeal';

/** The discipline case's `ApplyReviewOutcome` (role `sistem`), as the appeal sends it. */
export type ReviewOutcomeCommand = Command<
  'ApplyReviewOutcome',
  Readonly<{
    caseId: string;
    source: AppealKind;
    outcome: AppealOutcome | 'deemed-granted';
    /** The new sanction, for memperingan, memperberat and mengubah. */
    sanction?: ReviewedSanction;
  }>
>;

/** A decision on a keberatan or banding → the case's `ApplyReviewOutcome`; filings and responses cause nothing. */
export const reactToAppeal = (event: AppealEvent, metadata: CommandMetadata): ReadonlyArray<ReviewOutcomeCommand> => {
  if (!isAppealDecisionEvent(event)) return [];
  const source: AppealKind = event.type === 'ObjectionDeemedGranted' ? 'keberatan' : event.data.kind;
  const sanction = 'sanction' in event.data ? event.data.sanction : undefined;
  return [
    {
      type: 'ApplyReviewOutcome',
      data: {
        caseId: event.data.caseId,
        source,
        outcome: outcomeOfAppealEvent(event),
        ...(sanction === undefined ? {} : { sanction }),
      },
      metadata,
    },
  ];
};
