import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { OneTimeCredential, ProblemDetails } from '@emis/contracts';
import { foldVietnamese, grantableRoles, isRole, Role } from '@emis/domain';
import {
  AuthStore,
  fieldErrorMap,
  guardUnsaved,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  toProblem,
} from '@emis/web/core';
import { FieldMessageComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, forkJoin, map } from 'rxjs';
import { AccountsApi } from '../data-access/accounts.api';
import { bulkPreview } from '../feature-bulk-create/bulk-preview';
import { OneTimeCredentialsComponent } from '../ui/one-time-credentials.component';
import {
  AccountForm,
  accountCreateInput,
  accountFormProblems,
  creatableUnits,
  mayNameInstead,
  needsStaffRecord,
} from './account-form';

const EMPTY_FORM: AccountForm = { orgUnitId: '', role: '', staffId: '', fullName: '', username: '', email: '' };
const FIELDS = ['orgUnitId', 'role', 'staffId', 'fullName', 'username', 'email'] as const;

/**
 * One new account: for a school role, from a working staff member's record (the picker lists those without an
 * account); for the department's and units' staff, from a name. The one-time password is shown once.
 * `unitId` and `role` may come in the URL (the home page's "schools with no administrator").
 */
@Component({
  selector: 'emis-account-new-page',
  imports: [RouterLink, TranslocoPipe, ProblemAlertComponent, FieldMessageComponent, OneTimeCredentialsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-new.page.html',
  styleUrl: '../ui/accounts-page.css',
})
export class AccountNewPage {
  private readonly api = inject(AccountsApi);
  private readonly auth = inject(AuthStore);
  private readonly orgUnits = inject(OrgUnitContext);

  readonly unitId = input<string>();
  readonly role = input<string>();

  protected readonly form = signal<AccountForm>(EMPTY_FORM);
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly created = signal<OneTimeCredential | null>(null);
  /** The user typed or chose something not created yet (the unit and role the URL preset do not count). */
  private readonly typed = signal(false);
  protected readonly staffQuery = signal('');

  protected readonly units = computed(() => {
    const actor = this.auth.user()?.role;
    return actor ? creatableUnits(this.orgUnits.tree(), actor) : [];
  });
  protected readonly unit = computed(() => this.units().find((u) => u.id === this.form().orgUnitId) ?? null);
  protected readonly roles = computed<Role[]>(() => {
    const actor = this.auth.user()?.role;
    const unit = this.unit();
    return actor && unit ? grantableRoles(actor, unit.kind) : [];
  });
  protected readonly needsStaff = computed(() => needsStaffRecord(this.form().role));
  /** A name: for department and unit roles, or for a principal picked from no staff record (a new school). */
  protected readonly showName = computed(() => {
    const { role, staffId } = this.form();
    return role !== '' && (!this.needsStaff() || (mayNameInstead(role) && !staffId));
  });
  /** Working staff of the chosen school that no account is linked to yet. */
  protected readonly staff = loadOnChange(
    () => (this.needsStaff() && this.unit()?.kind === 'SCHOOL' ? this.form().orgUnitId : undefined),
    (schoolId) =>
      forkJoin({ staff: this.api.workingStaff(schoolId), accounts: this.api.accountsOf(schoolId) }).pipe(
        map(({ staff, accounts }) => bulkPreview(staff, accounts, 'TEACHER').candidates.map((c) => c.staff)),
      ),
  );
  protected readonly shownStaff = computed(() => {
    const query = foldVietnamese(this.staffQuery().trim());
    const staff = this.staff.value() ?? [];
    return query ? staff.filter((s) => foldVietnamese(s.fullName).includes(query)) : staff;
  });

  protected readonly problems = computed(() => accountFormProblems(this.form()));
  protected readonly serverErrors = computed(() => fieldErrorMap(this.problem()));
  protected readonly shownFields = FIELDS;

  constructor() {
    // Leaving with a half-filled form asks first (docs/domain/gradebook.md, "Leaving a page").
    guardUnsaved(() => ({ dirty: this.typed() && !this.created() }));
    this.orgUnits
      .loadTree()
      .pipe(takeUntilDestroyed())
      .subscribe({ error: () => undefined });
    // The URL's unit and role, once the tree says the unit is one the caller may use; a principal's only unit, their
    // school, is chosen for them.
    effect(() => {
      const units = this.units();
      const unitId = this.unitId() ?? (units.length === 1 ? units[0].id : undefined);
      const role = this.role();
      const known = units.some((u) => u.id === unitId);
      untracked(() => {
        if (unitId && known && !this.form().orgUnitId) {
          this.form.update((f) => ({ ...f, orgUnitId: unitId, role: isRole(role) ? role : '' }));
        }
      });
    });
  }

  protected set(field: keyof AccountForm, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.typed.set(true);
    this.form.update((f) => {
      const next = { ...f, [field]: value };
      // A role another unit cannot take, or a staff member of another school, would be refused: start them over.
      if (field === 'orgUnitId') return { ...next, role: '', staffId: '' } as AccountForm;
      if (field === 'role') return { ...next, staffId: '' } as AccountForm;
      return next as AccountForm;
    });
  }

  protected error(field: keyof AccountForm): string | null {
    const server = this.serverErrors()[field];
    if (server) return `!${server}`;
    const problem = this.problems()[field];
    return this.submitted() && problem ? `accounts.create.errors.${problem}` : null;
  }

  protected submit(): void {
    this.submitted.set(true);
    const form = this.form();
    if (Object.keys(this.problems()).length > 0 || !form.role) return;
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .create(accountCreateInput({ ...form, role: form.role }))
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (credential) => this.created.set(credential),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected another(): void {
    this.created.set(null);
    this.submitted.set(false);
    this.problem.set(null);
    this.staffQuery.set('');
    this.typed.set(false);
    this.form.set(EMPTY_FORM);
  }
}
