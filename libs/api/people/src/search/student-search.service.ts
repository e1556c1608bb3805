import { Injectable } from '@nestjs/common';
import type { StudentSearchHit, StudentSearchPage } from '@emis/contracts';
import { AuditService, PersonalDataGuard } from '@emis/api/audit';
import { Principal, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { PupilAccess } from '../pupil-access';
import { SearchKey, StudentSearchRepository, StudentSearchRow } from './student-search.repository';
import { StudentSearchQueryDto } from './student-search.dto';

const DEFAULT_PAGE_SIZE = 20;
/** More words than a Vietnamese full name has (2–7) cannot all be words of one name. */
const MAX_WORDS = 7;
const PERSONAL_ID = /^\d{12}$/;

/**
 * The province-wide pupil search of the department and its units (docs/domain/records.md, "Finding a pupil across
 * schools"): the schools in the reader's scope only (the API's scope, then row-level security), ID numbers masked as
 * in every list, the pupils returned charged to the reader's read budget and named in one READ audit row per school
 * (docs/security/guard.md).
 */
@Injectable()
export class StudentSearchService {
  constructor(
    private readonly repo: StudentSearchRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly guard: PersonalDataGuard,
    private readonly access: PupilAccess,
  ) {}

  async find(actor: Principal, scope: Scope, query: StudentSearchQueryDto): Promise<StudentSearchPage> {
    const access = this.access.listAccess(actor, false);
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;

    const digits = query.q.replace(/\s+/g, '');
    // An ID number is looked up only by a reader who sees ID numbers (masked) in lists.
    const personalId = PERSONAL_ID.test(digits) && access.identityNumber !== 'WITHHELD' ? digits : undefined;
    return this.db.run(async (em) => {
      const words = personalId ? [] : await this.repo.fold(em, query.q);
      if (!personalId && (words.length === 0 || words.length > MAX_WORDS))
        throw new ValidationProblem([{ field: 'q', rule: 'searchWords', args: [MAX_WORDS] }]);
      const rows = await this.repo.search(em, {
        words,
        driver: words.length > 1 ? await this.repo.rarestWord(em, words) : words[0],
        personalId,
        schoolIds: scope.all ? null : scope.orgUnitIds,
        status: query.status,
        after,
        limit: pageSize + 1,
      });
      const page = rows.slice(0, pageSize);
      await this.guard.charge(
        'STUDENT',
        page.map((r) => r.id),
      );
      const groups = this.access.listGroups(access);
      for (const [schoolId, ids] of bySchool(page)) {
        await this.audit.recordRead(em, {
          schoolId,
          entity: 'student',
          entityId: schoolId,
          ids,
          filter: { search: query.q, ...(query.status ? { status: query.status } : {}) },
          groups,
        });
      }
      const last = page.at(-1);
      return {
        items: page.map((r) => this.access.present(toHit(r), access)),
        // An ID number names a handful of records (one per school a transferred pupil attended): one page.
        nextCursor: !personalId && rows.length > pageSize && last ? encodeCursor(last) : null,
      };
    });
  }
}

function bySchool(rows: readonly StudentSearchRow[]): Map<string, string[]> {
  const schools = new Map<string, string[]>();
  for (const r of rows) schools.set(r.school_id, [...(schools.get(r.school_id) ?? []), r.id]);
  return schools;
}

function toHit(r: StudentSearchRow): StudentSearchHit {
  return {
    id: r.id,
    schoolId: r.school_id,
    schoolName: r.school_name,
    schoolCode: r.school_code,
    personalId: r.personal_id,
    fullName: r.full_name,
    dateOfBirth: r.date_of_birth,
    gender: r.gender,
    status: r.status,
    className: r.class_name,
    schoolYearCode: r.year_code,
  };
}

/** The keyset of the row a page ended on, opaque to the client (base64url of its sort key). */
export function encodeCursor(r: StudentSearchRow): string {
  const key = [r.sort_name, r.school_id, r.id];
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(cursor: string): SearchKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    Array.isArray(key) &&
    key.length === 3 &&
    key.every((k) => typeof k === 'string' && k.length <= 300) &&
    UUID.test(key[1]) &&
    UUID.test(key[2]);
  if (!valid) throw new ValidationProblem([{ field: 'cursor', rule: 'searchCursor', args: [] }]);
  const [sortName, schoolId, id] = key as string[];
  return { sortName, schoolId, id };
}
