import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BulkAccountResult, ProblemDetails } from '@emis/contracts';
import { Role, ROLE_RANK, ROLE_UNIT_KIND, ROLES } from '@emis/domain';
import {
  AuthStore,
  guardUnsaved,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent, saveDownload, showPdf } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, forkJoin, Observable, tap } from 'rxjs';
import { AccountsApi, CredentialSheetFormat } from '../data-access/accounts.api';
import { OneTimeCredentialsComponent } from '../ui/one-time-credentials.component';
import { bulkPreview } from './bulk-preview';

const SHEET_NAMES: Record<CredentialSheetFormat, string> = {
  pdf: 'phieu-mat-khau-mot-lan.pdf',
  xlsx: 'mat-khau-mot-lan.xlsx',
};

/**
 * Accounts for a school's whole staff in one step (docs/domain/accounts.md, "Bulk creation"): a preview of who gets
 * one and with which role, a confirmation, then the one-time passwords, shown once, with the printable sheet and the
 * workbook for the principal to hand out.
 */
@Component({
  selector: 'emis-bulk-create-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    ConfirmDialogComponent,
    OneTimeCredentialsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bulk-create.page.html',
  styleUrl: '../ui/accounts-page.css',
})
export class BulkCreatePage {
  private readonly api = inject(AccountsApi);
  private readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  /** Roles a teacher or other staff member may be given: school roles up to the actor's rank, not the principal's. */
  protected readonly staffRoles = computed(() => {
    const actor = this.auth.user()?.role;
    if (!actor) return [];
    return ROLES.filter(
      (role) => ROLE_UNIT_KIND[role] === 'SCHOOL' && role !== 'SCHOOL_ADMIN' && ROLE_RANK[role] <= ROLE_RANK[actor],
    );
  });
  protected readonly defaultRole = signal<Role>('TEACHER');
  /** Staff the administrator unticked; everyone else in the preview gets an account. */
  protected readonly excluded = signal<ReadonlySet<string>>(new Set());

  protected readonly school = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) => forkJoin({ staff: this.api.workingStaff(schoolId), accounts: this.api.accountsOf(schoolId) }),
  );
  protected readonly preview = computed(() => {
    const school = this.school.value();
    return school ? bulkPreview(school.staff, school.accounts, this.defaultRole()) : null;
  });
  protected readonly chosen = computed(() =>
    (this.preview()?.candidates ?? []).filter((c) => !this.excluded().has(c.staff.id)),
  );

  protected readonly confirming = signal(false);
  protected readonly creating = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly result = signal<BulkAccountResult | null>(null);
  protected readonly downloading = signal(false);
  protected readonly downloadProblem = signal<ProblemDetails | null>(null);

  constructor() {
    // The role or the ticks changed and the accounts not created yet: leaving asks first (docs/domain/gradebook.md,
    // "Leaving a page").
    guardUnsaved(() => ({
      dirty: this.result() === null && (this.defaultRole() !== 'TEACHER' || this.excluded().size > 0),
    }));
  }

  protected changeDefaultRole(event: Event): void {
    this.defaultRole.set((event.target as HTMLSelectElement).value as Role);
  }

  protected toggle(staffId: string, event: Event): void {
    const included = (event.target as HTMLInputElement).checked;
    const next = new Set(this.excluded());
    if (included) next.delete(staffId);
    else next.add(staffId);
    this.excluded.set(next);
  }

  protected toggleAll(event: Event): void {
    const included = (event.target as HTMLInputElement).checked;
    this.excluded.set(included ? new Set() : new Set((this.preview()?.candidates ?? []).map((c) => c.staff.id)));
  }

  protected create(): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.creating.set(true);
    this.problem.set(null);
    this.api
      .bulkCreate({ schoolId, staffIds: this.chosen().map((c) => c.staff.id), defaultRole: this.defaultRole() })
      .pipe(finalize(() => this.creating.set(false)))
      .subscribe({
        next: (result) => {
          this.confirming.set(false);
          this.result.set(result);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  /** Called in the click handler: the PDF's tab must open while the click still counts as the user's gesture. */
  protected download(format: CredentialSheetFormat): void {
    const token = this.result()?.sheetToken;
    if (!token) return;
    this.downloading.set(true);
    this.downloadProblem.set(null);
    const sheet = this.api.credentialSheet(token, format);
    const delivered: Observable<unknown> =
      format === 'pdf'
        ? showPdf(sheet, SHEET_NAMES.pdf)
        : sheet.pipe(tap((response) => saveDownload(response, SHEET_NAMES.xlsx)));
    delivered.pipe(finalize(() => this.downloading.set(false))).subscribe({
      error: (error: unknown) => this.downloadProblem.set(toProblem(error)),
    });
  }
}
