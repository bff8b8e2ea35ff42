// Fault injection into a running process with strace (Debian's `strace` package): every thread of the process gets
// the chosen syscalls failed with the chosen errno until `stop()` detaches strace. Real failures of the real kernel
// interface, without a mocked file system: a full disk (ENOSPC on pwrite64) or a failing fsync (EIO).
import { spawn, spawnSync } from 'node:child_process';

export const straceAvailable = spawnSync('strace', ['-V']).status === 0;

export interface Injection {
  stop(): Promise<void>;
}

/** Attach to `pid` and fail `syscalls` with `errno`; resolves once every thread is attached. */
export function injectFaults(pid: number, syscalls: string[], errno: string): Promise<Injection> {
  const list = syscalls.join(',');
  const proc = spawn('strace', ['-f', '-p', String(pid), '-e', `trace=${list}`, '-e', `inject=${list}:error=${errno}`, '-o', '/dev/null'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  let err = '';
  return new Promise((resolve, reject) => {
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      // strace reports each attached thread; the main thread's line comes once all of them are.
      if (new RegExp(`Process ${pid} attached`).test(err)) {
        resolve({
          stop: () => {
            proc.kill('SIGINT'); // strace detaches cleanly on SIGINT and the process runs on unharmed
            return exited;
          },
        });
      }
    });
    void exited.then(() => reject(new Error(`strace ended before attaching: ${err}`)));
  });
}
