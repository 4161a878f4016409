/**
 * emit/shared-handles.ts: lowered ops of one library in one block on one stream share the first
 * op's handle, and only where that is provably the same program. Each case is CUDA text as a
 * lowering writes it, all of it written by one edit (as a port's placement writes it), so the
 * only thing that decides is the code.
 */
import { describe, expect, it } from 'vitest';
import { shareLibraryHandles } from '../../src/port/emit/shared-handles.js';

const HEADER = `import { cudnnCreate, cudnnSetStream, cudnnDestroy, cudaSetDevice, cudaStreamCreate, cudnnActivationForward, cublasLtCreate, cublasLtDestroy, cublasLtMatmul, ref, type cudnnHandle_t, type cublasLtHandle_t, type cudaStream_t } from 'opbridge/cuda';
function check(status: number, what: string): void {
  if (status !== 0) throw new Error(what);
}
`;

/** A lowered op on `stream` as cudnn-lowerers.ts writes it. */
const op = (h: string, what: string, stream = 'stream.value') => `  const ${h} = ref<cudnnHandle_t>();
  check(cudnnCreate(${h}), '${what}');
  check(cudnnSetStream(${h}.value, ${stream}), '${what}');
  check(cudnnActivationForward(${h}.value, 1), '${what}');
  cudnnDestroy(${h}.value);
`;

