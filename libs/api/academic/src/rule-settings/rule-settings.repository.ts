import { Injectable } from '@nestjs/common';
import type { ProvinceRuleSettings } from '@emis/domain';
import { sqlRow } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** A year's saved settings (province_rule_settings), or nothing while the defaults apply. */
export interface StoredRuleSettings {
  settings: Partial<ProvinceRuleSettings>;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
}

interface RuleSettingsRow {
  settings: Partial<ProvinceRuleSettings>;
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
}

/** The only SQL of province_rule_settings (reference data, academic's). */
@Injectable()
export class RuleSettingsRepository {
  async find(em: EntityManager, yearId: string, forUpdate = false): Promise<StoredRuleSettings | undefined> {
    const r = await sqlRow<RuleSettingsRow>(
      em,
      `select settings, version, updated_at, updated_by_name from province_rule_settings where school_year_id = $1
       ${forUpdate ? 'for update' : ''}`,
      [yearId],
    );
    return r && { settings: r.settings, version: r.version, updatedAt: r.updated_at, updatedByName: r.updated_by_name };
  }

  /** The saved settings of the year with this code (a gradebook knows its year by code). */
  async findByYearCode(em: EntityManager, yearCode: string): Promise<StoredRuleSettings | undefined> {
    const r = await sqlRow<RuleSettingsRow>(
      em,
      `select s.settings, s.version, s.updated_at, s.updated_by_name
         from province_rule_settings s join school_year y on y.id = s.school_year_id where y.code = $1`,
      [yearCode],
    );
    return r && { settings: r.settings, version: r.version, updatedAt: r.updated_at, updatedByName: r.updated_by_name };
  }

  /** Writes over `version` only (0: no row yet); answers false when another save came first. */
  async save(
    em: EntityManager,
    yearId: string,
    settings: ProvinceRuleSettings,
    version: number,
    actor: { id: string; name: string },
    at: Date,
  ): Promise<boolean> {
    const written = await sqlRow<{ version: number }>(
      em,
      `insert into province_rule_settings (school_year_id, settings, version, updated_at, updated_by, updated_by_name)
       values ($1, $2::jsonb, $3 + 1, $4, $5, $6)
       on conflict (school_year_id) do update set settings = excluded.settings, version = excluded.version,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by, updated_by_name = excluded.updated_by_name
       where province_rule_settings.version = $3
       returning version`,
      [yearId, JSON.stringify(settings), version, at, actor.id, actor.name],
    );
    return written !== undefined;
  }
}
