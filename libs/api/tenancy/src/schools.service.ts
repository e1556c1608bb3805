import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  Page,
  SchoolDetail,
  SchoolProfile,
  SchoolProfileUpdate,
  SchoolSummary,
  ScopeSummary,
} from '@emis/contracts';
import { SCHOOL_LEVELS, SchoolLevel } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  likePatterns,
  OfficialHeading,
  Principal,
  ProblemException,
  Scope,
  TenantDb,
  toPage,
  toSqlPaging,
  PageQueryDto,
} from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { OrgTreeService } from './org-tree.service';
import { ProfileFields, SCHOOL_SORT_COLUMNS, SchoolsRepository, scopeUnitIds } from './schools.repository';

export interface SchoolListParams extends PageQueryDto {
  level?: SchoolLevel;
  unitId?: string;
}

/** What an official paper of a school prints at its head and signature (docs/domain/records.md, "Official papers"). */
export interface SchoolLetterhead {
  /** The unit directly above the school: the department, or the body that manages it. */
  governingBody: string | null;
  schoolName: string;
  /** The principal's name as the school's profile records it; null when not recorded. */
  principalName: string | null;
}

@Injectable()
export class SchoolsService {
  constructor(
    private readonly repo: SchoolsRepository,
    private readonly tree: OrgTreeService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async list(scope: Scope, params: SchoolListParams): Promise<Page<SchoolSummary>> {
    let view = scope;
    if (params.unitId) {
      const narrowed = await this.tree.narrow(scope, params.unitId);
      if (!narrowed) throw new NotFoundException();
      view = narrowed;
    }
    const paging = toSqlPaging(params, SCHOOL_SORT_COLUMNS, 'name');
    return this.db.run(async (em) => {
      const { items, total } = await this.repo.list(
        em,
        {
          orgUnitIds: scopeUnitIds(view),
          level: params.level,
          search: params.q?.trim() ? likePatterns(params.q) : undefined,
        },
        paging,
      );
      return toPage(items, total, paging);
    });
  }

  async detail(scope: Scope, schoolId: string): Promise<SchoolDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const summary = await this.repo.findSummary(em, schoolId);
      const profile = await this.repo.findProfile(em, schoolId);
      if (!summary || !profile) throw new NotFoundException();
      const path = (await this.tree.ancestors(schoolId)).map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
      return { ...summary, path, profile };
    });
  }

  /**
   * The published port other contexts print official papers with, read in the caller's transaction (so under the
   * caller's RLS scope): the governing body, the school and the principal.
   */
  async letterhead(em: EntityManager, schoolId: string): Promise<SchoolLetterhead> {
    const r = await this.repo.letterhead(em, schoolId);
    return { governingBody: r?.parent ?? null, schoolName: r?.school ?? '', principalName: r?.principal ?? null };
  }

  /** The page heading of a list the school exports: its governing body and name above the list's title. */
  async printedHeading(scope: Scope, schoolId: string, title: string): Promise<OfficialHeading> {
    assertInScope(scope, schoolId);
    const letterhead = await this.db.run((em) => this.letterhead(em, schoolId));
    return {
      governingBody: letterhead.governingBody,
      school: letterhead.schoolName,
      title,
      principalName: letterhead.principalName,
    };
  }

  /** Saves the school's profile if nobody changed it since `update.version`; audited in the same transaction. */
  async updateProfile(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    update: SchoolProfileUpdate,
  ): Promise<SchoolDetail> {
    assertInScope(scope, schoolId);
    await this.db.run(async (em) => {
      const before = await this.repo.findProfile(em, schoolId, true);
      if (!before) throw new NotFoundException();
      if (before.version !== update.version) {
        throw new ProblemException(HttpStatus.CONFLICT, 'version_conflict', undefined, { current: before });
      }
      const merged = { ...profileFields(before), ...sentFields(update) };
      const after = await this.repo.updateProfile(em, schoolId, merged, new Date(), actor.userId);
      await this.audit.record(em, {
        schoolId,
        entity: 'school_profile',
        entityId: schoolId,
        action: 'UPDATE',
        before,
        after,
      });
    });
    return this.detail(scope, schoolId);
  }

  async scopeSummary(scope: Scope): Promise<ScopeSummary> {
    const root = await this.tree.get(scope.rootId);
    return this.db.run(async (em) => {
      const counts = await this.repo.countByLevel(em, scopeUnitIds(scope));
      const schoolsByLevel = Object.fromEntries(SCHOOL_LEVELS.map((l) => [l, 0])) as Record<SchoolLevel, number>;
      for (const c of counts) schoolsByLevel[c.level] = c.count;
      const nodes = await this.tree.nodes(scope);
      return {
        orgUnitId: scope.rootId,
        orgUnitName: root?.name ?? '',
        // Open schools, as the counts by level: a closed school keeps its data but no longer runs.
        schoolCount: nodes.filter((n) => n.kind === 'SCHOOL' && !n.closed).length,
        schoolsByLevel,
      };
    });
  }
}

const PROFILE_KEYS = ['address', 'phone', 'email', 'principalName', 'foundedYear', 'website'] as const;

function profileFields(profile: SchoolProfile): ProfileFields {
  return Object.fromEntries(PROFILE_KEYS.map((key) => [key, profile[key]])) as ProfileFields;
}

/** A PATCH changes only the fields it names; a DTO instance also carries the absent ones as undefined. */
function sentFields(update: SchoolProfileUpdate): Partial<ProfileFields> {
  return Object.fromEntries(PROFILE_KEYS.filter((key) => update[key] !== undefined).map((key) => [key, update[key]]));
}
