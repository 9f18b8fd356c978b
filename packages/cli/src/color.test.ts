import { describe, expect, it } from 'vitest';
import { useColor } from './color.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('useColor', () => {
  it('colors a terminal and not a pipe when neither variable is set', () => {
    expect(useColor(tty, {})).toBe(true);
    expect(useColor(pipe, {})).toBe(false);
  });

  it('turns colors off on a terminal when NO_COLOR is non-empty, and ignores an empty NO_COLOR', () => {
    expect(useColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(tty, { NO_COLOR: '' })).toBe(true);
  });

  it('lets FORCE_COLOR turn colors on into a pipe, and FORCE_COLOR=0 or false turn them off', () => {
    expect(useColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(useColor(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor(tty, { FORCE_COLOR: 'false' })).toBe(false);
    expect(useColor(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
  });
});
