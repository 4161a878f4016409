/**
 * Cross-file consistency of a loaded catalog (what a single file's schema cannot see):
 * bindings name known operators and their tensors/attributes, enum and profile references
 * resolve, CUDA equivalents exist, provenance is citable, and T-Head stays unconfirmed.
 * Used by `opbridge catalog validate` and by the meta-tests.
 */
import type { Catalog, EntryRecord } from './catalog.js';
import type { CatalogIssue } from './validate-file.js';
import { isCitable, type Source } from './schema/provenance.js';

export function checkCatalog(catalog: Catalog): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const cuda = catalog.backend('cuda');
  const add = (at: { file: string; line: number | undefined }, path: string, message: string): void => {
    issues.push({ file: at.file, line: at.line, path, message });
  };
  const checkSources = (at: { file: string; line: number | undefined }, path: string, sources: readonly Source[]): void => {
    sources.forEach((s, i) => {
      if (!isCitable(s)) add(at, `${path}.provenance${sources.length > 1 ? `[${i}]` : ''}`, 'provenance needs a url, or a repo and a path');
    });
  };

  for (const b of catalog.backends.values()) {
    for (const e of b.entries.values()) {
      const where = `${b.id}:${e.spec.symbol}`;
      checkSources(e, where, e.sources);
      checkBinding(catalog, e, (path, message) => add(e, `${where}.${path}`, message));
      for (const name of e.spec.enums ?? []) {
        if (!b.enums.has(name)) add(e, `${where}.enums`, `enum '${name}' is not defined for backend ${b.id}`);
      }
      if (e.spec.profile && !catalog.findProfile(e.spec.profile)) add(e, `${where}.profile`, `unknown numeric profile '${e.spec.profile}'`);
      for (const c of e.spec.cuda ?? []) {
        if (!catalog.entry('cuda', c)) add(e, `${where}.cuda`, `'${c}' is not a CUDA symbol in the catalog`);
      }
      if (b.id === 'thead' && e.spec.confidence !== 'unconfirmed') {
        add(e, `${where}.confidence`, 'T-Head facts are third-party claims: every entry must be unconfirmed');
      }
    }
    for (const en of b.enums.values()) {
      checkSources(en, `${b.id}:${en.spec.name}`, en.sources);
      if (en.spec.confidence === 'confirmed' && en.spec.members.some((m) => m.value === null)) {
        add(en, `${b.id}:${en.spec.name}.confidence`, 'an enum with unknown member values cannot be confirmed');
      }
      if (b.id === 'thead' && en.spec.confidence !== 'unconfirmed') add(en, `thead:${en.spec.name}.confidence`, 'T-Head facts must be unconfirmed');
    }
    for (const t of b.types.values()) {
      checkSources(t, `${b.id}:${t.spec.name}`, t.sources);
      // A member meaning the CUDA equivalent lacks could never be matched, in either direction.
      const cudaType = t.spec.cuda ? cuda.types.get(t.spec.cuda) : undefined;
      for (const m of t.spec.members ?? []) {
        if (m.meaning && cudaType && !(cudaType.spec.members ?? []).some((c) => c.meaning === m.meaning)) {
          add(t, `${b.id}:${t.spec.name}.members.${m.name}`, `meaning '${m.meaning}' is on no member of the CUDA type ${cudaType.spec.name}`);
        }
      }
    }
    for (const g of b.gaps.values()) {
      checkSources(g, `${b.id}:gap(${g.spec.cuda})`, g.sources);
      if (!cuda.entries.has(g.spec.cuda)) add(g, `${b.id}:gap(${g.spec.cuda}).cuda`, `'${g.spec.cuda}' is not a CUDA symbol in the catalog`);
      if (b.entries.size > 0 && [...b.entries.values()].some((e) => e.spec.cuda?.includes(g.spec.cuda))) {
        add(g, `${b.id}:gap(${g.spec.cuda})`, `'${g.spec.cuda}' is answered by an entry and also listed as a gap`);
      }
    }
    for (const p of b.profiles.values()) {
      checkSources(p, `${b.id}:profile(${p.spec.id})`, p.sources);
      if (!['golden', 'ieee'].includes(p.spec.extends) && !catalog.findProfile(p.spec.extends)) {
        add(p, `${p.spec.id}.extends`, `unknown base profile '${p.spec.extends}'`);
      }
    }
    for (const k of b.knobs) {
      const entry = catalog.entry(b.id, k.spec.symbol);
      if (!entry) add(k, `knob(${k.spec.symbol})`, `knob symbol '${k.spec.symbol}' is not a ${b.id} entry`);
      // A knob may also be a C++ template parameter (XDNN's TGEMM chooses the GEMM compute type).
      else if (!entry.spec.params.some((p) => p.name === k.spec.param) && !entry.spec.template?.some((t) => t.name === k.spec.param)) {
        add(k, `knob(${k.spec.symbol}).param`, `'${k.spec.symbol}' has no parameter or template parameter '${k.spec.param}'`);
      }
    }
  }
  for (const op of catalog.operators.values()) {
    if (op.spec.outputs.length === 0) add(op, `${op.spec.id}.outputs`, 'an operator needs at least one output');
  }
  return issues;
}

