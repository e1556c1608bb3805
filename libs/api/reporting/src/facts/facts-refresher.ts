import { Injectable, Logger } from '@nestjs/common';
import { AcademicFacts } from '@emis/api/academic';
import { AssetsFacts } from '@emis/api/assets';
import { FinanceFacts } from '@emis/api/finance';
import { GradingFacts } from '@emis/api/grading';
import { PeopleFacts } from '@emis/api/people';
import { Scope, TenantDb } from '@emis/api/platform';
import { StaffFacts } from '@emis/api/staff';
import { ClassOutcomeFact, SubjectResultFact, todayInVietnam } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { FactsWriter } from './facts.repository';

/** What changed in a school, as the dirty marks say: the grades of some classes, or a whole topic. */
export type FactTopic = 'grades' | 'people' | 'classes' | 'attendance' | 'staff' | 'assets' | 'finance';
export const FACT_TOPICS: readonly FactTopic[] = [
  'grades',
  'people',
  'classes',
  'attendance',
  'staff',
  'assets',
  'finance',
];

/** What one refresh recomputes: the grade facts of some classes (or all), and whole school-level topics. */
export interface RefreshPlan {
  /** 'all', or the ids of the classes whose grade facts to recompute. */
  grades: 'all' | string[];
  people: boolean;
  classSizes: boolean;
  attendance: boolean;
  staff: boolean;
  assets: boolean;
  finance: boolean;
}

/** The province's scope, to list the schools; each school's facts are written under that school's scope only. */
const PROVINCE: Scope = { rootId: '', all: true, orgUnitIds: [] };

/** The scope of exactly one school: the refresh reads and writes only that school's rows. */
export function schoolScope(schoolId: string): Scope {
  return { rootId: schoolId, all: false, orgUnitIds: [schoolId] };
}

/**
 * The plan for a set of changed topics. A class's results depend on its list of pupils (people), on the class
 * itself (classes) and on its pupils' absences (attendance: Circular 22 Art. 12 counts them for promotion), so each of
 * those topics recomputes the school's grade facts too; a grade change recomputes only its class.
 */
export function planFor(topics: readonly FactTopic[], gradedClassIds: readonly string[] = []): RefreshPlan {
  const has = (t: FactTopic) => topics.includes(t);
  const wholeGrades = has('people') || has('classes') || has('attendance');
  return {
    grades: wholeGrades ? 'all' : [...new Set(gradedClassIds)],
    people: has('people') || has('classes'),
    classSizes: has('people') || has('classes'),
    attendance: has('attendance') || has('classes'),
    staff: has('staff'),
    assets: has('assets'),
    finance: has('finance'),
  };
}

export const FULL_PLAN: RefreshPlan = planFor(FACT_TOPICS);

/**
 * Recomputes a school's facts through the owners' ports and writes them (FactsWriter), in one transaction under the
 * school's scope, then stamps the school's state (refreshed_at, version + 1). The full rebuild is the refresh of every
 * topic; the incremental refresh (dirty marks from the owners' events) runs the same code on a smaller plan, so the
 * two cannot drift apart.
 */
@Injectable()
export class FactsRefresher {
  private readonly logger = new Logger(FactsRefresher.name);

  constructor(
    private readonly db: TenantDb,
    private readonly writer: FactsWriter,
    private readonly grading: GradingFacts,
    private readonly people: PeopleFacts,
    private readonly academic: AcademicFacts,
    private readonly staff: StaffFacts,
    private readonly assets: AssetsFacts,
    private readonly finance: FinanceFacts,
  ) {}

  /** Every fact of the school, recomputed. */
  rebuildSchool(schoolId: string, today = todayInVietnam()): Promise<number> {
    return this.refreshSchool(schoolId, FULL_PLAN, today);
  }

