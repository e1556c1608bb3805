import type { ProvinceRuleSettings } from '@emis/domain';

/** The province's rule settings of a school year (GET/PUT /api/province-settings/:yearId). */
export interface ProvinceRuleSettingsView {
  schoolYearId: string;
  yearCode: string;
  settings: ProvinceRuleSettings;
  /** True while the department has not saved settings for the year: the defaults of libs/domain apply. */
  isDefault: boolean;
  /** 0 while the defaults apply; a PUT names the version it was based on. */
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

/** PUT body: the whole settings object and the version it changes. */
export interface ProvinceRuleSettingsInput extends ProvinceRuleSettings {
  version: number;
}

/** A recomputation of the year's stored results (POST /api/province-settings/:yearId/recompute). */
export interface ResultsRecomputeRun {
  id: string;
  schoolYearId: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  schoolsTotal: number | null;
  schoolsDone: number;
  classesDone: number;
  entriesChanged: number;
  error: string | null;
  requestedAt: string;
  finishedAt: string | null;
}
