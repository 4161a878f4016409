/**
 * cudaDeviceSynchronize → Kunlun: waits on the default stream and on each stream the program
 * created only where every such stream is surely made and still alive at the call; otherwise the
 * call stays with OB1002 (a wait on a stream that may not exist, or that was destroyed, would fault
 * where the CUDA program runs). The happy path and a helper out of sight are in the fixture
 * test/fixtures/port/device-synchronize-streams.
 */
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';

function program(body: string): string {
  return `import { cudaDeviceSynchronize, cudaStreamCreate, cudaStreamDestroy, ref, type cudaStream_t } from 'opbridge/cuda';
function checkCuda(status: number, what: string): void {
  if (status !== 0) throw new Error(what);
}
export function main(flag: boolean) {
  const stream = ref<cudaStream_t>();
${body}
}
`;
}

function port(body: string) {
  const result = portSource(program(body), { from: 'cuda', to: 'kunlun', fileName: 'sync.ts' });
  return { output: result.output, errors: result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.id) };
}

describe('cudaDeviceSynchronize → Kunlun', () => {
  it('waits on the default stream and the created one when the stream is made once before it', () => {
    const { output, errors } = port('  checkCuda(cudaStreamCreate(stream), "stream");\n  cudaDeviceSynchronize();\n  cudaStreamDestroy(stream.value);');
    expect(output).toContain('xpu_wait();\n  xpu_wait(stream.value);');
    expect(errors).toEqual([]);
  });

  it('keeps the call when a stream is made under a branch, in a loop, or destroyed before it', () => {
    for (const body of [
      '  if (flag) cudaStreamCreate(stream);\n  cudaDeviceSynchronize();',
      '  for (let i = 0; i < 2; i++) cudaStreamCreate(stream);\n  cudaDeviceSynchronize();',
      '  cudaStreamCreate(stream);\n  cudaStreamDestroy(stream.value);\n  cudaDeviceSynchronize();',
    ]) {
      const { output, errors } = port(body);
      expect(output, body).toContain('cudaDeviceSynchronize();');
      expect(output, body).not.toContain('xpu_wait(stream.value)');
      expect(output, body).not.toMatch(/^\s*xpu_wait\(\);$/m);
      expect(errors, body).toEqual(['OB1002']);
    }
  });
});
