// Randomness an execution can be rebuilt with. Given a secret seed, every draw is
// HMAC-SHA256(seed, "<event position>:<draw number at that position>"): the same execution replays
// the same values (States.UUID, States.MathRandom, $uuid(), $random(), retry jitter, task tokens,
// map run ids) wherever its steps are cut, while values stay unpredictable to anyone without the
// seed — task tokens are credentials. The position is the id of the next history event, which
// only moves forward and is the same in a replay.

import { createHmac } from 'node:crypto';
import type { RandomSource } from '../intrinsics/functions.js';

const TWO_TO_53 = 2 ** 53;

export function executionRandom(seed: string, position: () => number): RandomSource {
  let at = -1;
  let draw = 0;
  const next = (): Buffer => {
    const here = position();
    if (here !== at) {
      at = here;
      draw = 0;
    }
    return createHmac('sha256', seed).update(`${here}:${draw++}`).digest();
  };
  return {
    random(): number {
      const bytes = next();
      // 53 random bits: the high 21 of the first word and all 32 of the second.
      return ((bytes.readUInt32BE(0) >>> 11) * 2 ** 32 + bytes.readUInt32BE(4)) / TWO_TO_53;
    },
    uuid(): string {
      const bytes = next();
      bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
      bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
      const hex = bytes.subarray(0, 16).toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
    },
  };
}
