/**
 * A backend's code-to-string function for one status enum (cudnnGetErrorString for
 * cudnnStatus_t): the entry binding `error.string` whose one parameter is a status of that enum.
 */
import type { Catalog, EntryRecord, EnumRecord } from '../../catalog/catalog.js';
import { stripCType } from './enum-mapping.js';

export function errorStringEntry(catalog: Catalog, status: EnumRecord): EntryRecord | undefined {
  return [...catalog.backend(status.backend).entries.values()].find((e) => {
    const binds = e.spec.binds;
    const param = e.spec.params.find((p) => p.role === 'error');
    return 'primitive' in binds && binds.primitive === 'error.string' && e.spec.params.length === 1 && param !== undefined && stripCType(param.type) === status.spec.name;
  });
}
