import type { ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/**
 * The DevTools protocol over the pipe Chromium opens with
 * --remote-debugging-pipe: it reads NUL-terminated JSON messages on file
 * descriptor 3 and writes them on 4. A pipe needs no port (nothing else on the
 * computer can connect) and no WebSocket client, which Node 20 lacks.
 */
export interface DevToolsPipe {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  /** Resolves on the next event of that name (in that session, if given); rejects if Chromium goes first. */
  once(method: string, sessionId?: string): Promise<void>;
}

interface Message {
  id?: number;
  method?: string;
  sessionId?: string;
  result?: unknown;
  error?: { message: string };
}

export function devToolsPipe(child: ChildProcess): DevToolsPipe {
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const waiting: Array<{ method: string; sessionId: string | undefined; resolve: () => void; reject: (error: Error) => void }> = [];
  let nextId = 1;
  let buffered = '';
  let closed: Error | undefined;

  const failAll = (error: Error) => {
    closed ??= error;
    for (const call of [...pending.values(), ...waiting.splice(0)]) call.reject(error);
    pending.clear();
  };
  child.once('exit', (code, signal) => failAll(new Error(`Chromium exited (${signal ?? `code ${code}`})`)));
  child.once('error', failAll);
  // A write to a Chromium that has gone fails on the pipe (EPIPE): unheard, it would end the process serving the app.
  input.on('error', failAll);
  output.on('error', failAll);

  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    const parts = (buffered + chunk).split('\0');
    buffered = parts.pop() ?? '';
    for (const part of parts) {
      let message: Message;
      try {
        message = JSON.parse(part) as Message;
      } catch {
        // Thrown here it would bring down the process serving the app; the calls waiting on Chromium fail instead.
        failAll(new Error('Chromium sent a message that is not JSON'));
        child.kill();
        return;
      }
      const call = message.id === undefined ? undefined : pending.get(message.id);
      if (call && message.id !== undefined) {
        pending.delete(message.id);
        if (message.error) call.reject(new Error(message.error.message));
        else call.resolve(message.result);
      } else if (message.method) {
        const at = waiting.findIndex((wait) => wait.method === message.method && (wait.sessionId === undefined || wait.sessionId === message.sessionId));
        if (at !== -1) waiting.splice(at, 1)[0]!.resolve();
      }
    }
  });

  return {
    send(method, params = {}, sessionId) {
      if (closed) return Promise.reject(closed);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
    once(method, sessionId) {
      if (closed) return Promise.reject(closed);
      return new Promise((resolve, reject) => waiting.push({ method, sessionId, resolve, reject }));
    },
  };
}
