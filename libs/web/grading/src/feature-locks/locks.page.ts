import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { GradingLock, GradingLockInput, ProblemDetails } from '@emis/contracts';
import { GRADE_LEVELS } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  guardUnsaved,
  LanguageService,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { forkJoin, map, of, switchMap } from 'rxjs';
import { GradingApi } from '../data-access/grading.api';

/**
 * /grades/locks — the principal locks a semester of the school's open year for the whole school or narrower: a
 * grade, a class, a subject, an assessment column (any combination), with a reason the teachers see; and removes
 * locks. Saves covered by a lock are refused by the API (docs/domain/gradebook.md, "Locks and corrections").
 */
@Component({
  selector: 'emis-grading-locks-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .form {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
      gap: 0.75rem;
      align-items: end;
    }
    .form label {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .reason {
      grid-column: 1 / -2;
    }
    .card-title {
      margin-top: 1.25rem;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 0.4rem;
      border-bottom: 1px solid var(--border);
    }
  `,
  template: `
    <header class="page-header">
      <div>
        <h1 class="page-title" data-testid="locks-title">{{ 'grading.locks.title' | transloco }}</h1>
        <p class="page-subtitle">{{ 'grading.locks.hint' | transloco }}</p>
      </div>
      <a routerLink="/grades" class="btn btn-secondary btn-small">{{ 'grading.title' | transloco }}</a>
    </header>
    @if (!schoolId()) {
      <emis-school-required />
    } @else {
      <section class="card">
        <emis-problem-alert [problem]="data.error() ?? problem()" />
        @if (data.value(); as d) {
          @if (canLock()) {
            <form class="form" [formGroup]="form" (ngSubmit)="lock()" data-testid="locks-form">
              <label>
                <span class="label">{{ 'grading.locks.semester' | transloco }}</span>
                <select class="select" formControlName="semester" data-testid="locks-semester">
                  <option value="1">{{ 'grading.common.semester1' | transloco }}</option>
                  <option value="2">{{ 'grading.common.semester2' | transloco }}</option>
                </select>
              </label>
              <label>
                <span class="label">{{ 'grading.locks.grade' | transloco }}</span>
                <select class="select" formControlName="grade" data-testid="locks-grade">
                  <option value="">{{ 'grading.locks.every' | transloco }}</option>
                  @for (g of grades(); track g) {
                    <option [value]="g">{{ g }}</option>
                  }
                </select>
              </label>
              <label>
                <span class="label">{{ 'grading.locks.class' | transloco }}</span>
                <select class="select" formControlName="classId" data-testid="locks-class">
                  <option value="">{{ 'grading.locks.every' | transloco }}</option>
                  @for (c of d.classes; track c.id) {
                    <option [value]="c.id">{{ c.name }}</option>
                  }
                </select>
              </label>
              <label>
                <span class="label">{{ 'grading.locks.subject' | transloco }}</span>
                <select class="select" formControlName="subjectCode" data-testid="locks-subject">
                  <option value="">{{ 'grading.locks.every' | transloco }}</option>
                  @for (s of d.subjects; track s.code) {
                    <option [value]="s.code">{{ language() === 'en' ? s.nameEn : s.name }}</option>
                  }
                </select>
              </label>
              <label>
                <span class="label">{{ 'grading.locks.column' | transloco }}</span>
                <select class="select" formControlName="columnKey" data-testid="locks-column">
                  <option value="">{{ 'grading.locks.everyColumn' | transloco }}</option>
                  @for (k of columnKeys; track k) {
                    <option [value]="k">{{ k }}</option>
                  }
                </select>
              </label>
              <label class="reason">
                <span class="label">{{ 'grading.locks.reason' | transloco }}</span>
                <input class="input" formControlName="reason" maxlength="500" data-testid="locks-reason" />
              </label>
              <button type="submit" class="btn btn-primary" [disabled]="busy()" data-testid="locks-submit">
                {{ 'grading.locks.lock' | transloco }}
              </button>
            </form>
          }
          <h2 class="card-title">{{ 'grading.locks.current' | transloco: { code: d.yearCode } }}</h2>
          @if (d.locks.length === 0) {
            <p class="muted" data-testid="locks-none">{{ 'grading.locks.none' | transloco }}</p>
          } @else {
            <table data-testid="locks-list">
              <thead>
                <tr>
                  <th>{{ 'grading.locks.semester' | transloco }}</th>
                  <th>{{ 'grading.locks.scope' | transloco }}</th>
                  <th>{{ 'grading.locks.reason' | transloco }}</th>
                  <th>{{ 'grading.locks.by' | transloco }}</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                @for (l of d.locks; track l.id) {
                  <tr data-testid="lock-row" [attr.data-lock-id]="l.id">
                    <td>{{ 'grading.common.semester' + l.semester | transloco }}</td>
                    <td>{{ scopeText(l) }}</td>
                    <td>{{ l.reason ?? '—' }}</td>
                    <td>{{ l.lockedByName ?? '—' }} · {{ l.lockedAt | emisDate: 'datetime' }}</td>
                    <td>
                      @if (canLock()) {
                        <button
                          type="button"
                          class="btn btn-secondary btn-small"
                          [disabled]="busy()"
                          (click)="unlock(l)"
                          data-testid="lock-remove"
                        >
                          {{ 'grading.locks.remove' | transloco }}
                        </button>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          }
        }
      </section>
    }
  `,
})
export class GradingLocksPage {
  private readonly api = inject(GradingApi);
  private readonly auth = inject(AuthStore);
  protected readonly language = inject(LanguageService).language;
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  protected readonly canLock = computed(() => this.auth.can('grades.lock'));
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** The columns of the three schemes' sheets a lock may name (Circular 22, 58 and 27 keys). */
  protected readonly columnKeys = ['TX1', 'TX2', 'TX3', 'TX4', 'TX5', 'GK', 'CK', 'HK'];
  protected readonly form = new FormGroup({
    semester: new FormControl('1', { nonNullable: true }),
    grade: new FormControl('', { nonNullable: true }),
    classId: new FormControl('', { nonNullable: true }),
    subjectCode: new FormControl('', { nonNullable: true }),
    columnKey: new FormControl('', { nonNullable: true }),
    reason: new FormControl('', { nonNullable: true }),
  });

  /** A lock being written and not set: leaving asks first (docs/domain/gradebook.md, "Leaving a page"). */
  private readonly leaving = guardUnsaved(() => this.form);

  protected readonly data = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) =>
      this.api.schoolYears().pipe(
        switchMap((years) => {
          const year = years.find((y) => y.status === 'OPEN');
          if (!year) return of(null);
          return forkJoin({
            classes: this.api.classes(schoolId, year.id).pipe(map((p) => p.items)),
            subjects: this.api.subjects(),
            locks: this.api.locks(schoolId, year.id),
          }).pipe(map((d) => ({ ...d, yearId: year.id, yearCode: year.code })));
        }),
      ),
  );
  protected readonly grades = computed(() => {
    const present = new Set((this.data.value()?.classes ?? []).map((c) => c.grade as string));
    return GRADE_LEVELS.filter((g) => present.has(g));
  });

  protected scopeText(l: GradingLock): string {
    const parts = [l.grade ? `K${l.grade}` : null, l.className, l.subjectName ?? l.subjectCode, l.columnKey].filter(
      (p): p is string => !!p,
    );
    return parts.length ? parts.join(' · ') : '★';
  }

  protected lock(): void {
    const d = this.data.value();
    const schoolId = this.schoolId();
    if (!d || !schoolId) return;
    const v = this.form.getRawValue();
    const input: GradingLockInput = {
      yearId: d.yearId,
      semester: v.semester === '2' ? 2 : 1,
      ...(v.grade ? { grade: v.grade } : {}),
      ...(v.classId ? { classId: v.classId } : {}),
      ...(v.subjectCode ? { subjectCode: v.subjectCode } : {}),
      ...(v.columnKey ? { columnKey: v.columnKey } : {}),
      ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
    };
    this.run(this.api.lockScope(schoolId, input), () => this.form.markAsPristine());
  }

  protected unlock(l: GradingLock): void {
    const schoolId = this.schoolId();
    if (schoolId) this.run(this.api.unlockById(schoolId, l.id));
  }

  private run(call: import('rxjs').Observable<unknown>, done?: () => void): void {
    this.busy.set(true);
    this.problem.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        done?.();
        this.data.reload();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblem(e));
      },
    });
  }
}
