import type { ChainAnchorCheck, ChainAnchorStatus, ChainVerification } from '@emis/contracts';
import { EntityManager } from 'typeorm';
import { AnchorLedger, AnchoredChain } from './anchor-ledger';
import { AnchorRepository, ChainNow } from './anchor.repository';

/**
 * How a chain stands against its latest anchor. The anchored hash commits to every row up to the anchored sequence
 * number (each row's hash covers the one before it), so comparing that one row is enough; audit_verify checks that the
 * rows still hash to what they say.
 */
export function statusAgainstAnchor(anchored: AnchoredChain | undefined, now: ChainNow | undefined): ChainAnchorStatus {
  if (!anchored) return 'NOT_ANCHORED';
  if (!now || now.headSeq === null) return 'DELETED';
  if (now.headSeq < anchored.seq || now.hashAtAnchoredSeq === null) return 'TRUNCATED';
  if (now.hashAtAnchoredSeq !== anchored.hash) return 'REWRITTEN';
  return 'MATCHES';
}

/** The chains named, each against the ledger's latest anchor of it (one query for all of them). */
export async function checkChains(
  em: EntityManager,
  repo: AnchorRepository,
  ledger: AnchorLedger,
  schools: readonly string[],
): Promise<Map<string, ChainAnchorCheck>> {
  const anchored = schools.flatMap((school) => {
    const a = ledger.chains.get(school);
    return a ? [{ school, seq: a.seq }] : [];
  });
  const now = new Map((await repo.chainsAt(em, anchored)).map((c) => [c.school, c]));
  const fileProblems = [...ledger.problems];
  return new Map(
    schools.map((school) => {
      const a = ledger.chains.get(school);
      const check: ChainAnchorCheck = {
        status: statusAgainstAnchor(a, now.get(school)),
        anchoredSeq: a?.seq ?? null,
        anchoredAt: a?.at ?? null,
        fileValid: fileProblems.length === 0,
        fileProblems,
      };
      return [school, check];
    }),
  );
}

/** Whether a status means someone changed the chain after it was anchored. */
export function isMismatch(status: ChainAnchorStatus): boolean {
  return status === 'REWRITTEN' || status === 'TRUNCATED' || status === 'DELETED';
}

/**
 * A chain's own verification joined with its anchor's: valid only if it recomputes, agrees with its anchor and the
 * anchor file itself verifies (a damaged file vouches for no chain: the line removed may be the one that anchored it).
 */
export function withAnchor(chain: ChainVerification, anchor: ChainAnchorCheck | undefined): ChainVerification {
  if (!anchor) return chain;
  return { ...chain, valid: chain.valid && !isMismatch(anchor.status) && anchor.fileValid, anchor };
}
