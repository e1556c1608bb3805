import { Injectable } from '@nestjs/common';
import { sqlRows } from '@emis/api/platform';
import { UnitAccountCount, UnitAccounts } from '@emis/api/tenancy';
import { DataSource } from 'typeorm';

/**
 * Identity's side of tenancy's UnitAccounts port: the organisation pages show each unit's active accounts and flag a
 * school without an administrator. app_user has no RLS (read before a scope exists); the caller lists only units in
 * its scope.
 */
@Injectable()
export class UnitAccountsRepository extends UnitAccounts {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async countFor(unitIds: string[]): Promise<Map<string, UnitAccountCount>> {
    if (unitIds.length === 0) return new Map();
    const rows = await sqlRows<{ org_unit_id: string; accounts: number; administrators: number }>(
      this.dataSource,
      `select org_unit_id, count(*)::int as accounts,
              (count(*) filter (where role = 'SCHOOL_ADMIN'))::int as administrators
         from app_user where active and org_unit_id = any($1::uuid[]) group by org_unit_id`,
      [unitIds],
    );
    return new Map(rows.map((r) => [r.org_unit_id, { accounts: r.accounts, administrators: r.administrators }]));
  }
}
