import { Injectable } from '@nestjs/common';
import type { CompletionCertification, CompletionCouncil, CompletionProposalView } from '@emis/contracts';
import type { Level4 } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

export interface CouncilRecord {
  id: string;
  schoolYearId: string;
  schoolYearCode: string;
  yearStatus: 'PLANNED' | 'OPEN' | 'CLOSED';
  sitting: 1 | 2;
  heldOn: string;
  chairName: string;
  members: string[];
}

/** What a decision was taken on, kept with it: the page shows it for a pupil who has since left. */
export interface DecisionSnapshot {
  fullName: string;
  dateOfBirth: string | null;
  className: string | null;
  learning: Level4 | null;
  training: Level4 | null;
  absences: number;
  proposal: CompletionProposalView;
}

export interface DecisionRecord {
  councilId: string;
  sitting: 1 | 2;
  heldOn: string;
  schoolYearCode: string;
  studentId: string;
  classId: string | null;
  completes: boolean;
  reason: string | null;
  snapshot: DecisionSnapshot;
  certification: CompletionCertification | null;
  decidedByName: string | null;
  decidedAt: string;
}

interface CouncilRow {
  id: string;
  school_year_id: string;
  year_code: string;
  year_status: 'PLANNED' | 'OPEN' | 'CLOSED';
  sitting: 1 | 2;
  held_on: string;
  chair_name: string;
  members: string[];
  created_by_name: string | null;
  created_at: Date;
  decided: number;
  completed: number;
}

interface DecisionRow {
  council_id: string;
  sitting: 1 | 2;
  held_on: string;
  year_code: string;
  student_id: string;
  class_id: string | null;
  completes: boolean;
  reason: string | null;
  proposal: DecisionSnapshot;
  certification: string | null;
  certified_on: string | null;
  certified_by_name: string | null;
  decided_by_name: string | null;
  decided_at: Date;
}

const COUNCIL = `
  select c.id, c.school_year_id, y.code as year_code, y.status as year_status, c.sitting, c.held_on::text as held_on,
         c.chair_name, c.members, c.created_by_name, c.created_at,
         (select count(*)::int from completion_decision d where d.school_id = c.school_id and d.council_id = c.id) as decided,
         (select count(*)::int from completion_decision d
           where d.school_id = c.school_id and d.council_id = c.id and d.completes) as completed
    from completion_council c join academic_school_year y on y.id = c.school_year_id`;

const DECISION = `
  select d.council_id, c.sitting, c.held_on::text as held_on, y.code as year_code, d.student_id, d.class_id,
         d.completes, d.reason, d.proposal, d.certification, d.certified_on::text as certified_on,
         d.certified_by_name, d.decided_by_name, d.decided_at
    from completion_decision d
    join completion_council c on c.school_id = d.school_id and c.id = d.council_id
    join academic_school_year y on y.id = c.school_year_id`;

/** The completion councils and their decisions (Circular 31/2023): the only file that knows these tables. */
@Injectable()
export class CompletionRepository {
  async councilsOfYear(em: EntityManager, schoolId: string, yearId: string): Promise<CompletionCouncil[]> {
    const rows = await sqlRows<CouncilRow>(
      em,
      `${COUNCIL} where c.school_id = $1 and c.school_year_id = $2 order by c.sitting`,
      [schoolId, yearId],
    );
    return rows.map(toCouncil);
  }

  async council(em: EntityManager, schoolId: string, councilId: string): Promise<CouncilRecord | undefined> {
    const r = await sqlRow<CouncilRow>(em, `${COUNCIL} where c.school_id = $1 and c.id = $2`, [schoolId, councilId]);
    return r
      ? {
          id: r.id,
          schoolYearId: r.school_year_id,
          schoolYearCode: r.year_code,
          yearStatus: r.year_status,
          sitting: r.sitting,
          heldOn: r.held_on,
          chairName: r.chair_name,
          members: r.members,
        }
      : undefined;
  }

  /** The year's sittings so far, the school's councils of the year locked so two requests cannot both take one. */
  async lockSittings(em: EntityManager, schoolId: string, yearId: string): Promise<number> {
    await sqlExec(em, `select pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 31))`, [schoolId, yearId]);
    const r = await sqlRow<{ n: number }>(
      em,
      `select count(*)::int as n from completion_council where school_id = $1 and school_year_id = $2`,
      [schoolId, yearId],
    );
    return r?.n ?? 0;
  }

