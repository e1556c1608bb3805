import type { OrgUnitAdminItem } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import { AdminUnitRow } from './org-admin.repository';
import { UnitAccountCount } from './unit-accounts';

/** The Vietnam midnight that starts `day` (yyyy-MM-dd): a period of the parent history begins and ends there. */
export function vietnamMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** The day in Vietnam of an instant, as yyyy-MM-dd. */
export function vietnamDay(at: Date): string {
  return todayInVietnam(at);
}

export function toAdminItem(row: AdminUnitRow, counts: Map<string, UnitAccountCount>): OrgUnitAdminItem {
  const count = counts.get(row.id);
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    parentName: row.parent_name,
    levels: row.levels ?? [],
    ownership: row.ownership,
    address: row.address,
    commune: row.commune,
    closedOn: row.closed_on,
    closedReason: row.closed_reason,
    pendingMove:
      row.pending_parent_id && row.pending_from
        ? {
            parentId: row.pending_parent_id,
            parentName: row.pending_parent_name ?? '',
            effectiveFrom: row.pending_from,
          }
        : null,
    accountCount: count?.accounts ?? 0,
    hasAdministrator: (count?.administrators ?? 0) > 0,
  };
}
