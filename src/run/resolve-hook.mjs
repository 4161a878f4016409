// Module resolution hook for rank workers: `opbridge` and `opbridge/<sub>` always resolve to
// the running opbridge's own modules, wherever the program lives, so the program and the
// runner share one instance of the simulated device.
let modules = {};

export function initialize(data) {
  modules = data?.modules ?? {};
}

export async function resolve(specifier, context, nextResolve) {
  const target = modules[specifier];
  if (target) return { url: target, shortCircuit: true };
  return nextResolve(specifier, context);
}
