// Rank worker bootstrap (plain JavaScript so it needs no loader itself): installs the
// resolver that maps `opbridge` and `opbridge/<backend>` to this opbridge's own modules,
// then tsx so programs (and opbridge's sources, when run from source) load as TypeScript.
import { register } from 'node:module';
import { workerData } from 'node:worker_threads';
import { register as registerTsx } from 'tsx/esm/api';

register(workerData.resolveHookUrl, {
  data: { modules: workerData.moduleMap, runQuery: workerData.runQuery, sharedPrefixes: workerData.sharedPrefixes },
});
registerTsx();
await import(workerData.workerModuleUrl);
