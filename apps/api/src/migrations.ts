import {
  AddImportDetails1764200000400,
  CreateAuditChain1764100000040,
  CreatePersonalDataLedger1764900000400,
  CreateSecurityEvents1764900000050,
} from '@emis/api/audit';
import {
  CreateAcademicViews1764400000100,
  CreateAttendance1764200000040,
  CreateCalendarAndClasses1764200000020,
  CreateProvinceRuleSettings1765000000100,
  ExtendAcademicViews1764400000600,
  CreateNaturalCollation1765000001000,
} from '@emis/api/academic';
import {
  AddInventorySurplusAndImport1764600000400,
  AllowAssetImports1764600000300,
  CreateAssets1764600000000,
} from '@emis/api/assets';
import {
  CreateChargeRuns1764700000200,
  CreateFinance1764700000000,
  LimitLiveFeeLines1764700000100,
  LinkRefundsToPayments1764700000300,
} from '@emis/api/finance';
import {
  CreateCompletionCouncils1765000000300,
  CreateGradebook1764300000000,
  CreateResultsRecomputeRun1765000000110,
  RecordYearConductAndRecognitions1765000000200,
  CreateNotification1765000000950,
  ScopeGradingLocks1765000000960,
} from '@emis/api/grading';
import { RecordRecognitionDecisionDocuments1765000001400 } from '@emis/api/grading';
import {
  AdministerAccounts1764800000000,
  CreateIdentityUserView1764400000800,
  CreateIdentityViews1764400000400,
  CreateUsers1764100000030,
  GuardAccountRoles1764900000960,
  HardenSignIn1764800000400,
  GuardAccountCredentials1765000000610,
  LinkUsersToStaff1764200000060,
} from '@emis/api/identity';
import {
  AddPeopleDetails1764200000100,
  CreatePeopleEnrolmentView1764400000700,
  CreatePeopleViews1764400000200,
  CreateStudents1764200000030,
  AllowUnnamedGuardianContacts1765000000410,
  IndexStudentLists1765000000500,
  CreateStudentSearchWords1765000000800,
  KeepStudentRecords1765000002250,
  WriteSearchWordsSetWise1765000002500,
} from '@emis/api/people';
import {
  CreateAppRoleAndScope1764100000010,
  CreateJobsRole1764900000950,
  CreateOutbox1764400000000,
  MigrationSet,
  prepareDatabase,
  RuntimeSecrets,
  SealTenantScope1764900000900,
  CheckScopeKey1765000000600,
} from '@emis/api/platform';
import {
  CreateAssetTotals1764600000600,
  CreateFinanceTotals1764700000700,
  CreateReportingFacts1764500000000,
  CreateReportJobs1764500000200,
  CreateStatisticalReports1764500000100,
} from '@emis/api/reporting';
import { CreateStaff1764200000010, CreateStaffViews1764400000300 } from '@emis/api/staff';
import {
  CreateOrgUnits1764100000020,
  CreateTenancyViews1764400000500,
  ExtendTenancyViews1764400000900,
  CreateTenancyHistoryView1764500000300,
  AdministerOrganisation1764800000100,
} from '@emis/api/tenancy';
import { AddImportNotices1765000000400, CreateImportJobs1764200000050 } from '@emis/api/spreadsheets';
import { CreateRuleSettingsView1765000000750 } from '@emis/api/academic';
import { ExposeAccountActive1765000001600 } from '@emis/api/identity';
import { BindScopeToDistributedTransaction1765000001100 } from '@emis/api/platform';
import { PlanAuditVerifyInPlpgsql1765000001110 } from '@emis/api/audit';
import { StreamAuditBatch1765000001300 } from '@emis/api/audit';
import { InsertAuditBatchAtOnce1765000002200 } from '@emis/api/audit';
import { SnapshotSealedScope1765000002300 } from '@emis/api/platform';
import { MIGRATION_CHECKSUMS } from './migration-checksums';

/**
 * Every migration of every context, in the order they apply (by the timestamp in their names). Each lives in its
 * context's migrations/ folder and imports nothing but TypeORM's types; once merged it never changes (its checksum is
 * in migration-checksums.ts, and the migrate step refuses a database where an applied one's text differs). A new
 * migration: a file in its context's folder, exported from the context's index, one line at the end of this list and
 * one in migration-checksums.ts.
 */
