import { Injectable } from '@nestjs/common';
import type { Qualification, StaffDetail, StaffHistoryEntry, StaffInput } from '@emis/contracts';
import { ContractType, StaffPosition, StaffStatus } from '@emis/domain';
import { SqlPaging } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

export type StaffRecord = Omit<StaffDetail, 'history'>;
/** Every stored field of a record that a create, an update or a transfer writes. */
export type StaffFields = Required<StaffInput> & { status: StaffStatus };

export interface StaffFilter {
  /** Search text (unaccented match on the name, prefix match on the personal id). */
  q?: string;
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
export const STAFF_SORT_COLUMNS: Record<string, string> = { name: STAFF_NAME_ORDER, startDate: 's.start_date', position: 's.position' };

const COLUMNS = `s.id, s.personal_id, s.full_name, s.date_of_birth::text as date_of_birth, s.gender, s.ethnicity, s.phone, s.email,
  s.position, s.contract_type, s.rank_code, s.salary_coefficient::float8 as salary_coefficient, s.salary_step, s.qualifications,
  s.subjects, s.start_date::text as start_date, s.status, s.party_member, s.union_member, s.version`;

@Injectable()
export class StaffRepository {
  async list(em: EntityManager, schoolId: string, f: StaffFilter, paging: SqlPaging | null): Promise<{ items: StaffRecord[]; total: number }> {
    const where = ['s.school_id = $1'];
    const params: unknown[] = [schoolId];
    if (f.status) { params.push(f.status); where.push(`s.status = $${params.length}`); }
    if (f.position) { params.push(f.position); where.push(`s.position = $${params.length}`); }
    if (f.q) {
      params.push(f.q);
      where.push(`(unaccent_vi(s.full_name) ilike unaccent_vi($${params.length}) or s.personal_id like $${params.length})`);
    }
    const clause = where.join(' and ');
    const [{ total }] = await em.query(`select count(*)::int as total from staff s where ${clause}`, params);
    const page = paging ? `limit $${params.length + 1} offset $${params.length + 2}` : '';
    const rows = await em.query(
      `select ${COLUMNS} from staff s where ${clause} order by ${paging?.orderBy ?? STAFF_NAME_ORDER}, s.id ${page}`,
      paging ? [...params, paging.limit, paging.offset] : params,
    );
    return { total, items: rows.map(toRecord) };
  }

  async find(em: EntityManager, schoolId: string, id: string, forUpdate = false): Promise<StaffRecord | undefined> {
    const [row] = await em.query(`select ${COLUMNS} from staff s where s.school_id = $1 and s.id = $2 ${forUpdate ? 'for update' : ''}`, [schoolId, id]);
    return row ? toRecord(row) : undefined;
  }

  async history(em: EntityManager, schoolId: string, staffId: string): Promise<StaffHistoryEntry[]> {
    const rows = await em.query(
      `select kind, effective_on::text as effective_on, details from staff_history
        where school_id = $1 and staff_id = $2 order by effective_on, recorded_at, id`,
      [schoolId, staffId],
    );
    return rows.map((r: Record<string, unknown>) => ({ kind: r['kind'], effectiveOn: r['effective_on'], details: r['details'] }) as StaffHistoryEntry);
  }

  /** Another record of the school with this personal id (any status), if there is one. */
  async personalIdHolder(em: EntityManager, schoolId: string, personalId: string): Promise<string | undefined> {
    const [row] = await em.query(`select id from staff where school_id = $1 and personal_id = $2`, [schoolId, personalId]);
    return row?.id;
  }

  async unknownSubjects(em: EntityManager, codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const rows: { code: string }[] = await em.query(`select code from unnest($1::text[]) code where code not in (select code from academic_subject)`, [codes]);
    return rows.map((r) => r.code);
  }

