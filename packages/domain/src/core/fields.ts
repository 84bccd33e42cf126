/**
 * `{ [key]: value }` when the value is there, `{}` when it is not: builds event data under
 * `exactOptionalPropertyTypes`, where an absent field must be absent, never `undefined`.
 */
export const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);
