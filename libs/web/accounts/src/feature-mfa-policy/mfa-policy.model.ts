import { MfaPolicyItem, MfaPolicyUpdate } from '@emis/contracts';
import { Role } from '@emis/domain';

/**
 * The department's changes to the second-factor policy: only roles whose setting changed, never a fixed one (roles
 * that read several schools, and administrators, always use a second factor — docs/domain/sign-in.md). Null when
 * nothing changed, so the page has nothing to send.
 */
export function mfaPolicyUpdate(
  saved: readonly MfaPolicyItem[],
  edited: Partial<Record<Role, boolean>>,
): MfaPolicyUpdate | null {
  const required: Partial<Record<Role, boolean>> = {};
  for (const item of saved) {
    const wanted = edited[item.role];
    if (!item.fixed && wanted !== undefined && wanted !== item.required) required[item.role] = wanted;
  }
  return Object.keys(required).length > 0 ? { required } : null;
}
