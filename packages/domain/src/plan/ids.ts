/**
 * Identifiers inside a plan. They live in their own module rather than in `codecs.ts` because `plan.ts` needs
 * their types and `codecs.ts` needs the types of `plan.ts`: one file each way would be an import cycle.
 */
import type * as t from 'io-ts';
import { brandedString } from '../core';

/** Short codes as written on the SKP form (`1`, `RHK-2`, `2.a`): an id to refer to, not a description. */
const shortCode = (name: string) => (s: string) =>
  /^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/.test(s)
    ? undefined
    : `${name} must be 1-16 letters, digits, '.', '_' or '-', starting with a letter or digit, got ${JSON.stringify(s)}`;

/** An RHK (Rencana Hasil Kerja) of a plan; unique within the plan. */
export const RhkId = brandedString('RhkId', shortCode('RhkId'));
export type RhkId = t.TypeOf<typeof RhkId>;

/**
 * An IKI (Indikator Kinerja Individu); unique within the whole plan, not only within its RHK, so that a
 * realisation can name its indicator alone.
 */
export const IkiId = brandedString('IkiId', shortCode('IkiId'));
export type IkiId = t.TypeOf<typeof IkiId>;
