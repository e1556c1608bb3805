import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  AccountCreate,
  AccountDetail,
  AccountsAttention,
  AccountSummary,
  OneTimeCredential,
  Page,
  PasswordResetRequestItem,
} from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  Principal,
  ProblemException,
  RawFieldError,
  Scope,
  TenantDb,
  toPage,
  toSqlPaging,
  ValidationProblem,
} from '@emis/api/platform';
import { StaffDirectory } from '@emis/api/staff';
import { OrgTreeService, OrgUnit } from '@emis/api/tenancy';
import { firstFreeUsername, grantableRoles, Role, ROLE_UNIT_KIND, usernameStem } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { assertManageable, assertVisible, manageableKinds, rolesGrantableOn } from './account-access';
import { auditView } from './account-audit';
import { AccountListQueryDto, ResetRequestListQueryDto } from './accounts.dto';
import { ACCOUNT_SORT_COLUMNS, AccountsRepository } from './accounts.repository';
import { newOneTimePasswords } from './one-time-password';
import { ResetRequestsRepository } from './reset-requests.repository';

/**
 * Accounts administration's reads and the creation of one account (docs/domain/accounts.md). Bulk creation for a
 * school's staff is BulkAccountsService; actions on an existing account are AccountActionsService.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly db: TenantDb,
    private readonly tree: OrgTreeService,
    private readonly accounts: AccountsRepository,
    private readonly resetRequests: ResetRequestsRepository,
    private readonly staff: StaffDirectory,
    private readonly audit: AuditService,
  ) {}

  /** The accounts of the caller's scope, or of one unit's subtree inside it. */
  async list(scope: Scope, query: AccountListQueryDto): Promise<Page<AccountSummary>> {
    const within = query.unitId ? await this.narrowTo(scope, query.unitId) : scope;
    const paging = toSqlPaging(query, ACCOUNT_SORT_COLUMNS, 'orgUnitName,fullName');
    const { items, total } = await this.db.run((em) => this.accounts.list(em, within, query, paging));
    return toPage(items, total, paging);
  }

  async detail(actor: Principal, scope: Scope, id: string): Promise<AccountDetail> {
    const account = await this.db.run((em) => this.accounts.find(em, id));
    if (!account) throw new NotFoundException();
    assertVisible(scope, account);
    return { ...account, grantableRoles: rolesGrantableOn(actor, scope, account) };
  }

  async attention(actor: Principal, scope: Scope): Promise<AccountsAttention> {
    return this.db.run((em) => this.resetRequests.attention(em, scope, manageableKinds(actor.role)));
  }

  async listResetRequests(
    actor: Principal,
    scope: Scope,
    query: ResetRequestListQueryDto,
  ): Promise<Page<PasswordResetRequestItem>> {
    const paging = toSqlPaging(query, {}, '');
    const kinds = manageableKinds(actor.role);
    const { items, total } = await this.db.run((em) =>
      this.resetRequests.list(em, scope, kinds, query.status ?? 'PENDING', paging),
    );
    return toPage(items, total, paging);
  }

  /** Sets a request aside without resetting the password (the user remembered it, or it was not them). */
  async dismissResetRequest(
    actor: Principal,
    scope: Scope,
    requestId: string,
    reason: string,
  ): Promise<PasswordResetRequestItem> {
    return this.db.run(async (em) => {
      const request = await this.resetRequests.find(em, requestId);
      if (!request) throw new NotFoundException();
      const account = await this.accounts.find(em, request.accountId, true);
      if (!account) throw new NotFoundException();
      assertManageable(actor, scope, account);
      if (request.status !== 'PENDING') throw new ProblemException(HttpStatus.CONFLICT, 'reset_request_handled');
      await this.resetRequests.dismiss(em, requestId, actor.userId);
      await this.audit.record(em, {
        schoolId: account.orgUnitId,
        entity: 'password_reset_request',
        entityId: requestId,
        action: 'REJECT',
        before: { status: request.status, accountId: account.id },
        after: { status: 'DISMISSED', reason },
      });
      return { ...request, status: 'DISMISSED' };
    });
  }

  /**
   * One account: for a school role, the account of a working staff record of that school (its name and e-mail
   * come from the record); for a department or unit role, a named person. The password is one-time.
   */
  async create(actor: Principal, scope: Scope, input: AccountCreate): Promise<OneTimeCredential> {
    const unit = await this.openUnitInScope(scope, input.orgUnitId);
    assertGrantable(actor.role, unit, input.role);
    assertShape(unit, input);
    const [issued] = await newOneTimePasswords(1);
    return this.db.run(async (em) => {
      await this.accounts.lockCreation(em);
      const person = await this.person(em, unit, input);
      const username = input.username ?? (await this.freeUsername(em, person.fullName));
      if (input.username && (await this.accounts.takenUsernames(em, [username])).has(username))
        throw new ValidationProblem([{ field: 'username', rule: 'usernameTaken', args: [] }]);
      const [id] = await this.accounts.insertMany(em, [
        {
          username,
          passwordHash: issued.hash,
          ...person,
          role: input.role,
          orgUnitId: unit.id,
          createdBy: actor.userId,
        },
      ]);
      const created = await this.accounts.find(em, id);
      if (!created) throw new NotFoundException();
      await this.audit.record(em, {
        schoolId: unit.id,
        entity: 'app_user',
        entityId: id,
        action: 'CREATE',
        after: auditView(created),
      });
      return {
        accountId: id,
        username,
        fullName: person.fullName,
        orgUnitName: unit.name,
        role: input.role,
        oneTimePassword: issued.password,
      };
    });
  }

  /** The caller's scope narrowed to a unit's subtree; 404 for a unit outside it or none at all. */
  private async narrowTo(scope: Scope, unitId: string): Promise<Scope> {
    const within = (await this.tree.get(unitId)) ? await this.tree.narrow(scope, unitId) : undefined;
    if (!within) throw new NotFoundException();
    return within;
  }

  /**
   * An open org unit of the caller's scope, to give accounts in: 404 outside the scope; a closed school or unit is
   * read-only and gets no new account (docs/domain/accounts.md, "Accounts from staff records").
   */
  async openUnitInScope(scope: Scope, orgUnitId: string): Promise<OrgUnit> {
    assertInScope(scope, orgUnitId);
    const unit = await this.tree.get(orgUnitId);
    if (!unit) throw new NotFoundException();
    if (unit.closed) throw new ProblemException(HttpStatus.CONFLICT, 'school_closed');
    return unit;
  }

  /** The name, e-mail and staff record of the new account's holder. */
  private async person(
    em: EntityManager,
    unit: OrgUnit,
    input: AccountCreate,
  ): Promise<{ fullName: string; email: string | null; staffId: string | null }> {
    if (!input.staffId) return { fullName: input.fullName!, email: input.email ?? null, staffId: null };
    const [record] = await this.staff.forAccounts(em, unit.id, [input.staffId]);
    const problem = !record
      ? 'staffNotInSchool'
      : record.status !== 'ACTIVE'
        ? 'staffNotWorking'
        : (await this.accounts.staffWithAccount(em, unit.id, [record.id])).size
          ? 'staffHasAccount'
          : undefined;
    if (problem || !record) throw new ValidationProblem([{ field: 'staffId', rule: problem!, args: [] }]);
    return { fullName: record.fullName, email: input.email ?? record.email, staffId: record.id };
  }

  private async freeUsername(em: EntityManager, fullName: string): Promise<string> {
    const stem = usernameStem(fullName);
    return firstFreeUsername(stem, await this.accounts.takenUsernames(em, [stem]));
  }
}

