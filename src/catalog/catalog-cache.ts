/**
 * On-disk cache of the validated built-in catalog, keyed by a hash of every catalog file's
 * name and content plus the catalog schema, so a stale entry can never be read. Lives in the
 * OS temp directory (OPBRIDGE_CACHE_DIR overrides it; OPBRIDGE_NO_CACHE=1 disables it).
 * A cache that cannot be read or written is simply not used.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { catalogJsonSchemas } from './json-schema.js';
import type { ValidatedFile } from './load-catalog.js';

const FORMAT = 'opbridge-catalog-cache/1';

function cacheDir(): string | undefined {
  if (process.env.OPBRIDGE_NO_CACHE === '1') return undefined;
  return process.env.OPBRIDGE_CACHE_DIR ?? join(tmpdir(), 'opbridge-catalog-cache');
}

let schemaDigest: string | undefined;

export function catalogCacheKey(files: readonly { readonly name: string; readonly text: string }[]): string {
  const hash = createHash('sha256').update(FORMAT);
  schemaDigest ??= createHash('sha256').update(JSON.stringify(catalogJsonSchemas())).digest('hex');
  hash.update(schemaDigest);
  for (const f of files) hash.update(`\u0000${f.name}\u0000${f.text}`);
  return hash.digest('hex');
}

export function readCatalogCache(key: string): ValidatedFile[] | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as { format: string; files: ValidatedFile[] };
    return parsed.format === FORMAT ? parsed.files : undefined;
  } catch {
    return undefined;
  }
}

export function writeCatalogCache(key: string, files: readonly ValidatedFile[]): void {
  const dir = cacheDir();
  if (!dir) return;
  try {
    writeFileAtomic(join(dir, `${key}.json`), JSON.stringify({ format: FORMAT, files }));
  } catch {
    // A read-only or full temp directory only costs start-up time.
  }
}
