/** Locates the installed opbridge package (for operators/, mappings/, profiles/, samples/). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'opbridge') {
          cached = dir;
          return dir;
        }
      } catch {
        // not our manifest; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('opbridge: cannot find the package root (package.json named "opbridge")');
    dir = parent;
  }
}
