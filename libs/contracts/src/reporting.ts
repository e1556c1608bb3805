import type { AssetClass, AssetKind, FundingSource, OrgUnitKind, SchoolLevel, SchoolOwnership } from '@emis/domain';
import type { AssetTotals } from './assets';

/**
 * The department's and units' reports, read from the reporting read model (libs/api/reporting). Every figure is a
 * sum of per-school facts, so a unit's or the province's figure equals the sum of its schools' to the last digit.
 * Counts that describe fewer than 5 pupils are withheld (null, `suppressed: true`) in views above the school
 * (docs/domain/reporting.md).
 */
export type ReportPeriod = 'HK1' | 'HK2' | 'CN';

export interface ReportFilterQuery {
  /** The school year (school_year id). Default: the open year. */
  yearId?: string;
  /** Default: HK1 while semester I runs, else CN. */
  period?: ReportPeriod;
  /** The org unit whose subtree the report covers (department, unit or school in the caller's scope). Default: the caller's root. */
  orgUnitId?: string;
  /** Only schools teaching this level. */
  level?: SchoolLevel;
  /** Only public, private or people-founded schools. */
  ownership?: SchoolOwnership;
  /** YYYY-MM-DD: units and schools roll up through the org tree as it was that day. Default: today. */
  asOf?: string;
}

/** The filter as the server applied it (defaults resolved). */
export interface ReportFilter {
  yearId: string;
  yearCode: string;
  period: ReportPeriod;
  orgUnitId: string;
  level: SchoolLevel | null;
  ownership: SchoolOwnership | null;
  asOf: string;
}

/** How current the figures are: every change committed before `dataAsOf` is in them. */
export interface Freshness {
  /** ISO 8601 instant. */
  dataAsOf: string;
  /** Schools in the report with changes still being folded in. */
  pendingSchools: number;
}

/**
 * The measures every level shows. Counts are whole numbers; shares are percentages with one decimal. A count or a
 * share is null when withheld (fewer than 5 pupils, above the school) or when nothing was recorded.
 */
export interface ReportMeasures {
  schools: number;
  classes: number;
  pupils: number | null;
  female: number | null;
  ethnicMinority: number | null;
  disabled: number | null;
  /** Staff in post (active or on leave) and, of them, teachers. */
  staff: number;
  teachers: number;
  /** Classes above the charter's ceiling for their grade (warned, never blocked). */
  classSizeBreaches: number;
  /** Pupils per learning level code (C22 TOT/KHA/DAT/CHUA_DAT, C58 GIOI…KEM, C27 HTXS/HTT/HT/CHT). */
  learning: Record<string, number | null>;
  /** Pupils per training level code (TOT/KHA/DAT/CHUA_DAT). */
  training: Record<string, number | null>;
  /** End of year (CN): EXCELLENT / GOOD. */
  awards: Record<string, number | null>;
  /** End of year (CN): PROMOTE / RETEST / SUMMER_TRAINING / RETEST_AND_TRAINING / REPEAT. */
  promotion: Record<string, number | null>;
  /** Pupils whose result for the period is not computable yet (a score or a rating still missing). */
  resultsMissing: number | null;
  droppedOut: number | null;
  transferredOut: number | null;
  transferredIn: number | null;
  /** Present ÷ recorded attendance marks of the period, in %, one decimal; null when none recorded. */
  attendanceRate: number | null;
  /** True when some counts above were withheld. */
  suppressed: boolean;
}

export interface ReportRow {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind | 'CLASS';
  /** A class's grade. */
  grade?: string;
  measures: ReportMeasures;
}

export interface GradeReportRow {
  grade: string;
  measures: ReportMeasures;
}

