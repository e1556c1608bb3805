import { AccountSummary, StaffSummary } from '@emis/contracts';
import { accountRoleForStaff, Role } from '@emis/domain';

/** A staff member the bulk step would give an account, with the role they would get. */
export interface BulkCandidate {
  staff: StaffSummary;
  role: Role;
}

export interface BulkPreview {
  candidates: BulkCandidate[];
  /** Working staff who already have an account: left out by the API too ("has_account"). */
  withAccount: { staff: StaffSummary; account: AccountSummary }[];
}

/**
 * Who among a school's working staff would get an account — those no account is linked to yet — and with which role:
 * the API's own rule (accountRoleForStaff: principals administer, accountants by rank keep the books, the others get
 * the role the administrator chose), so the preview says what the bulk step will do.
 */
export function bulkPreview(
  workingStaff: readonly StaffSummary[],
  schoolAccounts: readonly AccountSummary[],
  defaultRole: Role,
): BulkPreview {
  const accountByStaff = new Map(
    schoolAccounts.filter((a) => a.staffId !== null).map((a) => [a.staffId as string, a] as const),
  );
  const preview: BulkPreview = { candidates: [], withAccount: [] };
  for (const staff of workingStaff) {
    const account = accountByStaff.get(staff.id);
    if (account) preview.withAccount.push({ staff, account });
    else preview.candidates.push({ staff, role: accountRoleForStaff(staff, defaultRole) });
  }
  return preview;
}
