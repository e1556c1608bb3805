import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal, untracked } from '@angular/core';
import { ClassAssignmentsUpdate, StaffSummary, Subject, TeachingAssignment } from '@emis/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

type Semester = 1 | 2;

/**
 * A class's subject teachers for semester I or II: one teacher select per subject of the class's level, saved
 * together in one PUT. Teachers who list the subject among theirs come first in each select.
 */
@Component({
  selector: 'emis-assignments-editor',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .tabs {
      display: flex;
      gap: 0.25rem;
      border-bottom: 1px solid var(--border);
      margin-bottom: 1rem;
    }
    .tab {
      padding: 0.5rem 1rem;
      border: 0;
      border-bottom: 3px solid transparent;
      background: none;
      font: inherit;
      font-weight: 600;
      color: var(--text-muted);
      cursor: pointer;
    }
    .tab[aria-selected='true'] {
      color: var(--primary-strong);
      border-bottom-color: var(--primary);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      margin-top: 1rem;
    }
    .select {
      min-width: 12rem;
    }
  `,
  template: `
    <div class="tabs" role="tablist" [attr.aria-label]="'academic.assignments.semester' | transloco">
      @for (s of semesters; track s) {
        <button
          type="button"
          role="tab"
          class="tab"
          [attr.aria-selected]="semester() === s"
          (click)="semester.set(s)"
          [attr.data-testid]="'assignments-semester-' + s"
        >
          {{ 'academic.assignments.semesterN' | transloco: { n: s === 1 ? 'I' : 'II' } }}
        </button>
      }
    </div>
    <div class="table-wrap" role="tabpanel">
      <table class="table" data-testid="assignments-table">
        <caption class="visually-hidden">
          {{
            'academic.assignments.title' | transloco
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'academic.assignments.subject' | transloco }}</th>
            <th scope="col">{{ 'academic.assignments.teacher' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (subject of subjects(); track subject.code) {
            <tr data-testid="assignment-row" [attr.data-subject]="subject.code">
              <th scope="row">
                <label [for]="'assign-' + subject.code">{{ subject.name }}</label>
              </th>
              <td>
                @if (editable()) {
                  <select
                    class="select"
                    [id]="'assign-' + subject.code"
                    (change)="choose(subject.code, $any($event.target).value)"
                    [attr.data-testid]="'assignment-' + subject.code"
                  >
                    <option value="" [selected]="!chosen()[subject.code]">
                      {{ 'academic.assignments.none' | transloco }}
                    </option>
                    @for (person of teachersFor(subject.code); track person.id) {
                      <option [value]="person.id" [selected]="chosen()[subject.code] === person.id">
                        {{ person.fullName }}
                      </option>
                    }
                  </select>
                } @else {
                  <span [attr.data-testid]="'assignment-' + subject.code">{{ nameOf(subject.code) ?? '—' }}</span>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (editable()) {
      <div class="actions">
        <button
          type="button"
          class="btn btn-primary"
          [disabled]="busy() || !dirty()"
          (click)="submit()"
          data-testid="assignments-save"
        >
          {{ (busy() ? 'common.saving' : 'academic.assignments.save') | transloco }}
        </button>
        @if (dirty()) {
          <span class="muted" data-testid="assignments-dirty">{{ 'academic.common.unsaved' | transloco }}</span>
        }
      </div>
    }
  `,
})
export class AssignmentsEditorComponent {
  readonly assignments = input.required<readonly TeachingAssignment[]>();
  readonly subjects = input.required<readonly Subject[]>();
  readonly staff = input<readonly StaffSummary[] | null>(null);
  readonly editable = input(false);
  readonly busy = input(false);
  readonly save = output<ClassAssignmentsUpdate>();

  protected readonly semesters: readonly Semester[] = [1, 2];
  protected readonly semester = signal<Semester>(1);
  private readonly edits = signal<Record<Semester, Record<string, string>>>({ 1: {}, 2: {} });

  private readonly saved = computed(() => {
    const bySemester: Record<Semester, Record<string, string>> = { 1: {}, 2: {} };
    for (const a of this.assignments()) bySemester[a.semester][a.subjectCode] = a.staffId;
    return bySemester;
  });
  protected readonly chosen = computed(() => ({ ...this.saved()[this.semester()], ...this.edits()[this.semester()] }));
  protected readonly dirty = computed(() => {
    const saved = this.saved()[this.semester()];
    return Object.entries(this.edits()[this.semester()]).some(([code, id]) => (saved[code] ?? '') !== id);
  });

  constructor() {
    // Saved assignments replace the edits (after a save, or a reload of the class).
    effect(() => {
      this.assignments();
      untracked(() => this.edits.set({ 1: {}, 2: {} }));
    });
  }

  protected teachersFor(subjectCode: string): StaffSummary[] {
    const staff = [...(this.staff() ?? [])];
    const teaches = (p: StaffSummary) => (p.subjects.includes(subjectCode) ? 0 : 1);
    return staff.sort((a, b) => teaches(a) - teaches(b));
  }

  protected nameOf(subjectCode: string): string | null {
    return (
      this.assignments().find((a) => a.semester === this.semester() && a.subjectCode === subjectCode)?.staffName ?? null
    );
  }

  protected choose(subjectCode: string, staffId: string): void {
    const s = this.semester();
    this.edits.update((e) => ({ ...e, [s]: { ...e[s], [subjectCode]: staffId } }));
  }

  protected submit(): void {
    const chosen = this.chosen();
    this.save.emit({
      semester: this.semester(),
      items: this.subjects().map((s) => ({ subjectCode: s.code, staffId: chosen[s.code] || null })),
    });
  }
}
