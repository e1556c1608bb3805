import { Injectable } from '@nestjs/common';
import type { Qualification } from '@emis/contracts';
import { EntityManager } from 'typeorm';
import { StaffRow } from './staff-rows';

export interface ExistingStaff {
  id: string;
  personalId: string;
  fullName: string;
  dateOfBirth: string;
  gender: string;
  ethnicity: string;
  phone: string | null;
  email: string | null;
  position: string;
  contractType: string;
  rankCode: string | null;
  salaryCoefficient: number | null;
  salaryStep: number | null;
  qualifications: Qualification[];
  subjects: string[];
  startDate: string;
  status: string;
}

/** A staff row as written: the file's fields with the qualification list merged into the one on record. */
export interface StaffWrite {
  row: StaffRow;
  qualifications: Qualification[];
}

export interface HistoryWrite {
  staffId: string;
  kind: 'HIRED' | 'POSITION';
  effectiveOn: string;
  details: Record<string, unknown>;
}

/**
 * The import's bulk writer for staff records. Deliberately separate from the per-record StaffRepository: each write
 * is one set-based statement over unnest()ed arrays, so thousands of rows cost a handful of statements.
 */
@Injectable()
export class StaffImportRepository {
  async subjects(em: EntityManager): Promise<{ code: string; name: string }[]> {
    return em.query(`select code, name from academic_subject order by sort_order`);
  }

  async existing(em: EntityManager, schoolId: string, personalIds: string[]): Promise<ExistingStaff[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `select id, personal_id, full_name, to_char(date_of_birth, 'YYYY-MM-DD') as date_of_birth, gender, ethnicity, phone, email,
              position, contract_type, rank_code, salary_coefficient::float8 as salary_coefficient, salary_step, qualifications,
              subjects, to_char(start_date, 'YYYY-MM-DD') as start_date, status
         from staff where school_id = $1 and personal_id = any($2::text[])`,
      [schoolId, personalIds],
    );
    return rows.map(toExisting);
  }

  async insert(em: EntityManager, schoolId: string, rows: StaffWrite[], at: Date): Promise<Map<string, string>> {
    if (!rows.length) return new Map();
    const inserted: { id: string; personal_id: string }[] = await em.query(
      `insert into staff (school_id, personal_id, full_name, date_of_birth, gender, ethnicity, phone, email, position, contract_type,
                          rank_code, salary_coefficient, salary_step, qualifications, subjects, start_date, created_at, updated_at)
       select $1, u.pid, u.name, u.dob, u.gender, u.eth, u.phone, u.email, u.pos, u.ct, u.rank, u.coef, u.step, u.q::jsonb,
              coalesce(string_to_array(nullif(u.subj, ''), ','), '{}'), u.start, $17, $17
         from unnest($2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                     $11::text[], $12::numeric[], $13::smallint[], $14::text[], $15::text[], $16::date[])
              as u(pid, name, dob, gender, eth, phone, email, pos, ct, rank, coef, step, q, subj, start)
       returning id, personal_id`,
      [schoolId, ...columnsOf(rows), at],
    );
    return new Map(inserted.map((r) => [r.personal_id, r.id]));
  }

  async update(em: EntityManager, schoolId: string, rows: { id: string; write: StaffWrite }[], at: Date): Promise<void> {
    if (!rows.length) return;
    await em.query(
      `update staff s
          set full_name = u.name, date_of_birth = u.dob, gender = u.gender, ethnicity = u.eth, phone = u.phone, email = u.email,
              position = u.pos, contract_type = u.ct, rank_code = u.rank, salary_coefficient = u.coef, salary_step = u.step,
              qualifications = u.q::jsonb, subjects = coalesce(string_to_array(nullif(u.subj, ''), ','), '{}'), start_date = u.start,
              version = s.version + 1, updated_at = $18
         from unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                     $12::text[], $13::numeric[], $14::smallint[], $15::text[], $16::text[], $17::date[])
              as u(id, pid, name, dob, gender, eth, phone, email, pos, ct, rank, coef, step, q, subj, start)
        where s.school_id = $1 and s.id = u.id`,
      [schoolId, rows.map((r) => r.id), ...columnsOf(rows.map((r) => r.write)), at],
    );
  }

  async history(em: EntityManager, schoolId: string, entries: HistoryWrite[], at: Date): Promise<void> {
    if (!entries.length) return;
    await em.query(
      `insert into staff_history (school_id, staff_id, kind, effective_on, details, recorded_at)
       select $1, u.sid, u.kind, u.eff, u.details::jsonb, $6
         from unnest($2::uuid[], $3::text[], $4::date[], $5::text[]) as u(sid, kind, eff, details)`,
      [schoolId, entries.map((e) => e.staffId), entries.map((e) => e.kind), entries.map((e) => e.effectiveOn), entries.map((e) => JSON.stringify(e.details)), at],
    );
  }
}

function columnsOf(rows: StaffWrite[]): unknown[][] {
  const col = <T>(pick: (r: StaffRow) => T) => rows.map((w) => pick(w.row));
  return [
    col((r) => r.personalId),
    col((r) => r.fullName),
    col((r) => r.dateOfBirth),
    col((r) => r.gender),
    col((r) => r.ethnicity),
    col((r) => r.phone),
    col((r) => r.email),
    col((r) => r.position),
    col((r) => r.contractType),
    col((r) => r.rankCode),
    col((r) => r.salaryCoefficient),
    col((r) => r.salaryStep),
    rows.map((w) => JSON.stringify(w.qualifications)),
    col((r) => r.subjects.join(',')),
    col((r) => r.startDate),
  ];
}

function toExisting(r: Record<string, unknown>): ExistingStaff {
  const text = (key: string) => (r[key] as string | null) ?? null;
  return {
    id: r['id'] as string,
    personalId: r['personal_id'] as string,
    fullName: r['full_name'] as string,
    dateOfBirth: r['date_of_birth'] as string,
    gender: r['gender'] as string,
    ethnicity: r['ethnicity'] as string,
    phone: text('phone'),
    email: text('email'),
    position: r['position'] as string,
    contractType: r['contract_type'] as string,
    rankCode: text('rank_code'),
    salaryCoefficient: r['salary_coefficient'] === null ? null : Number(r['salary_coefficient']),
    salaryStep: r['salary_step'] === null ? null : Number(r['salary_step']),
    qualifications: (r['qualifications'] as Qualification[]) ?? [],
    subjects: (r['subjects'] as string[]) ?? [],
    startDate: r['start_date'] as string,
    status: r['status'] as string,
  };
}
