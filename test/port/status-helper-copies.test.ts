/** Which status helpers are written again for another status type (src/port/context/status-helper-copies.ts). */
import { describe, expect, it } from 'vitest';
import type { EnumRecord } from '../../src/catalog/catalog.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { copyMessage, copyName, judgesByMember, libraryWord, planStatusHelperCopies, type ReceivedStatus } from '../../src/port/context/status-helper-copies.js';
import { StatusHelpers, type StatusHelper } from '../../src/port/context/status-helpers.js';
import { ts } from '../../src/port/syntax/typescript.js';

const status = (name: string, success: number | null) => ({ backend: 'maca', spec: { name, members: [{ name: `${name}_OK`, value: success, meaning: 'status.success' }] } }) as unknown as EnumRecord;
const blas = status('mcblasStatus_t', null);
const dnn = status('mcdnnStatus_t', null);
const cudaBlas = status('cublasStatus_t', 0);
const cudaDnn = status('cudnnStatus_t', 0);

/** The helpers of `text` whose status parameter is declared `Status` or `Other`. */
function helpersOf(text: string): StatusHelper[] {
  const file = ts.createSourceFile('t.ts', text, ts.ScriptTarget.Latest, true);
  return new StatusHelpers(file, (name) => (ts.isIdentifier(name) && (name.text === 'Status' || name.text === 'Other') ? blas : undefined)).all();
}
const isOwn = (node: ts.Expression) => ts.isIdentifier(node) && node.text === 'OK';

describe('judgesByMember', () => {
  it('accepts comparisons with own members and template uses, nothing else', () => {
    const [compares, passesOn, literal, never] = helpersOf(`
      function a(status: Status, what: string) { if (status !== OK) throw new Error(\`\${what}: \${status}\`); }
      function b(status: Status) { if (status !== OK) throw new Error(errorString(status)); }
      function c(status: Status) { if (status !== 0) throw new Error('x'); }
      function d(status: Status) { console.log(\`\${status}\`); }
    `);
    expect(judgesByMember(compares, isOwn)).toBe(true);
    expect(judgesByMember(passesOn, isOwn)).toBe(false);
    expect(judgesByMember(passesOn, isOwn, (call) => ts.isIdentifier(call.expression) && call.expression.text === 'errorString')).toBe(true);
    expect(judgesByMember(literal, isOwn)).toBe(false);
    expect(judgesByMember(never, isOwn)).toBe(false);
  });
});

describe('planStatusHelperCopies', () => {
  const plan = (helpers: StatusHelper[], types: Record<string, EnumRecord>, received: Record<string, ReceivedStatus[]>, copyable = true) => {
    const copies = planStatusHelperCopies({
      helpers,
      typeOf: (h) => types[h.name],
      received: (h) => received[h.name] ?? [],
      sameSuccess: (a, b) => a.spec.members[0].value !== null && a.spec.members[0].value === b.spec.members[0].value,
      copyable: () => copyable,
      fresh: (base) => base,
      libraries: new Set(['Cnnl', 'Cublas', 'Cudnn', 'Mcblas', 'Mcdnn']),
    });
    return [...copies.values()].map((c) => `${c.helper.name} → ${c.name}: ${c.status.spec.name}`);
  };

  it('copies a helper for another library status its calls pass it, once per type', () => {
    const [check] = helpersOf('function check(status: Status, what: string) { if (status !== OK) throw new Error(what); }');
    const received = { check: [{ status: dnn, declared: true }, { status: blas, declared: true }, { status: blas, declared: true }] };
    expect(plan([check], { check: dnn }, received)).toEqual(['check → checkMcblas: mcblasStatus_t']);
    expect(plan([check], { check: dnn }, received, false)).toEqual([]);
  });

  it('leaves statuses a sibling of the same shape takes to the sibling', () => {
    const [checkBlas, checkDnn] = helpersOf(`
      function checkBlas(status: Status, what: string) { if (status !== OK) throw new Error(what); }
      function checkDnn(status: Other, what: string) { if (status !== OK) throw new Error(what); }
    `);
    expect(plan([checkBlas, checkDnn], { checkBlas: blas, checkDnn: dnn }, { checkBlas: [{ status: dnn, declared: true }] })).toEqual([]);
  });

  it('leaves a mismatch the source already had where both successes are the same number', () => {
    const [check] = helpersOf('function check(status: Status) { if (status !== OK) throw new Error(); }');
    expect(plan([check], { check: cudaBlas }, { check: [{ status: cudaDnn, declared: false }] })).toEqual([]);
    // Made by the port (the source status had the helper's type): copied, so the types agree.
    expect(plan([check], { check: cudaBlas }, { check: [{ status: cudaDnn, declared: true }] })).toEqual(['check → checkCudnn: cudnnStatus_t']);
    // Names on the target: copied either way.
    expect(plan([check], { check: blas }, { check: [{ status: dnn, declared: false }] })).toEqual(['check → checkMcdnn: mcdnnStatus_t']);
  });
});

