/**
 * Validates parsed YAML against a zod schema and turns every issue into an InputError that
 * names the file, the line, the path in the file and the fix.
 */
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { formatPath, type ParsedYaml } from './yaml-document.js';

export interface CatalogIssue {
  readonly file: string;
  readonly line: number | undefined;
  readonly path: string;
  readonly message: string;
}

export function validateParsed<S extends z.ZodType>(parsed: ParsedYaml, schema: S): z.output<S> {
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  const issues: CatalogIssue[] = result.error.issues.map((issue) => ({
    file: parsed.file,
    line: parsed.lineOf(issue.path as PropertyKey[]),
    path: formatPath(issue.path as PropertyKey[]),
    message: issue.message,
  }));
  throw catalogError(issues);
}

export function catalogError(issues: readonly CatalogIssue[]): InputError {
  const first = issues[0];
  const more = issues.length > 1 ? `\n${issues.slice(1, 10).map(formatIssue).join('\n')}${issues.length > 10 ? `\n  … ${issues.length - 10} more` : ''}` : '';
  const error = new InputError(`${first.path}: ${first.message}${more}`, {
    location: { file: first.file, line: first.line },
    fix: 'correct the field as described (the catalog format is documented in docs/catalog-format.md)',
  });
  (error as InputError & { issues?: readonly CatalogIssue[] }).issues = issues;
  return error;
}

export function formatIssue(issue: CatalogIssue): string {
  return `  ${issue.file}${issue.line ? `:${issue.line}` : ''}: ${issue.path}: ${issue.message}`;
}
