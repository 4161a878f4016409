/**
 * CNNL convolution and batch norm take channels-last tensors (the Cambricon facade and the
 * catalog: NCHW descriptors are CNNL_STATUS_NOT_SUPPORTED; PaddleCustomDevice, DIOPI and
 * torch_mlu transpose first). A 4-D view the cuDNN lifter labelled NHWC is described as it is;
 * one labelled NCHW is staged the way those frameworks do it by hand:
 *
 * - an input: an NCHW descriptor of the source data, an NHWC descriptor of a device buffer
 *   (cnrtMalloc), and cnnlTranspose_v2 with perm [0, 2, 3, 1] before the op;
 * - an output: the op writes the NHWC buffer, and cnnlTranspose_v2 with perm [0, 3, 1, 2]
 *   writes the source's NCHW memory after it.
 *
 * Each transpose queries its workspace (cnnlGetTransposeWorkspaceSize); the buffers are freed
 * once the queue has run the op and the transposes back. The transposes' statuses are checked
 * like the op's. Views' dims are in the lifter's N, C, H, W order (an NHWC filter: K, C/group,
 * kH, kW), whatever their memory order.
 */
import { ITEM_SIZE } from '../../../runtime/dtype.js';
import { operand, type Expr } from '../../ir/expr.js';
import type { TensorExpr } from '../../ir/invocation.js';
import { product } from '../dnn/cudnn-descriptors.js';
import { isPacked, type CnnlStatements } from './cnnl-statements.js';

/** A 4-D tensor view with dims in N, C, H, W order and a layout label. */
export type Nchw = TensorExpr & { readonly dims: readonly Expr[]; readonly layout: 'NCHW' | 'NHWC' };

export function isFourD(view: TensorExpr | undefined): view is Nchw {
  return view?.dims?.length === 4 && (view.layout === 'NCHW' || view.layout === 'NHWC');
}

/**
 * A 4-D view from an Nd descriptor (labelled `strided`) labelled by its strides: packed in N, C,
 * H, W order is NCHW, packed in N, H, W, C order is NHWC (what cudnnSetTensor4dDescriptor's two
 * formats describe); any other view as it was.
 */
export function labelledByStrides<T extends TensorExpr | undefined>(view: T): T {
  if (!view || view.layout !== 'strided' || view.dims?.length !== 4 || view.strides?.length !== 4) return view;
  const [n, c, h, w] = view.dims;
  const [sn, sc, sh, sw] = view.strides;
  if (isPacked({ dims: view.dims, strides: view.strides })) return { ...view, layout: 'NCHW' };
  if (isPacked({ dims: [n, h, w, c], strides: [sn, sh, sw, sc] })) return { ...view, layout: 'NHWC' };
  return view;
}

/** What the op is given for one operand: an NHWC descriptor and the pointer it describes. */
export interface Staged {
  readonly desc: string;
  readonly ptr: string;
}

export class ChannelsLast {
  private readonly after: { text: string; declares: boolean; status?: boolean }[] = [];
  private readonly buffers: string[] = [];
  private toNhwc: string | undefined;
  private toNchw: string | undefined;

  constructor(
    private readonly s: CnnlStatements,
    private readonly handle: string,
    private readonly queue: string,
    private readonly dataType: string,
  ) {}

  private nhwcDims(view: Nchw): Expr[] {
    const [n, c, h, w] = view.dims;
    return [n, h, w, c];
  }

  private buffer(base: string, view: Nchw): string {
    const name = this.s.fresh(base);
    const size = ITEM_SIZE[view.dtype!.dtype!];
    this.s.push(`const ${name} = ${this.s.value('ref')}<${this.s.type('DevicePtr')}>()`, true);
    const count = product(view.dims).text;
    // A product of names needs no parentheses before `* size`.
    this.s.push(`${this.s.value('cnrtMalloc')}(${name}, ${/^[\w.\s*]+$/.test(count) ? count : operand(count)} * ${size})`);
    this.buffers.push(`${name}.value`);
    return `${name}.value`;
  }

  private permutation(toChannelsLast: boolean): string {
    const make = (base: string, perm: string) =>
      this.s.descriptor(base, 'cnnlTransposeDescriptor_t', 'cnnlCreateTransposeDescriptor', 'cnnlDestroyTransposeDescriptor', [`${this.s.value('cnnlSetTransposeDescriptor')}($, 4, ${perm})`]);
    if (toChannelsLast) return (this.toNhwc ??= make('toNhwc', '[0, 2, 3, 1]'));
    return (this.toNchw ??= make('toNchw', '[0, 3, 1, 2]'));
  }

  /** The transpose call from (desc, ptr) to (desc, ptr), with its workspace queried and allocated. */
  private transpose(base: string, perm: string, from: Staged, to: Staged): string {
    const ws = this.s.workspace(base, (size) => `${this.s.value('cnnlGetTransposeWorkspaceSize')}(${this.handle}, ${from.desc}, ${perm}, ${size})`, this.queue);
    return `${this.s.value('cnnlTranspose_v2')}(${this.handle}, ${perm}, ${from.desc}, ${from.ptr}, ${to.desc}, ${to.ptr}, ${ws.ptr}, ${ws.size})`;
  }

  /** An input of the op, transposed to NHWC first when the source holds it NCHW. */
  input(base: string, view: Nchw): Staged {
    const nhwc = { dims: this.nhwcDims(view), strides: [] as Expr[] };
    if (view.layout === 'NHWC') return { desc: this.s.tensor(base, nhwc, this.dataType, 'CNNL_LAYOUT_NHWC'), ptr: view.ptr.text };
    const source = { desc: this.s.tensor(base, { dims: view.dims, strides: [] }, this.dataType, 'CNNL_LAYOUT_NCHW'), ptr: view.ptr.text };
    const staged = { desc: this.s.tensor(`${base}Nhwc`, nhwc, this.dataType, 'CNNL_LAYOUT_NHWC'), ptr: this.buffer(`${base}Nhwc`, view) };
    this.s.push(this.transpose(`${base}ToNhwc`, this.permutation(true), source, staged), false, true);
    return staged;
  }

  /** An output of the op, transposed back to NCHW after it when the source holds it NCHW. */
  output(base: string, view: Nchw): Staged {
    const nhwc = { dims: this.nhwcDims(view), strides: [] as Expr[] };
    if (view.layout === 'NHWC') return { desc: this.s.tensor(base, nhwc, this.dataType, 'CNNL_LAYOUT_NHWC'), ptr: view.ptr.text };
    const staged = { desc: this.s.tensor(`${base}Nhwc`, nhwc, this.dataType, 'CNNL_LAYOUT_NHWC'), ptr: this.buffer(`${base}Nhwc`, view) };
    const target = { desc: this.s.tensor(base, { dims: view.dims, strides: [] }, this.dataType, 'CNNL_LAYOUT_NCHW'), ptr: view.ptr.text };
    this.after.push({ text: this.transpose(`${base}ToNchw`, this.permutation(false), staged, target), declares: false, status: true });
    return staged;
  }

  /**
   * Call after the op's own statements: the transposes back run first after the op (before any
   * workspace is released), and the staging buffers are freed once the queue is done.
   */
  finish(): void {
    this.s.epilogue.unshift(...this.after);
    if (this.buffers.length === 0) return;
    this.s.epilogue.push({ text: `${this.s.value('cnrtQueueSync')}(${this.queue})`, declares: false });
    for (const b of this.buffers) this.s.epilogue.push({ text: `${this.s.value('cnrtFree')}(${b})`, declares: false });
  }
}
