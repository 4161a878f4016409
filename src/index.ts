/**
 * opbridge's programmatic API. Every CLI command is a thin layer over a function exported
 * here, so other tools can embed opbridge without the CLI.
 */
export { Tensor, type NestedArray } from './runtime/tensor.js';
export { tensor } from './runtime/create-tensor.js';
export { runOp, kernelRegistry, type RunOpOptions } from './runtime/run-op.js';
export type { Kernel, KernelContext, RawAttributes, AttributeValue, RunMode } from './runtime/kernel.js';
export { KernelRegistry } from './runtime/kernel-registry.js';
export { DTYPES, ITEM_SIZE, type DType } from './runtime/dtype.js';
export {
  GOLDEN_PROFILE,
  IEEE_PROFILE,
  withOverrides,
  type NumericProfile,
  type NumericProfileOverrides,
  type MatrixFormat,
} from './runtime/numerics/numeric-profile.js';
export { FP16, BF16, TF32, HF32, FP32, roundToFormat, type FloatFormat, type RoundingMode } from './runtime/numerics/float-format.js';
export { numberToFloat16Bits, float16BitsToNumber, numberToBfloat16Bits, bfloat16BitsToNumber } from './runtime/numerics/half-bits.js';
export { loadCatalog, type LoadCatalogOptions } from './catalog/load-catalog.js';
export { checkCatalog } from './catalog/check-catalog.js';
export { Catalog } from './catalog/catalog.js';
export { BACKENDS, TARGET_BACKENDS, type BackendId, type Status, type Confidence } from './catalog/vocabulary.js';
export { OpbridgeError, UsageError, InputError, OpError, ShapeError } from './errors.js';
export { coverage, type CoverageOptions } from './coverage/coverage.js';
export type { CoverageReport } from './coverage/coverage-report.js';
export { runProgram, type RunProgramOptions, type ProgramRun } from './run/run-program.js';
export { port, type PortOptions } from './port/port.js';
export { portSource, type PortSourceOptions, type SourcePortResult } from './port/port-source.js';
export type { PortResult, PortFileResult, PortSummary, PortRewrite, PortOutcome } from './port/port-result.js';
export { PORT_DIAGNOSTICS, type PortDiagnostic, type PortDiagnosticId } from './port/diagnostics/port-diagnostics.js';
export { verify, verifySettings, type VerifyOptions, type VerifySettings } from './verify/verify.js';
export { runForVerify, type ProgramRuns, type RunLimits } from './verify/program-runs.js';
export { compareRuns, type CompareSettings } from './verify/compare-runs.js';
export { ToleranceResolver, DEFAULT_TOLERANCES, type Tolerance, type StrictTolerance } from './verify/tolerance.js';
export { loadVerifyConfig, VerifyConfigSchema, type VerifyConfig } from './verify/verify-config.js';
export { tensorMetrics, type TensorMetrics } from './verify/metrics.js';
export { profileWidening, type Widening } from './verify/profile-widening.js';
export { reportJson } from './verify/render-json.js';
export { runDemo, DEMO_SAMPLE, type DemoOptions, type DemoResult } from './demo/run-demo.js';
export { renderJUnit } from './verify/render-junit.js';
export { renderMarkdown } from './verify/render-markdown.js';
export { renderText } from './verify/render-text.js';
export type { VerifyReport, Verdict, RowVerdict, OpRow, ValueRow, FirstDivergence } from './verify/verify-report.js';