function checkBinding(catalog: Catalog, e: EntryRecord, report: (path: string, message: string) => void): void {
  const binds = e.spec.binds;
  if (!('operator' in binds)) return;
  // Variant selectors and profiles do not depend on operator specs: check them first.
  (binds.variants ?? []).forEach((variant, i) => {
    const where = `binds.variants[${i}]`;
    const member = catalog.enumMember(e.backend, variant.when);
    if (!member) report(`${where}.when`, `'${variant.when}' is not a member of any ${e.backend} enum`);
    else if (!(e.spec.enums ?? []).includes(member.enum.spec.name)) {
      report(`${where}.when`, `'${variant.when}' belongs to enum '${member.enum.spec.name}', which the entry does not list under 'enums'`);
    }
    if (variant.profile && !catalog.findProfile(variant.profile)) report(`${where}.profile`, `unknown numeric profile '${variant.profile}'`);
  });
  const steps = [{ operator: binds.operator, fixed: binds.fixed }, ...(binds.then ?? [])];
  const specs = new Map<string, ReturnType<Catalog['operator']>>();
  for (const step of steps) {
    const op = catalog.operator(step.operator);
    if (!op) {
      report('binds.operator', `unknown operator '${step.operator}'`);
      return;
    }
    specs.set(step.operator, op);
    for (const attr of Object.keys(step.fixed ?? {})) {
      if (!op.spec.attributes.some((a) => a.name === attr)) report('binds.fixed', `operator ${step.operator} has no attribute '${attr}'`);
    }
  }
  (binds.variants ?? []).forEach((variant, i) => {
    const where = `binds.variants[${i}]`;
    const variantSteps = [{ operator: variant.operator ?? binds.operator, fixed: variant.fixed }, ...(variant.then ?? [])];
    for (const step of variantSteps) {
      const op = catalog.operator(step.operator);
      if (!op) {
        report(`${where}.operator`, `unknown operator '${step.operator}'`);
        continue;
      }
      for (const attr of Object.keys(step.fixed ?? {})) {
        if (!op.spec.attributes.some((a) => a.name === attr)) report(`${where}.fixed`, `operator ${step.operator} has no attribute '${attr}'`);
      }
    }
  });
  e.spec.params.forEach((p, i) => {
    const match = /^(input|output|attr):(?:([A-Z][A-Za-z0-9]*)\.)?([A-Za-z_][A-Za-z0-9_]*)$/.exec(p.role ?? '');
    if (!match) return;
    const [, kind, qualifier, name] = match;
    const opId = qualifier ?? binds.operator;
    const op = specs.get(opId);
    if (!op) {
      report(`params[${i}].role`, `role '${p.role}' names operator ${opId}, which this binding does not use`);
      return;
    }
    const names =
      kind === 'input' ? op.spec.inputs.map((x) => x.name) : kind === 'output' ? op.spec.outputs.map((x) => x.name) : op.spec.attributes.map((x) => x.name);
    if (!names.includes(name)) {
      report(`params[${i}].role`, `operator ${opId} has no ${kind} '${name}' (has: ${names.join(', ') || 'none'})`);
    }
  });
}
