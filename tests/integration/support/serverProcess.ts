/** The real server as a child process (`node --import tsx server/main.ts`), for the kill test and several-server runs. */
import { spawn, type ChildProcess } from 'node:child_process';
import { sleep } from '../../kill/random.ts';

export type Child = { process: ChildProcess; exited: Promise<void> };

/** The real server as a child process with `env`, once its /healthz answers at `base`. */
export async function startChild(env: NodeJS.ProcessEnv, base: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited at start: ${stderr}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { process: child, exited };
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${stderr}`);
}
