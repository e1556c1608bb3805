import { generateKeyPairSync } from 'node:crypto';
import { anchorKeys } from './anchor-keys';
import { AnchorLedger } from './anchor-ledger';
import { AnchoredHead, GENESIS, lineHash, signAnchor } from './anchor-line';

const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const keys = anchorKeys(pem());
const SCHOOL_A = '00000000-0000-4000-8000-00000000000a';
const SCHOOL_B = '00000000-0000-4000-8000-00000000000b';
const head = (school: string, seq: number): AnchoredHead => ({
  school,
  seq,
  hash: String(seq).repeat(64).slice(0, 64),
});

/** Three anchors as the writer chains them: A at 1, then B at 4, then A at 3. */
function threeLines(signingKeys = keys): string[] {
  const lines: string[] = [];
  for (const chains of [[head(SCHOOL_A, 1)], [head(SCHOOL_B, 4)], [head(SCHOOL_A, 3)]]) {
    const prev = lines.length ? lineHash(lines[lines.length - 1]) : GENESIS;
    const at = `2026-12-05T23:0${lines.length}:00.000Z`;
    lines.push(signAnchor({ seq: lines.length + 1, at, prev, key: signingKeys.keyId, chains }, signingKeys.signing!));
  }
  return lines;
}

function fold(lines: string[]): AnchorLedger {
  const ledger = new AnchorLedger(keys);
  for (const line of lines) ledger.apply(line);
  return ledger;
}

describe('the anchor file folded', () => {
  it('keeps the latest anchored head of every chain any line named', () => {
    const ledger = fold(threeLines());
    expect(ledger.problems).toEqual([]);
    expect(ledger.lastSeq).toBe(3);
    expect(ledger.chains.get(SCHOOL_A)).toMatchObject({ seq: 3, anchorSeq: 3 });
    expect(ledger.chains.get(SCHOOL_B)).toMatchObject({ seq: 4, anchorSeq: 2 });
  });

  it('finds a line removed from the middle by the next line’s number and link', () => {
    const [first, , third] = threeLines();
    expect(fold([first, third]).problems).toEqual([
      { line: 2, problem: 'SEQUENCE_GAP' },
      { line: 2, problem: 'BROKEN_LINK' },
    ]);
  });

  it('finds the first line removed', () => {
    expect(fold(threeLines().slice(1)).problems).toEqual([
      { line: 1, problem: 'SEQUENCE_GAP' },
      { line: 1, problem: 'BROKEN_LINK' },
    ]);
  });

  it('finds an edited line by its signature, ignores its heads, and breaks the next line’s link', () => {
    const lines = threeLines();
    lines[1] = lines[1].replace(`"seq":4`, `"seq":9`);
    const ledger = fold(lines);
    expect(ledger.problems).toEqual([
      { line: 2, problem: 'BAD_SIGNATURE' },
      { line: 3, problem: 'BROKEN_LINK' },
    ]);
    expect(ledger.chains.has(SCHOOL_B)).toBe(false);
  });

  it('refuses lines signed with another key, and lines that are not anchors', () => {
    const other = anchorKeys(pem());
    expect(fold(threeLines(other)).problems.map((p) => p.problem)).toEqual(['WRONG_KEY', 'WRONG_KEY', 'WRONG_KEY']);
    expect(fold(['{"v":1}', 'not json']).problems.map((p) => p.problem)).toEqual(['UNREADABLE', 'UNREADABLE']);
  });
});

describe('the anchor keys', () => {
  it('derive the public key and refuse a public key of another pair', () => {
    const signing = pem();
    const derived = anchorKeys(signing);
    const publicPem = derived.verifying.export({ type: 'spki', format: 'pem' }).toString();
    expect(anchorKeys(undefined, publicPem).keyId).toBe(derived.keyId);
    expect(() =>
      anchorKeys(signing, anchorKeys(pem()).verifying.export({ type: 'spki', format: 'pem' }).toString()),
    ).toThrow('does not match');
  });
});
