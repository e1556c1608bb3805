import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ChainVerification, ProblemDetails, SchoolProfileUpdate } from '@emis/contracts';
import {
  AuthStore,
  EmisDatePipe,
  guardUnsaved,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  toProblem,
} from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { AuditApi } from '../data-access/audit.api';
import { SchoolsApi } from '../data-access/schools.api';
import { AuditTableComponent } from '../ui/audit-table.component';
import { ChainVerificationComponent } from '../ui/chain-verification.component';
import { LevelBadgesComponent } from '../ui/level-badges.component';
import { SchoolProfileFormComponent } from '../ui/school-profile-form.component';

const RECENT_AUDIT_ENTRIES = 10;

@Component({
  selector: 'emis-school-detail-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    ProblemAlertComponent,
    LevelBadgesComponent,
    SchoolProfileFormComponent,
    AuditTableComponent,
    ChainVerificationComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './school-detail.page.html',
  styleUrl: './school-detail.page.css',
})
export class SchoolDetailPage {
  private readonly schools = inject(SchoolsApi);
  private readonly audit = inject(AuditApi);
  private readonly auth = inject(AuthStore);
  private readonly orgUnits = inject(OrgUnitContext);

  /** The :id route parameter. */
  readonly id = input.required<string>();

  protected readonly canEdit = computed(() => this.auth.can('schools.profile.edit'));
  protected readonly canReadAudit = computed(() => this.auth.can('audit.read'));
  protected readonly canVerify = computed(() => this.auth.can('audit.verify'));

  protected readonly school = loadOnChange(
    () => ({ id: this.id(), scope: this.orgUnits.selectedUnitId() }),
    ({ id }) => this.schools.get(id),
  );
  protected readonly auditEntries = loadOnChange(
    () => (this.canReadAudit() ? { schoolId: this.id(), scope: this.orgUnits.selectedUnitId() } : undefined),
    ({ schoolId }) => this.audit.list({ schoolId, page: 1, pageSize: RECENT_AUDIT_ENTRIES }),
  );
  protected readonly notFound = computed(() => {
    const status = this.school.error()?.status;
    return status === 404 || status === 400;
  });

  protected readonly editing = signal(false);
  private readonly profileForm = viewChild(SchoolProfileFormComponent);
  /** The profile typed into and not saved: leaving asks first, and so does Cancel. */
  private readonly leaving = guardUnsaved(() => (this.editing() ? this.profileForm() : null));
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<ProblemDetails | null>(null);
  protected readonly conflict = signal(false);
  protected readonly saved = signal(false);

  protected readonly verifying = signal(false);
  protected readonly verification = signal<ChainVerification | null>(null);
  protected readonly verifyProblem = signal<ProblemDetails | null>(null);

  protected startEditing(): void {
    this.editing.set(true);
    this.saved.set(false);
    this.conflict.set(false);
    this.saveProblem.set(null);
  }

  protected async stopEditing(): Promise<void> {
    if (!(await this.leaving.mayClose())) return;
    this.editing.set(false);
    this.saveProblem.set(null);
    this.conflict.set(false);
  }

  protected saveProfile(update: SchoolProfileUpdate): void {
    this.saving.set(true);
    this.saveProblem.set(null);
    this.conflict.set(false);
    this.schools
      .updateProfile(this.id(), update)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (school) => {
          this.school.set(school);
          this.editing.set(false);
          this.saved.set(true);
          this.auditEntries.reload();
        },
        error: (error: unknown) => {
          const problem = toProblem(error);
          if (problem.status === 409) {
            // Someone saved first: show their version in the form and let the user re-apply the edit.
            this.conflict.set(true);
            this.school.reload();
          } else {
            this.saveProblem.set(problem);
          }
        },
      });
  }

  protected verifyChain(): void {
    this.verifying.set(true);
    this.verification.set(null);
    this.verifyProblem.set(null);
    this.audit
      .verify(this.id())
      .pipe(finalize(() => this.verifying.set(false)))
      .subscribe({
        next: (result) => this.verification.set(result),
        error: (error: unknown) => this.verifyProblem.set(toProblem(error)),
      });
  }
}
