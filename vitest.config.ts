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
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
