/**
 * cudnn-frontend graphs as model code builds them (helpers, several nodes, sdpa) → CANN aclnn
 * sequences: what ports, what is declined and why. The numerical check of the ported
 * cudnn-frontend-graphs fixture is in frontend-verify.test.ts; its text in fixtures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';

const HEADER = `import { fe, ref, type DevicePtr, type cudnnHandle_t } from 'opbridge/cuda';
type Graph = InstanceType<typeof fe.graph.Graph>;
const ROWS = 4;
const COLS = 8;
`;

const port = (text: string) => portSource(text, { to: 'cann', comments: false });
// (The cudnnHandle_t parameters have no CANN type either: OB1008, from the type mapping.)
const errors = (text: string) => port(text).diagnostics.filter((d) => d.severity === 'error' && d.id === 'OB1019').map((d) => d.message);

/** A one-node pointwise graph over [rows, cols] built by a helper. */
const POINTWISE_HELPER = `function pointwise(mode: InstanceType<typeof fe.PointwiseMode_t> | any) {
  const g = new fe.graph.Graph();
  g.set_io_data_type(fe.DataType_t.FLOAT);
  const a = g.tensor(new fe.graph.Tensor_attributes().set_dim([ROWS, COLS]).set_stride([COLS, 1]));
  const b = g.tensor(new fe.graph.Tensor_attributes().set_dim([ROWS, COLS]).set_stride([COLS, 1]));
  const c = g.pointwise(a, b, new fe.graph.Pointwise_attributes().set_mode(mode));
  c.set_output(true);
  return { g, a, b, c };
}
`;

