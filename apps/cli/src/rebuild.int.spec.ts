/**
 * `kinerja seed` and `kinerja rebuild` in-process on a temp data directory: a rebuild interrupted (as by Ctrl-C)
 * ends with exit 130 and an incomplete report, and running it again resumes from the checkpoints the interrupted
 * run left, asserted from those checkpoints rather than from timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from './main';

type Run = Readonly<{ code: number; stdout: string; stderr: string }>;

/** Runs the CLI; `onStderrLine` sees each stderr line as it is written, with the interrupt handler the command registered. */
const run = async (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv = {}, onStderrLine?: (line: string, interrupt: () => void) => void): Promise<Run> => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  let interrupt: () => void = () => undefined;
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    err.push(text);
    for (const line of text.split('\n').filter((l) => l.length > 0)) onStderrLine?.(line, interrupt);
  });
  const code = await main(['node', 'kinerja', ...args], {
    io: { stdout, stderr, env },
    onInterrupt: (handler) => {
      interrupt = handler;
      return () => {
        interrupt = () => undefined;
      };
    },
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
};

type Report = Readonly<{
  complete: boolean;
  projections: ReadonlyArray<Readonly<{ name: string; resumedFrom: number; checkpoint: number; swapped: boolean }>>;
}>;

describe('kinerja seed and rebuild (in-process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-cli-rebuild-'));
  const data = join(dir, 'data'); // does not exist yet: seed creates it
  let head = 0;

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seed creates the data directory and writes a deterministic history; the same seed again appends nothing', async () => {
    const first = await run(['--data', data, 'seed', '--employees', '21', '--tenants', 'salatiga', '--seed', '7', '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as { events: number; refusals: number; perTenant: Record<string, { employees: number }> };
    expect(report.events).toBeGreaterThan(500);
    expect(report.refusals).toBe(0);
    expect(Object.keys(report.perTenant)).toEqual(['salatiga']);
    expect(first.stderr).toMatch(/seed .*: \d+\/\d+ steps \(100%\)/);
    head = report.events;
    const again = await run(['--data', data, 'seed', '--employees', '21', '--tenants', 'salatiga', '--seed', '7', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ events: 0 });
  }, 30_000);

  it('seed refuses too few employees for the tenants, and unknown tenants (exit 2)', async () => {
    const few = await run(['--data', data, 'seed', '--employees', '30', '--seed', '1']);
    expect(few.code).toBe(2);
    expect(few.stderr).toContain('the seed needs at least 105 employees for 5 tenant(s)');
    const unknown = await run(['--data', data, 'seed', '--tenants', 'jakarta']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('not jakarta');
  });

  it('an interrupted rebuild exits 130 incomplete; re-run, it resumes from the checkpoints it left and completes', async () => {
    const env = { KINERJA_PROGRESS_INTERVAL_MS: '0' };
    // Interrupt at the first progress line (after the first committed batch or so).
    const interrupted = await run(['--data', data, 'rebuild', '--batch-size', '25', '--json'], env, (line, interrupt) => {
      if (line.startsWith('rebuild ')) interrupt();
    });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain('interrupted; stopping after the current batch');
    const first = JSON.parse(interrupted.stdout) as Report;
    expect(first.complete).toBe(false);
    for (const p of first.projections) {
      expect(p.checkpoint).toBeGreaterThan(0);
      expect(p.checkpoint).toBeLessThan(head);
      expect(p.swapped).toBe(false);
    }

    const status = JSON.parse((await run(['--data', data, 'status', '--json'])).stdout) as {
      projections: ReadonlyArray<{ name: string; activeVersion?: number; rebuildCheckpoint?: number }>;
    };
    for (const p of status.projections) expect(p.activeVersion).toBeUndefined();

    const resumed = await run(['--data', data, 'rebuild', '--batch-size', '25', '--json']);
    expect(resumed.code).toBe(0);
    const second = JSON.parse(resumed.stdout) as Report;
    expect(second.complete).toBe(true);
    for (const p of second.projections) {
      const before = first.projections.find((q) => q.name === p.name);
      expect(p.resumedFrom).toBe(before?.checkpoint);
      expect(p.checkpoint).toBe(head);
      expect(p.swapped).toBe(true);
    }
    const after = JSON.parse((await run(['--data', data, 'status', '--json'])).stdout) as { projections: ReadonlyArray<{ lag: number }> };
    expect(after.projections.every((p) => p.lag === 0)).toBe(true);
  }, 30_000);

  it('--fresh starts over from position 0', async () => {
    const fresh = await run(['--data', data, 'rebuild', 'audit', '--fresh', '--json']);
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.stdout)).toMatchObject({ complete: true, projections: [{ name: 'audit', resumedFrom: 0, checkpoint: head, swapped: true }] });
  });
});
