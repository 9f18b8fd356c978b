/**
 * Reporting frames inside one sentence: a cue, the noun phrase of its source, and the token
 * ranges of its content. Each frame is a named pattern in registry.ts, tried in a declared order.
 */
export { FRAME_PATTERNS, findFrames } from './registry.js';
export type { CueReading, Frame, FrameContext, FramePattern, FrameSide, Region, Scan } from './types.js';
