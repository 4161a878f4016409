/**
 * ncclCommInitRank(&comm, nranks, id, rank) → cnclInitComms. NCCL binds the communicator to the
 * current device; CNCL's init takes the device explicitly, in lists of `num_comm` entries
 * (cnclInitComms(comms, num_comm, dev_list, rank_list, nrank, clique_id), the catalog's
 * cnclInitComms entry and /work/shared/reference/cambricon-kunlun.md). The one-rank-per-process
 * form is what PaddleCustomDevice's MLU runtime writes: the current device read with
 * cnrtGetDevice, then one-element lists:
 *
 *     const device = ref(0);
 *     cnrtGetDevice(device);
 *     cnclInitComms(comm, 1, [device.value], [rank], nranks, id)
 *
 * Reading the device at the call keeps NCCL's meaning exactly (whatever device the program
 * selected, or device 0 when it selected none). Impure arguments are evaluated first, in source
 * order, so nothing they do runs after the device is read or in another order. The status of
 * cnrtGetDevice is a cnrtRet_t, not the cnclResult_t the source status check expects, so it is
 * not routed there (reading the current device fails only without a device, which the init
 * would report too). The way back (cnclInitComms → ncclCommInitRank) is in
 * cncl-init-comms-lifter.ts.
 */
import type { Expr } from '../../ir/expr.js';
import type { Invocation } from '../../ir/invocation.js';
import { roleView } from '../../ir/role-view.js';
import { formatCall } from '../../emit/call-text.js';
import type { LowerContext, LowerResult, Lowerer, PreludeStatement } from '../../lower/lowerer.js';

/** The roles of an NCCL-shaped init: one communicator for this process's rank on the current device. */
const CURRENT_DEVICE_INIT = ['out-comm', 'nranks', 'unique-id', 'rank'] as const;

export const cnclInitCommsLowerer: Lowerer = {
  name: 'cnclInitComms on the current device',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || invocation.primitive !== 'communicator.init') return undefined;
    const view = roleView(invocation);
    if (view.size !== CURRENT_DEVICE_INIT.length || !CURRENT_DEVICE_INIT.every((r) => view.has(r))) return undefined;
    const [init, getDevice] = [ctx.catalog.entry('cambricon', 'cnclInitComms'), ctx.catalog.entry('cambricon', 'cnrtGetDevice')];
    if (!init || !getDevice) return undefined;
    const [comm, nranks, id, rank] = CURRENT_DEVICE_INIT.map((r) => view.get(r)!);

    const prelude: PreludeStatement[] = [];
    const names = new Map<Expr, string>();
    const sourceParams = invocation.origin.entry.spec.params;
    for (const e of [comm, nranks, id, rank].filter((x) => !x.pure).sort((a, b) => (a.order ?? 0) - (b.order ?? 0))) {
      const name = ctx.fresh.fresh(e.order !== undefined && sourceParams[e.order] ? sourceParams[e.order].name : 'value');
      names.set(e, name);
      prelude.push({ text: `const ${name} = ${e.text}`, declares: true });
    }
    const write = (e: Expr) => names.get(e) ?? e.text;
    const value = (name: string) => ctx.names.value(name, ctx.style, ctx.origin);
    const device = ctx.fresh.fresh('device');
    prelude.push({ text: `const ${device} = ${value('ref')}(0)`, declares: true });
    prelude.push({ text: `${value('cnrtGetDevice')}(${device})`, declares: false });
    const argument = (e: Expr, text = write(e)) => ({ text, ...(e.comments && !names.has(e) ? { comments: e.comments } : {}) });
    const call = formatCall(
      value('cnclInitComms'),
      [argument(comm), { text: '1' }, { text: `[${device}.value]` }, argument(rank, `[${write(rank)}]`), argument(nranks), argument(id)],
      ctx.layout,
    );
    return { ok: true, lowering: { prelude, call, targetSymbols: ['cnrtGetDevice', 'cnclInitComms'], diagnostics: [] } };
  },
};
