/** Positions of an edited text traced back to the text before the edits. */
import { describe, expect, it } from 'vitest';
import { EditList } from '../../../src/port/edits/edit-list.js';
import { TextOrigins } from '../../../src/port/edits/text-origins.js';

const before = ['const a = f(1);', 'keep();', 'const b = g(2);', 'tail();', ''].join('\n');

function edited() {
  const edits = new EditList(before);
  const f = before.indexOf('f(1)');
  edits.replace(f, f + 'f(1)'.length, 'x1(1);\n  x2(1)'); // one line becomes two
  const g = before.indexOf('const b');
  edits.insert(g, '// note\n');
  edits.replace(g, g + 'const b = g(2);'.length, 'const b = y(2);');
  const after = edits.apply();
  const applied = edits.applied();
  return { after, origins: new TextOrigins(before, after, applied), applied };
}

describe('TextOrigins', () => {
  it('moves positions outside the edits by the lines and columns the edits added', () => {
    const { after, origins } = edited();
    expect(after.split('\n')[2]).toBe('keep();'); // was line 2
    expect(origins.originOf({ line: 3, column: 1 })).toEqual({ line: 2, column: 1 });
    expect(origins.originOf({ line: 6, column: 3 })).toEqual({ line: 4, column: 3 }); // tail();
    expect(origins.originOf({ line: 1, column: 7 })).toEqual({ line: 1, column: 7 }); // `a`, before any edit
  });

  it('traces a position inside written text to the start of the code it replaced', () => {
    const { origins, applied } = edited();
    expect(origins.originOf({ line: 2, column: 3 })).toEqual({ line: 1, column: 11 }); // x2 → f(1)
    expect(origins.originOf({ line: 5, column: 11 })).toEqual({ line: 3, column: 1 }); // y(2) → const b …
    expect(origins.editAt({ line: 2, column: 3 })).toBe(applied[0]);
    expect(origins.editAt({ line: 3, column: 1 })).toBeUndefined();
  });

  it('finds the edit that replaced a position of the text before the edits', () => {
    const { origins, applied } = edited();
    expect(origins.editReplacing({ line: 1, column: 11 })).toBe(applied[0]);
    expect(origins.editReplacing({ line: 1, column: 13 })).toBe(applied[0]);
    expect(origins.editReplacing({ line: 3, column: 11 })).toBe(applied[2]); // not the inserted comment
    expect(origins.editReplacing({ line: 2, column: 1 })).toBeUndefined();
    expect(origins.editReplacing({ line: 1, column: 1 })).toBeUndefined();
  });
});