describe('cudnn-frontend graphs → CANN', () => {
  it('a graph executed by a helper called at several sites is lowered at each call site, with the pointers of each site', () => {
    const text = `${HEADER}function run(h: cudnnHandle_t, graph: Graph, t: any, x: DevicePtr, y: DevicePtr) {
  graph.execute(h, new Map([[t.a, x], [t.b, x], [t.c, y]]), null);
}
export function main(h: cudnnHandle_t, d0: DevicePtr, d1: DevicePtr) {
  const graph = new fe.graph.Graph();
  graph.set_io_data_type(fe.DataType_t.FLOAT);
  const a = graph.tensor(new fe.graph.Tensor_attributes().set_dim([ROWS, COLS]).set_stride([COLS, 1]));
  const b = graph.tensor(new fe.graph.Tensor_attributes().set_dim([ROWS, COLS]).set_stride([COLS, 1]));
  const c = graph.pointwise(a, b, new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.MUL));
  c.set_output(true);
  run(h, graph, { a, b, c }, d0, d1);
  run(h, graph, { a, b, c }, d1, d0);
}
`;
    const result = port(text);
    expect(result.diagnostics.filter((d) => d.severity === 'error' && /Graph/.test(d.message))).toEqual([]);
    expect(result.output.match(/aclnnMulGetWorkspaceSize\(/g)).toHaveLength(2);
    expect(result.output).toContain('aclCreateTensor([ROWS, COLS], 2, ACL_FLOAT, [COLS, 1], 0, ACL_FORMAT_ND, [ROWS, COLS], 2, d0)');
    expect(result.output).toContain('aclCreateTensor([ROWS, COLS], 2, ACL_FLOAT, [COLS, 1], 0, ACL_FORMAT_ND, [ROWS, COLS], 2, d1)');
    // The helper only graph code used is gone with it.
    expect(result.output).not.toContain('function run(');
    expect(result.output).not.toContain('fe.graph');
  });

  it('a pointwise mode known only at run time (a helper parameter) is declined where the graph is made', () => {
    const text = `${HEADER}${POINTWISE_HELPER}export function main(h: cudnnHandle_t, mode: any, x: DevicePtr, y: DevicePtr) {
  const { g, a, b, c } = pointwise(mode);
  g.execute(h, new Map([[a, x], [b, x], [c, y]]), null);
}
`;
    expect(errors(text)).toEqual(['`cudnn_frontend::graph::Graph` cannot be ported to cann: pointwise mode (not a constant) is not ported (line 16)']);
    expect(port(text).output).toContain('g.execute(h, new Map(');
  });

  it('the same helper with a constant mode ports', () => {
    const text = `${HEADER}${POINTWISE_HELPER}export function main(h: cudnnHandle_t, x: DevicePtr, y: DevicePtr) {
  const { g, a, b, c } = pointwise(fe.PointwiseMode_t.SUB);
  g.execute(h, new Map([[a, x], [b, x], [c, y]]), null);
}
`;
    expect(errors(text)).toEqual([]);
    expect(port(text).output).toContain('aclnnSubGetWorkspaceSize(');
  });

  it('dims known only at run time in a helper that builds and executes are written as the parameters of the helper', () => {
    const text = `${HEADER}export function relu(h: cudnnHandle_t, rows: number, cols: number, x: DevicePtr, y: DevicePtr) {
  const g = new fe.graph.Graph();
  g.set_io_data_type(fe.DataType_t.HALF);
  const t = g.tensor(new fe.graph.Tensor_attributes().set_dim([rows, cols]).set_stride([cols, 1]));
  const r = g.pointwise(t, new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.RELU_FWD));
  r.set_output(true);
  g.execute(h, new Map([[t, x], [r, y]]), null);
}
`;
    expect(errors(text)).toEqual([]);
    expect(port(text).output).toContain('aclCreateTensor([rows, cols], 2, ACL_FLOAT16, [cols, 1], 0, ACL_FORMAT_ND, [rows, cols], 2, x)');
  });

  it('a graph passed in as a parameter is declined: what it is is known only at run time', () => {
    const text = `${HEADER}export function run(h: cudnnHandle_t, graph: Graph, t: any, x: DevicePtr) {
  graph.execute(h, new Map([[t, x]]), null);
}
`;
    expect(errors(text).filter((m) => /Graph/.test(m))).toEqual([
      '`cudnn_frontend::graph::Graph` cannot be ported to cann: the graph `graph` is not built where it is executed (a parameter or a value known only at run time) (line 6)',
    ]);
  });

  it('sdpa options aclnn attention cannot express, and views it cannot read, are declined', () => {
    const sdpa = (options: string, strides = '[2 * 4 * 8, 8, 4 * 8, 1]') => `${HEADER}export function main(h: cudnnHandle_t, q: DevicePtr, o: DevicePtr) {
  const g = new fe.graph.Graph();
  g.set_io_data_type(fe.DataType_t.HALF);
  const t = (n: string) => g.tensor(new fe.graph.Tensor_attributes().set_name(n).set_dim([2, 4, 2, 8]).set_stride(${strides}));
  const Q = t('Q');
  const K = t('K');
  const V = t('V');
  const [O] = g.sdpa(Q, K, V, new fe.graph.SDPA_attributes()${options});
  O.set_output(true).set_dim([2, 4, 2, 8]).set_stride(${strides});
  g.execute(h, new Map([[Q, q], [K, q], [V, q], [O, o]]), null);
}
`;
    expect(errors(sdpa('.set_causal_mask(true)'))).toEqual([]);
    expect(errors(sdpa('.set_padding_mask(true)'))).toEqual([
      '`cudnn_frontend::graph::Graph` cannot be ported to cann: the sdpa option `set_padding_mask` is not ported (padding masks, bias, ALiBi, dropout and sliding windows are not lowered) (line 14)',
    ]);
    expect(errors(sdpa('', '[64, 1, 32, 4]'))).toEqual([
      '`cudnn_frontend::graph::Graph::execute` cannot be ported to cann: Q, K, V and O are not all packed [b, h, s, d] (BNSD) or [b, s, h, d] (BSND) views; other strides are not ported',
    ]);
  });

  it('ports are idempotent: porting the CANN output again changes nothing', () => {
    const text = `${HEADER}${POINTWISE_HELPER}export function main(h: cudnnHandle_t, x: DevicePtr, y: DevicePtr) {
  const { g, a, b, c } = pointwise(fe.PointwiseMode_t.ADD);
  g.execute(h, new Map([[a, x], [b, x], [c, y]]), null);
}
`;
    const once = port(text).output;
    expect(portSource(once, { to: 'cann', comments: false }).output).toBe(once);
  });
});
