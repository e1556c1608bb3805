import { Injectable } from '@nestjs/common';
import type { Qualification, StaffDetail, StaffHistoryEntry, StaffInput } from '@emis/contracts';
import { ContractType, StaffPosition, StaffStatus } from '@emis/domain';
import { allWordsSql, SqlPaging, sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** A stored record with every field; only `StaffService.detail` and `list` turn it into what a reader may see. */
export type StaffRecord = Required<Omit<StaffDetail, 'history'>>;

/** What accounts administration reads of a staff record to give it an account (StaffDirectory.forAccounts). */
export interface StaffAccountCandidate {
  id: string;
  fullName: string;
  position: StaffPosition;
  rankCode: string | null;
  status: StaffStatus;
  email: string | null;
}
/** Every stored field of a record that a create, an update or a transfer writes. */
export type StaffFields = Required<StaffInput> & { status: StaffStatus };

export interface StaffFilter {
  /** Search text (unaccented match on the name, prefix match on the personal id). */
  q?: string[];
  status?: StaffStatus;
  position?: StaffPosition;
}

/**
 * Vietnamese order: given name (last word), middle names, family name (first word), with ICU collation, the same
 * split as the generated columns of `student`.
 */
export const STAFF_NAME_ORDER = `regexp_replace(btrim(s.full_name), '^.*\\s', '') collate "vi-x-icu",
  btrim(regexp_replace(regexp_replace(btrim(s.full_name), '\\s*\\S+$', ''), '^\\S+', '')) collate "vi-x-icu",
  split_part(btrim(s.full_name), ' ', 1) collate "vi-x-icu"`;
export const STAFF_SORT_COLUMNS: Record<string, string> = {
  name: STAFF_NAME_ORDER,
  startDate: 's.start_date',
  position: 's.position',
};

const COLUMNS = `s.id, s.personal_id, s.full_name, s.date_of_birth::text as date_of_birth, s.gender, s.ethnicity, s.phone, s.email,
  s.position, s.contract_type, s.rank_code, s.salary_coefficient::float8 as salary_coefficient, s.salary_step, s.qualifications,
  s.subjects, s.start_date::text as start_date, s.status, s.party_member, s.union_member, s.version`;

/** A staff record as COLUMNS reads it (dates as text, the salary coefficient as float8). */
interface StaffRow {
  id: string;
  personal_id: string;
  full_name: string;
  date_of_birth: string;
  gender: 'MALE' | 'FEMALE';
  ethnicity: string;
  phone: string | null;
  email: string | null;
  position: StaffPosition;
  contract_type: ContractType;
  rank_code: string | null;
  salary_coefficient: number | null;
  salary_step: number | null;
  qualifications: Qualification[];
  subjects: string[];
  start_date: string;
  status: StaffStatus;
  party_member: boolean | null;
  union_member: boolean | null;
  version: number;
}

/** An entry of staff_history, its date read as text. */
interface StaffHistoryRow {
  kind: StaffHistoryEntry['kind'];
  effective_on: string;
  details: StaffHistoryEntry['details'];
}

@Injectable()
export class StaffRepository {
  async list(
    em: EntityManager,
    schoolId: string,
    f: StaffFilter,
    paging: SqlPaging | null,
  ): Promise<{ items: StaffRecord[]; total: number }> {
    const where = ['s.school_id = $1'];
    const params: unknown[] = [schoolId];
    if (f.status) {
      params.push(f.status);
      where.push(`s.status = $${params.length}`);
    }
    if (f.position) {
      params.push(f.position);
      where.push(`s.position = $${params.length}`);
    }
    if (f.q?.length) {
      // Every word of the box, in any order (docs/conventions.md, "Search").
      params.push(f.q);
      const p = `$${params.length}::text[]`;
      where.push(`(${allWordsSql(p, 's.full_name')} or s.personal_id like all (${p}))`);
    }
    const clause = where.join(' and ');
    const counted = await sqlRow<{ total: number }>(
      em,
      `select count(*)::int as total from staff s where ${clause}`,
      params,
    );
    const page = paging ? `limit $${params.length + 1} offset $${params.length + 2}` : '';
    const rows = await sqlRows<StaffRow>(
      em,
      `select ${COLUMNS} from staff s where ${clause} order by ${paging?.orderBy ?? STAFF_NAME_ORDER}, s.id ${page}`,
      paging ? [...params, paging.limit, paging.offset] : params,
    );
    return { total: counted?.total ?? 0, items: rows.map(toRecord) };
  }

  async find(em: EntityManager, schoolId: string, id: string, forUpdate = false): Promise<StaffRecord | undefined> {
    const row = await sqlRow<StaffRow>(
      em,
      `select ${COLUMNS} from staff s where s.school_id = $1 and s.id = $2 ${forUpdate ? 'for update' : ''}`,
      [schoolId, id],
    );
    return row ? toRecord(row) : undefined;
  }

  async history(em: EntityManager, schoolId: string, staffId: string): Promise<StaffHistoryEntry[]> {
    const rows = await sqlRows<StaffHistoryRow>(
      em,
      `select kind, effective_on::text as effective_on, details from staff_history
        where school_id = $1 and staff_id = $2 order by effective_on, recorded_at, id`,
      [schoolId, staffId],
    );
    return rows.map((r) => ({ kind: r.kind, effectiveOn: r.effective_on, details: r.details }));
  }

  /** Another record of the school with this personal id (any status), if there is one. */
  async personalIdHolder(em: EntityManager, schoolId: string, personalId: string): Promise<string | undefined> {
    const row = await sqlRow<{ id: string }>(em, `select id from staff where school_id = $1 and personal_id = $2`, [
      schoolId,
      personalId,
    ]);
    return row?.id;
  }

  /** The ids among `staffIds` that are ACTIVE staff of the school (one query for the whole batch). */
  async activeIds(em: EntityManager, schoolId: string, staffIds: string[]): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      em,
      `select id from staff where school_id = $1 and id = any($2::uuid[]) and status = 'ACTIVE'`,
      [schoolId, staffIds],
    );
    return rows.map((r) => r.id);
  }

  /** The school's records that accounts are made for: every one, or those of `staffIds`, in name order. */
  async accountCandidates(em: EntityManager, schoolId: string, staffIds?: string[]): Promise<StaffAccountCandidate[]> {
    const rows = await sqlRows<{
      id: string;
      full_name: string;
      position: StaffPosition;
      rank_code: string | null;
      status: StaffStatus;
      email: string | null;
    }>(
      em,
      `select s.id, s.full_name, s.position, s.rank_code, s.status, s.email from staff s
        where s.school_id = $1 and ($2::uuid[] is null or s.id = any($2::uuid[]))
        order by ${STAFF_NAME_ORDER}, s.id`,
      [schoolId, staffIds ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      position: r.position,
      rankCode: r.rank_code,
      status: r.status,
      email: r.email,
    }));
  }

  /** The staff record of a user account, read through identity's view; null for users who are not staff. */
  async staffIdOfUser(em: EntityManager, userId: string): Promise<string | null> {
    const row = await sqlRow<{ staff_id: string | null }>(
      em,
      `select staff_id from identity_user_staff where user_id = $1`,
      [userId],
    );
    return row?.staff_id ?? null;
  }

  async unknownSubjects(em: EntityManager, codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const rows = await sqlRows<{ code: string }>(
      em,
      `select code from unnest($1::text[]) code where code not in (select code from academic_subject)`,
      [codes],
    );
    return rows.map((r) => r.code);
  }

  /** Inserts the record; `id` is given when a transfer carries the person's id to the receiving school. */
  async insert(em: EntityManager, schoolId: string, id: string | null, f: StaffFields, at: Date): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into staff (school_id, id, personal_id, full_name, date_of_birth, gender, ethnicity, phone, email, position,
         contract_type, rank_code, salary_coefficient, salary_step, qualifications, subjects, start_date, status, party_member,
         union_member, created_at, updated_at)
       values ($1, coalesce($2::uuid, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16,
         $17, $18, $19, $20, $21, $21)
       returning id`,
      [schoolId, id, ...fieldValues(f), at],
    );
    if (!row) throw new Error(`insert: no id returned for staff ${f.personalId}`);
    return row.id;
  }

  async update(em: EntityManager, schoolId: string, id: string, f: StaffFields, at: Date): Promise<void> {
    await sqlExec(
      em,
      `update staff set personal_id = $3, full_name = $4, date_of_birth = $5, gender = $6, ethnicity = $7, phone = $8, email = $9,
         position = $10, contract_type = $11, rank_code = $12, salary_coefficient = $13, salary_step = $14, qualifications = $15::jsonb,
         subjects = $16, start_date = $17, status = $18, party_member = $19, union_member = $20, updated_at = $21, version = version + 1
       where school_id = $1 and id = $2`,
      [schoolId, id, ...fieldValues(f), at],
    );
  }

  async addHistory(
    em: EntityManager,
    schoolId: string,
    staffId: string,
    entry: StaffHistoryEntry,
    at: Date,
  ): Promise<void> {
    await sqlExec(
      em,
      `insert into staff_history (school_id, staff_id, kind, effective_on, details, recorded_at) values ($1, $2, $3, $4, $5::jsonb, $6)`,
      [schoolId, staffId, entry.kind, entry.effectiveOn, JSON.stringify(entry.details), at],
    );
  }

  /**
   * Copies the history the sending school holds to the receiving school, which then sees the whole career. Two
   * statements, each naming one school, so each runs on that school's shard under Citus (docs/scaling.md, "Writing
   * queries that distribute"): a single statement reading one school's rows and checking the other's was a join
   * across two shards, which Citus refuses.
   */
  async copyHistory(em: EntityManager, fromSchoolId: string, toSchoolId: string, staffId: string): Promise<void> {
    const sent = await sqlRow<{ entries: unknown[] }>(
      em,
      `select coalesce(jsonb_agg(jsonb_build_object('kind', kind, 'effective_on', effective_on, 'details', details,
                                                    'recorded_at', recorded_at)), '[]') as entries
         from staff_history where school_id = $1 and staff_id = $2`,
      [fromSchoolId, staffId],
    );
    if (!sent?.entries.length) return;
    await sqlExec(
      em,
      `insert into staff_history (school_id, staff_id, kind, effective_on, details, recorded_at)
       select $1, $2, h.kind, h.effective_on, h.details, h.recorded_at
         from jsonb_to_recordset($3::jsonb) as h(kind text, effective_on date, details jsonb, recorded_at timestamptz)
        where not exists (select 1 from staff_history x where x.school_id = $1 and x.staff_id = $2 and x.kind = h.kind
                            and x.effective_on = h.effective_on and x.details = h.details)
       returning 1`,
      [toSchoolId, staffId, JSON.stringify(sent.entries)],
    );
  }
}

function fieldValues(f: StaffFields): unknown[] {
  return [
    f.personalId,
    f.fullName,
    f.dateOfBirth,
    f.gender,
    f.ethnicity,
    f.phone,
    f.email,
    f.position,
    f.contractType,
    f.rankCode,
    f.salaryCoefficient,
    f.salaryStep,
    JSON.stringify(f.qualifications),
    f.subjects,
    f.startDate,
    f.status,
    f.partyMember,
    f.unionMember,
  ];
}

function toRecord(r: StaffRow): StaffRecord {
  return {
    id: r.id,
    personalId: r.personal_id,
    fullName: r.full_name,
    dateOfBirth: r.date_of_birth,
    gender: r.gender,
    ethnicity: r.ethnicity,
    phone: r.phone ?? null,
    email: r.email ?? null,
    position: r.position,
    contractType: r.contract_type,
    rankCode: r.rank_code ?? null,
    salaryCoefficient: r.salary_coefficient ?? null,
    salaryStep: r.salary_step ?? null,
    qualifications: r.qualifications ?? [],
    subjects: r.subjects ?? [],
    startDate: r.start_date,
    status: r.status,
    partyMember: r.party_member ?? null,
    unionMember: r.union_member ?? null,
    version: Number(r.version),
  };
}
