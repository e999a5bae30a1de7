import { describe, expect, it, vi } from 'vitest';
import { methods } from '../../../electron/core/contract/index.js';
import { AppError } from '../../../electron/core/errors.js';
import { createRouter, type Handlers } from '../../../electron/core/router.js';

function routerWith(overrides: Partial<Handlers>, logged: unknown[] = []) {
  return createRouter(overrides as Handlers, { error: (_message, error) => logged.push(error) });
}
const ctx = { actor: 'test' };

describe('the router', () => {
  it('refuses a method the contract does not declare, without calling anything', async () => {
    expect(await routerWith({}).invoke('hearing.drop', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'contract/unknownMethod', params: { method: 'hearing.drop' } },
    });
  });

  it('refuses inherited object keys as method names', async () => {
    const result = await routerWith({}).invoke('toString', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'contract/unknownMethod' } });
  });

  it('validates input before the handler sees it and names each field by an i18n key', async () => {
    let called = false;
    const router = routerWith({
      'hearing.get': () => {
        called = true;
        throw new Error('unreachable');
      },
    });
    const result = await router.invoke('hearing.get', { hearingId: 'not-a-uuid', extra: 1 }, ctx);
    expect(called).toBe(false);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation',
        params: {
          issues: [
            { path: 'hearingId', key: 'validation.invalidId', params: {} },
            { path: '', key: 'validation.unknownField', params: { keys: 'extra' } },
          ],
        },
      },
    });
  });

  it('refuses input that is not an object at all', async () => {
    const result = await routerWith({}).invoke('hearing.list', null, ctx);
    expect(result).toEqual({
      ok: false,
      error: { code: 'validation', params: { issues: [{ path: '', key: 'validation.required', params: { expected: 'object' } }] } },
    });
  });

  it('passes a service refusal through as data', async () => {
    const router = routerWith({
      'hearing.get': ({ hearingId }) => {
        throw new AppError('hearing/notFound', { hearingId });
      },
    });
    const hearingId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    expect(await router.invoke('hearing.get', { hearingId }, ctx)).toEqual({ ok: false, error: { code: 'hearing/notFound', params: { hearingId } } });
  });

  it('turns an unexpected exception into `internal`, logs it with its stack, and shows nothing of it', async () => {
    const logged: unknown[] = [];
    const router = routerWith(
      {
        'hearing.list': () => {
          throw new TypeError('cannot read properties of undefined (reading "secret")');
        },
      },
      logged,
    );
    const result = await router.invoke('hearing.list', {}, ctx);
    expect(result).toEqual({ ok: false, error: { code: 'internal', params: {} } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged).toHaveLength(1);
    expect((logged[0] as Error).stack).toContain('TypeError');
  });

  it('answers `internal` when validation itself throws, instead of throwing at the shell', async () => {
    // Found by the contract fuzz: a date refinement threw on odd input, and the exception left invoke() unanswered.
    const schema = methods['hearing.get'].input;
    const safeParse = vi.spyOn(schema, 'safeParse').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'split')");
    });
    try {
      const logged: unknown[] = [];
      const result = await routerWith({}, logged).invoke('hearing.get', { hearingId: '' }, ctx);
      expect(result).toEqual({ ok: false, error: { code: 'internal', params: {} } });
      expect(logged).toHaveLength(1);
    } finally {
      safeParse.mockRestore();
    }
  });

  it('returns the value of a handler that succeeds', async () => {
    const router = routerWith({ 'hearing.list': () => [] });
    expect(await router.invoke('hearing.list', {}, ctx)).toEqual({ ok: true, value: [] });
  });
});
