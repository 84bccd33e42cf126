import * as fc from 'fast-check';
import { changeOneByteOfJson } from './contract.testkit';

describe('changeOneByteOfJson (tamper support for adapters)', () => {
  it.each([
    ['{"text":"dua"}', '{"text":"cua"}'],
    ['{"score":87}', '{"score":17}'],
    ['{"a":[true,null]}', '{"b":[true,null]}'],
    ['{"esc":"\\u00e9\\"x"}', '{"esc":"\\u00e9\\"w"}'],
    ['["✓","b"]', '["✓","a"]'],
    ['1.5', '2.5'],
  ])('changes one byte of %s', (before, after) => {
    expect(changeOneByteOfJson(before)).toBe(after);
  });

  it.each(['null', 'true', '[]', '{}', '"✓"'])('refuses %s, which has nothing to change', (json) => {
    expect(() => changeOneByteOfJson(json)).toThrow(/nothing to change/);
  });

  it('property: the result is valid JSON of the same length, one byte apart, and parses to other data', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const before = JSON.stringify(value);
        fc.pre(/[A-Za-z0-9]/.test(before.replace(/\\u[0-9a-fA-F]{4}|\\./g, '').replace(/true|false|null/g, '')));
        const after = changeOneByteOfJson(before);
        expect(Buffer.byteLength(after)).toBe(Buffer.byteLength(before));
        expect([...Buffer.from(after)].filter((byte, i) => byte !== Buffer.from(before)[i])).toHaveLength(1);
        expect(JSON.parse(after)).not.toEqual(JSON.parse(before));
      }),
    );
  });
});
