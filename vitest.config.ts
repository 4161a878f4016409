import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Model programs import `opbridge` and `opbridge/<backend>`: resolve those self-references to
    // the TypeScript sources so tests never depend on a build (Node and tsc use the package's
    // `opbridge-source` export condition for the same purpose).
    alias: [
      { find: /^opbridge$/, replacement: src('index.ts') },
      { find: /^opbridge\/(host|cuda|cann|kunlun|cambricon|musa|maca|thead)$/, replacement: src('backends/$1/index.ts') },
    ],
    conditions: ['opbridge-source'],
  },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Test files share a worker's module cache: the TypeScript sources, the catalog and the
    // kernels load once per worker instead of once per file (about a quarter of the suite's
    // CPU time). test/helpers/fresh-globals.ts gives each file a fresh simulated process and
    // fails a file that leaves the environment, the facade binding or stdout/stderr changed.
    isolate: false,
    setupFiles: ['test/helpers/fresh-globals.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
