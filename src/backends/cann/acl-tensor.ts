/**
 * The aclnn metadata objects (acl_meta.h): aclTensor (a strided view, in elements, over a
 * device buffer described by its storage shape), aclScalar (a host value), the int / float /
 * bool arrays and the tensor and scalar lists. They are host objects tracked for leaks
 * (OB2005) and for use after aclDestroy* (OB2008).
 */
import type { DType } from '../../runtime/dtype.js';
import { ITEM_SIZE } from '../../runtime/dtype.js';
import type { Tensor } from '../../runtime/tensor.js';
import type { CallSite } from '../sim/call-site.js';
import type { DevicePtr } from '../sim/device-memory.js';
import type { LiveObject } from '../sim/sim-process.js';
import { dataTypeName, formatName } from './acl-dtype.js';

function where(site: CallSite | undefined): string {
  return site ? ` (created at ${site.file}:${site.line})` : '';
}

abstract class AclObject implements LiveObject {
  abstract readonly kind: string;
  destroyed = false;
  destroyedAt: CallSite | undefined;
  /** A tensor owned by an aclTensorList is destroyed with the list. */
  ownedBy: AclTensorList | undefined;
  constructor(readonly site: CallSite | undefined) {}
}

export class AclTensor extends AclObject {
  readonly kind = 'aclTensor';
  constructor(
    readonly viewDims: readonly number[],
    readonly dataType: number,
    readonly dtype: DType,
    readonly strides: readonly number[],
    readonly offset: number,
    readonly format: number,
    readonly storageDims: readonly number[],
    readonly data: DevicePtr | null,
    site: CallSite | undefined,
  ) {
    super(site);
  }

  get rank(): number {
    return this.viewDims.length;
  }

  get numel(): number {
    return this.viewDims.reduce((a, b) => a * b, 1);
  }

  get itemSize(): number {
    return ITEM_SIZE[this.dtype];
  }

  describe(): string {
    return `aclTensor [${this.viewDims.join(', ')}] ${dataTypeName(this.dataType)} ${formatName(this.format)}${where(this.site)}`;
  }
}

export class AclScalar extends AclObject {
  readonly kind = 'aclScalar';
  constructor(
    /** The value as a 0-d tensor of the scalar's dtype. */
    readonly value: Tensor,
    readonly dataType: number,
    site: CallSite | undefined,
  ) {
    super(site);
  }

  get number(): number {
    return this.value.toFloat64()[0];
  }
}

export class AclIntArray extends AclObject {
  readonly kind = 'aclIntArray';
  constructor(
    readonly values: readonly number[],
    site: CallSite | undefined,
  ) {
    super(site);
  }
}

export class AclFloatArray extends AclObject {
  readonly kind = 'aclFloatArray';
  constructor(
    readonly values: readonly number[],
    site: CallSite | undefined,
  ) {
    super(site);
  }
}

export class AclBoolArray extends AclObject {
  readonly kind = 'aclBoolArray';
  constructor(
    readonly values: readonly boolean[],
    site: CallSite | undefined,
  ) {
    super(site);
  }
}

export class AclTensorList extends AclObject {
  readonly kind = 'aclTensorList';
  constructor(
    readonly tensors: readonly AclTensor[],
    site: CallSite | undefined,
  ) {
    super(site);
  }
}

export class AclScalarList extends AclObject {
  readonly kind = 'aclScalarList';
  constructor(
    readonly scalars: readonly AclScalar[],
    site: CallSite | undefined,
  ) {
    super(site);
  }
}

export type aclTensor = AclTensor;
export type aclScalar = AclScalar;
export type aclIntArray = AclIntArray;
export type aclFloatArray = AclFloatArray;
export type aclBoolArray = AclBoolArray;
export type aclTensorList = AclTensorList;
export type aclScalarList = AclScalarList;
