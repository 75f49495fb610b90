// A compile-time check that a schema's inferred type and a hand-written type are the same, so neither drifts.

/** true when A and B are the same type (not merely assignable one way). */
export type SameType<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Call with a type argument that must be true: `schemaMatches<SameType<Inferred, Declared>>()` fails the type check otherwise. */
export function schemaMatches<_Check extends true>(): void {}
