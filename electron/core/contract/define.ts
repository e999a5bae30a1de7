import type { z } from 'zod';

export type MethodKind = 'query' | 'mutation';

/**
 * A phantom carrier for a method's output type: the contract declares what a
 * method returns without shipping a runtime schema for it.
 */
export interface Returns<O> {
  readonly __returns?: O;
}

export function returns<O>(): Returns<O> {
  return {};
}

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  /** A query never changes data; a mutation may, and is refused on a locked hearing. */
  kind: MethodKind;
  input: I;
  output: Returns<O>;
  doc: string;
  /** Safe for the read-only follow view on the room's network: no identity data, no changes. */
  lan?: boolean;
}

export function query<I extends z.ZodType, O>(input: I, output: Returns<O>, doc: string): MethodSpec<I, O> {
  return { kind: 'query', input, output, doc };
}

export function mutation<I extends z.ZodType, O>(input: I, output: Returns<O>, doc: string): MethodSpec<I, O> {
  return { kind: 'mutation', input, output, doc };
}

/** A query the room network may read (the chair's and the public views). */
export function lanQuery<I extends z.ZodType, O>(input: I, output: Returns<O>, doc: string): MethodSpec<I, O> {
  return { kind: 'query', input, output, doc, lan: true };
}
