/**
 * Ported fixtures type-check against the target facades that exist in this tree (strict, with
 * the project's `opbridge-source` condition): the porter writes names, argument orders and
 * types the facade really has. Fixtures carry `// @ts-nocheck` so the project build ignores
 * them; the check removes that line and compiles them as virtual files inside the package, so
 * `opbridge/<backend>` resolves to src/backends/<backend>/index.ts. Targets without a facade
 * yet are listed as pending, not checked.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/catalog/package-root.js';

const root = packageRoot();
const fixtures = join(root, 'test/fixtures/port');

function portedFixtures(): { name: string; backend: string; text: string }[] {
  const out: { name: string; backend: string; text: string }[] = [];
  for (const name of readdirSync(fixtures).sort()) {
    for (const file of readdirSync(join(fixtures, name)).sort()) {
      const m = /^expected\.([a-z]+)\.ts$/.exec(file);
      if (m) out.push({ name, backend: m[1], text: readFileSync(join(fixtures, name, file), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '') });
    }
  }
  return out;
}

/** Compiles virtual files placed in the package; returns their diagnostics as `name:line message`. */
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
    .map((d) => `${d.file!.fileName.slice(root.length + 1)}:${d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

const all = portedFixtures();
const facades = (text: string) => [...text.matchAll(/from ['"]opbridge\/([a-z]+)['"]/g)].map((m) => m[1]);
/** Fixtures whose every imported facade exists in this tree (a port may keep source imports for unported code). */
const checkable = all.filter((f) => facades(f.text).every((b) => existsSync(join(root, 'src/backends', b, 'index.ts'))));
const pathOf = (f: { name: string; backend: string }) => join(root, 'test/port', `.typecheck-${f.name}.${f.backend}.ts`);

describe('ported fixtures type-check against the target facades', () => {
  let diagnostics: string[] = [];
  beforeAll(() => {
    // One program for all fixtures: the facades are parsed once.
    diagnostics = typeCheck(new Map(checkable.map((f) => [pathOf(f), f.text])));
  }, 300_000);

  it('checks the fixtures whose facades exist (the others wait for their facades)', () => {
    expect(checkable.length).toBeGreaterThan(0);
    for (const f of all.filter((x) => !checkable.includes(x))) {
      expect(facades(f.text).some((b) => !existsSync(join(root, 'src/backends', b, 'index.ts')))).toBe(true);
    }
  });

  it.each(checkable.map((f) => [`${f.name} → ${f.backend}`, f] as const))('%s', (_, fixture) => {
    const prefix = pathOf(fixture).slice(root.length + 1);
    expect(diagnostics.filter((d) => d.startsWith(`${prefix}:`))).toEqual([]);
  });
});
