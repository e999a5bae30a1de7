import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionHeader } from '../../../electron/core/contract/index.js';
import { onAuthLoss, type AuthLoss } from '../../../renderer/src/api/session.js';
import { upload, type UploadProgress } from '../../../renderer/src/api/upload.js';

/**
 * Node has no XMLHttpRequest: this one keeps what the helper asked for and
 * lets each test play the browser's side (bytes going out, the answer, the
 * connection failing), in the order a browser fires those events.
 */
class RecordedRequest extends EventTarget {
  static last: RecordedRequest | undefined;
  readonly upload = new EventTarget();
  readonly headers: Record<string, string> = {};
  method = '';
  url = '';
  body: unknown;
  sent = false;
  aborted = false;
  status = 0;
  responseText = '';

  constructor() {
    super();
    RecordedRequest.last = this;
  }
  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  send(body: unknown): void {
    this.body = body;
    this.sent = true;
  }
  abort(): void {
    this.aborted = true;
    this.dispatchEvent(new Event('abort'));
  }
  progress(loaded: number, total: number, lengthComputable = true): void {
    this.upload.dispatchEvent(Object.assign(new Event('progress'), { loaded, total, lengthComputable }));
  }
  answer(status: number, text: string): void {
    this.status = status;
    this.responseText = text;
    this.dispatchEvent(new Event('load'));
  }
  fail(): void {
    this.dispatchEvent(new Event('error'));
  }
}

function sent(): RecordedRequest {
  const request = RecordedRequest.last;
  if (!request?.sent) throw new Error('no request was sent');
  return request;
}

const token = 'k3J9x-wangfang-session-0001';
const megabyte = 1024 * 1024;
/** Stands in for 听证会现场录像.mp4: only its size matters to the helper. */
const recording = new Blob([new Uint8Array(10 * megabyte)], { type: 'video/mp4' });
const stored = { sha256: 'a'.repeat(64), size: 10 * megabyte, originalName: '听证会现场录像.mp4', mediaType: 'video/mp4', deduplicated: false };
const url = `api/files?name=${encodeURIComponent('听证会现场录像.mp4')}`;

beforeEach(() => {
  RecordedRequest.last = undefined;
  vi.stubGlobal('XMLHttpRequest', RecordedRequest);
  const storage = new Map([['hearing-desk-session', token]]);
  vi.stubGlobal('sessionStorage', { getItem: (key: string) => storage.get(key) ?? null });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('uploading a file with its progress', () => {
  it('posts the raw bytes with the session, reports each step of the way and answers the route’s Result', async () => {
    const steps: UploadProgress[] = [];
    const answer = upload<typeof stored>(url, recording, { onProgress: (progress) => steps.push(progress) });
    const request = sent();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(url);
    expect(request.headers).toEqual({ [sessionHeader]: token });
    expect(request.body).toBe(recording);

    request.progress(3 * megabyte, 10 * megabyte);
    request.progress(7 * megabyte, 10 * megabyte);
    request.progress(10 * megabyte, 10 * megabyte);
    request.answer(200, JSON.stringify({ ok: true, value: stored }));
    expect(await answer).toEqual({ ok: true, value: stored });
    expect(steps).toEqual([
      { sent: 3 * megabyte, total: 10 * megabyte },
      { sent: 7 * megabyte, total: 10 * megabyte },
      { sent: 10 * megabyte, total: 10 * megabyte },
    ]);
  });

  it('reports nothing when the shell cannot measure what went out, rather than a made-up share', async () => {
    const steps: UploadProgress[] = [];
    const answer = upload(url, recording, { onProgress: (progress) => steps.push(progress) });
    sent().progress(0, 0, false);
    sent().answer(200, JSON.stringify({ ok: true, value: stored }));
    await answer;
    expect(steps).toEqual([]);
  });

  it('passes on the refusal a route answers with an error status', async () => {
    const tooLarge = { ok: false, error: { code: 'file/tooLarge', params: { name: '听证会现场录像.mp4', limitBytes: megabyte, limitMegabytes: 1 } } };
    const answer = upload(url, recording);
    sent().answer(400, JSON.stringify(tooLarge));
    expect(await answer).toEqual(tooLarge);
  });

  it('takes the window to sign-in when the session ended during the upload, as every other call does', async () => {
    const losses: AuthLoss[] = [];
    const stop = onAuthLoss((loss) => losses.push(loss));
    const signedOut = { ok: false, error: { code: 'auth/signedOut', params: {} } };
    const answer = upload(url, recording);
    sent().answer(401, JSON.stringify(signedOut));
    expect(await answer).toEqual(signedOut);
    stop();
    expect(losses).toEqual(['signedOut']);
  });

  it('reads a host that cannot be reached, or an answer that is no Result, as transport/unreachable', async () => {
    const unreachable = { ok: false, error: { code: 'transport/unreachable', params: {} } };
    const refused = upload(url, recording);
    sent().fail();
    expect(await refused).toEqual(unreachable);

    const garbled = upload(url, recording);
    sent().answer(502, '<html><body>Bad Gateway</body></html>');
    expect(await garbled).toEqual(unreachable);
  });

  it('stops sending when the clerk cancels, and says it was cancelled', async () => {
    const controller = new AbortController();
    const answer = upload(url, recording, { signal: controller.signal });
    const request = sent();
    request.progress(2 * megabyte, 10 * megabyte);
    controller.abort();
    expect(request.aborted).toBe(true);
    expect(await answer).toBe('cancelled');
  });

  it('sends nothing for an upload cancelled before it began', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await upload(url, recording, { signal: controller.signal })).toBe('cancelled');
    expect(RecordedRequest.last).toBeUndefined();
  });
});
