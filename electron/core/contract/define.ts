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
  /**
   * False for the few mutations a finalized hearing does not refuse: office-wide
   * settings that belong to no hearing, and the signed addendum that is the only
   * way to amend a finalized record.
   */
  lockable?: false;
}

export function query<I extends z.ZodType, O>(input: I, output: Returns<O>, doc: string): MethodSpec<I, O> {
  return { kind: 'query', input, output, doc };
}

export function mutation<I extends z.ZodType, O>(input: I, output: Returns<O>, doc: string): MethodSpec<I, O> {
  return { kind: 'mutation', input, output, doc };
}

/** A mutation of the office's own data (settings, calendar, phrases): no hearing, so no lock applies. */
export function officeMutation<I extends z.ZodType, O>(input: I, output: Returns<O>, doc: string): MethodSpec<I, O> {
  return { kind: 'mutation', input, output, doc, lockable: false };
}

/** The one change a finalized hearing accepts: a signed addendum beside the untouched original. */
export function addendumMutation<I extends z.ZodType, O>(input: I, output: Returns<O>, doc: string): MethodSpec<I, O> {
  return { kind: 'mutation', input, output, doc, lockable: false };
}

/** A query the room network may read (the chair's and the public views). */
export function lanQuery<I extends z.ZodType, O>(input: I, output: Returns<O>, doc: string): MethodSpec<I, O> {
  return { kind: 'query', input, output, doc, lan: true };
}
