/**
 * `runDemo(options)`: the newcomer's path behind `opbridge demo`. Ports the bundled sample from
 * CUDA to a target (CANN by default) into a working directory outside the repository, verifies
 * the port against the original on the reference runtime, and audits the coverage of every
 * sample on every target — with the same engines as `port`, `verify` and `coverage`, so what it
 * shows is what they produce, calls left as written included.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { packageRoot } from '../catalog/package-root.js';
import { TARGET_BACKENDS, type BackendId } from '../catalog/vocabulary.js';
import { InputError, OpbridgeError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { parseBackendName } from '../catalog/backend-name.js';
import { port } from '../port/port.js';
import type { PortFileResult, PortResult } from '../port/port-result.js';
import { verify } from '../verify/verify.js';
import type { VerifyReport } from '../verify/verify-report.js';
import { condensedDiff, type CondensedDiff } from './condensed-diff.js';
import { DEMO_SAMPLE, DEMO_TARGET, SAMPLES_DIR } from './demo-defaults.js';
import { findSamples, samplesCoverage, type SamplesCoverage } from './samples-coverage.js';

export { DEMO_SAMPLE, DEMO_TARGET, SAMPLES_DIR } from './demo-defaults.js';

export type DemoStep = 'port' | 'verify' | 'coverage';

const TYPESCRIPT = /\.(m|c)?tsx?$/;

export interface DemoOptions {
  /** The CUDA model program to port and verify (default: the bundled DEMO_SAMPLE). */
  readonly sample?: string;
  /** The samples of the coverage matrix (default: the bundled SAMPLES_DIR). */
  readonly samplesDir?: string;
  readonly to?: BackendId;
  /** Keep the port here; by default it goes to a temporary directory that is removed. */
  readonly workDir?: string;
  readonly catalog?: Catalog;
  /** Wall-clock limit for each program run of verify (default: verify's). */
  readonly timeoutMs?: number;
  /** Lines of the condensed diff (default 24). */
  readonly diffLines?: number;
  /** Called when a step starts, for a progress line: port, then verify (coverage runs alongside). */
  readonly onStep?: (step: 'port' | 'verify') => void;
}

/** Why verify produced no report: the port could not be run (or was not produced). */
export interface DemoVerifyError {
  readonly kind: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly fix?: string;
}

export type DemoVerify = { readonly report: VerifyReport } | { readonly error: DemoVerifyError };

export interface DemoResult {
  /** Absolute paths of the sample and of its port (gone after the run unless workDir was given). */
  readonly sample: string;
  readonly ported: string;
  readonly to: BackendId;
  readonly kept: boolean;
  readonly port: PortResult;
  readonly diff: CondensedDiff;
  readonly verify: DemoVerify;
  readonly coverage: SamplesCoverage;
  /** Wall-clock milliseconds of each step (verify and coverage run side by side). */
  readonly timings: Readonly<Record<DemoStep | 'total', number>>;
}

function portedFileName(sample: string, to: BackendId): string {
  const siblings = new Set(readdirSync(dirname(sample)));
  const plain = `${to}.ts`;
  return siblings.has(plain) ? `${basename(sample, extname(sample))}.${to}.ts` : plain;
}

/**
 * The working copy: the sample's sibling files (so its relative imports resolve from the port as
 * from the original) and a package.json marking the directory as ES modules, without which tsx
 * loads the port as CommonJS and the runner cannot hand it the opbridge facades.
 */
function prepareWorkDir(sample: string, workDir: string): string {
  const dir = join(workDir, basename(dirname(sample)));
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dirname(sample), { withFileTypes: true })) {
    if (entry.isFile()) copyFileSync(join(dirname(sample), entry.name), join(dir, entry.name));
  }
  if (!existsSync(join(workDir, 'package.json'))) writeFileSync(join(workDir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

function notAProgram(sample: string): InputError {
  return new InputError('the demo sample must be one TypeScript model program (.ts exporting main)', {
    location: { file: sample },
    fix: 'pass a file such as samples/mlp/cuda.ts to --sample (to port a whole tree, use opbridge port)',
  });
}

/** A run error of the port is a finding about the port; one of the original means the sample is bad input. */
function verifyError(error: unknown, ported: string): DemoVerifyError {
  if (!(error instanceof OpbridgeError) || error instanceof UsageError) throw error;
  const file = error.location?.file;
  const aboutPort = (file !== undefined && resolve(file) === ported) || error.message.startsWith('the ported program');
  if (!aboutPort) throw error;
  return {
    kind: error.name,
    message: error.message,
    ...(file ? { file } : {}),
    ...(error.location?.line !== undefined ? { line: error.location.line } : {}),
    ...(error.fix ? { fix: error.fix } : {}),
  };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: Math.round(performance.now() - start) };
}

export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const start = performance.now();
  const root = packageRoot();
  const sample = resolve(options.sample ?? join(root, DEMO_SAMPLE));
  if (!existsSync(sample)) {
    throw new InputError('the demo sample was not found', {
      location: { file: sample },
      fix: options.sample ? 'check the path given to --sample' : `the samples/ directory ships with opbridge: restore ${DEMO_SAMPLE} (git checkout), or pass --sample <cuda program>`,
    });
  }
  if (!statSync(sample).isFile() || !TYPESCRIPT.test(sample)) throw notAProgram(sample);
  const to = parseBackendName(options.to ?? DEMO_TARGET, '--to');
  const catalog = options.catalog ?? loadCatalog();
  const kept = options.workDir !== undefined;
  const workDir = kept ? resolve(options.workDir!) : mkdtempSync(join(tmpdir(), 'opbridge-demo-'));
  try {
    options.onStep?.('port');
    const portStep = await timed(() => port([sample], { to, catalog }));
    const file: PortFileResult | undefined = portStep.value.files[0];
    if (!file) throw notAProgram(sample);
    if (file.outcome === 'skip') {
      throw new InputError(`the sample is not a program to port: ${file.reason ?? 'no backend facade import'}`, {
        location: { file: sample },
        fix: "pass a model program written against a facade, e.g. import { cudaMalloc } from 'opbridge/cuda'",
      });
    }
    const ported = join(prepareWorkDir(sample, workDir), portedFileName(sample, to));
    writeFileAtomic(ported, file.output);

    const verifyStep = timed(async (): Promise<DemoVerify> => {
      options.onStep?.('verify');
      if (file.outcome === 'error') return { error: { kind: 'PortError', message: file.reason ?? 'the sample could not be ported' } };
      try {
        return { report: await verify(sample, ported, { catalog, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) }) };
      } catch (error) {
        return { error: verifyError(error, ported) };
      }
    });
    // Verify runs in worker threads; the coverage scan uses this thread meanwhile.
    const coverageStep = timed(async () => {
      return samplesCoverage(findSamples(resolve(options.samplesDir ?? join(root, SAMPLES_DIR))), { catalog, targets: TARGET_BACKENDS });
    });
    const [verified, covered] = await Promise.all([verifyStep, coverageStep]);
    return {
      sample,
      ported,
      to,
      kept,
      port: portStep.value,
      diff: condensedDiff(file.source, file.output, { maxLines: options.diffLines ?? 24 }),
      verify: verified.value,
      coverage: covered.value,
      timings: { port: portStep.ms, verify: verified.ms, coverage: covered.ms, total: Math.round(performance.now() - start) },
    };
  } finally {
    if (!kept) rmSync(workDir, { recursive: true, force: true });
  }
}
