import * as fc from 'fast-check';
import { isLeft, isRight, left, right, type Either } from 'fp-ts/Either';
import * as t from 'io-ts';
import {
  exampleMetadata,
  exampleRegistry,
  feedbackV1ToV2,
  FeedbackGivenV1,
  FeedbackGivenV2,
} from './contract/example-events.testkit';
import type { EventEnvelope, Json } from './envelope';
import { createRegistry, decodeEvent, upcaster } from './upcasting';

const envelope = (type: string, schemaVersion: number, data: Json): EventEnvelope => ({
  eventId: 'e-1',
  type,
  schemaVersion,
  streamId: 'feedback-surabaya.1',
  streamVersion: 4,
  globalPosition: 9,
  data,
  metadata: { ...exampleMetadata(), recordedAt: '2026-01-05T01:00:00.000Z', prevHash: 'p', hash: 'h' },
});

const rightOf = <E, A>(either: Either<E, A>): A => {
  if (isLeft(either)) throw new Error(`expected Right, got ${JSON.stringify(either.left)}`);
  return either.right;
};
const leftOf = <E, A>(either: Either<E, A>): E => {
  if (!isLeft(either)) throw new Error(`expected Left, got ${JSON.stringify(either.right)}`);
  return either.left;
};

const nip = '198503152010011002';

describe('FeedbackGiven, an event with two schema versions', () => {
  describe('v1 (kept as it was released)', () => {
    it('decodes its own data and refuses v2-only shapes it never had', () => {
      expect(isRight(FeedbackGivenV1.decode({ nip, text: 'Kerja bagus' }))).toBe(true);
      expect(isLeft(FeedbackGivenV1.decode({ nip }))).toBe(true);
    });

    it('is upcast to v2 in Indonesian, which every v1 event was written in', () => {
      expect(feedbackV1ToV2({ nip, text: 'Kerja bagus' })).toEqual({ nip, text: 'Kerja bagus', language: 'id' });
    });

    it('reads as the current version through the registry', () => {
      expect(rightOf(decodeEvent(exampleRegistry, envelope('FeedbackGiven', 1, { nip, text: 'Kerja bagus' })))).toEqual({
        type: 'FeedbackGiven',
        data: { nip, text: 'Kerja bagus', language: 'id' },
        envelope: envelope('FeedbackGiven', 1, { nip, text: 'Kerja bagus' }),
      });
    });

    it('names the version whose shape the stored data lacks', () => {
      expect(leftOf(decodeEvent(exampleRegistry, envelope('FeedbackGiven', 1, { nip, text: 7 })))).toMatchObject({
        _tag: 'InvalidEventData',
        type: 'FeedbackGiven',
        schemaVersion: 1,
        eventId: 'e-1',
        errors: [expect.stringContaining('text')],
      });
    });
  });

  describe('v2 (current)', () => {
    it('decodes its own data, and refuses a language it does not know', () => {
      expect(isRight(FeedbackGivenV2.decode({ nip, text: 'Good work', language: 'en' }))).toBe(true);
      expect(isLeft(FeedbackGivenV2.decode({ nip, text: 'Goede zaak', language: 'nl' }))).toBe(true);
    });

    it('reads as it is, without upcasting', () => {
      expect(rightOf(decodeEvent(exampleRegistry, envelope('FeedbackGiven', 2, { nip, text: 'Good work', language: 'en' })))).toMatchObject({
        type: 'FeedbackGiven',
        data: { nip, text: 'Good work', language: 'en' },
      });
    });

    it('names the current version when stored v2 data is invalid', () => {
      expect(leftOf(decodeEvent(exampleRegistry, envelope('FeedbackGiven', 2, { nip, text: 'x', language: 'nl' })))).toMatchObject({
        _tag: 'InvalidEventData',
        schemaVersion: 2,
      });
    });
  });

  it('property: a v1 event reads the same as the v2 event its upcaster makes', () => {
    fc.assert(
      fc.property(fc.record({ nip: fc.string(), text: fc.string() }), (v1) => {
        const fromV1 = rightOf(decodeEvent(exampleRegistry, envelope('FeedbackGiven', 1, v1)));
        const fromV2 = rightOf(decodeEvent(exampleRegistry, envelope('FeedbackGiven', 2, feedbackV1ToV2(v1))));
        expect(fromV1.data).toEqual(fromV2.data);
      }),
    );
  });
});

