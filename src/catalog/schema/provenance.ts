/**
 * Where a fact comes from. Either a document URL, or a repository path (optionally pinned to
 * a commit), or a reference to a source declared once at the top of the file (`source: KEY`)
 * with an optional more specific path. After resolution every fact has a URL or repo + path.
 */
import { z } from 'zod';
import { CONFIDENCES } from '../vocabulary.js';

export const SourceSchema = z
  .object({
    repo: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    commit: z.string().min(1).optional(),
    url: z.string().url().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

export const ProvenanceSchema = SourceSchema.extend({
  /** Key into the file's `sources` table. */
  source: z.string().min(1).optional(),
}).strict();
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const ConfidenceSchema = z.enum(CONFIDENCES);

/** One provenance or several (a fact confirmed in two places). */
export const ProvenanceListSchema = z.union([ProvenanceSchema, z.array(ProvenanceSchema).min(1)]);

export function provenanceList(value: z.infer<typeof ProvenanceListSchema>): Provenance[] {
  return Array.isArray(value) ? value : [value];
}

/** Merges a `source:` reference with the file's sources table. */
export function resolveProvenance(p: Provenance, sources: Readonly<Record<string, Source>>): Source | undefined {
  if (!p.source) return p;
  const base = sources[p.source];
  if (!base) return undefined;
  return { ...base, ...Object.fromEntries(Object.entries(p).filter(([k, v]) => k !== 'source' && v !== undefined)) };
}

export function isCitable(s: Source): boolean {
  return Boolean(s.url) || Boolean(s.repo && s.path);
}
