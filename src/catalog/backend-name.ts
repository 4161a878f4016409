/** A backend named on the command line or in an API option, checked with a suggestion for a misspelling. */
import { UsageError } from '../errors.js';
import { closestName } from '../text/closest-name.js';
import { BACKENDS, type BackendId } from './vocabulary.js';

/** `option` (e.g. `--to`) prefixes the message so the user sees which value was wrong. */
export function parseBackendName(value: string, option?: string): BackendId {
  if ((BACKENDS as readonly string[]).includes(value)) return value as BackendId;
  const suggestion = closestName(value, BACKENDS);
  throw new UsageError(`${option ? `${option}: ` : ''}unknown backend '${value}'`, {
    fix: suggestion ? `did you mean '${suggestion}'? (backends: ${BACKENDS.join(', ')})` : `use one of ${BACKENDS.join(', ')}`,
  });
}