  /**
   * The full rebuild of `schoolIds` (every school when absent), one transaction per school so a failure leaves the
   * schools before it rebuilt; `progress` hears each school as it is done.
   */
  async rebuildSchools(
    schoolIds?: readonly string[],
    progress: (p: { done: number; total: number; schoolId: string; version: number; ms: number }) => void = () =>
      undefined,
  ): Promise<number> {
    const ids = schoolIds ?? (await this.schoolIds());
    const today = todayInVietnam();
    for (const [i, schoolId] of ids.entries()) {
      const started = Date.now();
      const version = await this.rebuildSchool(schoolId, today);
      progress({ done: i + 1, total: ids.length, schoolId, version, ms: Date.now() - started });
    }
    return ids.length;
  }

  /** Recomputes what `plan` names, in its own transaction under the school's scope; answers the school's new version. */
  refreshSchool(schoolId: string, plan: RefreshPlan, today = todayInVietnam()): Promise<number> {
    return this.db.runWithScope(schoolScope(schoolId), (em) => this.refreshIn(em, schoolId, plan, today));
  }

  /**
   * Folds the school's dirty marks into its facts: claims them and recomputes what they name, in one transaction
   * under the school's scope. Answers null when nothing was waiting (another job took the marks first).
   */
  refreshDirty(schoolId: string, today = todayInVietnam()): Promise<number | null> {
    return this.db.runWithScope(schoolScope(schoolId), async (em) => {
      await this.writer.lockSchool(em, schoolId);
      const marks = await this.writer.claimDirty(em, schoolId);
      if (!marks.length) return null;
      const topics = [...new Set(marks.map((m) => m.topic as FactTopic))];
      const classIds = marks.filter((m) => m.topic === 'grades').map((m) => m.key);
      return this.refreshIn(em, schoolId, planFor(topics, classIds), today);
    });
  }

  /** The refresh inside the caller's transaction (which must hold the school's scope). */
  async refreshIn(em: EntityManager, schoolId: string, plan: RefreshPlan, today: string): Promise<number> {
    const started = Date.now();
    await this.writer.lockSchool(em, schoolId);
    if (plan.grades === 'all' || plan.grades.length) await this.refreshGrades(em, schoolId, plan.grades);
    if (plan.classSizes)
      await this.writer.replaceClassSizes(em, schoolId, await this.academic.classSizes(em, schoolId, today));
    if (plan.people) {
      await this.writer.replacePeople(
        em,
        schoolId,
        await this.people.headcounts(em, schoolId, today),
        await this.people.policyCounts(em, schoolId, today),
        await this.people.movements(em, schoolId),
      );
    }
    if (plan.attendance)
      await this.writer.replaceAttendance(em, schoolId, await this.academic.attendance(em, schoolId));
    if (plan.staff) await this.writer.replaceStaff(em, schoolId, await this.staff.staffCounts(em, schoolId, today));
    if (plan.assets) await this.writer.replaceAssets(em, schoolId, await this.assets.assetTotals(em, schoolId));
    if (plan.finance)
      await this.writer.replaceFinance(
        em,
        schoolId,
        await this.finance.financeTotals(em, schoolId),
        await this.finance.budgetTotals(em, schoolId),
      );
    const version = await this.writer.stamp(em, schoolId, new Date());
    this.logger.debug(`school ${schoolId} refreshed in ${Date.now() - started} ms (version ${version})`);
    return version;
  }

  /** Whether any school has been refreshed yet. */
  async hasFacts(): Promise<boolean> {
    return this.db.runWithScope(PROVINCE, (em) => this.writer.anyRefreshed(em));
  }

  /** The ids of every school of the province, for the full rebuild (read under the province's scope). */
  async schoolIds(): Promise<string[]> {
    return this.db.runWithScope(PROVINCE, (em) => this.writer.schoolIds(em));
  }

  private async refreshGrades(em: EntityManager, schoolId: string, which: 'all' | string[]): Promise<void> {
    const classIds = which === 'all' ? await this.grading.gradedClassIds(em, schoolId) : which;
    const subjects: SubjectResultFact[] = [];
    const outcomes: ClassOutcomeFact[] = [];
    for (const classId of classIds) {
      const facts = await this.grading.classFacts(em, schoolId, classId);
      subjects.push(...facts.subjects);
      outcomes.push(...facts.outcomes);
    }
    await this.writer.replaceGrades(em, schoolId, which === 'all' ? null : which, subjects, outcomes);
  }
}
