import { sessionHeader, type Result } from '../../../electron/core/contract/index.js';
import { reportAuthLoss, sessionToken } from './session.js';

/** What the Electron preload exposes; absent in a plain browser. */
interface DesktopBridge {
  invoke(method: string, input: unknown, session: string | null): Promise<unknown>;
  on(listener: (event: unknown) => void): () => void;
}

declare global {
  interface Window {
    hearingDesk?: DesktopBridge;
  }
}

export interface Transport {
  kind: 'electron' | 'http';
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: unknown) => void): () => void;
}

/** For the app's own HTTP requests beside the contract (uploads), in both shells. */
export function sessionHeaders(): Record<string, string> {
  const token = sessionToken();
  return token ? { [sessionHeader]: token } : {};
}

/** A call's Result, after a session that ended or locked has taken the window to sign-in or unlock. */
export function followed<T>(result: Result<T>): Result<T> {
  if (!result.ok) reportAuthLoss(result.error.code);
  return result;
}

const unreachable: Result<never> = { ok: false, error: { code: 'transport/unreachable', params: {} } };

function electronTransport(bridge: DesktopBridge): Transport {
  return {
    kind: 'electron',
    invoke: async (method, input) => {
      try {
        return followed((await bridge.invoke(method, input, sessionToken())) as Result<unknown>);
      } catch {
        return unreachable;
      }
    },
    subscribe: (listener) => bridge.on(listener),
  };
}

function httpTransport(): Transport {
  const listeners = new Set<(event: unknown) => void>();
  let source: EventSource | undefined;
  return {
    kind: 'http',
    invoke: async (method, input) => {
      try {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...sessionHeaders() },
          body: JSON.stringify({ method, input }),
        });
        return followed((await response.json()) as Result<unknown>);
      } catch {
        return unreachable;
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      if (!source) {
        source = new EventSource('/api/events');
        source.onmessage = (message: MessageEvent<string>) => {
          const event = JSON.parse(message.data) as unknown;
          for (const each of listeners) each(event);
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = undefined;
        }
      };
    },
  };
}

/** The Electron bridge when the preload provided one, otherwise the browser host's HTTP API. */
export function detectTransport(): Transport {
  return window.hearingDesk ? electronTransport(window.hearingDesk) : httpTransport();
}
