/**
 * The chain rule on real facade traces, in-process (no workers): cublasSaxpy against Kunlun's
 * xpu::scale into a scratch buffer then xpu::add. The facades record what memory each call
 * and copy reads and writes; verify pairs the axpy with the two calls only while the scratch
 * buffer stays inside them. Data are multiples of 1/8 and alpha = 0.5, so every result is exact
 * in float32 and anything but pass is a pairing finding.
 */
import { describe, expect, it } from 'vitest';
import * as cuda from '../../src/backends/cuda/index.js';
import * as kunlun from '../../src/backends/kunlun/index.js';
import { SimProcess, withProcess } from '../../src/backends/sim/sim-process.js';
import type { ProgramRun } from '../../src/run/run-program.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { compareRuns } from '../../src/verify/compare-runs.js';
import type { ProgramRuns } from '../../src/verify/program-runs.js';
import { ToleranceResolver } from '../../src/verify/tolerance.js';

const N = 32;
const X = Float32Array.from({ length: N }, (_, i) => ((i % 9) - 4) / 8);
const Y = Float32Array.from({ length: N }, (_, i) => ((i % 7) - 3) / 8);

function cudaAxpy(): void {
  const upload = (host: Float32Array): cuda.DevicePtr => {
    const p = cuda.ref<cuda.DevicePtr>();
    cuda.cudaMalloc(p, host.byteLength);
    cuda.cudaMemcpy(p.value, host, host.byteLength, cuda.cudaMemcpyHostToDevice);
    return p.value;
  };
  const x = upload(X);
  const y = upload(Y);
  const handle = cuda.ref<cuda.cublasHandle_t>();
  cuda.cublasCreate(handle);
  cuda.cublasSaxpy(handle.value, N, 0.5, x, 1, y, 1);
  cuda.cudaMemcpy(new Float32Array(N), y, N * 4, cuda.cudaMemcpyDeviceToHost);
  cuda.cublasDestroy(handle.value);
}

/** `leak`: the program copies the scratch buffer (alpha·x) back to the host afterwards. */
const kunlunScaleAdd = (leak: boolean) => (): void => {
  const upload = (host: Float32Array): kunlun.DevicePtr => {
    const p = kunlun.ref<kunlun.DevicePtr>();
    kunlun.xpu_malloc(p, host.byteLength, kunlun.XPU_MEM_MAIN);
    kunlun.xpu_memcpy(p.value, host, host.byteLength, kunlun.XPU_HOST_TO_DEVICE);
    return p.value;
  };
  const x = upload(X);
  const y = upload(Y);
  const ctx = kunlun.xpu.create_context();
  const scratch = kunlun.ref<kunlun.DevicePtr>();
  kunlun.xpu_malloc(scratch, N * 4, kunlun.XPU_MEM_MAIN);
  kunlun.xpu.scale(['float'], ctx, x, scratch.value, N, true, 0.5, 0);
  kunlun.xpu.add(['float'], ctx, scratch.value, y, y, N);
  kunlun.xpu_wait(ctx.xpu_stream);
  kunlun.xpu_memcpy(new Float32Array(N), y, N * 4, kunlun.XPU_DEVICE_TO_HOST);
  if (leak) kunlun.xpu_memcpy(new Float32Array(N), scratch.value, N * 4, kunlun.XPU_DEVICE_TO_HOST);
};

function run(role: ProgramRuns['role'], body: () => void): ProgramRuns {
  const once = (mode: 'golden' | 'profiled'): ProgramRun => {
    const process = new SimProcess({ mode, traceLevel: 'full' });
    withProcess(process, body);
    return { file: `/${role}.ts`, mode, ranks: [{ rank: 0, outputs: new Map(), trace: process.tracer.records, diagnostics: [], simulatedTimeUs: 0 }] };
  };
  return { role, file: `/${role}.ts`, golden: once('golden'), profiled: once('profiled') };
}

describe('chain pairing on facade traces', () => {
  const catalog = loadCatalog();
  const compare = (ported: () => void) => compareRuns(run('original', cudaAxpy), run('ported', ported), { catalog, tolerances: new ToleranceResolver(catalog, {}) });
  const rows = (r: ReturnType<typeof compare>): string[] => r.ops.map((o) => `${o.original.map((c) => c.symbol).join('+') || '—'} > ${o.ported.map((c) => c.symbol).join('+') || '—'}: ${o.verdict}`);

  it('cublasSaxpy pairs with xpu::scale + xpu::add in one row, compared through y', () => {
    const r = compare(kunlunScaleAdd(false));
    expect(rows(r)).toEqual(['cublasSaxpy+cublasSaxpy > xpu::scale+xpu::add: pass']);
    expect(r.verdict).toBe('pass');
  });

  it('the scale stays unmatched when its scratch result is copied to the host', () => {
    const r = compare(kunlunScaleAdd(true));
    expect(rows(r)).toContain('— > xpu::scale: unmatched');
    expect(r.copies.map((c) => c.verdict)).toEqual(['pass', 'info']);
    expect(r.verdict).toBe('warn');
  });
});
