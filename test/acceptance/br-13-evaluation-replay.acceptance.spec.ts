/**
 * BR-13, last paragraph, at the evaluation: the rule book that applies is chosen per tenant and period, recorded
 * on the evaluation when it opens, and used again on every replay. A tenant that opened an evaluation under PP
 * 46/2011 and later moved to PermenPANRB 6/2022 keeps the old result: replaying the stored stream gives the same
 * result, a command built from today's policy cannot replace the recorded rule book, and rating again is done by
 * the recorded one. PP 46 weights 0.6·SKP + 0.4·behaviour whether or not peers answered.
 */
import { isRight } from 'fp-ts/Either';
import {
  CORE_VALUES,
  currentResult,
  evaluationDecider,
  EvaluationEventCodec,
  PERMENPANRB_6_2022_REF,
  PP_46_2011_REF,
  replay,
  ruleBookFor,
  type CoreValue,
  type EvaluationEvent,
} from '@kinerja/domain';
import { factsFor, giveFeedback, invite, open, peer, policyOf, q1, rate, rated, Stream } from './br-evaluation-fixtures';

const policyThen = { ...policyOf('semarang'), ruleBooks: [{ fromYear: 2014, ruleBook: PP_46_2011_REF }] };
const policyToday = policyOf('semarang'); // the shipped schedule: PermenPANRB 6/2022 from 2023

const numeric = {
  regime: 'numeric',
  behaviour: Object.fromEntries(CORE_VALUES.map((v) => [v, 88])) as Record<CoreValue, number>,
  innovation: false,
  justification: 'Perilaku baik, target sebagian tercapai',
} as const;

const ratedThen = () => {
  const stream = new Stream();
  stream.apply(open(factsFor(policyThen)));
  stream.apply(rate(numeric));
  return stream;
};

const stored = (events: ReadonlyArray<EvaluationEvent>) =>
  events.map((e) => {
    const decoded = EvaluationEventCodec.decode(JSON.parse(JSON.stringify(EvaluationEventCodec.encode(e))));
    if (!isRight(decoded)) throw new Error(`${e.type} does not decode`);
    return decoded.right;
  });

describe('BR-13 the rule book recorded at opening is the one used, on every replay', () => {
  it('the two policies name different rule books for the period', () => {
    expect(ruleBookFor(policyThen, q1)).toEqual(PP_46_2011_REF);
    expect(ruleBookFor(policyToday, q1)).toEqual(PERMENPANRB_6_2022_REF);
  });

  it('replaying the stored stream after the policy changed gives the same result, by PP 46', () => {
    const stream = ratedThen();
    const replayed = replay(evaluationDecider, stored(stream.events));
    expect(currentResult(replayed)).toEqual(currentResult(stream.state));
    expect(currentResult(replayed)).toMatchObject({ ruleBook: PP_46_2011_REF });
  });

  it("a command built from today's policy cannot replace the recorded rule book", () => {
    const stream = ratedThen();
    expect(stream.refusal(open(factsFor(policyToday)))).toBe('EvaluationAlreadyOpened');
    expect(stream.state.status !== 'empty' && stream.state.ruleBook).toEqual(PP_46_2011_REF);
  });

  it('rating again is done by the recorded rule book: the same numbers give the same result; levels are refused', () => {
    const stream = ratedThen();
    const first = currentResult(stream.state);
    stream.apply(rate(numeric, '2025-04-08T10:00:00+07:00'));
    expect({ ...currentResult(stream.state), at: undefined }).toEqual({ ...first, at: undefined });
    expect(stream.refusal(rate(rated('di-atas-ekspektasi', 'di-atas-ekspektasi')))).toBe('WrongRegime');
  });

  it('weights 0.6 / 0.4 whether or not a peer answered (PP 46 has no 70/30)', () => {
    const withPeer = new Stream();
    withPeer.apply(open(factsFor({ ...policyThen, peerFeedback: true })));
    withPeer.apply(invite(peer, 'peer'));
    withPeer.apply(giveFeedback(peer, 'sesuai-ekspektasi'));
    const [event] = withPeer.apply(rate(numeric));
    const [alone] = ratedThen().events.slice(-1);
    for (const e of [event, alone])
      expect(e?.type === 'EvaluationRated' && e.data.assessment.scores?.weights).toEqual({ skp: 0.6, behaviour: 0.4 });
  });
});
