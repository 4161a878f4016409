import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/cli/terminal.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colorEnabled', () => {
  it('is on for a terminal and off for a pipe by default', () => {
    expect(colorEnabled({}, tty)).toBe(true);
    expect(colorEnabled({}, pipe)).toBe(false);
  });
  it('does not turn colour on merely because CI is set', () => {
    expect(colorEnabled({ CI: 'true' }, pipe)).toBe(false);
  });
  it('NO_COLOR turns it off, even on a terminal or with FORCE_COLOR', () => {
    expect(colorEnabled({ NO_COLOR: '1', FORCE_COLOR: '1' }, pipe)).toBe(false);
    expect(colorEnabled({ NO_COLOR: '1' }, tty)).toBe(false);
  });
  it('FORCE_COLOR turns it on for a pipe, and FORCE_COLOR=0 off for a terminal', () => {
    expect(colorEnabled({ FORCE_COLOR: '1' }, pipe)).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: '0' }, tty)).toBe(false);
  });
  it('a dumb terminal gets no colour', () => {
    expect(colorEnabled({ TERM: 'dumb' }, tty)).toBe(false);
  });
});
