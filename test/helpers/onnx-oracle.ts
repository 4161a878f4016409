/**
 * Runs one ONNX operator in ONNX Runtime (onnxruntime-node, a dev dependency used only as a
 * test oracle). Builds a one-node model in memory, feeds opbridge tensors, returns tensors.
 */
import * as ort from 'onnxruntime-node';
import type { DType } from '../../src/runtime/dtype.js';
import type { AttributeValue } from '../../src/runtime/kernel.js';
import { Tensor } from '../../src/runtime/tensor.js';
import { ProtoWriter } from './protobuf-writer.js';

const ONNX_ELEM_TYPE: Record<DType, number> = {
  float32: 1,
  uint8: 2,
  int8: 3,
  int16: 5,
  int32: 6,
  int64: 7,
  bool: 9,
  float16: 10,
  float64: 11,
  bfloat16: 16,
};

const ORT_TYPE: Partial<Record<DType, ort.Tensor.Type>> = {
  float32: 'float32',
  float64: 'float64',
  float16: 'float16',
  int64: 'int64',
  int32: 'int32',
  int16: 'int16',
  int8: 'int8',
  uint8: 'uint8',
  bool: 'bool',
};

const DTYPE_OF_ELEM = Object.fromEntries(Object.entries(ONNX_ELEM_TYPE).map(([k, v]) => [v, k])) as Record<number, DType>;

export interface OracleOptions {
  readonly opset?: number;
  readonly outputs?: number;
  /** Output element types when they differ from the first input's. */
  readonly outputDTypes?: readonly DType[];
  readonly domain?: string;
}

type OracleAttribute =
  | AttributeValue
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'floats'; readonly values: readonly number[] };

/**
 * ONNX attributes are typed but JS numbers are not: integer-valued numbers are sent as INT
 * unless wrapped. Wrap float attributes whose test value happens to be an integer.
 */
export function asFloat(value: number): OracleAttribute {
  return { kind: 'float', value };
}

export function asFloats(values: readonly number[]): OracleAttribute {
  return { kind: 'floats', values };
}

function writeAttribute(w: ProtoWriter, name: string, value: OracleAttribute): void {
  w.string(1, name);
  if (typeof value === 'object' && value !== null && 'kind' in value) {
    if (value.kind === 'float') w.float(2, value.value).int(20, 1);
    else {
      for (const v of value.values) w.float(7, v);
      w.int(20, 6);
    }
  } else if (typeof value === 'number') {
    if (Number.isInteger(value)) w.int(3, value).int(20, 2);
    else w.float(2, value).int(20, 1);
  } else if (typeof value === 'boolean') {
    w.int(3, value ? 1 : 0).int(20, 2);
  } else if (typeof value === 'string') {
    w.string(4, value).int(20, 3);
  } else if (value instanceof Tensor) {
    w.message(5, (t) => writeTensor(t, value, `${name}_value`));
    w.int(20, 4);
  } else if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) {
      for (const v of value as string[]) w.string(9, v);
      w.int(20, 8);
    } else if ((value as number[]).every((v) => Number.isInteger(v))) {
      for (const v of value as number[]) w.int(8, v);
      w.int(20, 7);
    } else {
      for (const v of value as number[]) w.float(7, v);
      w.int(20, 6);
    }
  }
}

function writeTensor(w: ProtoWriter, t: Tensor, name: string): void {
  for (const d of t.shape) w.int(1, d);
  w.int(2, ONNX_ELEM_TYPE[t.dtype]);
  w.string(8, name);
  const c = t.contiguous();
  const storage = c.storage;
  w.bytes(9, new Uint8Array(storage.buffer, storage.byteOffset, storage.byteLength).slice());
}

