/**
 * ncclCommInitRank(&comm, nranks, id, rank) uses the current device; CNCL has no InitRank and
 * makes communicators with cnclInitComms(comms, num_comm, dev_list, rank_list, nrank, clique_id),
 * which names each communicator's device and rank in arrays (the catalog's cnclInitComms binding
 * note; PaddleCustomDevice's MLU runtime calls it so, one communicator per process). The port asks
 * CNRT for the current device and makes one communicator:
 *
 *   const device = ref<number>();
 *   cnrtGetDevice(device);
 *   cnclInitComms(comm, 1, [device.value], [rank], nranks, id)
 *
 * Arguments with side effects would change order (rank moves before nranks and id), so then the
 * generic lowering answers (OB1005 for the device).
 */
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import type { Invocation } from '../../ir/invocation.js';

export const cnclInitRankLowerer: Lowerer = {
  name: 'ncclCommInitRank → cnclInitComms on the current device',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || invocation.primitive !== 'communicator.init' || invocation.origin.backend === ctx.target) return undefined;
    const args = invocation.args;
    const comm = args.get('out-comm');
    const nranks = args.get('nranks');
    const id = args.get('unique-id');
    const rank = args.get('rank');
    if (!comm || !nranks || !id || !rank || args.has('device') || args.has('count')) return undefined;
    if (![comm, nranks, id, rank].every((e) => e.pure)) return undefined;
    const value = (name: string) => ctx.names.value(name, ctx.style, ctx.origin);
    const device = ctx.fresh.fresh('device');
    return {
      ok: true,
      lowering: {
        prelude: [
          { text: `const ${device} = ${value('ref')}<number>()`, declares: true },
          { text: `${value('cnrtGetDevice')}(${device})`, declares: false },
        ],
        call: `${value('cnclInitComms')}(${comm.text}, 1, [${device}.value], [${rank.text}], ${nranks.text}, ${id.text})`,
        targetSymbols: ['cnrtGetDevice', 'cnclInitComms'],
        diagnostics: [],
      },
    };
  },
};
