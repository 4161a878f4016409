/**
 * The one reader of equal-length sequence offsets that the XDNN (VectorParam) and CNNL
 * (Int32Array) varlen-attention lifters share: B and S come back from the form the dense
 * Attention ports write, and every other form is refused (a varlen batch of unequal lengths is
 * not a dense Attention).
 */
import { describe, expect, it } from 'vitest';
import { equalLengthOffsets } from '../../../src/port/structural/dnn/equal-length-offsets.js';
import { ts } from '../../../src/port/syntax/typescript.js';

function expression(text: string): ts.Expression {
  const file = ts.createSourceFile('offsets.ts', `const offsets = ${text};`, ts.ScriptTarget.ES2022, true);
  const statement = file.statements[0] as ts.VariableStatement;
  return statement.declarationList.declarations[0].initializer!;
}

function read(text: string, from: string): [string, string, string] | undefined {
  const found = equalLengthOffsets(expression(text), from);
  return found && [found.batch.getText(), found.length.getText(), found.count.getText()];
}

describe('equalLengthOffsets', () => {
  it('reads B and S from either facade form, with S on either side of the index', () => {
    expect(read('Array.from({ length: BATCH + 1 }, (_, i) => i * SEQ)', 'Array.from')).toEqual(['BATCH', 'SEQ', 'BATCH + 1']);
    expect(read('(Int32Array.from({ length: b + 1 }, (_, k) => (s * k)) as Int32Array)', 'Int32Array.from')).toEqual(['b', 's', 'b + 1']);
  });

  it('refuses other forms: another constructor, a count that is not B + 1, S that depends on the index or has side effects', () => {
    expect(read('Int32Array.from({ length: BATCH + 1 }, (_, i) => i * SEQ)', 'Array.from')).toBeUndefined();
    expect(read('Array.from({ length: BATCH }, (_, i) => i * SEQ)', 'Array.from')).toBeUndefined();
    expect(read('Array.from({ length: BATCH + 1 }, (_, i) => i * (i + SEQ))', 'Array.from')).toBeUndefined();
    expect(read('Array.from({ length: BATCH + 1 }, (_, i) => i * next())', 'Array.from')).toBeUndefined();
    expect(read('Array.from({ length: BATCH + 1 }, (i) => i * SEQ)', 'Array.from')).toBeUndefined();
    expect(read('Array.from({ length: BATCH + 1 }, (_, i) => i + SEQ)', 'Array.from')).toBeUndefined();
  });
});