/** One subject of one grade: averages as a mean of pupils' averages (tenths summed exactly), bands by average. */
export interface SubjectResultRow {
  grade: string;
  subjectCode: string;
  subjectName: string;
  pupils: number | null;
  /** Pupils with a numeric average. */
  scored: number | null;
  /** Mean of the averages, two decimals; null when nobody is scored or withheld. */
  mean: number | null;
  /** Averages ≥ 8.0, 6.5–7.9, 5.0–6.4, 3.5–4.9, < 3.5. */
  bands: { b80: number | null; b65: number | null; b50: number | null; b35: number | null; b00: number | null };
  /** Comment-assessed subjects: Đạt / Chưa đạt; Circular 27: T / H / C. */
  ratings: Record<string, number | null>;
  /** Average below 5.0, or rated Chưa đạt / Chưa hoàn thành. */
  notPassed: number | null;
  suppressed: boolean;
}

export interface OrgPathItem {
  id: string;
  name: string;
  kind: OrgUnitKind;
}

/** The department's or a unit's report: its figures, its children (units or schools) as they sat on `asOf`. */
export interface UnitReport {
  unit: { id: string; code: string; name: string; kind: OrgUnitKind };
  path: OrgPathItem[];
  filter: ReportFilter;
  freshness: Freshness;
  totals: ReportMeasures;
  children: ReportRow[];
  grades: GradeReportRow[];
  subjects: SubjectResultRow[];
  /** The whole province under the same filter, for comparison (the department's own report repeats its totals). */
  province: ReportMeasures;
}

/** A school's report: its classes, its grades and subjects, and the province's figures beside them. */
export interface SchoolReport {
  school: { id: string; code: string; name: string; levels: SchoolLevel[]; ownership: SchoolOwnership | null };
  path: OrgPathItem[];
  filter: ReportFilter;
  freshness: Freshness;
  totals: ReportMeasures;
  classes: ReportRow[];
  grades: GradeReportRow[];
  subjects: SubjectResultRow[];
  province: ReportMeasures;
  provinceSubjects: SubjectResultRow[];
}

/** A class's figures; its pupils' results are the gradebook's results page (GET …/classes/:id/results). */
export interface ClassReport {
  class: { id: string; name: string; grade: string };
  school: { id: string; code: string; name: string };
  path: OrgPathItem[];
  filter: ReportFilter;
  freshness: Freshness;
  totals: ReportMeasures;
  subjects: SubjectResultRow[];
}

export const COMPARE_MEASURES = [
  'pupils',
  'learningTopShare',
  'trainingTopShare',
  'promotionShare',
  'dropOutRate',
  'attendanceRate',
  'classSizeBreaches',
  'subjectMean',
] as const;
export type CompareMeasure = (typeof COMPARE_MEASURES)[number];

export interface CompareQuery extends ReportFilterQuery {
  measure: CompareMeasure;
  /** For subjectMean. */
  subjectCode?: string;
  grade?: string;
}

export interface CompareRow {
  id: string;
  code: string;
  name: string;
  /** The school's parent on `asOf`. */
  parentName: string | null;
  pupils: number | null;
  value: number | null;
  /** 1 = best; null when the value is withheld or missing. */
  rank: number | null;
  suppressed: boolean;
}

/** Schools side by side, ranked, against the mean of the unit in view and of the province. */
export interface CompareReport {
  filter: ReportFilter;
  measure: CompareMeasure;
  subjectCode: string | null;
  grade: string | null;
  freshness: Freshness;
  unitValue: number | null;
  provinceValue: number | null;
  rows: CompareRow[];
}

