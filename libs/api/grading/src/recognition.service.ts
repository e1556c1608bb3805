import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  SchoolRecognitionOverview,
  StudentResult,
  YearRecognitionRow,
  YearRecognitionSave,
  YearRecognitionSheet,
} from '@emis/contracts';
import { AuditService, PersonalDataGuard } from '@emis/api/audit';
import {
  assertInScope,
  Principal,
  ProblemException,
  RawFieldError,
  Scope,
  TenantDb,
  ValidationProblem,
} from '@emis/api/platform';
import { SchoolsService } from '@emis/api/tenancy';
import {
  isRealDate,
  RecognitionDecision,
  RecognitionKind,
  recognitionDecisionError,
  Scheme,
  todayInVietnam,
} from '@emis/domain';
import type { Response } from 'express';
import { GradingEvents } from './grading-events';
import { streamAwardsXlsx } from './recognition.excel';
import { RecognitionRepository, RecognitionRow, RecognitionWrite } from './recognition.repository';
import { LoadedResults, ResultsService } from './results.service';

type DecisionInput = YearRecognitionSave['decisions'][number];

/**
 * The school's year-end decisions on what the results propose (docs/domain/gradebook.md, "Year-end decisions"):
 * the award or title (Circular 22 Art. 15, Circular 58 Art. 18, Circular 27 Art. 15) and, in primary, the
 * programme completion (Circular 27 Art. 14; grade 5 "Hoàn thành chương trình tiểu học"). The software proposes
 * from the year's results; the school administrator decides, and each decision keeps who, when, why and what was
 * proposed. Promotion is decided by the year-end promotion of the people context, from the same proposals.
 */
@Injectable()
export class RecognitionService {
  constructor(
    private readonly results: ResultsService,
    private readonly repo: RecognitionRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: GradingEvents,
    private readonly guard: PersonalDataGuard,
    private readonly schools: SchoolsService,
  ) {}

  /** The year's classes with the award decisions recorded so far (no pupil named: counts only). */
  async overview(scope: Scope, schoolId: string, yearId: string): Promise<SchoolRecognitionOverview> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const year = await this.repo.year(em, yearId);
      if (!year) throw new NotFoundException();
      return {
        schoolYearId: yearId,
        schoolYearCode: year.code,
        classes: await this.repo.overview(em, schoolId, yearId),
      };
    });
  }

  /**
   * The list of the year's awards and titles granted, as Excel with the official page set-up: an export of pupils'
   * data, charged to the read budget and audited in the transaction that reads it, before the first byte leaves.
   */
  async exportGranted(scope: Scope, actor: Principal, schoolId: string, yearId: string, res: Response): Promise<void> {
    assertInScope(scope, schoolId);
    await this.db.run(async (em) => {
      const year = await this.repo.year(em, yearId);
      if (!year) throw new NotFoundException();
      const granted = await this.repo.granted(em, schoolId, yearId);
      await this.guard.charge(
        'STUDENT',
        granted.map((g) => g.studentId),
        schoolId,
      );
      await this.audit.record(
        em,
        {
          schoolId,
          entity: 'year_recognition',
          entityId: yearId,
          action: 'EXPORT',
          after: { format: 'xlsx', schoolYear: year.code, students: granted.length },
        },
        actor,
      );
      await streamAwardsXlsx(res, await this.schools.letterhead(em, schoolId), year.code, granted);
    });
  }

  async sheet(scope: Scope, actor: Principal, schoolId: string, classId: string): Promise<YearRecognitionSheet> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const loaded = await this.results.load(em, actor, schoolId, classId, 'CN');
      const sheet = sheetOf(loaded, actor, await this.repo.ofClass(em, schoolId, classId));
      await this.audit.recordRead(
        em,
        {
          schoolId,
          entity: 'year_recognition',
          entityId: classId,
          ids: sheet.rows.map((r) => r.studentId),
          filter: { classId },
        },
        actor,
      );
      return sheet;
    });
  }

  /**
   * Records decisions in one transaction, audited once with before and after. A decision replacing one changed
   * since it was read refuses the whole save (409 `version_conflict`); a decision the rules refuse answers 400 with
   * a field error per row.
   */
  async decide(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    body: YearRecognitionSave,
  ): Promise<YearRecognitionSheet> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const loaded = await this.results.load(em, actor, schoolId, classId, 'CN');
      if (!loaded.access.yearWritable)
        throw new ProblemException(HttpStatus.CONFLICT, 'year_closed', loaded.cls.schoolYearCode);
      const rows = new Map(loaded.results.rows.map((r) => [r.studentId, r]));
      const errors = [...decisionErrors(loaded, rows, body.decisions), ...documentErrors(body)];
      if (errors.length) throw new ValidationProblem(errors);
      const current = await this.repo.ofClass(em, schoolId, classId, true);
      const key = (studentId: string, kind: RecognitionKind) => `${studentId}:${kind}`;
      const existing = new Map(current.map((r) => [key(r.studentId, r.kind), r]));
      const stale = body.decisions.filter((d) => (existing.get(key(d.studentId, d.kind))?.version ?? 0) !== d.version);
      if (stale.length)
        throw new ProblemException(HttpStatus.CONFLICT, 'version_conflict', undefined, {
          current: stale.map((d) => existing.get(key(d.studentId, d.kind)) ?? null),
        });
      const writes: RecognitionWrite[] = body.decisions.map((d) => ({
        studentId: d.studentId,
        kind: d.kind,
        decision: d.decision,
        proposed: proposalOf(loaded.results.scheme, rows.get(d.studentId)!, d.kind),
        reason: d.reason ?? null,
        version: d.version + 1,
        decisionNumber: body.decisionNumber ?? null,
        decisionDate: body.decisionDate ?? null,
      }));
      await this.repo.upsert(em, schoolId, classId, writes, { id: actor.userId, name: actor.fullName }, new Date());
      await this.events.resultsChanged(em, schoolId, classId);
      await this.audit.record(
        em,
        {
          schoolId,
          entity: 'year_recognition',
          entityId: classId,
          action: current.length ? 'UPDATE' : 'CREATE',
          before: Object.fromEntries(
            writes.map((w) => [key(w.studentId, w.kind), snapshot(existing.get(key(w.studentId, w.kind)))]),
          ),
          after: Object.fromEntries(writes.map((w) => [key(w.studentId, w.kind), snapshot(w)])),
        },
        actor,
      );
      return sheetOf(loaded, actor, await this.repo.ofClass(em, schoolId, classId));
    });
  }
}

