import { PassThrough } from 'node:stream';
import { InvalidArgumentError } from 'commander';
import { Nip } from '@kinerja/domain';
import { decoded, instant, wholeNumber } from './arguments';
import { durationSeconds } from './commands/token';
import { formatSeconds, progressFor } from './progress';

describe('--as-of instants', () => {
  const parse = instant(() => new Date('2026-01-02T03:04:05Z'));

  it('takes an ISO instant with its offset, a date alone as the end of that day (UTC), or now', () => {
    expect(parse('2025-06-30T17:00:00+07:00').toISOString()).toBe('2025-06-30T10:00:00.000Z');
    expect(parse('2025-06-30T10:00Z').toISOString()).toBe('2025-06-30T10:00:00.000Z');
    expect(parse('2025-06-30T10:00:00.123456Z').toISOString()).toBe('2025-06-30T10:00:00.123Z');
    expect(parse('2025-06-30').toISOString()).toBe('2025-06-30T23:59:59.999Z');
    expect(parse('now').toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  it('refuses an instant without an offset (it would depend on the machine), nonsense, and impossible dates', () => {
    for (const bad of ['2025-06-30T10:00:00', 'yesterday', '2025-13-40', '2025-02-30', '2025-02-29T10:00:00Z', '30/06/2025', ''])
      expect(() => parse(bad)).toThrow(InvalidArgumentError);
  });
});

describe('option values', () => {
  it('whole numbers at or above a minimum', () => {
    expect(wholeNumber(1)('21')).toBe(21);
    for (const bad of ['0', '-1', '1.5', 'many', '1e3', '']) expect(() => wholeNumber(1)(bad)).toThrow(InvalidArgumentError);
  });

  it('domain ids decoded with their codecs, the codec naming the problem', () => {
    expect(decoded(Nip)('198503152010011002')).toBe('198503152010011002');
    expect(() => decoded(Nip)('123')).toThrow('NIP must be exactly 18 digits');
  });

  it('token lifetimes in s, m, h, d, w', () => {
    expect(durationSeconds('90s')).toBe(90);
    expect(durationSeconds('30m')).toBe(1800);
    expect(durationSeconds('8h')).toBe(28_800);
    expect(durationSeconds('7d')).toBe(604_800);
    expect(durationSeconds('2w')).toBe(1_209_600);
    for (const bad of ['0h', '8', 'h', '1y', '8 hours', '-1h']) expect(() => durationSeconds(bad)).toThrow(InvalidArgumentError);
  });
});

describe('plain progress (stderr not a terminal)', () => {
  const capture = () => {
    const stderr = new PassThrough();
    const lines: string[] = [];
    stderr.on('data', (c: Buffer) => lines.push(...c.toString('utf8').split('\n').filter((l) => l.length > 0)));
    return { io: { stdout: new PassThrough(), stderr, env: {} }, lines };
  };

  it('writes at most one line per interval and the last one when stopped, with rate and ETA', async () => {
    const { io, lines } = capture();
    let t = 0;
    const progress = progressFor(io, { title: 'rebuild', unit: 'events', intervalMs: 1000, now: () => t });
    t = 500;
    progress.update(100, 1000); // too soon: nothing
    t = 1000;
    progress.update(200, 1000); // 1 s after the start: printed
    t = 1500;
    progress.update(300, 1000); // too soon again
    t = 4000;
    progress.update(1000, 1000);
    progress.stop();
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(lines).toEqual([
      'rebuild: 200/1000 events (20%), 200 events/s, ETA 4s',
      'rebuild: 1000/1000 events (100%), 250 events/s, done',
    ]);
  });

  it('KINERJA_PROGRESS_INTERVAL_MS=0 writes every update', async () => {
    const { io, lines } = capture();
    const progress = progressFor({ ...io, env: { KINERJA_PROGRESS_INTERVAL_MS: '0' } }, { title: 'seed', unit: 'steps', now: () => 1 });
    progress.update(1, 3, 'roster');
    progress.update(2, 3, 'plans 2025');
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.slice(0, l.indexOf(':')))).toEqual(['seed roster', 'seed plans 2025']);
  });

  it('formats seconds for humans', () => {
    expect([formatSeconds(4.4), formatSeconds(75), formatSeconds(3725), formatSeconds(Number.NaN)]).toEqual(['4s', '1m15s', '1h02m', '?']);
  });
});
