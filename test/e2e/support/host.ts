import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hostClockEnvironment } from './clock.js';
import { signInAsAdmin } from './operators.js';

const repoRoot = resolve(import.meta.dirname, '../../..');

export interface HostProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'hearing-desk-e2e-'));
}

/**
 * Starts the real CLI's browser host as a child process on a free port, as a
 * user would, and signs the office administrator in (see operators.ts) unless
 * told not to: the tests of the first-run and sign-in screens start bare.
 */
export async function startHost(dataDir: string = freshDataDir(), { signIn = true }: { signIn?: boolean } = {}): Promise<HostProcess> {
  const host = await spawnHost(dataDir);
  if (signIn) await signInAsAdmin(host.url);
  return host;
}

function spawnHost(dataDir: string): Promise<HostProcess> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/hearing-desk.js'), 'serve', '--port', '0', '--data', dataDir], {
    cwd: repoRoot,
    env: { ...process.env, ...hostClockEnvironment() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveHost, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /serving at (http:\/\/\S+)/.exec(stdout);
      if (match) {
        resolveHost({
          url: match[1] as string,
          dataDir,
          child,
          stop: (signal = 'SIGTERM') =>
            new Promise((resolveStop) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
              child.once('exit', () => resolveStop());
              child.kill(signal);
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
  });
}