export function buildSingleNodeModel(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  attributes: Readonly<Record<string, OracleAttribute | undefined>>,
  options: OracleOptions = {},
): { model: Uint8Array; inputNames: string[]; outputNames: string[] } {
  const opset = options.opset ?? 21;
  const outputs = options.outputs ?? 1;
  const inputNames = inputs.map((t, i) => (t ? `in${i}` : ''));
  const outputNames = Array.from({ length: outputs }, (_, i) => `out${i}`);
  const firstDType = inputs.find((t) => t)?.dtype ?? 'float32';
  const irVersion = opset >= 23 ? 11 : opset >= 21 ? 10 : 8;
  const model = new ProtoWriter()
    .int(1, irVersion)
    .string(2, 'opbridge-test')
    .message(8, (o) => o.string(1, options.domain ?? '').int(2, opset))
    .message(7, (g) => {
      g.message(1, (n) => {
        for (const name of inputNames) n.string(1, name);
        for (const name of outputNames) n.string(2, name);
        n.string(3, `${op}_0`).string(4, op);
        if (options.domain) n.string(7, options.domain);
        for (const [name, value] of Object.entries(attributes)) {
          if (value !== undefined) n.message(5, (a) => writeAttribute(a, name, value));
        }
      });
      g.string(2, 'g');
      inputs.forEach((t, i) => {
        if (!t) return;
        g.message(11, (v) =>
          v.string(1, inputNames[i]).message(2, (tp) => tp.message(1, (tt) => tt.int(1, ONNX_ELEM_TYPE[t.dtype]))),
        );
      });
      outputNames.forEach((name, i) => {
        const dtype = options.outputDTypes?.[i] ?? firstDType;
        g.message(12, (v) => v.string(1, name).message(2, (tp) => tp.message(1, (tt) => tt.int(1, ONNX_ELEM_TYPE[dtype]))));
      });
    })
    .finish();
  return { model, inputNames: inputNames.filter(Boolean), outputNames };
}

function toOrtTensor(t: Tensor): ort.Tensor {
  const type = ORT_TYPE[t.dtype];
  if (!type) throw new Error(`onnx-oracle: ONNX Runtime's JS API has no ${t.dtype} tensors`);
  const c = t.contiguous();
  const dims = [...t.shape];
  if (t.dtype === 'bool') return new ort.Tensor('bool', Uint8Array.from(c.storage as Uint8Array), dims);
  return new ort.Tensor(type, c.storage.slice() as never, dims);
}

function fromOrtTensor(t: ort.Tensor): Tensor {
  const dtype = (Object.entries(ORT_TYPE).find(([, v]) => v === t.type)?.[0] ?? DTYPE_OF_ELEM[1]) as DType;
  const data = t.data as unknown;
  let storage: Tensor['storage'];
  if (dtype === 'bool') storage = Uint8Array.from(data as Uint8Array);
  else storage = (data as Tensor['storage']).slice() as Tensor['storage'];
  return new Tensor(storage, dtype, [...t.dims]);
}

/**
 * One session per distinct model, kept for the test file's lifetime: the models declare element
 * types but no shapes, so a model built for one operator, attributes and dtypes serves every
 * input shape, and creating a session costs far more than running it.
 */
const sessions = new Map<string, Promise<ort.InferenceSession>>();

function sessionFor(model: Uint8Array): Promise<ort.InferenceSession> {
  const key = Buffer.from(model).toString('base64');
  let session = sessions.get(key);
  if (!session) {
    session = ort.InferenceSession.create(model, { graphOptimizationLevel: 'disabled', intraOpNumThreads: 1 });
    // A model ONNX Runtime rejects is not kept: each call reports the rejection itself.
    session.catch(() => sessions.delete(key));
    sessions.set(key, session);
  }
  return session;
}

/** Runs `op` in ONNX Runtime and returns its outputs as opbridge tensors. */
export async function runOnnxRuntime(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  attributes: Readonly<Record<string, OracleAttribute | undefined>> = {},
  options: OracleOptions = {},
): Promise<Tensor[]> {
  const { model, inputNames, outputNames } = buildSingleNodeModel(op, inputs, attributes, options);
  const session = await sessionFor(model);
  const feeds: Record<string, ort.Tensor> = {};
  let k = 0;
  for (const t of inputs) if (t) feeds[inputNames[k++]] = toOrtTensor(t);
  const result = await session.run(feeds);
  return outputNames.map((name) => fromOrtTensor(result[name]));
}