/** The port of `body` inside `main(stream)`, the body written by one edit over a placeholder. */
function shared(body: string, prologue = '  const stream = ref<cudaStream_t>();\n') {
  const source = `${HEADER}export function main() {\n${prologue}  PLACEHOLDER;\n}\n`;
  const start = source.indexOf('PLACEHOLDER;');
  const output = `${source.slice(0, start)}${body.trimStart()}${source.slice(start + 'PLACEHOLDER;'.length)}`;
  const edits = [{ start, end: start + 'PLACEHOLDER;'.length, text: body.trimStart() }];
  return { before: output, after: shareLibraryHandles({ output, edits }, 'cuda', 'input.ts'), edits, source };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('one library handle per block and stream', () => {
  it('makes and binds the handle once, before the first op, and destroys it once, after the last; the edits still make the output', () => {
    const { after, source } = shared(`${op('h', 'a')}${op('h_1', 'b')}${op('h_2', 'c')}`);
    expect(count(after.output, 'cudnnCreate(')).toBe(1);
    expect(count(after.output, 'cudnnSetStream(')).toBe(1);
    expect(count(after.output, 'cudnnDestroy(')).toBe(1);
    expect(count(after.output, 'cudnnActivationForward(h.value')).toBe(3);
    expect(after.output).not.toMatch(/h_[12]/);
    // The destroy stays after the last op.
    expect(after.output.indexOf('cudnnDestroy(h.value)')).toBeGreaterThan(after.output.lastIndexOf('cudnnActivationForward('));
    // The edits still make the output from the source (a second port traces its findings back through them).
    let rebuilt = source;
    for (const e of [...after.edits].reverse()) rebuilt = rebuilt.slice(0, e.start) + e.text + rebuilt.slice(e.end);
    expect(rebuilt).toBe(after.output);
  });

  it('keeps one handle per stream', () => {
    const { before, after } = shared(`${op('h', 'a')}${op('h_1', 'b', 'other.value')}`, '  const stream = ref<cudaStream_t>();\n  const other = ref<cudaStream_t>();\n');
    expect(after.output).toBe(before);
  });

  it('keeps both where the stream variable may change between them', () => {
    const between = '  cudaStreamCreate(stream);\n';
    const { before, after } = shared(`${op('h', 'a')}${between}${op('h_1', 'b')}`);
    expect(after.output).toBe(before);
  });

  it('keeps both where a function of the file writes the stream variable', () => {
    const body = `${op('h', 'a')}  reset();\n${op('h_1', 'b')}`;
    const source = `${HEADER}let stream = ref<cudaStream_t>();\nfunction reset() {\n  stream = ref<cudaStream_t>();\n}\nexport function main() {\n  PLACEHOLDER;\n}\n`;
    const start = source.indexOf('PLACEHOLDER;');
    const output = `${source.slice(0, start)}${body.trimStart()}${source.slice(start + 'PLACEHOLDER;'.length)}`;
    const edits = [{ start, end: start + 'PLACEHOLDER;'.length, text: body.trimStart() }];
    expect(shareLibraryHandles({ output, edits }, 'cuda', 'input.ts').output).toBe(output);
  });

  it('keeps both where code between can leave the block (the first handle would not be destroyed)', () => {
    for (const exit of ['  if (flag) throw new Error("x");\n', '  if (flag) return;\n']) {
      const { before, after } = shared(`${op('h', 'a')}${exit}${op('h_1', 'b')}`, '  const stream = ref<cudaStream_t>();\n  const flag = Math.random() > 2;\n');
      expect(after.output).toBe(before);
    }
  });

  it('keeps both where the current device may change between them (a handle belongs to the device it was made on)', () => {
    const { before, after } = shared(`${op('h', 'a')}  cudaSetDevice(1);\n${op('h_1', 'b')}`);
    expect(after.output).toBe(before);
    const imported = shared(`${op('h', 'a')}  helper();\n${op('h_1', 'b')}`);
    // `helper` is declared nowhere in the file: it may do anything.
    expect(imported.after.output).toBe(imported.before);
  });

  it('shares across calls of file functions that keep the device and a parameter of their own named as the stream', () => {
    const body = `${op('h', 'a')}  const p = allocate(16);\n  const q = p.plus(4);\n  step(q, stream.value);\n${op('h_1', 'b')}`;
    const withFunctions = (allocation: string) => {
      const functions = `function allocate(bytes: number): DevicePtr {\n  const p = ref<DevicePtr>();\n  ${allocation}\n  return p.value;\n}\nfunction step(x: DevicePtr, stream: cudaStream_t) {\n  stream = stream;\n  check(cudnnActivationForward(x, stream), 'step');\n}\n`;
      const source = `${HEADER.replace('ref,', 'ref, cudaMalloc, type DevicePtr,')}${functions}export function main() {\n  const stream = ref<cudaStream_t>();\n  PLACEHOLDER;\n}\n`;
      const start = source.indexOf('PLACEHOLDER;');
      const output = `${source.slice(0, start)}${body.trimStart()}${source.slice(start + 'PLACEHOLDER;'.length)}`;
      return { output, edits: [{ start, end: start + 'PLACEHOLDER;'.length, text: body.trimStart() }] };
    };
    const keeping = withFunctions("check(cudaMalloc(p, bytes), 'cudaMalloc');");
    expect(count(shareLibraryHandles(keeping, 'cuda', 'input.ts').output, 'cudnnCreate(')).toBe(1);
    // A file function that changes the device keeps them apart.
    const switching = withFunctions('cudaSetDevice(1);');
    expect(shareLibraryHandles(switching, 'cuda', 'input.ts').output).toBe(switching.output);
  });

  it('keeps ops in different blocks apart', () => {
    const nested = op('h_1', 'b').split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
    const { before, after } = shared(`${op('h', 'a')}  {\n${nested}  }\n`);
    expect(after.output).toBe(before);
  });

  it('leaves code no edit wrote as it is', () => {
    const output = `${HEADER}export function main() {\n  const stream = ref<cudaStream_t>();\n${op('h', 'a')}${op('h_1', 'b')}}\n`;
    expect(shareLibraryHandles({ output, edits: [] }, 'cuda', 'input.ts').output).toBe(output);
  });

  it('shares a cuBLASLt handle whatever the stream (cublasLtMatmul takes it per call)', () => {
    const lt = (h: string, stream: string) => `  const ${h} = ref<cublasLtHandle_t>();
  check(cublasLtCreate(${h}), 'mm');
  check(cublasLtMatmul(${h}.value, ${stream}), 'mm');
  cublasLtDestroy(${h}.value);
`;
    const { after } = shared(`${lt('lt', 'stream.value')}${lt('lt_1', 'other.value')}`, '  const stream = ref<cudaStream_t>();\n  const other = ref<cudaStream_t>();\n');
    expect(count(after.output, 'cublasLtCreate(')).toBe(1);
    expect(count(after.output, 'cublasLtDestroy(')).toBe(1);
    expect(after.output).toContain('cublasLtMatmul(lt.value, other.value)');
  });

  it('writes only for CUDA', () => {
    const { before, edits } = shared(`${op('h', 'a')}${op('h_1', 'b')}`);
    expect(shareLibraryHandles({ output: before, edits }, 'musa', 'input.ts').output).toBe(before);
  });
});
