/**
 * The published shape of @kinerja/domain: plain Node (not jest's module mapper) must resolve the package and
 * its `./testing` subpath through the `exports` map, to the built JavaScript, and nothing else may be reachable.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const node = (script: string): string =>
  execFileSync(process.execPath, ['-e', script], { cwd: join(root, 'test'), encoding: 'utf8' }).trim();

beforeAll(() => {
  // Incremental: a no-op when `pnpm check` has just built it.
  execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-b', 'packages/domain'], { cwd: root });
}, 120_000);

describe('@kinerja/domain exports map', () => {
  it('resolves the root entry to the build and exposes the deciders and codecs', () => {
    expect(node("console.log(require.resolve('@kinerja/domain'))")).toMatch(/packages[\\/]domain[\\/]dist[\\/]index\.js$/);
    expect(node("const d = require('@kinerja/domain'); console.log(typeof d.Nip.decode, typeof d.fold)")).toBe('function function');
  });

  it('resolves the ./testing subpath', () => {
    expect(node("console.log(typeof require('@kinerja/domain/testing').specFor)")).toBe('function');
  });

  it('does not expose internal files', () => {
    expect(() => node("require('@kinerja/domain/dist/core/ids')")).toThrow(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
  });
});
