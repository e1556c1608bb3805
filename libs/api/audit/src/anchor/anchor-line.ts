import type { AnchorFileProblem } from '@emis/contracts';
import { createHash, KeyObject, sign, verify } from 'node:crypto';

/** A chain's head as an anchor records it. */
export interface AnchoredHead {
  /** The school or unit whose chain this is (audit_chain_head.school_id). */
  school: string;
  seq: number;
  hash: string;
}

/**
 * One anchor, one line of the anchor file: the heads of the chains that moved since the anchor before it, signed with
 * the anchor key, and linked to the line before it by that line's SHA-256, so that a removed or edited line breaks the
 * link of the next one.
 */
export interface Anchor {
  v: 1;
  /** 1 for the file's first anchor, then one more per line. */
  seq: number;
  /** When it was written (ISO 8601, UTC). */
  at: string;
  /** SHA-256 (hex) of the previous line's text; GENESIS for the first. */
  prev: string;
  /** Which key signed it (AnchorKeys.keyId). */
  key: string;
  chains: AnchoredHead[];
  /** Ed25519 signature (base64) of the anchor's other fields, in this order, as JSON. */
  sig: string;
}

export const GENESIS = '0'.repeat(64);

/** What a line can be wrong about; the verifier reports each with the line's number. */
export type AnchorLineProblem = Exclude<AnchorFileProblem['problem'], 'SHRUNK'>;

/** The text that is signed: every field but the signature, in a fixed order (JSON.stringify keeps insertion order). */
function signedText(a: Omit<Anchor, 'sig'>): string {
  return JSON.stringify({
    v: a.v,
    seq: a.seq,
    at: a.at,
    prev: a.prev,
    key: a.key,
    chains: a.chains.map((c) => ({ school: c.school, seq: c.seq, hash: c.hash })),
  });
}

/** The line to append (without its newline). */
export function signAnchor(unsigned: Omit<Anchor, 'sig' | 'v'>, key: KeyObject): string {
  const body = { v: 1 as const, ...unsigned };
  const sig = sign(null, Buffer.from(signedText(body), 'utf8'), key).toString('base64');
  return JSON.stringify({ ...JSON.parse(signedText(body)), sig });
}

/** The link the next line must carry. */
export function lineHash(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex');
}

/** A line read back: the anchor, or why it cannot be one. */
export function parseAnchor(line: string): Anchor | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  return isAnchor(value) ? value : null;
}

/** Whether the anchor's signature is the given key's over its fields. */
export function signatureHolds(anchor: Anchor, key: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(signedText(anchor), 'utf8'), key, Buffer.from(anchor.sig, 'base64'));
  } catch {
    return false;
  }
}

const HEX64 = /^[0-9a-f]{64}$/;

function isAnchor(v: unknown): v is Anchor {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    a['v'] === 1 &&
    Number.isSafeInteger(a['seq']) &&
    typeof a['at'] === 'string' &&
    typeof a['prev'] === 'string' &&
    HEX64.test(a['prev']) &&
    typeof a['key'] === 'string' &&
    typeof a['sig'] === 'string' &&
    Array.isArray(a['chains']) &&
    a['chains'].every(isHead)
  );
}

function isHead(v: unknown): v is AnchoredHead {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Record<string, unknown>;
  return typeof h['school'] === 'string' && Number.isSafeInteger(h['seq']) && typeof h['hash'] === 'string';
}
