import { expect } from '@open-wc/testing';
import { solveChallenge } from './proof-of-work';

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** A puzzle as the hub makes it, whose answer is `number`, hashed here with the browser's own SHA-256. */
async function puzzle(number: number, maxnumber = 20_000) {
  const salt = 'c0ffee42?expires=1790000000&';
  const challenge = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}${number}`)));
  return { algorithm: 'SHA-256' as const, challenge, salt, signature: 'sig', maxnumber };
}

const answer = (header: string | undefined) => JSON.parse(atob(header ?? '')).number;

describe('the proof of work', () => {
  it('finds the answer wherever it lies, across every change in the number of digits', async () => {
    for (const number of [0, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 19_999]) {
      expect(answer(await solveChallenge(await puzzle(number))), String(number)).to.equal(number);
    }
  });

  it('sends the puzzle back whole with the answer, as the hub checks it', async () => {
    const p = await puzzle(1234);
    expect(JSON.parse(atob((await solveChallenge(p)) ?? ''))).to.deep.equal({
      algorithm: 'SHA-256',
      challenge: p.challenge,
      number: 1234,
      salt: p.salt,
      signature: 'sig',
    });
  });

  it('gives up on a puzzle without an answer in its range, and when aborted', async () => {
    expect(await solveChallenge(await puzzle(20_001))).to.equal(undefined);
    const controller = new AbortController();
    controller.abort();
    expect(await solveChallenge(await puzzle(5), controller.signal)).to.equal(undefined);
  });
});
