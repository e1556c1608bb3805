import { Injectable } from '@nestjs/common';
import type { Qualification } from '@emis/contracts';
import { sqlExec, sqlRows } from '@emis/api/platform';
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

/** A staff record as the import compares it (dates as YYYY-MM-DD text, the salary coefficient as float8). */
interface ExistingStaffRow {
  id: string;
  personal_id: string;
  full_name: string;
  date_of_birth: string;
  gender: string;
  ethnicity: string;
  phone: string | null;
  email: string | null;
  position: string;
  contract_type: string;
  rank_code: string | null;
  salary_coefficient: number | null;
  salary_step: number | null;
  qualifications: Qualification[];
  subjects: string[];
  start_date: string;
  status: string;
}

/** A subject of the catalogue, as the import matches a teacher's subjects against it. */
interface SubjectRow {
  code: string;
  name: string;
}

/**
 * The import's bulk writer for staff records. Deliberately separate from the per-record StaffRepository: each write
 * is one set-based statement over unnest()ed arrays, so thousands of rows cost a handful of statements.
 */
@Injectable()
export class StaffImportRepository {
  async subjects(em: EntityManager): Promise<{ code: string; name: string }[]> {
    return sqlRows<SubjectRow>(em, `select code, name from academic_subject order by sort_order`);
  }

  async existing(em: EntityManager, schoolId: string, personalIds: string[]): Promise<ExistingStaff[]> {
    const rows = await sqlRows<ExistingStaffRow>(
      em,
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
    const inserted = await sqlRows<{ id: string; personal_id: string }>(
      em,
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

  async update(
    em: EntityManager,
    schoolId: string,
    rows: { id: string; write: StaffWrite }[],
    at: Date,
  ): Promise<void> {
    if (!rows.length) return;
    await sqlExec(
      em,
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
    await sqlExec(
      em,
      `insert into staff_history (school_id, staff_id, kind, effective_on, details, recorded_at)
       select $1, u.sid, u.kind, u.eff, u.details::jsonb, $6
         from unnest($2::uuid[], $3::text[], $4::date[], $5::text[]) as u(sid, kind, eff, details)
       returning 1`,
      [
        schoolId,
        entries.map((e) => e.staffId),
        entries.map((e) => e.kind),
        entries.map((e) => e.effectiveOn),
        entries.map((e) => JSON.stringify(e.details)),
        at,
      ],
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

function toExisting(r: ExistingStaffRow): ExistingStaff {
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
    salaryCoefficient: r.salary_coefficient === null ? null : Number(r.salary_coefficient),
    salaryStep: r.salary_step === null ? null : Number(r.salary_step),
    qualifications: r.qualifications ?? [],
    subjects: r.subjects ?? [],
    startDate: r.start_date,
    status: r.status,
  };
}