/**
 * A role belongs to one kind of unit (a field error otherwise), and the caller may give only roles of at most their
 * own rank on units they administer (403).
 */
export function assertGrantable(actor: Role, unit: OrgUnit, role: Role): void {
  if (ROLE_UNIT_KIND[role] !== unit.kind)
    throw new ValidationProblem([{ field: 'role', rule: 'roleUnitKind', args: [] }]);
  if (!grantableRoles(actor, unit.kind).includes(role))
    throw new ProblemException(HttpStatus.FORBIDDEN, 'role_not_grantable');
}

/**
 * School accounts belong to staff records; department and unit accounts to a named person without one. A school's
 * principal may be named instead (docs/domain/accounts.md, "A new school's principal"): a new school has no staff
 * records, and only its principal may create them.
 */
function assertShape(unit: OrgUnit, input: AccountCreate): void {
  const problems: RawFieldError[] = [];
  const namedPrincipal = unit.kind === 'SCHOOL' && input.role === 'SCHOOL_ADMIN' && !!input.fullName?.trim();
  if (unit.kind === 'SCHOOL' && !input.staffId && !namedPrincipal)
    problems.push({ field: 'staffId', rule: 'isNotEmpty', args: [] });
  if (unit.kind !== 'SCHOOL' && input.staffId) problems.push({ field: 'staffId', rule: 'staffNotForUnit', args: [] });
  if (unit.kind !== 'SCHOOL' && !input.fullName) problems.push({ field: 'fullName', rule: 'isNotEmpty', args: [] });
  if (problems.length) throw new ValidationProblem(problems);
}
