import { Injectable } from '@nestjs/common';
import { likePatterns } from '@emis/api/platform';
import type { PolicyGroup } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { PupilRosterRepository, PupilRow } from './pupil-roster.repository';

/** A pupil as another context sees them: who they are, the enrolment that places them in a class, whom to call. */
interface Pupil<Placed extends string | null> {
  studentId: string;
  /** The pupil's code: their personal identification number (mã định danh cá nhân). */
  code: string;
  fullName: string;
  classId: Placed;
  className: Placed;
  grade: Placed;
  nationality: string;
  policyGroups: PolicyGroup[];
  enrolledFrom: Placed;
  enrolledTo: string | null;
  guardianPhone: string | null;
}

/** A class as another context names it. */
export interface RosterClass {
  classId: string;
  name: string;
  grade: string;
}

/** A pupil enrolled during a range, in the class of their latest enrolment in it. */
export type RosterPupil = Pupil<string>;

/** A pupil named in a list or on a receipt: their latest class of any year, or none if they were never placed. */
export type NamedPupil = Pupil<string | null>;

/**
 * The people context's published port for the contexts that bill pupils (finance): pupils, their classes and
 * policy groups, read in the caller's transaction under the caller's scope — row-level security keeps it to the
 * schools in scope. Finance never reads student, enrolment, class or staff tables itself.
 */
@Injectable()
export class PupilRoster {
  constructor(private readonly repo: PupilRosterRepository) {}

  /**
   * Pupils of the school enrolled in one of its classes on some day of [from, to] (both included), each once, in the
   * class of their latest enrolment in the range; by class, then Vietnamese name order.
   */
  async enrolled(em: EntityManager, schoolId: string, from: string, to: string): Promise<RosterPupil[]> {
    return (await this.repo.enrolled(em, schoolId, from, to)).map(toPupil);
  }

  /** Names and codes of the given pupils (any status), for lists and receipts; ids the school has not are absent. */
  async byIds(em: EntityManager, schoolId: string, studentIds: readonly string[]): Promise<Map<string, NamedPupil>> {
    const rows = await this.repo.byIds(em, schoolId, [...new Set(studentIds)]);
    return new Map(rows.map((r) => [r.student_id, toPupil(r)]));
  }

  /** Search by code or name, accents ignored (unaccent_vi, as the student list searches), for payment entry. */
  async search(em: EntityManager, schoolId: string, q: string, limit: number): Promise<NamedPupil[]> {
    const patterns = likePatterns(q);
    if (!patterns.length) return [];
    return (await this.repo.search(em, schoolId, patterns, limit)).map(toPupil);
  }

  /** Names and grades of the school's classes by id (a charge keeps the class it was billed in). */
  async classes(em: EntityManager, schoolId: string, classIds: readonly string[]): Promise<Map<string, RosterClass>> {
    const rows = await this.repo.classes(em, schoolId, [...new Set(classIds)]);
    return new Map(rows.map((r) => [r.id, { classId: r.id, name: r.name, grade: r.grade }]));
  }

  /** The classes (of any year) a staff user is homeroom teacher of, for a teacher's debtor list. */
  homeroomClassIds(em: EntityManager, schoolId: string, userId: string): Promise<string[]> {
    return this.repo.homeroomClassIds(em, schoolId, userId);
  }
}

function toPupil<Placed extends string | null>(r: PupilRow<Placed>): Pupil<Placed> {
  return {
    studentId: r.student_id,
    code: r.code,
    fullName: r.full_name,
    classId: r.class_id,
    className: r.class_name,
    grade: r.grade,
    nationality: r.nationality,
    policyGroups: r.policy_groups,
    enrolledFrom: r.enrolled_from,
    enrolledTo: r.enrolled_to,
    guardianPhone: r.guardian_phone,
  };
}