/** What the year's results propose for a pupil; null while they are incomplete. */
function proposalOf(scheme: Scheme, row: StudentResult, kind: RecognitionKind): RecognitionDecision | null {
  if (kind === 'COMPLETION') return row.completion ?? null;
  const complete = row.learning !== null && (scheme === 'C27' || row.training !== null);
  return complete ? (row.award ?? 'NONE') : null;
}

function kindsOf(scheme: Scheme): RecognitionKind[] {
  return scheme === 'C27' ? ['AWARD', 'COMPLETION'] : ['AWARD'];
}

function decisionErrors(
  loaded: LoadedResults,
  rows: Map<string, StudentResult>,
  decisions: readonly DecisionInput[],
): RawFieldError[] {
  const { scheme, grade } = loaded.results;
  const seen = new Set<string>();
  const errors: RawFieldError[] = [];
  decisions.forEach((d, i) => {
    const row = rows.get(d.studentId);
    if (!row) return void errors.push({ field: `decisions.${i}.studentId`, rule: 'notInClass', args: [] });
    const id = `${d.studentId}:${d.kind}`;
    if (seen.has(id)) errors.push({ field: `decisions.${i}.studentId`, rule: 'duplicate', args: [] });
    seen.add(id);
    const rule = recognitionDecisionError({
      scheme,
      grade,
      kind: d.kind,
      proposed: proposalOf(scheme, row, d.kind),
      decision: d.decision,
      reason: d.reason ?? null,
    });
    if (rule === 'reasonRequired') errors.push({ field: `decisions.${i}.reason`, rule, args: [] });
    else if (rule === 'notForScheme') errors.push({ field: `decisions.${i}.kind`, rule, args: [scheme] });
    else if (rule)
      errors.push({ field: `decisions.${i}.decision`, rule, args: [proposalOf(scheme, row, d.kind) ?? ''] });
  });
  return errors;
}

function sheetOf(loaded: LoadedResults, actor: Principal, decided: RecognitionRow[]): YearRecognitionSheet {
  const { results, access } = loaded;
  const kinds = kindsOf(results.scheme);
  const rows: YearRecognitionRow[] = results.rows.map((r) => ({
    studentId: r.studentId,
    ordinal: r.ordinal,
    fullName: r.fullName,
    proposed: Object.fromEntries(kinds.map((k) => [k, proposalOf(results.scheme, r, k)])),
    decided: Object.fromEntries(
      decided
        .filter((d) => d.studentId === r.studentId)
        .map((d) => [
          d.kind,
          {
            decision: d.decision,
            proposed: d.proposed,
            reason: d.reason,
            decidedBy: d.decidedBy,
            decidedByName: d.decidedByName,
            decidedAt: d.decidedAt.toISOString(),
            version: d.version,
            decisionNumber: d.decisionNumber,
            decisionDate: d.decisionDate,
          },
        ]),
    ),
  }));
  return {
    classId: results.classId,
    scheme: results.scheme,
    grade: results.grade,
    editable: actor.role === 'SCHOOL_ADMIN' && access.yearWritable,
    rows,
  };
}

/**
 * The decision document: a number and a date together or neither; the date a real one, not after today (Vietnam
 * time) — a decision is recorded once signed.
 */
function documentErrors(body: YearRecognitionSave): RawFieldError[] {
  const number = body.decisionNumber ?? null;
  const date = body.decisionDate ?? null;
  if (number === null && date === null) return [];
  if (number === null) return [{ field: 'decisionNumber', rule: 'isDefined', args: [] }];
  if (date === null) return [{ field: 'decisionDate', rule: 'isDefined', args: [] }];
  if (!isRealDate(date)) return [{ field: 'decisionDate', rule: 'isRealDate', args: [] }];
  if (date > todayInVietnam()) return [{ field: 'decisionDate', rule: 'notInFuture', args: [] }];
  return [];
}

/** What the audit keeps of a decision: the decision document only when there is one (older records have none). */
function snapshot(
  r: Pick<RecognitionRow, 'decision' | 'proposed' | 'reason' | 'decisionNumber' | 'decisionDate'> | undefined,
) {
  if (!r) return null;
  const document = r.decisionNumber ? { decisionNumber: r.decisionNumber, decisionDate: r.decisionDate } : {};
  return { decision: r.decision, proposed: r.proposed, reason: r.reason, ...document };
}
