/**
 * An example event with two schema versions, for the upcasting specs and the contract suite. Both versions are
 * kept, as ARCHITECTURE.md ("Versioning") asks of every real event:
 *
 * - `FeedbackGiven` v1 `{ nip, text }`: the first release, Indonesian only;
 * - `FeedbackGiven` v2 `{ nip, text, language }`: feedback may now be written in English too. Every v1 event
 *   was written in Indonesian, so the upcaster says `language: 'id'`.
 */
import * as t from 'io-ts';
import type { NewEvent, NewEventMetadata } from '../envelope';
import { createRegistry, upcaster } from '../upcasting';

export const FeedbackGivenV1 = t.readonly(t.exact(t.type({ nip: t.string, text: t.string })), 'FeedbackGivenV1');
export type FeedbackGivenV1 = t.TypeOf<typeof FeedbackGivenV1>;

export const FeedbackGivenV2 = t.readonly(
  t.exact(t.type({ nip: t.string, text: t.string, language: t.keyof({ id: null, en: null }) })),
  'FeedbackGivenV2',
);
export type FeedbackGivenV2 = t.TypeOf<typeof FeedbackGivenV2>;

export const feedbackV1ToV2 = (v1: FeedbackGivenV1): FeedbackGivenV2 => ({ ...v1, language: 'id' });

export const exampleRegistry = createRegistry({
  FeedbackGiven: { schemaVersion: 2, codec: FeedbackGivenV2, upcasters: { 1: upcaster(FeedbackGivenV1, feedbackV1ToV2) } },
});

export const exampleMetadata = (overrides: Partial<NewEventMetadata> = {}): NewEventMetadata => ({
  tenant: 'surabaya',
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  actor: { nip: '198503152010011002', role: 'appraiser' },
  occurredAt: '2026-01-05T08:00:00.000+07:00',
  ...overrides,
});

export const feedbackV1 = (data: FeedbackGivenV1, eventId?: string): NewEvent => ({
  ...(eventId === undefined ? {} : { eventId }),
  type: 'FeedbackGiven',
  schemaVersion: 1,
  data,
  metadata: exampleMetadata(),
});

export const feedbackV2 = (data: FeedbackGivenV2, eventId?: string): NewEvent => ({
  ...(eventId === undefined ? {} : { eventId }),
  type: 'FeedbackGiven',
  schemaVersion: 2,
  data,
  metadata: exampleMetadata(),
});
