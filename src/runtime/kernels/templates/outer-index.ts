/**
 * Outer (orthogonal) indexing, the copy behind Gather, Tile, Pad and every strided view a kernel
 * materialises (Transpose, Slice, Expand, ...): output element
 * (i0, …, in) is source element (t0[i0], …, tn[in]), where table td lists a source coordinate
 * along axis d for every output coordinate, or -1 for "fill with a constant" (Pad).
 *
 * Stored elements are moved, never decoded. Each row of the innermost table is split once
 * into runs of consecutive coordinates and fills, so Pad and Tile copy whole runs at a time.
 */
import { formatShape } from '../../../errors.js';
import { allocateStorage, type Storage } from '../../dtype.js';
import { shapeSize } from '../../shape.js';
import { Tensor } from '../../tensor.js';
import { cells, copyRun, fillRun, type StoredValue } from './stored-elements.js';

/** Coordinate -1 in a table: the output element takes the fill value. */
export const FILL = -1;

interface Run {
  /** Output position within the row. */
  readonly at: number;
  readonly length: number;
  /** First source coordinate, or FILL. */
  readonly from: number;
}

/** Splits a table into maximal runs of consecutive source coordinates or fills. */
function runsOf(table: Int32Array): Run[] {
  const runs: Run[] = [];
  let start = 0;
  for (let j = 1; j <= table.length; j++) {
    const continues =
      j < table.length && (table[j] === FILL ? table[start] === FILL : table[start] !== FILL && table[j] === table[start] + (j - start));
    if (!continues) {
      runs.push({ at: start, length: j - start, from: table[start] });
      start = j;
    }
  }
  return runs;
}

/**
 * A fresh tensor of shape [t0.length, …, tn.length] gathered from `source` through one
 * coordinate table per axis. `fill` is required when a table holds FILL.
 */
export function outerIndex(source: Tensor, tables: readonly Int32Array[], fill?: StoredValue): Tensor {
  const rank = source.rank;
  if (tables.length !== rank) {
    throw new Error(`outerIndex: ${tables.length} tables for a rank-${rank} source ${formatShape(source.shape)}`);
  }
  const shape = tables.map((t) => t.length);
  const size = shapeSize(shape);
  const out = allocateStorage(source.dtype, size);
  const result = new Tensor(out, source.dtype, shape);
  if (size === 0) return result;
  const src = source.storage;
  if (rank === 0) {
    cells(out)[0] = cells(src)[source.offset];
    return result;
  }
  const needsFill = tables.some((t) => t.includes(FILL));
  if (needsFill && fill === undefined) throw new Error('outerIndex: a table holds FILL but no fill value was given');
  const fillValue = fill ?? 0;

  const strides = source.strides;
  const innerTable = tables[rank - 1];
  const innerStride = strides[rank - 1];
  const innerLength = innerTable.length;
  const runs = runsOf(innerTable);
  const outer = rank - 1;
  const counter = new Array<number>(outer).fill(0);
  const s = cells(src);
  const d = cells(out);

  for (let rowStart = 0; rowStart < size; rowStart += innerLength) {
    let base = source.offset;
    let filled = false;
    for (let axis = 0; axis < outer; axis++) {
      const coordinate = tables[axis][counter[axis]];
      if (coordinate === FILL) filled = true;
      else base += coordinate * strides[axis];
    }
    if (filled) {
      fillRun(out, rowStart, rowStart + innerLength, fillValue);
    } else {
      for (const run of runs) {
        const at = rowStart + run.at;
        if (run.from === FILL) fillRun(out, at, at + run.length, fillValue);
        else if (innerStride === 1) copyRun(out, at, src, base + run.from, run.length);
        else for (let k = 0, p = base + run.from * innerStride; k < run.length; k++, p += innerStride) d[at + k] = s[p];
      }
    }
    for (let axis = outer - 1; axis >= 0; axis--) {
      if (++counter[axis] < tables[axis].length) break;
      counter[axis] = 0;
    }
  }
  return result;
}

/** The table 0, 1, …, n-1 (an axis taken whole). */
export function identityTable(length: number): Int32Array {
  const table = new Int32Array(length);
  for (let i = 0; i < length; i++) table[i] = i;
  return table;
}

/**
 * A view copied into fresh contiguous storage, so kernel outputs never alias their inputs.
 * Unlike Tensor.contiguous() this builds no per-element index array: strided, negative-stride
 * and broadcast (stride 0) views are copied row by row through identity tables.
 */
export function materialize(view: Tensor): Tensor {
  if (view.isContiguous()) {
    return new Tensor(view.storage.slice(view.offset, view.offset + view.size) as Storage, view.dtype, view.shape);
  }
  return outerIndex(view, view.shape.map(identityTable));
}
