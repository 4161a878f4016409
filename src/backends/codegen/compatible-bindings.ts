/**
 * Generates the bindings of a CUDA-compatible facade (MUSA, MACA, T-Head): one typed function
 * per catalog entry that mirrors a CUDA facade function with the same arguments (possibly in
 * another order), with the target's exact name and parameter names. Each forwards to the
 * backend's `CompatibleBackend`, which runs the CUDA implementation under the target's names,
 * statuses and numerics. Entries whose shape differs (muDNN's own calls, graph methods) are
 * hand-written next to the generated file.
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { BackendId } from '../../catalog/vocabulary.js';
import { baseType, enumTypedefs, isCallable, isOutPointer, planCall, type CallPlan } from '../cuda-compatible/call-plan.js';
import { GENERATED_HEADER } from './facade-constants.js';

/** The CUDA-compatible backends whose facades bind the CUDA implementation. */
export const COMPATIBLE_BACKENDS: readonly BackendId[] = ['musa', 'maca', 'thead'];

export function compatibleBindingsPath(backend: BackendId): string {
  return `src/backends/${backend}/bindings.generated.ts`;
}

/** Entries the generator binds: callable, with a CUDA counterpart the CUDA facade exports and a matching parameter list. */
export function generatedPlans(catalog: Catalog, backend: BackendId, cudaExports: ReadonlySet<string>): CallPlan[] {
  const plans: CallPlan[] = [];
  for (const entry of catalog.backend(backend).entries.values()) {
    if (!isCallable(entry)) continue;
    const outcome = planCall(catalog, backend, entry);
    if ('plan' in outcome && cudaExports.has(outcome.plan.cudaSymbol)) plans.push(outcome.plan);
  }
  return plans.sort((a, b) => a.target.library.localeCompare(b.target.library) || a.symbol.localeCompare(b.symbol));
}

/**
 * @param cudaArity the number of leading required parameters of each CUDA facade function
 *   (`Function.length`), so parameters with defaults in CUDA stay optional here.
 */
export function generateCompatibleBindings(catalog: Catalog, backend: BackendId, cudaArity: ReadonlyMap<string, number>): string {
  const enums = new Set([...catalog.backend(backend).enums.values()].filter((e) => !e.spec.name.includes('::')).map((e) => e.spec.name));
  // Result structs the call fills in (cudnnConvolutionFwdAlgoPerf_t, cublasLtMatmulHeuristicResult_t)
  // hold target enum values: each facade declares its own in types.ts.
  const isResultStruct = (t: string): boolean => /(AlgoPerf|HeuristicResult)_t$/.test(t);
  const flagEnums = (plan: CallPlan): string[] => (plan.target.spec.enums ?? []).filter((e) => e !== baseType(plan.target.spec.returns ?? '') && enums.has(e));
  // Parameters declared with an enum typedef (`cudaDataType`) take the enum's members.
  const typedefs = enumTypedefs(catalog, backend);
  const enumOf = (cType: string): string => {
    const t = baseType(cType);
    const named = typedefs.get(t);
    return named && enums.has(named) ? named : t;
  };
  // A count parameter may take an enum's count member (`requestedAlgoCount =
  // CUDNN_CONVOLUTION_FWD_ALGO_COUNT`); where that member's value is unconfirmed, the facade
  // exports it as its name (a string), which the binding translates at run time, so the
  // parameter takes the name as well as a number.
  const namedCounts = (plan: CallPlan): string[] =>
    (plan.target.spec.enums ?? []).flatMap((e) => catalog.backend(backend).enums.get(e)?.spec.members.filter((m) => m.value === null && m.meaning?.endsWith('.count')).map((m) => m.name) ?? []);
  const usedCounts = new Set<string>();
  const usedStructs = new Set<string>();
  const plans = generatedPlans(catalog, backend, new Set(cudaArity.keys()));
  const usedEnums = new Set<string>();
  const body: string[] = [];
  let library = '';
  for (const plan of plans) {
    if (plan.target.library !== library) {
      library = plan.target.library;
      body.push(`// ---- ${library} ${'-'.repeat(Math.max(0, 86 - library.length))}`, '');
    }
    const fn = `typeof cuda.${plan.cudaSymbol}`;
    const arity = cudaArity.get(plan.cudaSymbol) ?? plan.params.length;
    const params = plan.params.map((p) => {
      const t = enumOf(p.target.type);
      let type: string;
      if (enums.has(t)) {
        usedEnums.add(t);
        type = isOutPointer(p.target) ? `Ref<${t}>` : t;
      } else if (p.target.role === 'flags' && flagEnums(plan).length > 0) {
        // Flag arguments take the target's flag members (names where values are unconfirmed), or 0 for none.
        for (const e of flagEnums(plan)) usedEnums.add(e);
        type = `${flagEnums(plan).join(' | ')} | 0`;
      } else if (isResultStruct(t) && p.target.dir === 'out') {
        usedStructs.add(t);
        type = `${t}[]`;
      } else if (p.target.role === 'count' && p.target.dir === 'in' && namedCounts(plan).length > 0) {
        for (const m of namedCounts(plan)) usedCounts.add(m);
        type = [`Parameters<${fn}>[${p.cudaIndex}]`, ...namedCounts(plan).map((m) => `typeof ${m}`)].join(' | ');
      } else type = `Parameters<${fn}>[${p.cudaIndex}]`;
      return `${p.target.name}${p.cudaIndex >= arity ? '?' : ''}: ${type}`;
    });
    const returns = baseType(plan.target.spec.returns ?? '');
    const returnType = enums.has(returns) ? returns : `ReturnType<${fn}>`;
    if (enums.has(returns)) usedEnums.add(returns);
    const s = plan.target.spec;
    body.push(`/** ${s.symbol} → ${plan.cudaSymbol} (${s.status}, ${s.confidence}). */`);
    body.push(`export function ${s.symbol}(${params.join(', ')}): ${returnType} {`);
    body.push(`  return binding.call('${s.symbol}', [${plan.params.map((p) => p.target.name).join(', ')}]);`);
    body.push('}', '');
  }
  const header = [
    GENERATED_HEADER,
    '/* eslint-disable */',
    `// The ${backend} facade's calls that mirror a CUDA facade function: each runs the CUDA implementation`,
    `// under the ${backend} binding (src/backends/cuda-compatible/).`,
    "import type * as cuda from '../cuda/index.js';",
    "import type { Ref } from '../sim/ref.js';",
    `import type { ${[...usedEnums, ...usedCounts].sort().join(', ')} } from './constants.generated.js';`,
    ...(usedStructs.size ? [`import type { ${[...usedStructs].sort().join(', ')} } from './types.js';`] : []),
    "import { binding } from './binding.js';",
    '',
  ];
  return `${[...header, ...body].join('\n').trimEnd()}\n`;
}