/** A report too slow to answer at once runs as a job; its result is downloaded when done. */
export interface ReportJob {
  id: string;
  kind: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  /** 0–100. */
  progress: number;
  fileName: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

// --- The official statistical reports (start and end of the school year) -------------------------------------

export type StatisticalReportKind = 'START_OF_YEAR' | 'END_OF_YEAR';
export type StatisticalReportStatus = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'REOPENED';

/** One line of a form: a label code and its values per column code (null: not applicable). */
export interface StatisticalLine {
  code: string;
  values: Record<string, number | null>;
}

export interface StatisticalSection {
  code: string;
  columns: string[];
  lines: StatisticalLine[];
}

export interface StatisticalCheck {
  code: string;
  severity: 'ERROR' | 'WARNING';
  /** What the finding is about: `manual.CLASSROOMS`, `sections.PUPILS`. */
  field?: string;
  params: Record<string, string | number>;
}

export interface StatisticalReport {
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  yearId: string;
  yearCode: string;
  kind: StatisticalReportKind;
  status: StatisticalReportStatus;
  sections: StatisticalSection[];
  /** Figures the school types in (those Emis does not record yet, e.g. rooms). */
  manual: Record<string, number | null>;
  checks: StatisticalCheck[];
  /** When the figures were generated (a draft) or frozen (a submission). */
  generatedAt: string;
  submittedAt: string | null;
  submittedBy: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
  version: number;
  /** An aggregate only: the schools whose submitted snapshots are summed, of the unit's schools. */
  coverage?: { included: number; schools: number };
}

/** The typed-in figures of a form, saved while it is a draft (optimistic `version`; 0 before the first save). */
export interface StatisticalManualInput {
  manual: Record<string, number | null>;
  version: number;
}

export interface StatisticalSubmitInput {
  version: number;
}

export interface StatisticalReopenInput {
  reason: string;
}

export interface StatisticalReminderInput {
  yearId: string;
  kind: StatisticalReportKind;
  orgUnitId: string;
  message: string;
}

export interface StatisticalReminderResult {
  /** Schools reminded: those of the unit that have not submitted. */
  sent: number;
}

export interface StatisticalFormQuery {
  yearId: string;
  kind: StatisticalReportKind;
  /** Default: the caller's own unit. */
  orgUnitId?: string;
}

/** The department's (or a unit's) list of who has submitted. */
export interface SubmissionStatusRow {
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  parentName: string | null;
  status: StatisticalReportStatus;
  submittedAt: string | null;
  lastReminderAt: string | null;
}

export interface SubmissionReminder {
  kind: StatisticalReportKind;
  yearId: string;
  yearCode: string;
  message: string;
  sentAt: string;
  sentBy: string;
}

// --- Public assets in the reports (issue 11, part H) ---------------------------------------------------------------

/**
 * GET /api/reports/assets/:orgUnitId?level=&ownership=&asOf= (and …/export.xlsx) — the public assets on the books
 * (not disposed of or transferred away) of the department, a unit or a school, in whole đồng: the register as it
 * stands now, rolled up through the org tree as it was on `asOf`. No figure is withheld: assets describe no person.
 */
export type AssetsReportQuery = Pick<ReportFilterQuery, 'level' | 'ownership' | 'asOf'>;

export interface AssetsReportFilter {
  orgUnitId: string;
  level: SchoolLevel | null;
  ownership: SchoolOwnership | null;
  asOf: string;
}

/** One asset class (Circular 23/2023/TT-BTC Art. 4) of one kind. */
export interface AssetClassTotals extends AssetTotals {
  assetClass: AssetClass;
  kind: AssetKind;
}

/** One funding source of one kind. */
export interface AssetSourceTotals extends AssetTotals {
  fundingSource: FundingSource;
  kind: AssetKind;
}

/** A unit or a school of the report with its schools' totals. */
export interface AssetTotalsRow extends AssetTotals {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  schools: number;
  /** A school's own parent on `asOf`. */
  parentName?: string | null;
}

export interface AssetsReport {
  unit: { id: string; code: string; name: string; kind: OrgUnitKind };
  path: OrgPathItem[];
  filter: AssetsReportFilter;
  freshness: Freshness;
  totals: AssetTotals & { schools: number };
  /** By class and kind, in the order of Art. 4 (tangible classes, then intangible). */
  byClass: AssetClassTotals[];
  bySource: AssetSourceTotals[];
  /** The units or schools directly under the unit on `asOf` (the drill-down); empty for a school. */
  children: AssetTotalsRow[];
  /** Every school of the report, by name. */
  schools: AssetTotalsRow[];
}
// --- end of public assets in the reports ----------------------------------------------------------------------------
