import { Injectable } from '@nestjs/common';
import type { OrgUnitParentPeriod } from '@emis/contracts';
import { OrgUnitKind, SchoolLevel, SchoolOwnership } from '@emis/domain';
import { allWordsSql, SqlPaging, sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** A unit as organisation administration reads it: today's parent, its closing, and a move not yet in force. */
export interface AdminUnitRow {
  id: string;
  kind: OrgUnitKind;
  code: string;
  name: string;
  parent_id: string | null;
  parent_name: string | null;
  parent_code: string | null;
  levels: SchoolLevel[] | null;
  ownership: SchoolOwnership | null;
  address: string | null;
  commune: string | null;
  active: boolean;
  closed_on: string | null;
  closed_reason: string | null;
  pending_parent_id: string | null;
  pending_parent_name: string | null;
  pending_from: string | null;
}

export interface AdminUnitFilter {
  /** The units the list may show (the caller's scope, narrowed to a subtree); null = the whole province. */
  ids: string[] | null;
  kind?: OrgUnitKind;
  level?: SchoolLevel;
  includeClosed: boolean;
  /** LIKE patterns (`likePatterns`), one per word, each found in the name or the code. */
  search?: string[];
}

/** The particulars a unit is created or corrected with. */
export interface UnitParticulars {
  code: string;
  name: string;
  levels: SchoolLevel[];
  ownership: SchoolOwnership | null;
  commune: string | null;
}

export interface NewUnit extends UnitParticulars {
  kind: 'UNIT' | 'SCHOOL';
  parentId: string;
  /** Vietnam midnight of the day the unit opens: its first period in the tree. */
  opensAt: Date;
}

/** A period of the unit's parent history, as stored (valid_to exclusive). */
export interface PeriodRow {
  parent_id: string | null;
  valid_from: Date;
  valid_to: Date | null;
}

/** Names sort with Vietnamese collation (ICU), as the schools list does. */
export const UNIT_SORT_COLUMNS: Record<string, string> = { name: 'u.name collate "vi-x-icu"', code: 'u.code' };

/**
 * Today's parent comes from the tenancy_org_unit view (the history period containing now()); a pending move is the
 * unit's one period starting after now(). school_profile is read under RLS: the caller's scope covers what it lists.
 */
const UNIT_SELECT = `
  select u.id, u.kind, u.code, u.name, t.parent_id, p.name as parent_name, p.code as parent_code, u.levels, u.ownership, sp.address,
         u.commune, u.active, to_char(u.closed_on, 'YYYY-MM-DD') as closed_on, u.closed_reason,
         pend.parent_id as pending_parent_id, pp.name as pending_parent_name,
         to_char(pend.valid_from at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as pending_from
    from org_unit u
    join tenancy_org_unit t on t.id = u.id
    left join org_unit p on p.id = t.parent_id
    left join school_profile sp on sp.school_id = u.id
    left join lateral (select h.parent_id, h.valid_from from org_unit_parent_history h
                        where h.org_unit_id = u.id and h.valid_from > now()
                        order by h.valid_from limit 1) pend on true
    left join org_unit pp on pp.id = pend.parent_id`;

/** SQL of organisation administration: org_unit, its parent history and a school's profile row. */
@Injectable()
export class OrgAdminRepository {
  async list(
    em: EntityManager,
    f: AdminUnitFilter,
    paging: SqlPaging,
  ): Promise<{ rows: AdminUnitRow[]; total: number }> {
    const where = ['true'];
    const params: unknown[] = [];
    const add = (value: unknown, clause: (n: number) => string) => {
      params.push(value);
      where.push(clause(params.length));
    };
    if (f.ids) add(f.ids, (n) => `u.id = any($${n}::uuid[])`);
    if (f.kind) add(f.kind, (n) => `u.kind = $${n}`);
    if (f.level) add(f.level, (n) => `$${n} = any(u.levels)`);
    if (!f.includeClosed) where.push('u.active');
    if (f.search) add(f.search, (n) => allWordsSql(`$${n}::text[]`, 'u.name', 'u.code'));
    const clause = where.join(' and ');
    const counted = await sqlRow<{ total: number }>(
      em,
      `select count(*)::int as total from org_unit u where ${clause}`,
      params,
    );
    const rows = await sqlRows<AdminUnitRow>(
      em,
      `${UNIT_SELECT} where ${clause} order by ${paging.orderBy}, u.id
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, paging.limit, paging.offset],
    );
    return { rows, total: counted?.total ?? 0 };
  }

  /** Every unit the filter names, for the export (a province: about a thousand rows). */
  all(em: EntityManager, f: AdminUnitFilter): Promise<AdminUnitRow[]> {
    const everything = { limit: 100_000, offset: 0, page: 1, pageSize: 100_000, orderBy: 'u.kind, u.code' };
    return this.list(em, f, everything).then((r) => r.rows);
  }

  async find(em: EntityManager, id: string): Promise<AdminUnitRow | undefined> {
    return sqlRow<AdminUnitRow>(em, `${UNIT_SELECT} where u.id = $1`, [id]);
  }

  /** The unit's places in the tree, oldest first, with the parents' names. */
  history(em: EntityManager, id: string): Promise<OrgUnitParentPeriod[]> {
    return sqlRows<OrgUnitParentPeriod>(
      em,
      `select h.parent_id as "parentId", p.name as "parentName",
              to_char(h.valid_from at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as "validFrom",
              to_char(h.valid_to at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as "validTo"
         from org_unit_parent_history h left join org_unit p on p.id = h.parent_id
        where h.org_unit_id = $1 order by h.valid_from`,
      [id],
    );
  }

  async codeTaken(em: EntityManager, code: string, exceptId?: string): Promise<boolean> {
    const row = await sqlRow<{ id: string }>(em, `select id from org_unit where code = $1 and id <> $2`, [
      code,
      exceptId ?? '00000000-0000-0000-0000-000000000000',
    ]);
    return !!row;
  }

  /** Units by code, for the import's parents and its codes already taken. */
  async byCodes(
    em: EntityManager,
    codes: string[],
  ): Promise<{ id: string; code: string; kind: OrgUnitKind; active: boolean }[]> {
    return sqlRows(em, `select id, code, kind, active from org_unit where code = any($1::text[])`, [codes]);
  }

  async insert(em: EntityManager, unit: NewUnit): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into org_unit (parent_id, kind, code, name, levels, ownership, commune)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [unit.parentId, unit.kind, unit.code, unit.name, unit.levels, unit.ownership, unit.commune],
    );
    if (!row) throw new Error(`insert: no id returned for org unit ${unit.code}`);
    await sqlExec(em, `insert into org_unit_parent_history (org_unit_id, parent_id, valid_from) values ($1, $2, $3)`, [
      row.id,
      unit.parentId,
      unit.opensAt,
    ]);
    return row.id;
  }

  async correct(em: EntityManager, id: string, p: UnitParticulars): Promise<void> {
    await sqlExec(
      em,
      `update org_unit set code = $2, name = $3, levels = $4, ownership = $5, commune = $6 where id = $1`,
      [id, p.code, p.name, p.levels, p.ownership, p.commune],
    );
  }

  /** A new school's profile row; later edits go through the school's own profile page. */
  async insertProfile(em: EntityManager, schoolId: string, address: string | null, userId: string): Promise<void> {
    await sqlExec(
      em,
      `insert into school_profile (school_id, address, updated_at, updated_by) values ($1, $2, now(), $3)`,
      [schoolId, address, userId],
    );
  }

  async setAddress(em: EntityManager, schoolId: string, address: string | null, userId: string): Promise<void> {
    await sqlExec(
      em,
      `update school_profile set address = $2, version = version + 1, updated_at = now(), updated_by = $3
        where school_id = $1`,
      [schoolId, address, userId],
    );
  }

  /** The unit's periods, locked: a move rewrites them. */
  periods(em: EntityManager, id: string): Promise<PeriodRow[]> {
    return sqlRows<PeriodRow>(
      em,
      `select parent_id, valid_from, valid_to from org_unit_parent_history
        where org_unit_id = $1 order by valid_from for update`,
      [id],
    );
  }

  /** Drops a move not yet in force and gives the period before it back its open end. */
  async dropPendingMove(em: EntityManager, id: string, pendingFrom: Date): Promise<void> {
    await sqlExec(em, `delete from org_unit_parent_history where org_unit_id = $1 and valid_from = $2`, [
      id,
      pendingFrom,
    ]);
    await sqlExec(em, `update org_unit_parent_history set valid_to = null where org_unit_id = $1 and valid_to = $2`, [
      id,
      pendingFrom,
    ]);
  }

  /**
   * Splits the history at `from`: the period in force ends there and the new parent's begins. org_unit.parent_id
   * keeps the parent of the latest period (the tree of today reads the history).
   */
  async move(em: EntityManager, id: string, parentId: string, from: Date, currentFrom: Date | null): Promise<void> {
    if (currentFrom) {
      await sqlExec(em, `update org_unit_parent_history set valid_to = $3 where org_unit_id = $1 and valid_from = $2`, [
        id,
        currentFrom,
        from,
      ]);
    }
    await sqlExec(em, `insert into org_unit_parent_history (org_unit_id, parent_id, valid_from) values ($1, $2, $3)`, [
      id,
      parentId,
      from,
    ]);
    await sqlExec(em, `update org_unit set parent_id = $2 where id = $1`, [id, parentId]);
  }

  async close(em: EntityManager, id: string, on: string, reason: string, decisionNo: string | null): Promise<void> {
    await sqlExec(
      em,
      `update org_unit set active = false, closed_on = $2, closed_reason = $3, closed_decision_no = $4 where id = $1`,
      [id, on, reason, decisionNo],
    );
  }

  async reopen(em: EntityManager, id: string): Promise<void> {
    await sqlExec(
      em,
      `update org_unit set active = true, closed_on = null, closed_reason = null, closed_decision_no = null
        where id = $1`,
      [id],
    );
  }

  /** Open units under `id` today or from a move not yet in force: a unit with any of them cannot close. */
  async openChildren(em: EntityManager, id: string): Promise<number> {
    const row = await sqlRow<{ n: number }>(
      em,
      `select count(*)::int as n from org_unit c
        where c.active and c.id <> $1
          and (c.parent_id = $1 or exists (select 1 from org_unit_parent_history h
                where h.org_unit_id = c.id and h.parent_id = $1 and (h.valid_to is null or h.valid_to > now())))`,
      [id],
    );
    return row?.n ?? 0;
  }

  /** Direct children in today's tree, closed ones included. */
  async childCount(em: EntityManager, id: string): Promise<number> {
    const row = await sqlRow<{ n: number }>(
      em,
      `select count(*)::int as n from tenancy_org_unit where parent_id = $1`,
      [id],
    );
    return row?.n ?? 0;
  }

  /**
   * A unit created before parent histories were kept (or by hand) has no period: its place until the first move is
   * recorded from its creation, so the move splits a real period.
   */
  async recordFirstPeriod(em: EntityManager, id: string): Promise<void> {
    await sqlExec(
      em,
      `insert into org_unit_parent_history (org_unit_id, parent_id, valid_from)
       select id, parent_id, created_at from org_unit where id = $1`,
      [id],
    );
  }
}
