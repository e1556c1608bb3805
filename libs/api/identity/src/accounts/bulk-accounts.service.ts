import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { BulkAccountCreate, BulkAccountResult, OneTimeCredential } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { Principal, ProblemException, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { StaffAccountCandidate, StaffDirectory } from '@emis/api/staff';
import { OrgTreeService } from '@emis/api/tenancy';
import { accountRoleForStaff, firstFreeUsername, grantableRoles, Role, usernameStem } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { AccountsRepository, NewAccount } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { CredentialSheet, CredentialSheets } from './credential-sheets';
import { newOneTimePasswords } from './one-time-password';

type Skipped = BulkAccountResult['skipped'][number];

/** Who gets an account in a bulk creation, and who is left out with why. */
interface BulkPlan {
  toCreate: { staff: StaffAccountCandidate; role: Role }[];
  skipped: Skipped[];
}

/**
 * Accounts for a school's staff in one step (docs/domain/accounts.md, "Accounts for a whole school"): every working
 * staff member without an account (or those named), each with the role their position implies and a one-time
 * password. The passwords are hashed before the transaction (argon2id takes a while, and the transaction should not);
 * the accounts are then written in one transaction that re-reads who still needs one under the creation lock, so two
 * administrators pressing the button together do not give anyone two accounts. The clear passwords go to the
 * credential sheet held in memory for ten minutes, and nowhere else.
 */
@Injectable()
export class BulkAccountsService {
  constructor(
    private readonly db: TenantDb,
    private readonly accounts: AccountsRepository,
    private readonly units: AccountsService,
    private readonly staff: StaffDirectory,
    private readonly sheets: CredentialSheets,
    private readonly tree: OrgTreeService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Principal, scope: Scope, input: BulkAccountCreate): Promise<BulkAccountResult> {
    const school = await this.units.openUnitInScope(scope, input.schoolId);
    if (school.kind !== 'SCHOOL') throw new ValidationProblem([{ field: 'schoolId', rule: 'notASchool', args: [] }]);
    const defaultRole = input.defaultRole ?? 'TEACHER';
    if (!grantableRoles(actor.role, 'SCHOOL').includes(defaultRole))
      throw new ProblemException(HttpStatus.FORBIDDEN, 'role_not_grantable');
    const preview = await this.db.run((em) => this.plan(em, school.id, input.staffIds, defaultRole));
    const issued = await newOneTimePasswords(preview.toCreate.length);
    const passwords = new Map(preview.toCreate.map((c, i) => [c.staff.id, issued[i]]));
    const result = await this.db.run(async (em) => {
      await this.accounts.lockCreation(em);
      const plan = await this.plan(em, school.id, input.staffIds, defaultRole);
      // Someone who became eligible between the two reads has no password yet: they are left for the next run.
      const toCreate = plan.toCreate.filter((c) => passwords.has(c.staff.id));
      const usernames = await this.usernames(em, toCreate);
      const rows: NewAccount[] = toCreate.map((c, i) => ({
        username: usernames[i],
        passwordHash: passwords.get(c.staff.id)!.hash,
        fullName: c.staff.fullName,
        role: c.role,
        orgUnitId: school.id,
        staffId: c.staff.id,
        email: c.staff.email,
        createdBy: actor.userId,
      }));
      const ids = await this.accounts.insertMany(em, rows);
      await this.audit.recordMany(
        em,
        school.id,
        rows.map((r, i) => ({
          entity: 'app_user',
          entityId: ids[i],
          action: 'CREATE' as const,
          after: { username: r.username, fullName: r.fullName, role: r.role, staffId: r.staffId, bulk: true },
        })),
      );
      const created: OneTimeCredential[] = rows.map((r, i) => ({
        accountId: ids[i],
        username: r.username,
        fullName: r.fullName,
        orgUnitName: school.name,
        role: r.role,
        oneTimePassword: passwords.get(r.staffId!)!.password,
      }));
      return { created, skipped: plan.skipped };
    });
    const sheetToken = this.sheets.keep({
      ownerId: actor.userId,
      unitId: school.id,
      unitName: school.name,
      credentials: result.created,
    });
    return { ...result, sheetToken };
  }

  /**
   * The sheet of one-time passwords as a printable PDF of slips or a workbook, for the administrator who made the
   * accounts, within ten minutes. Each download is audited in the school's chain (who took the passwords, when).
   */
  async sheet(actor: Principal, token: string, format: 'pdf' | 'xlsx'): Promise<CredentialSheet> {
    const sheet = this.sheets.take(token, actor.userId);
    if (!sheet) throw new NotFoundException();
    const scope = await this.tree.scopeFor(sheet.unitId);
    await this.db.runWithScope(scope, (em) =>
      this.audit.record(em, {
        schoolId: sheet.unitId,
        entity: 'credential_sheet',
        entityId: sheet.unitId,
        action: 'EXPORT',
        after: { format, accounts: sheet.credentials.map((c) => c.accountId) },
      }),
    );
    return sheet;
  }

  /**
   * Named staff: each gets an account unless they are not the school's, do not work there now, or have one. Without
   * names: the school's working staff without an account; of the others only those on leave are reported (retired and
   * transferred records are history, not people waiting for an account).
   */
  private async plan(
    em: EntityManager,
    schoolId: string,
    staffIds: string[] | undefined,
    defaultRole: Role,
  ): Promise<BulkPlan> {
    const records = await this.staff.forAccounts(em, schoolId, staffIds);
    const found = new Set(records.map((r) => r.id));
    const skipped: Skipped[] = (staffIds ?? [])
      .filter((id) => !found.has(id))
      .map((id) => ({ staffId: id, fullName: '', reason: 'not_in_school' }));
    const linked = await this.accounts.staffWithAccount(
      em,
      schoolId,
      records.map((r) => r.id),
    );
    const toCreate: BulkPlan['toCreate'] = [];
    for (const staff of records) {
      if (linked.has(staff.id)) skipped.push({ staffId: staff.id, fullName: staff.fullName, reason: 'has_account' });
      else if (staff.status === 'ACTIVE') toCreate.push({ staff, role: accountRoleForStaff(staff, defaultRole) });
      else if (staffIds || staff.status === 'LEAVE')
        skipped.push({ staffId: staff.id, fullName: staff.fullName, reason: 'not_working' });
    }
    return { toCreate, skipped };
  }

  /** A free user name for each, from their names; two namesakes in one batch get stem and stem2. */
  private async usernames(em: EntityManager, toCreate: BulkPlan['toCreate']): Promise<string[]> {
    const stems = toCreate.map((c) => usernameStem(c.staff.fullName));
    const taken = await this.accounts.takenUsernames(em, [...new Set(stems)]);
    return stems.map((stem) => {
      const username = firstFreeUsername(stem, taken);
      taken.add(username);
      return username;
    });
  }
}
