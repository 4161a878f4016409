/** What `opbridge port` prints for a file ported through CUDA: a note in the text, `route` in the JSON. */
import { describe, expect, it } from 'vitest';
import { portJson, renderPortText } from '../../../src/cli/commands/port.js';
import { summarise, type PortFileResult } from '../../../src/port/port-result.js';

const routed: PortFileResult = {
  path: 'model/mlp.ts',
  outcome: 'ok',
  from: 'musa',
  route: { via: 'cuda', direct: { error: 49, warning: 0, effortHours: 96.5 } },
  rewrites: [{ line: 3, column: 1, kind: 'call', from: 'musaMalloc', to: ['cnrtMalloc'] }],
  diagnostics: [],
  source: "import { musaMalloc } from 'opbridge/musa';\n",
  output: "import { cnrtMalloc } from 'opbridge/cambricon';\n",
};
const direct: PortFileResult = { ...routed, path: 'model/other.ts', route: undefined };
const result = { files: [routed, direct], summary: summarise([routed, direct], 'cambricon', 0) };

describe('port report of a routed file', () => {
  it('counts routed files in the summary', () => {
    expect(result.summary.routed).toBe(1);
    expect(renderPortText(result, 'write', false)).toContain('1 file ported through cuda');
  });

  it('notes the route and what the direct port would have left', () => {
    const text = renderPortText(result, 'write', false);
    expect(text).toContain('model/mlp.ts: note ported through cuda (musa → cuda → cambricon): straight to cambricon would leave 49 errors and 0 warnings');
    expect(text).not.toContain('model/other.ts: note');
  });

  it('gives the route in the JSON only for the routed file', () => {
    const json = portJson(result) as { files: Record<string, unknown>[]; summary: Record<string, unknown> };
    expect(json.files[0].route).toEqual({ via: 'cuda', direct: { error: 49, warning: 0, effortHours: 96.5 } });
    expect(json.files[1]).not.toHaveProperty('route');
    expect(json.summary.routed).toBe(1);
  });
});
