import { describe, expect, it } from 'vitest';
import { EditList } from '../../src/port/edits/edit-list.js';

describe('EditList', () => {
  const source = 'f(a, g(b), c);';

  it('applies edits once, in position order, whatever the order they were made in', () => {
    const edits = new EditList(source);
    edits.replace(11, 12, 'C');
    edits.replace(2, 3, 'A');
    expect(edits.apply()).toBe('f(A, g(b), C);');
  });

  it('builds an outer replacement from the inner edits it absorbs', () => {
    const edits = new EditList(source);
    edits.replace(7, 8, 'B'); // b inside g(b)
    expect(edits.textOf(5, 9)).toBe('g(B)');
    edits.replace(0, 13, `h(${edits.textOf(5, 9)})`);
    expect(edits.size).toBe(1);
    expect(edits.apply()).toBe('h(g(B));');
  });

  it('keeps an insertion at the start of a replaced range in front of it', () => {
    const edits = new EditList(source);
    edits.insert(0, '// note\n');
    edits.replace(0, 13, 'x()');
    expect(edits.apply()).toBe('// note\nx();');
  });

  it('refuses partially overlapping replacements (a porter bug, not user input)', () => {
    const edits = new EditList(source);
    edits.replace(2, 6, 'X');
    expect(() => edits.replace(4, 9, 'Y')).toThrow(/overlapping edits/);
  });

  it('rolls back every edit made since a mark', () => {
    const edits = new EditList(source);
    edits.replace(2, 3, 'A');
    const mark = edits.mark();
    edits.replace(7, 8, 'B');
    edits.insert(0, '// x\n');
    edits.rollback(mark);
    expect(edits.apply()).toBe('f(A, g(b), c);');
  });
});
