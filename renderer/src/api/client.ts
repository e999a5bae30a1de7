import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, Result } from '../../../electron/core/contract/index.js';
import { detectTransport } from './transport.js';

const transport = detectTransport();

export interface CoreEventOf<E extends EventName> {
  name: E;
  payload: EventPayload<E>;
}

/** The renderer's only way to the core: typed by the contract, whatever carries the call. */
export const api = {
  transport: transport.kind,
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    return transport.invoke(method, input) as Promise<Result<MethodOutput<M>>>;
  },
  on<E extends EventName>(names: readonly E[], listener: (event: CoreEventOf<E>) => void): () => void {
    return transport.subscribe((event) => {
      const candidate = event as CoreEventOf<E>;
      if (names.includes(candidate.name)) listener(candidate);
    });
  },
};
