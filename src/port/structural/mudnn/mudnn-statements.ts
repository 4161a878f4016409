/**
 * The statements of one muDNN lowering, as torch_musa's C-API path writes them: the op
 * descriptor a muDNN call needs and cuDNN's call did not have (binary, unary, softmax, batch
 * norm) created and set before the call and destroyed after it, the workspace queried and
 * allocated only when non-zero. Tensor descriptors are not made here: muDNN's are cuDNN's
 * (`mudnnTensorDescriptor_t`), so the source's stay, set by mudnn-setters.ts. The set-up calls'
 * statuses go where the source call's status went (when that statement can be repeated).
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { Expr } from '../../ir/expr.js';
import type { LowerContext, PreludeStatement } from '../../lower/lowerer.js';
import { memberByMeaning } from '../../mapping/enum-mapping.js';

export function numberOf(e: Expr | undefined): number | undefined {
  return e?.value?.kind === 'number' ? e.value.value : undefined;
}

/** The member of a musa enum with a meaning, or undefined when musa has none. */
export function musaMember(catalog: Catalog, enumName: string, meaning: string | undefined): string | undefined {
  const e = catalog.backend('musa').enums.get(enumName);
  return meaning && e ? memberByMeaning(e, meaning)?.name : undefined;
}

/**
 * The mode member of a muDNN entry's variant that runs `operator` (the catalog's variants:
 * `mudnnBinary` MUDNN_BINARY_ADD → Add, `mudnnUnary` MUDNN_UNARY_RELU → Relu, ...); the first
 * variant whose operator and fixed attributes match.
 */
export function modeFor(catalog: Catalog, symbol: string, operator: string): string | undefined {
  const binds = catalog.entry('musa', symbol)?.spec.binds;
  if (!binds || !('operator' in binds)) return undefined;
  return (binds.variants ?? []).find((v) => (v.operator ?? binds.operator) === operator && !v.fixed)?.when;
}

export class MudnnStatements {
  readonly prelude: PreludeStatement[] = [];
  readonly epilogue: PreludeStatement[] = [];
  readonly symbols: string[] = [];

  constructor(private readonly ctx: LowerContext) {}

  /** A reference to a target export, recorded for the rewrite list when it is a muDNN / MUSA name. */
  value(name: string): string {
    if (!this.symbols.includes(name) && /^mu/.test(name)) this.symbols.push(name);
    return this.ctx.names.value(name, this.ctx.style, this.ctx.origin);
  }

  /** A type reference (imported with `type`). */
  type(name: string): string {
    return this.ctx.names.type(name, this.ctx.style, undefined);
  }

  fresh(base: string): string {
    return this.ctx.fresh.fresh(base);
  }

  /** A set-up statement; `status` sends its status where the source call's went. */
  push(text: string, options: { declares?: boolean; status?: boolean } = {}): void {
    this.prelude.push({ text, declares: options.declares ?? false, ...(options.status ? { status: true } : {}) });
  }

  /**
   * An op descriptor: `const d = ref<T>(); create(d);` then the set-calls (`$` stands for the
   * descriptor), destroyed after the call. Returns the descriptor expression.
   */
  descriptor(base: string, type: string, create: string, destroy: string, sets: readonly string[]): string {
    const name = this.fresh(base);
    this.push(`const ${name} = ${this.value('ref')}<${this.type(type)}>()`, { declares: true });
    this.push(`${this.value(create)}(${name})`, { status: true });
    for (const set of sets) this.push(set.replaceAll('$', `${name}.value`), { status: true });
    this.epilogue.push({ text: `${this.value(destroy)}(${name}.value)`, declares: false });
    return `${name}.value`;
  }

  /**
   * A workspace whose size `query` writes into the `ref(0)` it is given: allocated only when
   * non-zero, freed after the call once `stream` (the handle's; the device when unknown) has run it.
   */
  workspace(base: string, query: (size: string) => string, stream: Expr | undefined): { ptr: string; size: string } {
    const size = this.fresh(`${base}WorkspaceSize`);
    const workspace = this.fresh(`${base}Workspace`);
    const ref = this.value('ref');
    this.push(`const ${size} = ${ref}(0)`, { declares: true });
    this.push(query(size), { status: true });
    this.push(`const ${workspace} = ${ref}<${this.type('DevicePtr')}>()`, { declares: true });
    this.push(`if (${size}.value > 0) ${this.value('musaMalloc')}(${workspace}, ${size}.value)`);
    const sync = stream ? `${this.value('musaStreamSynchronize')}(${stream.text})` : `${this.value('musaDeviceSynchronize')}()`;
    this.epilogue.unshift({ text: `if (${size}.value > 0) { ${sync}; ${this.value('musaFree')}(${workspace}.value); }`, declares: false });
    return { ptr: `${size}.value > 0 ? ${workspace}.value : null`, size: `${size}.value` };
  }
}
