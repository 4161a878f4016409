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
import { SimObject } from '../sim/sim-object.js';
import { dataTypeName, formatName } from './acl-dtype.js';

function where(site: CallSite | undefined): string {
  return site ? ` (created at ${site.file}:${site.line})` : '';
}

abstract class AclObject extends SimObject {
  destroyedAt: CallSite | undefined;
  /** A tensor owned by an aclTensorList is destroyed with the list. */
  ownedBy: AclTensorList | undefined;
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

/** The arrays and lists: values copied from the host (or the tensors and scalars listed) at creation. */
abstract class AclArray<T> extends AclObject {
  constructor(
    readonly values: readonly T[],
    site: CallSite | undefined,
  ) {
    super(site);
  }
}

export class AclIntArray extends AclArray<number> {
  readonly kind = 'aclIntArray';
}

export class AclFloatArray extends AclArray<number> {
  readonly kind = 'aclFloatArray';
}

export class AclBoolArray extends AclArray<boolean> {
  readonly kind = 'aclBoolArray';
}

export class AclTensorList extends AclArray<AclTensor> {
  readonly kind = 'aclTensorList';

  get tensors(): readonly AclTensor[] {
    return this.values;
  }
}

export class AclScalarList extends AclArray<AclScalar> {
  readonly kind = 'aclScalarList';

  get scalars(): readonly AclScalar[] {
    return this.values;
  }
}

export type aclTensor = AclTensor;
export type aclScalar = AclScalar;
export type aclIntArray = AclIntArray;
export type aclFloatArray = AclFloatArray;
export type aclBoolArray = AclBoolArray;
export type aclTensorList = AclTensorList;
export type aclScalarList = AclScalarList;
