import { Injectable } from '@nestjs/common';
import type { SchoolProfile, SchoolSummary } from '@emis/contracts';
import { SchoolLevel, SchoolOwnership } from '@emis/domain';
import { allWordsSql, Scope, SqlPaging, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

export interface SchoolListFilter {
  /** Schools must lie in these org units (the scope, possibly narrowed to a unit's subtree); null = all. */
  orgUnitIds: string[] | null;
  level?: SchoolLevel;
  /** LIKE patterns (`likePatterns`), one per word, each found in the name or the code. */
  search?: string[];
}

export type ProfileFields = Omit<SchoolProfile, 'updatedAt' | 'version'>;

/** Names sort with Vietnamese collation (ICU): "Đông Kết" after "Dân Tiến", not after "Z" as bytes would. */
const SORT_COLUMNS = { name: 's.name collate "vi-x-icu"', code: 's.code' } as const;
export const SCHOOL_SORT_COLUMNS: Record<string, string> = SORT_COLUMNS;

/** A school with its parent's name and address, as the list and the summary read it. */
interface SchoolSummaryRow {
  id: string;
  code: string;
  name: string;
  levels: SchoolLevel[] | null;
  ownership: SchoolOwnership;
  parent_id: string | null;
  parent_name: string | null;
  address: string | null;
}

/** The editable columns of school_profile with its version. */
interface SchoolProfileRow {
  address: string | null;
  phone: string | null;
  email: string | null;
  principal_name: string | null;
  founded_year: number | null;
  website: string | null;
  version: number;
  updated_at: Date;
}

@Injectable()
export class SchoolsRepository {
  async list(
    em: EntityManager,
    f: SchoolListFilter,
    paging: SqlPaging,
  ): Promise<{ items: SchoolSummary[]; total: number }> {
    const where = [`s.kind = 'SCHOOL'`, 's.active'];
    const params: unknown[] = [];
    if (f.orgUnitIds) {
      params.push(f.orgUnitIds);
      where.push(`s.id = any($${params.length}::uuid[])`);
    }
    if (f.level) {
      params.push(f.level);
      where.push(`$${params.length} = any(s.levels)`);
    }
    if (f.search) {
      params.push(f.search);
      // Every word of the box, in any order, in the name or the code (docs/conventions.md, "Search").
      where.push(allWordsSql(`$${params.length}::text[]`, 's.name', 's.code'));
    }
    const clause = where.join(' and ');
    const counted = await sqlRow<{ total: number }>(
      em,
      `select count(*)::int as total from org_unit s where ${clause}`,
      params,
    );
    // The page from the org tree (reference tables), then its schools' addresses by school id: a school-owned table
    // joined to a page of many schools would read every shard under Citus, and that outer join, prepared under RLS,
    // crashed the coordinator of a test cluster (docs/scaling.md, "Writing queries that distribute").
    const page = await sqlRows<Omit<SchoolSummaryRow, 'address'>>(
      em,
      `select s.id, s.code, s.name, s.levels, s.ownership, s.parent_id, p.name as parent_name
         from org_unit s
         left join org_unit p on p.id = s.parent_id
        where ${clause}
        order by ${paging.orderBy}, s.id
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, paging.limit, paging.offset],
    );
    const addresses = new Map<string, string | null>();
    if (page.length) {
      const profiles = await sqlRows<{ school_id: string; address: string | null }>(
        em,
        `select school_id, address from school_profile where school_id = any($1::uuid[])`,
        [page.map((r) => r.id)],
      );
      for (const p of profiles) addresses.set(p.school_id, p.address);
    }
    const rows = page.map((r) => ({ ...r, address: addresses.get(r.id) ?? null }));
    return { total: counted?.total ?? 0, items: rows.map(toSummary) };
  }

  async findSummary(em: EntityManager, schoolId: string): Promise<SchoolSummary | undefined> {
    const row = await sqlRow<SchoolSummaryRow>(
      em,
      `select s.id, s.code, s.name, s.levels, s.ownership, s.parent_id, p.name as parent_name, sp.address
         from org_unit s
         left join org_unit p on p.id = s.parent_id
         left join school_profile sp on sp.school_id = $1 and sp.school_id = s.id
        where s.id = $1 and s.kind = 'SCHOOL'`,
      [schoolId],
    );
    return row ? toSummary(row) : undefined;
  }

  /**
   * The names an official paper of the school prints: the school, the unit directly above it (its governing body)
   * and the principal recorded in the school's profile. Read under RLS like the profile.
   */
  async letterhead(
    em: EntityManager,
    schoolId: string,
  ): Promise<{ school: string; parent: string | null; principal: string | null } | undefined> {
    return sqlRow<{ school: string; parent: string | null; principal: string | null }>(
      em,
      `select u.name as school, p.name as parent, sp.principal_name as principal
         from tenancy_org_unit u
         left join tenancy_org_unit p on p.id = u.parent_id
         left join school_profile sp on sp.school_id = $1 and sp.school_id = u.id
        where u.id = $1`,
      [schoolId],
    );
  }

  /** The profile row, read under RLS: a school outside the transaction's scope reads as absent. */
  async findProfile(em: EntityManager, schoolId: string, forUpdate = false): Promise<SchoolProfile | undefined> {
    const row = await sqlRow<SchoolProfileRow>(
      em,
      `select address, phone, email, principal_name, founded_year, website, version, updated_at
         from school_profile where school_id = $1 ${forUpdate ? 'for update' : ''}`,
      [schoolId],
    );
    return row ? toProfile(row) : undefined;
  }

  async updateProfile(
    em: EntityManager,
    schoolId: string,
    fields: ProfileFields,
    at: Date,
    userId: string,
  ): Promise<SchoolProfile> {
    const row = await sqlRow<SchoolProfileRow>(
      em,
      `update school_profile
          set address = $2, phone = $3, email = $4, principal_name = $5, founded_year = $6, website = $7,
              version = version + 1, updated_at = $8, updated_by = $9
        where school_id = $1
        returning address, phone, email, principal_name, founded_year, website, version, updated_at`,
      [
        schoolId,
        fields.address,
        fields.phone,
        fields.email,
        fields.principalName,
        fields.foundedYear,
        fields.website,
        at,
        userId,
      ],
    );
    if (!row) throw new Error(`updateProfile: no profile for school ${schoolId}`);
    return toProfile(row);
  }

  async countByLevel(em: EntityManager, orgUnitIds: string[] | null): Promise<{ level: SchoolLevel; count: number }[]> {
    return sqlRows<{ level: SchoolLevel; count: number }>(
      em,
      `select level, count(*)::int as count
         from org_unit s, unnest(s.levels) as level
        where s.kind = 'SCHOOL' and s.active ${orgUnitIds ? 'and s.id = any($1::uuid[])' : ''}
        group by level`,
      orgUnitIds ? [orgUnitIds] : [],
    );
  }
}

/** The org units a school list may draw from: the scope's explicit ids, or null for the whole province. */
export function scopeUnitIds(scope: Scope): string[] | null {
  return scope.all ? null : scope.orgUnitIds;
}

function toSummary(r: SchoolSummaryRow): SchoolSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    levels: r.levels ?? [],
    ownership: r.ownership,
    parentId: r.parent_id,
    parentName: r.parent_name,
    address: r.address,
  };
}

function toProfile(r: SchoolProfileRow): SchoolProfile {
  return {
    address: r.address,
    phone: r.phone,
    email: r.email,
    principalName: r.principal_name,
    foundedYear: r.founded_year,
    website: r.website,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}
