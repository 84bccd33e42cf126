import { left, right } from 'fp-ts/Either';
import type { Decider } from '../core/decider';
import { specFor, SpecificationError } from './given';

// A counter that refuses to go above a limit: enough to show that every expectation can fail.
type Counted = { type: 'Counted'; data: { by: number } };
type Count = { type: 'Count'; data: { by: number } };
type TooMuch = { _tag: 'TooMuch'; limit: number };
const counter: Decider<number, Count, Counted, TooMuch> = {
  initialState: () => 0,
  evolve: (n, e) => n + e.data.by,
  decide: (c, n) =>
    n + c.data.by > 3 ? left({ _tag: 'TooMuch', limit: 3 }) : right(c.data.by === 0 ? [] : [{ type: 'Counted', data: { by: c.data.by } }]),
};
const given = specFor(counter);
const count = (by: number): Count => ({ type: 'Count', data: { by } });
const counted = (by: number): Counted => ({ type: 'Counted', data: { by } });

describe('given/when/then', () => {
  it('passes when the events match and fails when they differ', () => {
    given([counted(1)]).when(count(1)).then([counted(1)]);
    expect(() => given([]).when(count(1)).then([counted(2)])).toThrow(SpecificationError);
    expect(() => given([]).when(count(1)).then([])).toThrow(/events differ/);
  });

  it('fails a then() when the command is refused', () => {
    expect(() => given([counted(3)]).when(count(1)).then([counted(1)])).toThrow(/refused/);
  });

  it('thenFails checks the tag and the details', () => {
    given([counted(3)]).when(count(1)).thenFails('TooMuch', { limit: 3 });
    expect(() => given([counted(3)]).when(count(1)).thenFails('TooMuch', { limit: 4 })).toThrow(/TooMuch.limit differs/);
    expect(() => given([]).when(count(1)).thenFails('TooMuch')).toThrow(/expected the command to fail/);
  });

  it('thenNothingHappened requires success without events', () => {
    given([]).when(count(0)).thenNothingHappened();
    expect(() => given([]).when(count(1)).thenNothingHappened()).toThrow(/expected no events/);
    expect(() => given([counted(3)]).when(count(1)).thenNothingHappened()).toThrow(/refused/);
  });
});