describe('decodeEvent', () => {
  it('refuses an unknown type, naming it and where it is', () => {
    expect(leftOf(decodeEvent(exampleRegistry, envelope('FeedbackRetracted', 1, {})))).toEqual({
      _tag: 'UnknownEventType',
      type: 'FeedbackRetracted',
      eventId: 'e-1',
      streamId: 'feedback-surabaya.1',
      streamVersion: 4,
    });
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('does not take %s from Object.prototype for a type', (type) => {
    expect(leftOf(decodeEvent(exampleRegistry, envelope(type, 1, {})))._tag).toBe('UnknownEventType');
  });

  it.each([3, 0, -1, 1.5])('refuses schema version %s, naming it and the current one', (schemaVersion) => {
    expect(leftOf(decodeEvent(exampleRegistry, envelope('FeedbackGiven', schemaVersion, { nip, text: 'x', language: 'id' })))).toEqual({
      _tag: 'UnknownSchemaVersion',
      type: 'FeedbackGiven',
      schemaVersion,
      currentVersion: 2,
      eventId: 'e-1',
    });
  });

  describe('with three versions', () => {
    // v1 { score }, v2 { score, scale } (scores were out of 100), v3 { value: { score, scale } }.
    const V1 = t.type({ score: t.number });
    const V2 = t.type({ score: t.number, scale: t.number });
    const V3 = t.type({ value: t.type({ score: t.number, scale: t.number }) });
    const calls: string[] = [];
    const registry = createRegistry({
      ScoreRecorded: {
        schemaVersion: 3,
        codec: V3,
        upcasters: {
          1: upcaster(V1, (v1) => {
            calls.push('1→2');
            return { ...v1, scale: 100 };
          }),
          2: upcaster(V2, (v2) => {
            calls.push('2→3');
            return { value: v2 };
          }),
        },
      },
    });

    beforeEach(() => {
      calls.length = 0;
    });

    it('upcasts step by step, 1 → 2 → 3', () => {
      expect(rightOf(decodeEvent(registry, envelope('ScoreRecorded', 1, { score: 87 }))).data).toEqual({ value: { score: 87, scale: 100 } });
      expect(calls).toEqual(['1→2', '2→3']);
    });

    it('starts from the stored version', () => {
      expect(rightOf(decodeEvent(registry, envelope('ScoreRecorded', 2, { score: 4, scale: 5 }))).data).toEqual({ value: { score: 4, scale: 5 } });
      expect(calls).toEqual(['2→3']);
    });

    it('types the result by the registry', () => {
      const decoded = rightOf(decodeEvent(registry, envelope('ScoreRecorded', 3, { value: { score: 1, scale: 5 } })));
      // A compile-time check as much as a run-time one: `data.value.score` is a number.
      const score: number = decoded.data.value.score;
      expect(score).toBe(1);
    });

    it('names the failing step when an upcaster refuses the old data', () => {
      expect(leftOf(decodeEvent(registry, envelope('ScoreRecorded', 2, { score: 4 })))).toMatchObject({
        _tag: 'InvalidEventData',
        schemaVersion: 2,
      });
    });

    it('reports a hand-made registry with a missing step instead of crashing', () => {
      const broken = { ScoreRecorded: { schemaVersion: 3, codec: V3, upcasters: { 1: (d: Json) => right(d) } } };
      expect(leftOf(decodeEvent(broken, envelope('ScoreRecorded', 2, { score: 4, scale: 5 })))).toMatchObject({
        _tag: 'InvalidEventData',
        schemaVersion: 2,
        errors: ['no upcaster from version 2'],
      });
    });
  });
});

describe('createRegistry', () => {
  const codec = t.type({});
  it('refuses a registry with a missing upcaster, naming the step', () => {
    expect(() => createRegistry({ A: { schemaVersion: 3, codec, upcasters: { 1: (d: Json) => right(d) } } })).toThrow(
      'event type A: no upcaster from version 2 to 3',
    );
  });

  it('refuses a schema version that is not a positive integer', () => {
    expect(() => createRegistry({ A: { schemaVersion: 0, codec } })).toThrow(/not a positive integer/);
  });

  it('refuses an upcaster from the current version or beyond', () => {
    expect(() => createRegistry({ A: { schemaVersion: 1, codec, upcasters: { 1: (d: Json) => left([`${String(d)}`]) } } })).toThrow(
      /upcaster from version 1 makes no sense/,
    );
  });
});
