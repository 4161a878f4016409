/**
 * What scanning one source file yields: references to vendor symbols, vendor-prefixed names
 * the code declares itself, and (C++/CUDA) custom kernels and their launches. Paths are
 * display paths (relative to the working directory when under it, `/`-separated).
 */
import type { BackendId } from '../catalog/vocabulary.js';

export type SourceLanguage = 'cuda' | 'cpp' | 'c' | 'typescript';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface SourceReference extends Position {
  /** The name as resolved: an identifier, or a qualified C++ name (`cudnn_frontend::graph::Graph::sdpa`). */
  readonly name: string;
  /** The catalog the name belongs to: `cuda` for C/C++, the imported facade for TypeScript. */
  readonly backend: BackendId;
  /** The spelling in the source when it differs from `name` (an alias import, a namespace alias). */
  readonly written?: string;
}

/** A vendor-prefixed name the scanned code declares itself (a variable, function, macro or type). */
export interface LocalDeclaration extends Position {
  readonly name: string;
  readonly how: 'variable-or-function' | 'macro' | 'type';
}

export interface KernelDefinition extends Position {
  readonly name: string;
  /** `global`: a `__global__` kernel; `device`: a `__device__` (or `__host__ __device__`) function. */
  readonly kind: 'global' | 'device';
  /** Lines from the opening to the closing brace of the body, both included. */
  readonly bodyLines: number;
}

export interface KernelLaunch extends Position {
  /** The launched kernel's name as written (without template arguments); `(expression)` when it is not a name. */
  readonly kernel: string;
  /** `<<<…>>>` or the runtime call that launches it (`cudaLaunchKernel`). */
  readonly via: 'chevrons' | 'cudaLaunchKernel' | 'cudaLaunchCooperativeKernel';
  /** The launch configuration between `<<<` and `>>>`, whitespace collapsed. */
  readonly config?: string;
}

export interface FileScan {
  readonly path: string;
  readonly language: SourceLanguage;
  readonly lines: number;
  readonly references: readonly SourceReference[];
  readonly declarations: readonly LocalDeclaration[];
  readonly kernels: readonly KernelDefinition[];
  readonly launches: readonly KernelLaunch[];
}
