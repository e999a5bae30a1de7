import { sessionHeaders } from './operators.js';
import type { MethodInput, MethodName, MethodOutput, Result } from '../../../electron/core/contract/index.js';

/** Seeds through the host's HTTP API, as another window would, so the screen under test only has to show it. */
export async function invoke<M extends MethodName>(url: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await fetch(new URL('api/invoke', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...sessionHeaders(url) },
    body: JSON.stringify({ method, input }),
  });
  const result = (await response.json()) as Result<MethodOutput<M>>;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}
