/**
 * Where `opbridge` and each `opbridge/<backend>` facade live in this installation: the
 * TypeScript sources when running from source, the built files otherwise.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../catalog/package-root.js';
import { BACKENDS } from '../catalog/vocabulary.js';

export function runningFromSource(): boolean {
  return import.meta.url.endsWith('.ts');
}

export interface RunnerFiles {
  readonly bootstrap: string;
  readonly resolveHook: string;
  readonly workerModule: string;
  readonly moduleMap: Record<string, string>;
  /** URL prefixes of opbridge's own modules: never re-evaluated for a later run of a program. */
  readonly sharedPrefixes: readonly string[];
}

export function runnerFiles(): RunnerFiles {
  const root = packageRoot();
  const source = runningFromSource();
  const url = (path: string): string => pathToFileURL(join(root, path)).href;
  const moduleMap: Record<string, string> = {
    opbridge: url(source ? 'src/index.ts' : 'dist/index.js'),
    'opbridge/host': url(source ? 'src/backends/host/index.ts' : 'dist/backends/host.js'),
  };
  for (const backend of BACKENDS) {
    const path = source ? `src/backends/${backend}/index.ts` : `dist/backends/${backend}.js`;
    if (existsSync(join(root, path))) moduleMap[`opbridge/${backend}`] = url(path);
  }
  return {
    bootstrap: join(root, source ? 'src/run/worker-bootstrap.mjs' : 'dist/run/worker-bootstrap.mjs'),
    resolveHook: url(source ? 'src/run/resolve-hook.mjs' : 'dist/run/resolve-hook.mjs'),
    workerModule: url(source ? 'src/run/program-worker.ts' : 'dist/run/program-worker.js'),
    moduleMap,
    sharedPrefixes: [`${url('src')}/`, `${url('dist')}/`],
  };
}
