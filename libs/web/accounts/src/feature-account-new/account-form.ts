import { AccountCreate, OrgUnitNode } from '@emis/contracts';
import { grantableRoles, Role, ROLE_UNIT_KIND } from '@emis/domain';

/** The new-account form as typed. */
export interface AccountForm {
  orgUnitId: string;
  role: Role | '';
  staffId: string;
  fullName: string;
  username: string;
  email: string;
}

export type AccountFormProblem = 'unit' | 'role' | 'staff' | 'fullName';

/**
 * The units the actor may attach a new account to: those of their subtree whose kind takes a role they may grant
 * (a principal: their school; a unit officer: its schools; the department: every unit). docs/domain/accounts.md,
 * "Who administers whom".
 */
export function creatableUnits(tree: readonly OrgUnitNode[], actor: Role): OrgUnitNode[] {
  return tree.filter((node) => grantableRoles(actor, node.kind).length > 0);
}

/** A school role needs the staff record the account belongs to; a department or unit role only a name. */
export function needsStaffRecord(role: Role | ''): boolean {
  return role !== '' && ROLE_UNIT_KIND[role] === 'SCHOOL';
}

/**
 * A school's principal may be named instead (docs/domain/accounts.md, "A new school's principal"): a new school has no
 * staff records yet, and only its principal may create them.
 */
export function mayNameInstead(role: Role | ''): boolean {
  return role === 'SCHOOL_ADMIN';
}

/** What the form still lacks, field by field, before the API is asked; empty when it may be sent. */
export function accountFormProblems(form: AccountForm): Partial<Record<keyof AccountForm, AccountFormProblem>> {
  const problems: Partial<Record<keyof AccountForm, AccountFormProblem>> = {};
  if (!form.orgUnitId) problems.orgUnitId = 'unit';
  if (!form.role) problems.role = 'role';
  else if (needsStaffRecord(form.role) && !form.staffId && !(mayNameInstead(form.role) && form.fullName.trim()))
    problems.staffId = 'staff';
  else if (!needsStaffRecord(form.role) && !form.fullName.trim()) problems.fullName = 'fullName';
  return problems;
}

/**
 * The body of POST /api/accounts: the staff record for a school role (or, for a principal without one, the name), the
 * name otherwise; blanks left out.
 */
export function accountCreateInput(form: AccountForm & { role: Role }): AccountCreate {
  const input: AccountCreate = { orgUnitId: form.orgUnitId, role: form.role };
  if (needsStaffRecord(form.role) && form.staffId) input.staffId = form.staffId;
  else input.fullName = form.fullName.trim();
  if (form.username.trim()) input.username = form.username.trim().toLowerCase();
  if (form.email.trim()) input.email = form.email.trim();
  return input;
}
