/**
 * HcclGetRootInfo needs a current device: the porter moves the first device selection up to the
 * communicator id's statement only when that is provably the same program, and otherwise says
 * with OB1031 why not. Each case below breaks one condition of the proof
 * (src/port/structural/runtime/device-before-unique-id.ts); fixtures device-order* show the
 * whole outputs.
 */
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';

const IMPORTS = `import { cudaMalloc, cudaSetDevice, cudaStreamCreate, mpiBcast, ncclGetUniqueId, ncclUniqueId, ref, type DevicePtr, type cudaStream_t } from 'opbridge/cuda';
import { log } from './log.js';
`;

const port = (body: string, to: 'cann' | 'musa' = 'cann') => portSource(`${IMPORTS}${body}`, { to, comments: false });
const ids = (body: string, to: 'cann' | 'musa' = 'cann') => port(body, to).diagnostics.filter((d) => d.id === 'OB1031' || d.id === 'OB1032').map((d) => [d.id, d.message]);
const reason = (body: string) => {
  const found = ids(body);
  expect(found.map(([id]) => id)).toEqual(['OB1031']);
  return found[0][1].replace(/^.*?first device selection( \([^)]*\))?: /, '');
};

describe('device selection before the communicator id on CANN', () => {
  it('moves the selection over the id, a broadcast and built-ins, with OB1032', () => {
    const body = `export function init(rank: number, device: number) {
  const id = new ncclUniqueId();
  if (rank === 0) ncclGetUniqueId(id);
  mpiBcast(id.internal, 0);
  console.info(Math.max(rank, 0));
  cudaSetDevice(device + 0);
  return id;
}
`;
    const out = port(body).output;
    expect(out).toContain('  const id = new HcclRootInfo();\n  aclInit(null);\n  aclrtSetDevice(device + 0);\n  if (rank === 0) HcclGetRootInfo(id);\n  mpiBcast(id.internal, 0);\n  console.info(Math.max(rank, 0));\n  return id;');
    expect(ids(body)).toEqual([['OB1032', '`cudaSetDevice` moved up to before the statement of `HcclGetRootInfo` (line 5), which needs aclInit, then a current device (aclrtSetDevice) on cann; nothing between them uses a device']]);
    // Targets whose id needs no device keep the order.
    expect(ids(body, 'musa')).toEqual([]);
    expect(port(body, 'musa').output).toContain('mpiBcast(id.internal, 0);\n  console.info(Math.max(rank, 0));\n  musaSetDevice(device + 0);');
  });

  it('does not move over a call that uses the current device', () => {
    expect(
      reason(`export function init(rank: number) {
  const id = new ncclUniqueId();
  if (rank === 0) ncclGetUniqueId(id);
  const s = ref<cudaStream_t>();
  cudaStreamCreate(s);
  cudaSetDevice(rank);
}
`),
    ).toBe('`cudaStreamCreate` runs between them, and would then run on the selected device instead of the default one; move the device selection before this call by hand');
  });

  it('follows functions of the file, and stops at what it cannot see into', () => {
    expect(
      reason(`function stage(n: number) { const p = ref<DevicePtr>(); cudaMalloc(p, n); }
export function init(rank: number) {
  const id = new ncclUniqueId();
  if (rank === 0) ncclGetUniqueId(id);
  stage(64);
  cudaSetDevice(rank);
}
`),
    ).toBe('`stage(…)`, which calls `cudaMalloc`, runs between them, and would then run on the selected device instead of the default one; move the device selection before this call by hand');
    expect(
      reason(`export function init(rank: number) {
  const id = new ncclUniqueId();
  if (rank === 0) ncclGetUniqueId(id);
  log('id ready');
  cudaSetDevice(rank);
}
`),
    ).toBe('`log(…)` (imported: the porter cannot see what it does) runs between them, and would then run on the selected device instead of the default one; move the device selection before this call by hand');
  });

  it('does not move a selection whose argument is written between them, or that a return could skip', () => {
    expect(
      reason(`export function init(rank: number) {
  const id = new ncclUniqueId();
  let device = 0;
  if (rank === 0) ncclGetUniqueId(id);
  device = rank % 8;
  cudaSetDevice(device);
}
`),
    ).toBe('`device`, which the device selection reads, is written between them; move the device selection before this call by hand');
    expect(
      reason(`export function init(rank: number) {
  const id = new ncclUniqueId();
  if (rank === 0) ncclGetUniqueId(id);
  if (rank > 7) return;
  cudaSetDevice(rank);
}
`),
    ).toBe('a `return` between them may skip the device selection; move the device selection before this call by hand');
  });

  it('does not move a selection made in another function', () => {
    expect(
      reason(`export function init(rank: number) {
  const id = new ncclUniqueId();
  if (rank === 0) ncclGetUniqueId(id);
  select(rank);
}
function select(rank: number) {
  cudaSetDevice(rank);
}
`),
    ).toBe("it is called inside a function the device selection is not in; move the device selection before this call by hand");
  });

  it('says nothing when the file selects no device (its caller may have)', () => {
    expect(
      ids(`export function init() {
  const id = new ncclUniqueId();
  ncclGetUniqueId(id);
  return id;
}
`),
    ).toEqual([]);
  });

  it('leaves files that select the device first alone', () => {
    expect(
      ids(`export function init(rank: number) {
  cudaSetDevice(rank);
  const id = new ncclUniqueId();
  if (rank === 0) ncclGetUniqueId(id);
}
`),
    ).toEqual([]);
  });
});
