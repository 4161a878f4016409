// Module resolution hook for rank workers.
// - `opbridge` and `opbridge/<sub>` always resolve to the running opbridge's own modules,
//   wherever the program lives, so the program and the runner share one instance of the
//   simulated device.
// - A worker may run a program several times (golden, then profiled). Later runs import the
//   program under a run query; its own modules inherit the query, so every run evaluates them
//   afresh (no state carried between runs), while opbridge's modules and packages stay shared.
let modules = {};
let runQuery = 'opbridge-run';
let sharedPrefixes = [];

export function initialize(data) {
  modules = data?.modules ?? {};
  runQuery = data?.runQuery ?? runQuery;
  sharedPrefixes = data?.sharedPrefixes ?? [];
}

function runOf(url) {
  if (!url || !url.startsWith('file:')) return undefined;
  return new URL(url).searchParams.get(runQuery) ?? undefined;
}

function isProgramModule(url) {
  return url.startsWith('file:') && !url.includes('/node_modules/') && !sharedPrefixes.some((p) => url.startsWith(p)) && runOf(url) === undefined;
}

export async function resolve(specifier, context, nextResolve) {
  const target = modules[specifier];
  if (target) return { url: target, shortCircuit: true };
  const resolved = await nextResolve(specifier, context);
  const run = runOf(context.parentURL);
  if (run === undefined || !isProgramModule(resolved.url)) return resolved;
  const url = new URL(resolved.url);
  url.searchParams.set(runQuery, run);
  return { ...resolved, url: url.href };
}
