import { Injectable } from '@nestjs/common';
import { sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { AnchoredHead } from './anchor-line';

/** A chain as it stands now, next to the sequence number an anchor recorded for it. */
export interface ChainNow {
  school: string;
  /** null: the chain's head row is gone. */
  headSeq: number | null;
  headHash: string | null;
  /** The hash of the row at the anchored sequence number; null when that row is gone. */
  hashAtAnchoredSeq: string | null;
}

/** What the anchors read of the audit chains: heads, and the rows at anchored sequence numbers. Writes nothing. */
@Injectable()
export class AnchorRepository {
  /** Every chain head the transaction's scope can see. */
  async heads(em: EntityManager): Promise<AnchoredHead[]> {
    const rows = await sqlRows<{ school_id: string; last_seq: string; last_hash: string }>(
      em,
      `select school_id, last_seq, last_hash from audit_chain_head order by school_id`,
    );
    return rows.map((r) => ({ school: r.school_id, seq: Number(r.last_seq), hash: r.last_hash }));
  }

  /** The chains named, each with its head and its row at the given sequence number: one query for all of them. */
  async chainsAt(em: EntityManager, anchored: readonly { school: string; seq: number }[]): Promise<ChainNow[]> {
    if (!anchored.length) return [];
    const rows = await sqlRows<{
      school: string;
      last_seq: string | null;
      last_hash: string | null;
      hash: string | null;
    }>(
      em,
      `select a.school, h.last_seq, h.last_hash, l.hash
         from unnest($1::uuid[], $2::bigint[]) as a (school, seq)
         left join audit_chain_head h on h.school_id = a.school
         left join audit_log l on l.school_id = a.school and l.seq = a.seq`,
      [anchored.map((a) => a.school), anchored.map((a) => a.seq)],
    );
    return rows.map((r) => ({
      school: r.school,
      headSeq: r.last_seq === null ? null : Number(r.last_seq),
      headHash: r.last_hash,
      hashAtAnchoredSeq: r.hash,
    }));
  }
}
