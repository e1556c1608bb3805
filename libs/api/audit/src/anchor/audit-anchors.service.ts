import { Injectable } from '@nestjs/common';
import { AppConfig, Scope, TenantDb } from '@emis/api/platform';
import type { AnchorFileProblem, ChainAnchorCheck } from '@emis/contracts';
import { EntityManager } from 'typeorm';
import { SecurityEvents } from '../security-events.service';
import { checkChains, isMismatch } from './anchor-check';
import { AnchorFile } from './anchor-file';
import { anchorSettings, AnchorSettings } from './anchor-keys';
import { AnchoredChain } from './anchor-ledger';
import { AnchoredHead, signAnchor } from './anchor-line';
import { AnchorRepository } from './anchor.repository';

/** Every chain of the province: the anchors cover all of them, whoever asks. */
const PROVINCE: Scope = { rootId: '', all: true, orgUnitIds: [] };

/** What one anchoring run did. */
export interface AnchorRun {
  /** The new anchor's sequence number; null when no chain moved (nothing written). */
  anchorSeq: number | null;
  /** Chains named by the new anchor. */
  anchored: number;
  /** Chains that no longer match their anchor, left out of it. */
  mismatched: { school: string; check: ChainAnchorCheck }[];
}

/**
 * Anchors the audit chains outside the database (docs/security/anchor.md): writes the anchors (anchorNow, run by
 * AnchorSchedule every ANCHOR_INTERVAL_SECONDS) and compares chains with them (check, for the verifier).
 */
@Injectable()
export class AuditAnchors {
  readonly settings: AnchorSettings | null;
  private readonly file: AnchorFile | null;
  /** Mismatches this process has alerted already: a standing one alerts once, not at every anchor. */
  private readonly alerted = new Set<string>();

  constructor(
    config: AppConfig,
    private readonly db: TenantDb,
    private readonly repo: AnchorRepository,
    private readonly events: SecurityEvents,
  ) {
    this.settings = anchorSettings(config);
    this.file = this.settings ? new AnchorFile(this.settings.dir, this.settings.keys) : null;
  }

  /** Whether this process can write anchors (it holds the signing key). */
  get canSign(): boolean {
    return !!this.settings?.keys.signing;
  }

  /** The chains named, against their anchors, in the caller's transaction; null where no anchors are kept. */
  async check(em: EntityManager, schools: readonly string[]): Promise<Map<string, ChainAnchorCheck> | null> {
    if (!this.file) return null;
    return checkChains(em, this.repo, await this.file.refresh(), schools);
  }

  /**
   * Writes one anchor: the heads of the chains that moved since the last one. Every anchored chain is compared with its
   * anchor first; one that no longer matches is alerted and left out, so that its rewritten head is never anchored.
   */
  async anchorNow(): Promise<AnchorRun> {
    const file = this.file;
    const signing = this.settings?.keys.signing;
    if (!file || !this.settings || !signing) throw new Error('ANCHOR_SIGNING_KEY is not configured');
    const keyId = this.settings.keys.keyId;
    const { heads, mismatched, problems } = await this.db.runWithScope(PROVINCE, async (em) => {
      const ledger = await file.refresh();
      const checks = await checkChains(em, this.repo, ledger, [...ledger.chains.keys()]);
      return {
        heads: await this.repo.heads(em),
        mismatched: [...checks].filter(([, c]) => isMismatch(c.status)).map(([school, check]) => ({ school, check })),
        problems: [...ledger.problems],
      };
    });
    await this.alert(mismatched, problems);
    const skip = new Set(mismatched.map((m) => m.school));
    let anchored = 0;
    const ledger = await file.append((current) => {
      const moved = heads.filter((h) => !skip.has(h.school) && hasMoved(current.chains.get(h.school), h));
      anchored = moved.length;
      if (!moved.length) return null;
      const at = new Date().toISOString();
      return signAnchor({ seq: current.lastSeq + 1, at, prev: current.lastHash, key: keyId, chains: moved }, signing);
    });
    return { anchorSeq: anchored ? ledger.lastSeq : null, anchored, mismatched };
  }

  /** One security event per mismatch and per problem of the file, the first time this process sees it. */
  private async alert(
    mismatched: { school: string; check: ChainAnchorCheck }[],
    problems: AnchorFileProblem[],
  ): Promise<void> {
    for (const { school, check } of mismatched) {
      const key = `${school}:${check.status}:${check.anchoredSeq}`;
      if (this.alerted.has(key)) continue;
      await this.events.record({
        kind: 'AUDIT_ANCHOR_MISMATCH',
        alert: true,
        schoolId: school,
        detail: { status: check.status, anchoredSeq: check.anchoredSeq, anchoredAt: check.anchoredAt },
      });
      this.alerted.add(key);
    }
    for (const p of problems) {
      const key = `file:${p.line}:${p.problem}`;
      if (this.alerted.has(key)) continue;
      await this.events.record({
        kind: 'AUDIT_ANCHOR_MISMATCH',
        alert: true,
        detail: { file: this.file?.path, line: p.line, problem: p.problem },
      });
      this.alerted.add(key);
    }
  }
}

function hasMoved(anchored: AnchoredChain | undefined, head: AnchoredHead): boolean {
  return !anchored || anchored.seq !== head.seq || anchored.hash !== head.hash;
}
