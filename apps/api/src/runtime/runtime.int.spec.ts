/**
 * The runtime beside the routes: the process managers follow the log from their checkpoint file and keep it, the
 * timers learn the timed streams, and a graceful shutdown lets a command in flight finish before the store closes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mintToken, startTestService } from '../service.testkit';
import { InFlightCommands } from '../commands/in-flight';
import { PROCESS_MANAGER_CHECKPOINT } from './runtime';

const tenant = 'salatiga';
const csv = readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'roster-salatiga.csv'), 'utf8');

describe('the service runtime', () => {
  it('follows the log with the process managers and records their checkpoint on close', async () => {
    const api = await startTestService({ start: { clock: () => new Date('2025-01-02T08:00:00+07:00') } });
    const token = await mintToken({ nip: '198001012005011001', tenant, roles: ['operator'] });
    let head = 0;
    try {
      expect((await api.command(tenant, 'roster', 'import-roster', { csv }, { token })).status).toBe(201);
      head = await api.headPosition();
      expect(await api.service.runtime.processManagers.caughtUpTo(head, 5_000)).toBe(true);
      await api.service.close();
      const saved = JSON.parse(readFileSync(join(api.dir, PROCESS_MANAGER_CHECKPOINT), 'utf8')) as { position: number };
      expect(saved.position).toBe(head);
    } finally {
      await api.close();
    }
  });

  it('lets a command in flight finish on close, then refuses new ones', async () => {
    const inFlight = new InFlightCommands();
    let release: () => void = () => undefined;
    const running = inFlight.track(() => new Promise<string>((resolve) => (release = () => resolve('done'))));
    let drained = false;
    const draining = inFlight.drain().then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    await expect(inFlight.track(async () => 'late')).rejects.toMatchObject({ problem: { status: 503 } });
    release();
    await expect(running).resolves.toBe('done');
    await draining;
    expect(drained).toBe(true);
  });
});
