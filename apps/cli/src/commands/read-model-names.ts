/** Which projections a command acts on: all of `READ_MODELS`, or the named ones (an unknown name is a usage error). */
import { READ_MODELS, type Projection } from '@kinerja/projections';
import { usageError } from '../exit-codes';

export const PROJECTION_NAMES: ReadonlyArray<string> = READ_MODELS.map((p) => p.name);

export const projectionsNamed = (names: ReadonlyArray<string>): ReadonlyArray<Projection> => {
  if (names.length === 0) return READ_MODELS;
  const unknown = names.filter((n) => !PROJECTION_NAMES.includes(n));
  if (unknown.length > 0)
    throw usageError(`unknown projection${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}; the projections are ${PROJECTION_NAMES.join(', ')}`);
  return READ_MODELS.filter((p) => names.includes(p.name));
};
