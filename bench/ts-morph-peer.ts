/**
 * The peer for the porter benchmark: the obvious ts-morph approach, editing node by node.
 * For every call whose callee is a name imported from `opbridge/cuda`, it renames the callee
 * with `replaceWithText` — strictly less work than `port()` does (no lifting, no argument
 * changes, no imports), so the ratio it gives understates the porter's advantage. ts-morph
 * re-parses the file after each such edit, which is what this peer measures.
 */
import { Node, Project, SyntaxKind } from 'ts-morph';
import { readFileSync } from 'node:fs';

export interface PeerRun {
  readonly files: number;
  readonly edits: number;
  readonly cpuMs: number;
}

export function renameCallsWithTsMorph(paths: readonly string[]): PeerRun {
  const project = new Project({ useInMemoryFileSystem: true, skipFileDependencyResolution: true });
  const cpuStart = process.cpuUsage();
  let edits = 0;
  for (const [i, path] of paths.entries()) {
    const file = project.createSourceFile(`/peer/${i}.ts`, readFileSync(path, 'utf8'), { overwrite: true });
    const facadeNames = new Set(
      file
        .getImportDeclarations()
        .filter((d) => d.getModuleSpecifierValue() === 'opbridge/cuda')
        .flatMap((d) => d.getNamedImports().map((n) => n.getName())),
    );
    // Re-query after every edit: replaceWithText invalidates the nodes of the re-parsed file.
    for (;;) {
      const callee = file
        .getDescendantsOfKind(SyntaxKind.CallExpression)
        .map((call) => call.getExpression())
        .find((e) => Node.isIdentifier(e) && facadeNames.has(e.getText()));
      if (!callee) break;
      callee.replaceWithText(`${callee.getText()}_ported`);
      edits++;
    }
    project.removeSourceFile(file);
  }
  const cpu = process.cpuUsage(cpuStart);
  return { files: paths.length, edits, cpuMs: (cpu.user + cpu.system) / 1000 };
}
