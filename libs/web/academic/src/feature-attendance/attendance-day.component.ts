import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { ProblemDetails } from '@emis/contracts';
import { AttendanceStatus, NonSchoolDay } from '@emis/domain';
import { AuthStore, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { AcademicApi } from '../data-access/academic.api';
import { ATTENDANCE_KEYS, statusForKey } from './attendance-keys';

interface Row {
  studentId: string;
  fullName: string;
  status: AttendanceStatus;
  note: string;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * One class, one day, keyboard first: ↑/↓ move between students, 1–4 or P/C/K/M set the status, Enter saves the
 * whole day in one PUT. Read-only when the role may not record, the year is closed, or the API refuses (403: a
 * teacher records only their homeroom class).
 */
@Component({
  selector: 'emis-attendance-day',
  imports: [TranslocoPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './attendance-day.component.html',
  styleUrl: './attendance-day.component.css',
})
export class AttendanceDayComponent {
  private readonly api = inject(AcademicApi);
  private readonly auth = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly schoolId = input.required<string>();
  readonly classId = input.required<string>();
  readonly date = input.required<string>();
  readonly minDate = input<string | null>(null);
  readonly maxDate = input<string | null>(null);
  readonly yearClosed = input(false);
  /** Why the day is not a school day of the school's calendar (docs/domain/calendar.md, "School days"), if it is not. */
  readonly notSchoolDay = input<NonSchoolDay | null>(null);

  protected readonly keys = ATTENDANCE_KEYS;
  protected readonly sheet = loadOnChange(
    () => ({ schoolId: this.schoolId(), classId: this.classId(), date: this.date() }),
    ({ schoolId, classId, date }) => this.api.attendanceDay(schoolId, classId, date),
  );
  protected readonly rows = signal<Row[]>([]);
  private readonly savedRows = signal<Row[]>([]);
  protected readonly active = signal(0);
  protected readonly saveState = signal<SaveState>('idle');
  protected readonly saveProblem = signal<ProblemDetails | null>(null);
  /** Set when the API refused to record this class for the caller. */
  protected readonly refused = signal(false);
  private readonly savedOnce = signal(false);
  protected readonly unrecorded = computed(() => this.sheet.value()?.unrecorded === true && !this.savedOnce());

  protected readonly readOnlyReason = computed<string | null>(() => {
    if (!this.auth.can('attendance.record')) return 'academic.attendance.readOnly.role';
    if (this.yearClosed()) return 'academic.attendance.readOnly.closed';
    const notSchoolDay = this.notSchoolDay();
    if (notSchoolDay) return `academic.attendance.readOnly.${notSchoolDay}`;
    if (this.refused() || this.sheet.value()?.editable === false) return 'academic.attendance.readOnly.notHomeroom';
    return null;
  });
  protected readonly dirty = computed(() => {
    const saved = this.savedRows();
    return this.rows().some((r, i) => r.status !== saved[i]?.status || r.note.trim() !== saved[i]?.note.trim());
  });
  protected readonly counts = computed(() => {
    const counts: Record<AttendanceStatus, number> = { PRESENT: 0, EXCUSED: 0, UNEXCUSED: 0, LATE: 0 };
    for (const r of this.rows()) counts[r.status] += 1;
    return counts;
  });

  constructor() {
    effect(() => {
      const sheet = this.sheet.value();
      untracked(() => {
        const rows = (sheet?.rows ?? []).map((r) => ({
          studentId: r.studentId,
          fullName: r.fullName,
          status: r.status,
          note: r.note ?? '',
        }));
        this.rows.set(rows);
        this.savedRows.set(rows);
        this.active.set(0);
        this.refused.set(false);
        this.savedOnce.set(false);
        this.saveState.set('idle');
      });
    });
  }

  /** The page asks before leaving a day with unsaved marks. */
  hasUnsavedChanges(): boolean {
    return this.dirty();
  }

  protected setStatus(index: number, status: AttendanceStatus): void {
    if (this.readOnlyReason()) return;
    this.rows.update((rows) => rows.map((r, i) => (i === index ? { ...r, status } : r)));
    this.active.set(index);
    if (this.saveState() !== 'saving') this.saveState.set('idle');
  }

  protected setNote(index: number, note: string): void {
    this.rows.update((rows) => rows.map((r, i) => (i === index ? { ...r, note } : r)));
    if (this.saveState() !== 'saving') this.saveState.set('idle');
  }

  protected allPresent(): void {
    if (this.readOnlyReason()) return;
    this.rows.update((rows) => rows.map((r) => ({ ...r, status: 'PRESENT' })));
    this.saveState.set('idle');
  }

  protected onRowKeydown(event: KeyboardEvent, index: number): void {
    const target = event.target as HTMLElement;
    const typing = target instanceof HTMLInputElement && target.type === 'text';
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.focusRow(index + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.save();
    } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const status = statusForKey(event.key);
      if (status) {
        event.preventDefault();
        this.setStatus(index, status);
        this.focusRow(index);
      }
    }
  }

  protected focusRow(index: number): void {
    const count = this.rows().length;
    if (count === 0) return;
    const i = Math.max(0, Math.min(count - 1, index));
    this.active.set(i);
    // The checked radio of the row takes focus once the view shows the row's current status.
    setTimeout(() =>
      this.host.nativeElement.querySelector<HTMLInputElement>(`input[name="att-${i}"]:checked`)?.focus(),
    );
  }

  save(): void {
    const schoolId = this.schoolId();
    if (this.readOnlyReason() || this.saveState() === 'saving' || this.rows().length === 0) return;
    const entries = this.rows().map((r) => ({ studentId: r.studentId, status: r.status, note: r.note.trim() || null }));
    this.saveState.set('saving');
    this.saveProblem.set(null);
    const sent = this.rows();
    this.api
      .saveAttendanceDay(schoolId, this.classId(), this.date(), { entries })
      .pipe(finalize(() => this.saveState() === 'saving' && this.saveState.set('error')))
      .subscribe({
        next: () => {
          this.savedRows.set(sent);
          this.savedOnce.set(true);
          this.saveState.set('saved');
        },
        error: (error: unknown) => {
          const problem = toProblem(error);
          if (problem.status === 403) this.refused.set(true);
          this.saveProblem.set(problem);
          this.saveState.set('error');
        },
      });
  }

  protected statusLabel(status: AttendanceStatus): string {
    return this.transloco.translate(`academic.attendance.status.${status}`);
  }
}
