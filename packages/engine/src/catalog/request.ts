/**
 * The request codec of a command that has no engine-filled facts: the command's own `data` codec, taken out of the
 * command codec. The domain's command codecs are `strictObject`s over `{ type, data, metadata }` and do not expose
 * their `data` codec, so `requestOf` decodes a body as the `data` of a command with a fixed probe `metadata`, and
 * maps every error path back from `data.x` to `x`. What it accepts and refuses is exactly what the command codec
 * accepts and refuses in `data`: one source of truth, unknown fields refused and named. Its JSON Schema (for the
 * OpenAPI document) is the schema of the very `data` codec the command codec was built with.
 */
import { isLeft } from 'fp-ts/Either';
import * as t from 'io-ts';
import { CommandMetadataCodec, commandDataCodecOf, withJsonSchema, type CommandMetadata } from '@kinerja/domain';

/**
 * A valid metadata for probing, on the wire (for `validate`) and decoded (for `is` and `encode`): the request never
 * carries one; the engine builds the real one from the context.
 */
const PROBE_WIRE = { now: '2000-01-01T00:00:00.000Z', actor: { nip: '198001012005011001', role: 'sistem' } };
const PROBE: CommandMetadata = (() => {
  const decoded = CommandMetadataCodec.decode(PROBE_WIRE);
  if (isLeft(decoded)) throw new Error('requestOf: the probe metadata does not decode');
  return decoded.right;
})();

/** The command codec's errors under `data`, re-rooted at the request (`[root, data, x, ...]` → `[root, x, ...]`). */
const reRoot = (errors: t.Errors, depth: number): t.Errors =>
  errors.map((error) => {
    const at = error.context[depth];
    return at?.key === 'data' ? { ...error, context: [...error.context.slice(0, depth), ...error.context.slice(depth + 1)] } : error;
  });

export type CommandCodecOf<C extends Readonly<{ type: string; data: unknown }>> = t.Type<C, unknown, unknown>;

/** The codec of `C['data']` as a client sends it, named `<Type>Request`. */
export const requestOf = <C extends Readonly<{ type: string; data: unknown; metadata: CommandMetadata }>>(
  type: C['type'],
  command: CommandCodecOf<C>,
): t.Type<C['data'], unknown, unknown> => {
  const codec = new t.Type<C['data'], unknown, unknown>(
    `${type}Request`,
    (u): u is C['data'] => command.is({ type, data: u, metadata: PROBE }),
    (u, c) => {
      const result = command.validate({ type, data: u, metadata: PROBE_WIRE }, c);
      return isLeft(result) ? t.failures(reRoot(result.left, c.length)) : t.success(result.right.data);
    },
    (a) => (command.encode({ type, data: a, metadata: PROBE } as C) as { data: unknown }).data,
  );
  return withJsonSchema(codec, (schemaOf) => {
    const data = commandDataCodecOf(type);
    return data === undefined ? { title: codec.name } : { ...schemaOf(data), title: codec.name };
  });
};