export const MIGRATIONS = [
  CreateAppRoleAndScope1764100000010,
  CreateOrgUnits1764100000020,
  CreateUsers1764100000030,
  CreateAuditChain1764100000040,
  CreateStaff1764200000010,
  CreateCalendarAndClasses1764200000020,
  CreateStudents1764200000030,
  CreateAttendance1764200000040,
  CreateImportJobs1764200000050,
  LinkUsersToStaff1764200000060,
  AddPeopleDetails1764200000100,
  AddImportDetails1764200000400,
  CreateGradebook1764300000000,
  CreateOutbox1764400000000,
  CreateAcademicViews1764400000100,
  CreatePeopleViews1764400000200,
  CreateStaffViews1764400000300,
  CreateIdentityViews1764400000400,
  CreateTenancyViews1764400000500,
  ExtendAcademicViews1764400000600,
  CreatePeopleEnrolmentView1764400000700,
  CreateIdentityUserView1764400000800,
  ExtendTenancyViews1764400000900,
  CreateReportingFacts1764500000000,
  CreateStatisticalReports1764500000100,
  CreateReportJobs1764500000200,
  CreateTenancyHistoryView1764500000300,
  CreateAssets1764600000000,
  AllowAssetImports1764600000300,
  AddInventorySurplusAndImport1764600000400,
  CreateAssetTotals1764600000600,
  CreateFinance1764700000000,
  LimitLiveFeeLines1764700000100,
  CreateChargeRuns1764700000200,
  LinkRefundsToPayments1764700000300,
  CreateFinanceTotals1764700000700,
  AdministerAccounts1764800000000,
  AdministerOrganisation1764800000100,
  HardenSignIn1764800000400,
  CreateSecurityEvents1764900000050,
  CreatePersonalDataLedger1764900000400,
  SealTenantScope1764900000900,
  CreateJobsRole1764900000950,
  GuardAccountRoles1764900000960,
  CreateProvinceRuleSettings1765000000100,
  CreateResultsRecomputeRun1765000000110,
  RecordYearConductAndRecognitions1765000000200,
  CreateCompletionCouncils1765000000300,
  AddImportNotices1765000000400,
  AllowUnnamedGuardianContacts1765000000410,
  IndexStudentLists1765000000500,
  CheckScopeKey1765000000600,
  GuardAccountCredentials1765000000610,
  CreateRuleSettingsView1765000000750,
  CreateStudentSearchWords1765000000800,
  CreateNotification1765000000950,
  ScopeGradingLocks1765000000960,
  CreateNaturalCollation1765000001000,
  BindScopeToDistributedTransaction1765000001100,
  PlanAuditVerifyInPlpgsql1765000001110,
  StreamAuditBatch1765000001300,
  RecordRecognitionDecisionDocuments1765000001400,
  ExposeAccountActive1765000001600,
  InsertAuditBatchAtOnce1765000002200,
  KeepStudentRecords1765000002250,
  SnapshotSealedScope1765000002300,
  WriteSearchWordsSetWise1765000002500,
];

/**
 * Names that databases migrated before the migrations moved to their contexts have applied. CreateFoundation and
 * CreatePeople each created the tables of several contexts and were split, statement for statement, into the
 * migrations they map to here; AddAcademicDetails and AddStaffDetails were empty placeholders. The migrate step
 * replaces these names by the new ones before it looks for pending migrations, so such a database migrates on.
 */
export const RETIRED_MIGRATIONS: Readonly<Record<string, readonly string[]>> = {
  CreateFoundation1764100000000: [
    'CreateAppRoleAndScope1764100000010',
    'CreateOrgUnits1764100000020',
    'CreateUsers1764100000030',
    'CreateAuditChain1764100000040',
  ],
  CreatePeople1764200000000: [
    'CreateStaff1764200000010',
    'CreateCalendarAndClasses1764200000020',
    'CreateStudents1764200000030',
    'CreateAttendance1764200000040',
    'CreateImportJobs1764200000050',
    'LinkUsersToStaff1764200000060',
  ],
  AddAcademicDetails1764200000200: [],
  AddStaffDetails1764200000300: [],
};

export const API_MIGRATIONS: MigrationSet = {
  migrations: MIGRATIONS,
  checksums: MIGRATION_CHECKSUMS,
  retired: RETIRED_MIGRATIONS,
};

/**
 * The migrate step of `cli.js prepare` (and so `npm start`), the tests and the scale seed: the API's migrations on the
 * owner's URL; the runtime roles get the passwords given, and the scope key (SCOPE_KEY) is installed when given.
 */
export function migrateDatabase(ownerUrl: string, secrets: RuntimeSecrets = {}): Promise<string[]> {
  return prepareDatabase(ownerUrl, API_MIGRATIONS, secrets);
}
