import type { ContractType, QualificationLevel, StaffPosition, StaffStatus } from '@emis/domain';

export interface Qualification {
  level: QualificationLevel;
  major: string;
  institution: string;
  year: number;
}

/**
 * GET /api/schools/:schoolId/staff?q=&status=&position=&page=&pageSize=&sort=name&reveal=personalId → Page<StaffSummary>
 * (personal IDs masked unless `reveal=personalId`, audited);
 * GET …/staff/export.xlsx streams the filtered list (audited).
 */
export interface StaffSummary {
  id: string;
  personalId: string;
  fullName: string;
  dateOfBirth: string;
  gender: 'MALE' | 'FEMALE';
  position: StaffPosition;
  contractType: ContractType;
  subjects: string[];
  status: StaffStatus;
  phone: string | null;
  /** The civil-service rank code (e.g. 06.031, accountant): the accounts preview derives the role from it. */
  rankCode: string | null;
}

/** POST /api/schools/:schoolId/staff → StaffDetail; PATCH …/staff/:staffId with version. */
export interface StaffInput {
  personalId: string;
  fullName: string;
  dateOfBirth: string;
  gender: 'MALE' | 'FEMALE';
  ethnicity: string;
  phone?: string | null;
  email?: string | null;
  position: StaffPosition;
  contractType: ContractType;
  rankCode?: string | null;
  salaryCoefficient?: number | null;
  salaryStep?: number | null;
  qualifications?: Qualification[];
  /** Subject codes the person teaches. */
  subjects?: string[];
  startDate: string;
  partyMember?: boolean | null;
  unionMember?: boolean | null;
}

export interface StaffUpdate extends Partial<StaffInput> {
  status?: StaffStatus;
  version: number;
}

export interface StaffHistoryEntry {
  kind: 'HIRED' | 'POSITION' | 'STATUS' | 'TRANSFER_IN' | 'TRANSFER_OUT';
  effectiveOn: string;
  details: Record<string, unknown>;
}

/**
 * GET …/staff/:staffId (audited as VIEW naming the field groups shown). Fields the reader's role may not see are
 * absent (the accountant: ethnicity and memberships; docs/domain/personal-data.md, "Who sees which fields").
 */
export interface StaffDetail extends StaffSummary {
  ethnicity?: string;
  email: string | null;
  salaryCoefficient: number | null;
  salaryStep: number | null;
  qualifications: Qualification[];
  startDate: string;
  partyMember?: boolean | null;
  unionMember?: boolean | null;
  history: StaffHistoryEntry[];
  version: number;
}

/**
 * POST /api/schools/:schoolId/staff/:staffId/transfer (department administrator: a personnel decision):
 * the record at the sending school ends (TRANSFERRED, history kept), a copy starts at the receiving school.
 */
export interface StaffTransferRequest {
  toSchoolId: string;
  effectiveOn: string;
  decisionNumber: string;
}
