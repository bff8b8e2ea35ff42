// Starting one of our worker threads (delivery, content inspection) from built code and from the TypeScript sources.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

interface TsxPackage { exports: Record<string, { import: { default: string } }> }

/**
 * `moduleUrl` names the thread's compiled module (`new URL('./x-thread.js', import.meta.url)`). Built code (dist/)
 * starts it as it is. The tests run the TypeScript sources, where only `x-thread.ts` exists: node 20 does not pass
 * the main thread's loader hooks (vitest's, tsx's `--import`) on to a worker, so the thread first registers tsx (a
 * dev dependency, as the tests are) in itself, then imports the module.
 */
export function startWorker(moduleUrl: URL, workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(moduleUrl, { workerData });
  const source = pathToFileURL(fileURLToPath(moduleUrl).replace(/\.js$/, '.ts'));
  const require = createRequire(import.meta.url);
  const tsxPackage = require.resolve('tsx/package.json');
  const tsxApi = pathToFileURL(join(dirname(tsxPackage), (require(tsxPackage) as TsxPackage).exports['./esm/api'].import.default));
  const boot = `import(${JSON.stringify(tsxApi.href)}).then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
