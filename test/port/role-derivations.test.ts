/** Values derived for target roles the source call does not pass. */
import { describe, expect, it } from 'vitest';
import { generated, type Expr } from '../../src/port/ir/expr.js';
import type { EnumArgument } from '../../src/port/ir/invocation.js';
import { deriveRole } from '../../src/port/lower/role-derivations.js';

const plain = (e: Expr) => e.text;
const expr = (text: string, pure = true): Expr => ({ ...generated(text), pure });
const dtype = (meaning: string): Map<string, EnumArgument> => new Map([['dtype', { meaning, member: 'x', enumName: 'e', direct: true }]]);

describe('role derivations', () => {
  it('bounds a copy by its byte count', () => {
    const bytes = expr('n * 4');
    const d = deriveRole('dst-capacity', new Map([['bytes', bytes]]), new Map())!;
    expect(d.value.render(plain)).toBe('n * 4');
    expect(d.value.sources).toEqual([bytes]);
  });

  it('converts between bytes and element counts when the dtype is a constant', () => {
    expect(deriveRole('bytes', new Map([['count', expr('n + 1')]]), dtype('dtype.float16'))!.value.render(plain)).toBe('(n + 1) * 2');
    expect(deriveRole('count', new Map([['bytes', expr('size')]]), dtype('dtype.float64'))!.value.render(plain)).toBe('size / 8');
  });

  it('derives nothing without a constant dtype or the role it needs', () => {
    expect(deriveRole('bytes', new Map([['count', expr('n')]]), new Map())).toBeUndefined();
    expect(deriveRole('count', new Map(), dtype('dtype.float32'))).toBeUndefined();
    expect(deriveRole('stream', new Map([['bytes', expr('n')]]), new Map())).toBeUndefined();
  });
});
