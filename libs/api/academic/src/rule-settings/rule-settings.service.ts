import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { ProvinceRuleSettingsInput, ProvinceRuleSettingsView, SchoolYear } from '@emis/contracts';
import { ProvinceRuleSettings, ruleSettingsErrors, withDefaults } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { Principal, ProblemException, TenantDb, ValidationProblem } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { SchoolYearsRepository } from '../school-years.repository';
import { SchoolYearsService } from '../school-years.service';
import { RuleSettingsRepository, StoredRuleSettings } from './rule-settings.repository';

/**
 * The department's rule choices per school year (docs/domain/secondary-assessment-c22.md, "Province rule
 * settings"). Academic owns them because it owns the school year they belong to and the classes whose ceilings they
 * set; grading reads them through `forYear` for every result it computes. Every change is audited with before/after
 * in the department's chain.
 */
@Injectable()
export class RuleSettingsService {
  constructor(
    private readonly repo: RuleSettingsRepository,
    private readonly years: SchoolYearsRepository,
    private readonly yearRules: SchoolYearsService,
    private readonly db: TenantDb,
    private readonly tree: OrgTreeService,
    private readonly audit: AuditService,
  ) {}

  /** The settings that apply to the year, defaults filled in; 404 for an unknown year. The port other contexts call. */
  async forYear(em: EntityManager, yearId: string): Promise<ProvinceRuleSettings> {
    return (await this.viewIn(em, yearId)).settings;
  }

  /** The same by the year's code, for a gradebook that carries its year's code. */
  async forYearCode(em: EntityManager, yearCode: string): Promise<ProvinceRuleSettings> {
    return withDefaults(yearCode, (await this.repo.findByYearCode(em, yearCode))?.settings ?? null);
  }

  view(yearId: string): Promise<ProvinceRuleSettingsView> {
    return this.db.run((em) => this.viewIn(em, yearId));
  }

  /** The year's settings with their version and last change, in the caller's transaction. */
  viewWithin(em: EntityManager, yearId: string): Promise<ProvinceRuleSettingsView> {
    return this.viewIn(em, yearId);
  }

  /**
   * Replaces the year's settings (the whole object) over the version the client read; 409 'settings_conflict' when
   * another save came first, 409 'year_closed' for a closed year (its results are final). Stored results are not
   * recomputed here: the department asks for that (ResultsRecomputeService), as the "on request" wants.
   */
  async save(actor: Principal, yearId: string, input: ProvinceRuleSettingsInput): Promise<ProvinceRuleSettingsView> {
    const { version, ...fields } = input;
    const errors = ruleSettingsErrors(fields as unknown as Record<string, unknown>);
    if (errors.length) throw new ValidationProblem(errors);
    const settings: ProvinceRuleSettings = {
      c22Adjustment: fields.c22Adjustment,
      missingAssessment: fields.missingAssessment,
      c58ForeignLanguage: fields.c58ForeignLanguage,
      classSizeCeilings: fields.classSizeCeilings,
    };
    return this.db.runWithScope(await this.tree.scopeFor(actor.orgUnitId), async (em) => {
      const year = await this.yearRules.assertWritable(em, yearId);
      const stored = await this.repo.find(em, yearId, true);
      if ((stored?.version ?? 0) !== version)
        throw new ProblemException(HttpStatus.CONFLICT, 'settings_conflict', undefined, {
          version: stored?.version ?? 0,
        });
      const before = withDefaults(year.code, stored?.settings ?? null);
      await this.repo.save(em, yearId, settings, version, { id: actor.userId, name: actor.fullName }, new Date());
      await this.audit.record(
        em,
        {
          schoolId: actor.orgUnitId,
          entity: 'province_rule_settings',
          entityId: yearId,
          action: stored ? 'UPDATE' : 'CREATE',
          before: { ...before, isDefault: !stored },
          after: settings,
        },
        actor,
      );
      return this.viewIn(em, yearId);
    });
  }

  private async viewIn(em: EntityManager, yearId: string): Promise<ProvinceRuleSettingsView> {
    const year = await this.years.find(em, yearId);
    if (!year) throw new NotFoundException();
    return toView(year, await this.repo.find(em, yearId));
  }
}

function toView(year: SchoolYear, stored: StoredRuleSettings | undefined): ProvinceRuleSettingsView {
  return {
    schoolYearId: year.id,
    yearCode: year.code,
    settings: withDefaults(year.code, stored?.settings ?? null),
    isDefault: !stored,
    version: stored?.version ?? 0,
    updatedAt: stored ? stored.updatedAt.toISOString() : null,
    updatedByName: stored?.updatedByName ?? null,
  };
}
