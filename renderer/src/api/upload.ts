import type { Result } from '../../../electron/core/contract/index.js';
import { followed, sessionHeaders } from './transport.js';

/** How much of a file has left the window. */
export interface UploadProgress {
  sent: number;
  total: number;
}

export interface UploadOptions {
  /** Called as the bytes go out; never where the shell reports no upload progress (the desktop app's app:// scheme may not). */
  onProgress?: (progress: UploadProgress) => void;
}

const unreachable: Result<never> = { ok: false, error: { code: 'transport/unreachable', params: {} } };

function parsed<T>(text: string): Result<T> {
  try {
    return JSON.parse(text) as Result<T>;
  } catch {
    // A proxy's error page or a connection cut mid-answer: no Result came back.
    return unreachable;
  }
}

/**
 * POSTs a file's raw bytes to one of the app's upload routes (api/files,
 * api/packages/verify; relative, so it works under http:// and app:// alike)
 * with the session header. Through XMLHttpRequest, since fetch reports
 * nothing while a body is sent. Resolves to the Result the route answers,
 * whatever the HTTP status (a lost session is reported, as transport.ts
 * does for calls); to transport/unreachable when no answer comes;
 * with a signal, to 'cancelled' once it aborts.
 */
export function upload<T>(url: string, body: Blob, options: UploadOptions & { signal: AbortSignal }): Promise<Result<T> | 'cancelled'>;
export function upload<T>(url: string, body: Blob, options?: UploadOptions): Promise<Result<T>>;
export function upload<T>(url: string, body: Blob, { onProgress, signal }: UploadOptions & { signal?: AbortSignal } = {}): Promise<Result<T> | 'cancelled'> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve('cancelled');
    const request = new XMLHttpRequest();
    const abort = () => request.abort();
    const settle = (outcome: Result<T> | 'cancelled') => {
      signal?.removeEventListener('abort', abort);
      resolve(outcome);
    };
    request.open('POST', url);
    for (const [name, value] of Object.entries(sessionHeaders())) request.setRequestHeader(name, value);
    // Listened to before send, as XMLHttpRequest requires for upload events to fire at all.
    if (onProgress)
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress({ sent: event.loaded, total: event.total });
      });
    request.addEventListener('load', () => settle(followed(parsed<T>(request.responseText))));
    request.addEventListener('error', () => settle(unreachable));
    // Only the signal aborts a request; without one, an abort is the window going away, and no answer came.
    request.addEventListener('abort', () => settle(signal ? 'cancelled' : unreachable));
    signal?.addEventListener('abort', abort, { once: true });
    request.send(body);
  });
}
