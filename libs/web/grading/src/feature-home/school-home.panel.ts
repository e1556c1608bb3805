import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { entryPercent } from '@emis/domain';
import { EmisNumberPipe, LanguageService, loadOnChange, OrgUnitContext, ProblemAlertComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { GradingApi } from '../data-access/grading.api';
import { progressMatrix, schoolPercent, teachersOf, toneOf } from './progress-matrix';

/**
 * The home page's gradebook panel (issue 16, "homes that show today's work"): a teacher's classes and gradebooks of
 * the semester with what is left to enter, each a link to its sheet; the principal's figures, the progress matrix by
 * class × subject (teacher on each cell, a filter by teacher), the corrections waiting and the classes above the
 * ceiling. Shown when a school is in view.
 */
@Component({
  selector: 'emis-school-home-panel',
  imports: [RouterLink, TranslocoPipe, EmisNumberPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './school-home.panel.css',
  templateUrl: './school-home.panel.html',
})
export class SchoolHomePanel {
  private readonly api = inject(GradingApi);
  private readonly language = inject(LanguageService).language;
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  protected readonly home = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) => this.api.home(schoolId),
  );
  protected readonly teacherFilter = signal<string>('');
  protected readonly mine = computed(() =>
    (this.home.value()?.mine ?? []).map((p) => {
      const percent = entryPercent(p);
      return { ...p, percent, left: p.expected - p.filled, tone: toneOf(percent) };
    }),
  );
  protected readonly progress = computed(() => this.home.value()?.progress ?? null);
  protected readonly teachers = computed(() => teachersOf(this.progress() ?? []));
  protected readonly matrix = computed(() =>
    progressMatrix(this.progress() ?? [], this.teacherFilter() || null, this.language()),
  );
  protected readonly overall = computed(() => schoolPercent(this.progress() ?? []));
  protected readonly behind = computed(() => (this.progress() ?? []).filter((p) => p.filled < p.expected).length);

  protected subjectName(p: { subjectName: string; subjectNameEn: string }): string {
    return this.language() === 'en' ? p.subjectNameEn : p.subjectName;
  }

  protected filterBy(event: Event): void {
    this.teacherFilter.set((event.target as HTMLSelectElement).value);
  }
}
