/**
 * Fixtures type-check against the facades in this tree (strict, with the project's
 * `opbridge-source` condition): every input against its source facade, and every *complete* port
 * (no error diagnostic: nothing left for a human) against its target facade — the porter writes
 * names, argument orders and types the facades really have. Ports with calls left as written are
 * not expected to type-check. Fixtures carry `// @ts-nocheck` so the project build ignores them;
 * the check removes that line and compiles them as virtual files inside the package, so
 * `opbridge/<backend>` resolves to src/backends/<backend>/index.ts. Files whose facades are not in
 * the tree yet, and the exceptions a fixture's options.json states with a reason, are listed as
 * pending rather than checked.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/catalog/package-root.js';
import type { BackendId } from '../../src/catalog/vocabulary.js';
import { portSource } from '../../src/port/port-source.js';

const root = packageRoot();
const fixtures = join(root, 'test/fixtures/port');

interface Checked {
  readonly label: string;
  readonly path: string;
  readonly text: string;
}

const facades = (text: string) => [...text.matchAll(/from ['"]opbridge\/([a-z]+)['"]/g)].map((m) => m[1]);
const facadeExists = (b: string) => existsSync(join(root, 'src/backends', b, 'index.ts'));
const strip = (text: string) => text.replace(/^\/\/ @ts-nocheck.*\n/, '');

function plan(): { checked: Checked[]; pending: string[] } {
  const checked: Checked[] = [];
  const pending: string[] = [];
  for (const name of readdirSync(fixtures).sort()) {
    const dir = join(fixtures, name);
    const options = existsSync(join(dir, 'options.json')) ? (JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as { typeCheck?: boolean; typeCheckSkip?: Record<string, string>; comments?: boolean }) : {};
    if (options.typeCheck === false) {
      pending.push(`${name}: options.json says not to`);
      continue;
    }
    const input = readFileSync(join(dir, 'input.ts'), 'utf8');
    const add = (label: string, text: string) => {
      const missing = facades(text).filter((b) => !facadeExists(b));
      if (missing.length) pending.push(`${label}: no ${missing.join(', ')} facade yet`);
      else checked.push({ label, path: join(root, 'test/port', `.typecheck-${label.replace(/[^\w.-]+/g, '_')}.ts`), text: strip(text) });
    };
    if (options.typeCheckSkip?.input) pending.push(`${name} (input): ${options.typeCheckSkip.input}`);
    else add(`${name} (input)`, input);
    for (const file of readdirSync(dir).sort()) {
      const m = /^expected\.([a-z]+)\.ts$/.exec(file);
      if (!m) continue;
      const label = `${name} → ${m[1]}`;
      const skip = m[1] === 'input' ? undefined : options.typeCheckSkip?.[m[1]];
      const ported = portSource(input, { to: m[1] as BackendId, ...(options.comments === false ? { comments: false } : {}) });
      if (skip) pending.push(`${label}: ${skip}`);
      else if (ported.diagnostics.some((d) => d.severity === 'error')) pending.push(`${label}: incomplete port (calls left as written)`);
      else add(label, readFileSync(join(dir, file), 'utf8'));
    }
  }
  return { checked, pending };
}

/** Compiles virtual files placed in the package; returns their diagnostics as `path:line message`. */
function typeCheck(files: ReadonlyMap<string, string>): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['opbridge-source'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    isolatedModules: true,
    verbatimModuleSyntax: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) => (files.has(name) ? ts.createSourceFile(name, files.get(name)!, language, true) : getSourceFile(name, language, onError, create));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.has(d.file.fileName))
    .map((d) => `${d.file!.fileName}:${d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

const { checked, pending } = plan();

describe('fixtures type-check against the facades', () => {
  let diagnostics: string[] = [];
  beforeAll(() => {
    // One program for all files: the facades are parsed once.
    diagnostics = typeCheck(new Map(checked.map((c) => [c.path, c.text])));
  }, 300_000);

  it('checks inputs and complete ports, and lists what waits (for a facade, or for a stated reason)', () => {
    expect(checked.some((c) => c.label.endsWith('(input)'))).toBe(true);
    expect(checked.some((c) => !c.label.endsWith('(input)'))).toBe(true);
    expect(pending.every((p) => p.includes(': '))).toBe(true);
  });

  it.each(checked.map((c) => [c.label, c] as const))('%s', (_, file) => {
    expect(diagnostics.filter((d) => d.startsWith(`${file.path}:`)).map((d) => d.slice(file.path.length + 1))).toEqual([]);
  });
});
