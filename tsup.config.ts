import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

const backends = ['cuda', 'cann', 'kunlun', 'cambricon', 'musa', 'maca', 'thead'];

// Public modules: the package root, the host helpers and one facade per backend. Rank workers
// import the same files, so shared state lives in shared chunks (splitting).
const publicEntries: Record<string, string> = {
  index: 'src/index.ts',
  'backends/host': 'src/backends/host/index.ts',
};
for (const backend of backends) {
  const file = `src/backends/${backend}/index.ts`;
  if (existsSync(file)) publicEntries[`backends/${backend}`] = file;
}

export default defineConfig({
  entry: { ...publicEntries, 'cli/main': 'src/cli/main.ts', 'run/program-worker': 'src/run/program-worker.ts' },
  format: ['esm'],
  target: 'node20',
  dts: { entry: publicEntries },
  sourcemap: true,
  clean: true,
  splitting: true,
  // The worker bootstrap and resolve hook are plain JavaScript loaded by file path.
  onSuccess: async () => {
    mkdirSync('dist/run', { recursive: true });
    for (const file of ['worker-bootstrap.mjs', 'resolve-hook.mjs']) copyFileSync(`src/run/${file}`, `dist/run/${file}`);
  },
});