  /** Inserts the record; `id` is given when a transfer carries the person's id to the receiving school. */
  async insert(em: EntityManager, schoolId: string, id: string | null, f: StaffFields, at: Date): Promise<string> {
    const [row] = await em.query(
      `insert into staff (school_id, id, personal_id, full_name, date_of_birth, gender, ethnicity, phone, email, position,
         contract_type, rank_code, salary_coefficient, salary_step, qualifications, subjects, start_date, status, party_member,
         union_member, created_at, updated_at)
       values ($1, coalesce($2::uuid, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16,
         $17, $18, $19, $20, $21, $21)
       returning id`,
      [schoolId, id, ...fieldValues(f), at],
    );
    return row.id;
  }

  async update(em: EntityManager, schoolId: string, id: string, f: StaffFields, at: Date): Promise<void> {
    await em.query(
      `update staff set personal_id = $3, full_name = $4, date_of_birth = $5, gender = $6, ethnicity = $7, phone = $8, email = $9,
         position = $10, contract_type = $11, rank_code = $12, salary_coefficient = $13, salary_step = $14, qualifications = $15::jsonb,
         subjects = $16, start_date = $17, status = $18, party_member = $19, union_member = $20, updated_at = $21, version = version + 1
       where school_id = $1 and id = $2`,
      [schoolId, id, ...fieldValues(f), at],
    );
  }

  async addHistory(
    em: EntityManager, schoolId: string, staffId: string, entry: StaffHistoryEntry, at: Date,
  ): Promise<void> {
    await em.query(
      `insert into staff_history (school_id, staff_id, kind, effective_on, details, recorded_at) values ($1, $2, $3, $4, $5::jsonb, $6)`,
      [schoolId, staffId, entry.kind, entry.effectiveOn, JSON.stringify(entry.details), at],
    );
  }

  /** Copies the history the sending school holds to the receiving school, which then sees the whole career. */
  async copyHistory(em: EntityManager, fromSchoolId: string, toSchoolId: string, staffId: string): Promise<void> {
    await em.query(
      `insert into staff_history (school_id, staff_id, kind, effective_on, details, recorded_at)
       select $2, staff_id, kind, effective_on, details, recorded_at from staff_history h
        where h.school_id = $1 and h.staff_id = $3
          and not exists (select 1 from staff_history x where x.school_id = $2 and x.staff_id = $3 and x.kind = h.kind
                            and x.effective_on = h.effective_on and x.details = h.details)`,
      [fromSchoolId, toSchoolId, staffId],
    );
  }
}

function fieldValues(f: StaffFields): unknown[] {
  return [f.personalId, f.fullName, f.dateOfBirth, f.gender, f.ethnicity, f.phone, f.email, f.position, f.contractType, f.rankCode,
    f.salaryCoefficient, f.salaryStep, JSON.stringify(f.qualifications), f.subjects, f.startDate, f.status, f.partyMember, f.unionMember];
}

function toRecord(r: Record<string, unknown>): StaffRecord {
  return {
    id: r['id'] as string,
    personalId: r['personal_id'] as string,
    fullName: r['full_name'] as string,
    dateOfBirth: r['date_of_birth'] as string,
    gender: r['gender'] as 'MALE' | 'FEMALE',
    ethnicity: r['ethnicity'] as string,
    phone: (r['phone'] as string | null) ?? null,
    email: (r['email'] as string | null) ?? null,
    position: r['position'] as StaffPosition,
    contractType: r['contract_type'] as ContractType,
    rankCode: (r['rank_code'] as string | null) ?? null,
    salaryCoefficient: (r['salary_coefficient'] as number | null) ?? null,
    salaryStep: (r['salary_step'] as number | null) ?? null,
    qualifications: (r['qualifications'] as Qualification[]) ?? [],
    subjects: (r['subjects'] as string[]) ?? [],
    startDate: r['start_date'] as string,
    status: r['status'] as StaffStatus,
    partyMember: (r['party_member'] as boolean | null) ?? null,
    unionMember: (r['union_member'] as boolean | null) ?? null,
    version: Number(r['version']),
  };
}