describe('copyMessage', () => {
  const catalog = loadCatalog();
  const enumOf = (backend: 'maca' | 'cann' | 'kunlun', name: string) => catalog.backend(backend).enums.get(name)!;
  const notAsked = () => {
    throw new Error('the ported call is not needed where the status has its own code-to-string function');
  };

  it("asks the target's code-to-string function of the copy's status where it has one", () => {
    const message = copyMessage(catalog, 'maca', enumOf('maca', 'mcblasStatus_t'), notAsked);
    expect(message?.kind === 'call' ? message.entry.spec.symbol : message).toBe('mcblasGetStatusString');
  });

  it('keeps a ported message that takes no code (the same for every status), and nothing else', () => {
    const aclnn = enumOf('cann', 'aclnnStatus');
    expect(copyMessage(catalog, 'cann', aclnn, () => ['aclGetRecentErrMsg'])).toEqual({ kind: 'kept' });
    // The helper's call could not be ported to one call: nothing to keep.
    expect(copyMessage(catalog, 'cann', aclnn, () => undefined)).toBeUndefined();
    // A code-to-string function of another status type (the runtime's) would get the wrong status.
    expect(copyMessage(catalog, 'kunlun', enumOf('kunlun', 'xpu::Error_t'), () => ['xpu_strerror'])).toBeUndefined();
    // A naming function the port writes for the helper's type is no catalog entry.
    expect(copyMessage(catalog, 'kunlun', enumOf('kunlun', 'BKCLResult_t'), () => ['xdnnStatusName'])).toBeUndefined();
  });
});

describe('copyName', () => {
  const libraries = new Set(['Mc', 'Mcdnn', 'Mcblas', 'Cnnl', 'Cublas', 'Cudnn', 'Aclnn']);
  const aclnn = status('aclnnStatus', 0);

  it('names a copy of a helper named for a library for the copy\'s library instead', () => {
    expect(copyName('checkCnnl', cudaBlas, libraries)).toBe('checkCublas');
    expect(copyName('checkCublas', aclnn, libraries)).toBe('checkAclnn');
    expect(copyName('checkMcdnn', blas, libraries)).toBe('checkMcblas');
    // The longest word the name ends in, not a shorter one that ends it too.
    expect(copyName('checkCudnn', blas, new Set(['Nn', 'Cudnn']))).toBe('checkMcblas');
  });

  it('never writes the copy\'s library twice', () => {
    expect(copyName('checkCublas', cudaBlas, libraries)).toBe('checkCublasStatus');
    expect(copyName('checkCublas', cudaBlas, new Set())).toBe('checkCublasStatus');
  });

  it('appends the copy\'s library to any other name', () => {
    expect(copyName('explainDnn', blas, libraries)).toBe('explainDnnMcblas');
    expect(copyName('check', cudaDnn, libraries)).toBe('checkCudnn');
    // A word only where a camel-case word starts.
    expect(copyName('checkmcdnn', blas, libraries)).toBe('checkmcdnnMcblas');
  });

  it('takes a scoped status type\'s library from its namespace', () => {
    expect(libraryWord(status('xpu::Error_t', 0))).toBe('Xpu');
    expect(libraryWord(status('cudnn_frontend::error_code_t', 0))).toBe('CudnnFrontend');
    expect(libraryWord(status('XPUError_t', 0))).toBe('XPU');
    expect(libraryWord(status('HcclResult', 0))).toBe('Hccl');
  });
});
