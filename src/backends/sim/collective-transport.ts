/**
 * How ranks exchange data. A collective (or the MPI-like host helper) is an all-gather of one
 * payload per rank, after which every rank computes the same result from the same inputs in
 * the same order. The program runner provides a shared-memory transport between rank
 * workers; a single rank uses the loopback one.
 */
export interface CollectiveTransport {
  readonly rank: number;
  readonly nranks: number;
  /**
   * Blocks until every rank has contributed its payload for this call and returns all
   * payloads in rank order. Every rank must make the same sequence of calls with the same tag.
   */
  exchange(tag: string, payload: Uint8Array): Uint8Array[];
  /**
   * Point-to-point delivery to one peer (ncclSend / HcclSend), when the transport has such a
   * channel. Optional: facades report point-to-point calls as not simulated without it.
   */
  send?(peer: number, tag: string, payload: Uint8Array): void;
  /** Blocks until `peer` has sent the payload for `tag` (ncclRecv / HcclRecv). */
  receive?(peer: number, tag: string): Uint8Array;
}

export class LoopbackTransport implements CollectiveTransport {
  readonly rank = 0;
  readonly nranks = 1;

  exchange(_tag: string, payload: Uint8Array): Uint8Array[] {
    return [payload.slice()];
  }
}
