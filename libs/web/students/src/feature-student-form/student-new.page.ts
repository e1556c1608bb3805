import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ProblemDetails, StudentInput } from '@emis/contracts';
import {
  FormLeave,
  guardForm,
  LeavesSafely,
  OrgUnitContext,
  PendingChanges,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { loadCurrentClasses } from '../data-access/school-classes.api';
import { StudentsApi } from '../data-access/students.api';
import { StudentFormComponent } from './student-form.component';

@Component({
  selector: 'emis-student-new-page',
  imports: [RouterLink, TranslocoPipe, SchoolRequiredComponent, StudentFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <ol>
        <li>
          <a routerLink="/students">{{ 'students.list.title' | transloco }}</a>
        </li>
        <li>
          <span aria-current="page">{{ 'students.titles.new' | transloco }}</span>
        </li>
      </ol>
    </nav>
    <header class="page-header">
      <h1 class="page-title">{{ 'students.titles.new' | transloco }}</h1>
    </header>
    @if (!schoolId()) {
      <emis-school-required />
    } @else {
      <section class="card">
        <emis-student-form
          [classes]="classes.value() ?? []"
          [busy]="saving()"
          [problem]="problem()"
          (create)="save($event)"
          (cancelled)="back()"
        />
      </section>
    }
  `,
})
export class StudentNewPage implements LeavesSafely {
  private readonly api = inject(StudentsApi);
  private readonly router = inject(Router);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  protected readonly classes = loadCurrentClasses(this.schoolId).classes;

  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly studentForm = viewChild(StudentFormComponent);
  /** Typed and not saved: leaving is the user's decision (docs/domain/gradebook.md, "Leaving a page"). */
  private readonly leaving: FormLeave = guardForm(this, () => this.studentForm());

  pendingChanges(): PendingChanges {
    return this.leaving.pendingChanges();
  }

  flush(): Promise<boolean> {
    return this.leaving.flush();
  }

  protected save(input: StudentInput): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .create(schoolId, input)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (student) => {
          this.leaving.saved();
          void this.router.navigate(['/students', student.id], { state: { created: true } });
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected back(): void {
    void this.router.navigate(['/students']);
  }
}