  async insertCouncil(
    em: EntityManager,
    schoolId: string,
    c: {
      schoolYearId: string;
      sitting: number;
      heldOn: string;
      chairName: string;
      members: string[];
      by: string | null;
      byName: string | null;
      at: Date;
    },
  ): Promise<string> {
    const r = await sqlRow<{ id: string }>(
      em,
      `insert into completion_council (school_id, school_year_id, sitting, held_on, chair_name, members, created_by,
                                       created_by_name, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [schoolId, c.schoolYearId, c.sitting, c.heldOn, c.chairName, c.members, c.by, c.byName, c.at],
    );
    return r!.id;
  }

  /** Every decision of the year's councils, the later sitting first for each pupil. */
  async decisionsOfYear(em: EntityManager, schoolId: string, yearId: string): Promise<DecisionRecord[]> {
    const rows = await sqlRows<DecisionRow>(
      em,
      `${DECISION} where d.school_id = $1 and c.school_year_id = $2 order by d.student_id, c.sitting desc`,
      [schoolId, yearId],
    );
    return rows.map(toDecision);
  }

  async decisionsOfCouncil(em: EntityManager, schoolId: string, councilId: string): Promise<DecisionRecord[]> {
    const rows = await sqlRows<DecisionRow>(
      em,
      `${DECISION} where d.school_id = $1 and d.council_id = $2 order by d.proposal->>'className' collate vi_natural, d.proposal->>'fullName'`,
      [schoolId, councilId],
    );
    return rows.map(toDecision);
  }

  /** The pupils' completions across years, the latest first (the student's page and the report card). */
  async completionsOf(em: EntityManager, schoolId: string, studentIds: string[]): Promise<DecisionRecord[]> {
    const rows = await sqlRows<DecisionRow>(
      em,
      `${DECISION} where d.school_id = $1 and d.student_id = any($2::uuid[]) order by y.code desc, c.sitting desc`,
      [schoolId, studentIds],
    );
    return rows.map(toDecision);
  }

  async saveDecision(
    em: EntityManager,
    schoolId: string,
    d: {
      councilId: string;
      studentId: string;
      classId: string | null;
      completes: boolean;
      reason: string | null;
      snapshot: DecisionSnapshot;
      certification: CompletionCertification | null;
      by: string | null;
      byName: string | null;
      at: Date;
    },
  ): Promise<void> {
    await sqlExec(
      em,
      `insert into completion_decision (school_id, council_id, student_id, class_id, completes, reason, proposal,
                                        certification, certified_on, certified_by_name, decided_by, decided_by_name,
                                        decided_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       on conflict (school_id, council_id, student_id) do update set
         class_id = excluded.class_id, completes = excluded.completes, reason = excluded.reason,
         proposal = excluded.proposal, certification = excluded.certification, certified_on = excluded.certified_on,
         certified_by_name = excluded.certified_by_name, decided_by = excluded.decided_by,
         decided_by_name = excluded.decided_by_name, decided_at = excluded.decided_at`,
      [
        schoolId,
        d.councilId,
        d.studentId,
        d.classId,
        d.completes,
        d.reason,
        JSON.stringify(d.snapshot),
        d.certification?.text ?? null,
        d.certification?.certifiedOn ?? null,
        d.certification?.principalName ?? null,
        d.by,
        d.byName,
        d.at,
      ],
    );
  }

  /** A pupil's name and birth date when they no longer sit in a class (a graduate). */
  async pupil(
    em: EntityManager,
    schoolId: string,
    studentId: string,
  ): Promise<{ fullName: string; dateOfBirth: string | null } | undefined> {
    const r = await sqlRow<{ full_name: string; dob: string | null }>(
      em,
      `select full_name, date_of_birth::text as dob from people_student where school_id = $1 and id = $2`,
      [schoolId, studentId],
    );
    return r ? { fullName: r.full_name, dateOfBirth: r.dob } : undefined;
  }

  async schoolYear(
    em: EntityManager,
    yearId: string,
  ): Promise<{ id: string; code: string; status: 'PLANNED' | 'OPEN' | 'CLOSED' } | undefined> {
    return sqlRow(em, `select id, code, status from academic_school_year where id = $1`, [yearId]);
  }
}

function toCouncil(r: CouncilRow): CompletionCouncil {
  return {
    id: r.id,
    schoolYearId: r.school_year_id,
    sitting: r.sitting,
    heldOn: r.held_on,
    chairName: r.chair_name,
    members: r.members,
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    decided: r.decided,
    completed: r.completed,
  };
}

function toDecision(r: DecisionRow): DecisionRecord {
  return {
    councilId: r.council_id,
    sitting: r.sitting,
    heldOn: r.held_on,
    schoolYearCode: r.year_code,
    studentId: r.student_id,
    classId: r.class_id,
    completes: r.completes,
    reason: r.reason,
    snapshot: r.proposal,
    certification:
      r.certification && r.certified_on && r.certified_by_name
        ? { text: r.certification, certifiedOn: r.certified_on, principalName: r.certified_by_name }
        : null,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at.toISOString(),
  };
}
