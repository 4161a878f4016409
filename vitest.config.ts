import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Model programs import `opbridge/<backend>`; the custom condition resolves those
    // self-references to the TypeScript sources so tests never depend on a build.
    conditions: ['opbridge-source'],
  },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
