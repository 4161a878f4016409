/**
 * References to target facade exports in generated code, and the imports they need. A
 * reference is written the way the source reference was: a plain name for named imports
 * (`aclrtMalloc`), a member of the target namespace for namespace imports (`cann.aclrtMalloc`).
 * C++ namespaces are object paths (`xpu.constant` imports `xpu`); C++ scoped types and enums
 * are exported under their last segment.
 */
import type { BackendId } from '../../catalog/vocabulary.js';
import type { FreshNames } from '../context/fresh-names.js';
import { exportedTypeName, facadePath } from '../mapping/facade-index.js';

export type ReferenceStyle = { readonly kind: 'named' } | { readonly kind: 'namespace' };

export interface NamedTargetImport {
  /** The facade export name. */
  readonly name: string;
  /** The local name (the export name unless it would collide). */
  readonly local: string;
  /** Only used in type positions so far. */
  typeOnly: boolean;
  /** The local name of the source import whose rewrite first needed it (for import order). */
  readonly origin: string | undefined;
  readonly order: number;
}

export class TargetNames {
  private readonly named = new Map<string, NamedTargetImport>();
  private namespaceLocal: string | undefined;
  private count = 0;

  /**
   * @param existing names the file already imports from the target facade (export → local)
   * @param sourceLocals local names bound by source-facade imports (free for reuse once the source import goes)
   * @param forcedAliases export names that must be imported under a fresh alias (they stay in use as source names)
   * @param existingNamespace the local of an existing `import * as x from 'opbridge/<target>'`
   */
  constructor(
    readonly target: BackendId,
    private readonly fresh: FreshNames,
    private readonly existing: ReadonlyMap<string, string>,
    private readonly sourceLocals: ReadonlySet<string>,
    private readonly forcedAliases: ReadonlySet<string>,
    private readonly existingNamespace: string | undefined,
  ) {}

  /** A reference to a target function, enum member or constant, written in `style`. */
  value(cName: string, style: ReferenceStyle, origin: string | undefined): string {
    return this.reference(facadePath(cName), style, origin, false);
  }

  /** A reference to a target type or enum type name. */
  type(cName: string, style: ReferenceStyle, origin: string | undefined): string {
    return this.reference(exportedTypeName(cName), style, origin, true);
  }

  /** A reference to a scoped enum member (`Error_t.SUCCESS`) or a plain member. */
  member(enumName: string, member: string, style: ReferenceStyle, origin: string | undefined): string {
    const path = enumName.includes('::') ? `${exportedTypeName(enumName)}.${member}` : member;
    return this.reference(path, style, origin, false);
  }

  private reference(path: string, style: ReferenceStyle, origin: string | undefined, typeOnly: boolean): string {
    const [head, ...rest] = path.split('.');
    if (style.kind === 'namespace') return [this.namespace(), head, ...rest].join('.');
    const local = this.named.get(head)?.local ?? this.importName(head, origin, typeOnly);
    const entry = this.named.get(head);
    if (entry && !typeOnly) entry.typeOnly = false;
    return [local, ...rest].join('.');
  }

  private importName(name: string, origin: string | undefined, typeOnly: boolean): string {
    const already = this.existing.get(name);
    let local: string;
    if (already !== undefined) local = already;
    else if (!this.forcedAliases.has(name) && (!this.fresh.isTaken(name) || this.sourceLocals.has(name))) {
      local = name;
      this.fresh.reserve(name);
    } else local = this.fresh.fresh(name);
    this.named.set(name, { name, local, typeOnly, origin, order: this.count++ });
    return local;
  }

  /**
   * The facade path a reference written by this object stands for (`cann.aclrtMalloc` or an
   * aliased local → `aclrtMalloc`), or undefined when the head is no target name it wrote or the
   * file imports.
   */
  facadePathOf(written: readonly string[]): string[] | undefined {
    const [head, ...rest] = written;
    if (head === undefined) return undefined;
    if (head === this.namespaceLocal || head === this.existingNamespace) return rest;
    for (const n of this.named.values()) if (n.local === head) return [n.name, ...rest];
    for (const [name, local] of this.existing) if (local === head) return [name, ...rest];
    return undefined;
  }

  /** The local name of the target namespace import. */
  namespace(): string {
    this.namespaceLocal ??= this.existingNamespace ?? (this.fresh.isTaken(this.target) ? this.fresh.fresh(this.target) : (this.fresh.reserve(this.target), this.target));
    return this.namespaceLocal;
  }

  /** A point to roll back to when an attempt to lower a call fails. */
  mark(): { readonly count: number; readonly fresh: number; readonly namespace: string | undefined } {
    return { count: this.count, fresh: this.fresh.mark(), namespace: this.namespaceLocal };
  }

  rollback(mark: { readonly count: number; readonly fresh: number; readonly namespace: string | undefined }): void {
    for (const [name, entry] of this.named) if (entry.order >= mark.count) this.named.delete(name);
    this.count = mark.count;
    this.namespaceLocal = mark.namespace;
    this.fresh.rollback(mark.fresh);
  }

  /**
   * Forgets the names the finished code does not use (`words`: edits/written-words.ts): a name
   * written for a call or statement that another rewrite replaced after all needs no import.
   */
  keepReferenced(words: ReadonlySet<string>): void {
    for (const [name, entry] of this.named) if (!words.has(entry.local)) this.named.delete(name);
    if (this.namespaceLocal !== undefined && this.namespaceLocal !== this.existingNamespace && !words.has(this.namespaceLocal)) this.namespaceLocal = undefined;
  }

  /** Named imports the generated code needs, in order of first use (already-imported names excluded). */
  namedImports(): NamedTargetImport[] {
    return [...this.named.values()].filter((n) => !this.existing.has(n.name)).sort((a, b) => a.order - b.order);
  }

  /** The namespace import the generated code needs, unless the file already has it. */
  namespaceImport(): string | undefined {
    return this.namespaceLocal !== undefined && this.namespaceLocal !== this.existingNamespace ? this.namespaceLocal : undefined;
  }
}
