import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { loadOnChange, OrgUnitsApi, ProblemAlertComponent } from '@emis/web/core';
import { PrintHeadingComponent, PrintSignaturesComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { AcademicApi } from '../data-access/academic.api';
import { ATTENDANCE_KEYS } from './attendance-keys';

/**
 * A month of one class as the homeroom book prints it: a column per school day with the status symbols, and the
 * totals per student (P, CP, KP, M). Days nobody recorded stay blank.
 */
@Component({
  selector: 'emis-attendance-month',
  imports: [TranslocoPipe, ProblemAlertComponent, PrintHeadingComponent, PrintSignaturesComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './attendance-month.component.css',
  template: `
    <div class="month-toolbar no-print">
      <div class="field field-inline">
        <label for="attendance-month">{{ 'academic.attendance.month' | transloco }}</label>
        <input
          id="attendance-month"
          class="input"
          type="month"
          [value]="month()"
          [min]="minMonth()"
          [max]="maxMonth()"
          (change)="pick($any($event.target).value)"
          data-testid="attendance-month-input"
        />
      </div>
      <button type="button" class="btn btn-secondary" (click)="print()" data-testid="attendance-print">
        {{ 'academic.attendance.print' | transloco }}
      </button>
    </div>
    <emis-problem-alert [problem]="data.error()" />
    @if (data.value(); as m) {
      <emis-print-heading
        [issuer]="letterhead.value() ?? null"
        [title]="'SỔ THEO DÕI CHUYÊN CẦN — LỚP ' + className() + ' — THÁNG ' + monthLabel()"
      />
      <h2 class="print-title no-print">
        {{ 'academic.attendance.monthTitle' | transloco: { className: className(), month: monthLabel() } }}
      </h2>
      @if (m.rows.length === 0) {
        <p class="empty-state" data-testid="attendance-month-empty">
          {{ 'academic.attendance.noStudents' | transloco }}
        </p>
      } @else {
        <div class="table-wrap">
          <table class="table month-table" data-testid="attendance-month-table">
            <caption class="visually-hidden">
              {{
                'academic.attendance.monthTitle' | transloco: { className: className(), month: monthLabel() }
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="stt">{{ 'academic.common.stt' | transloco }}</th>
                <th scope="col" class="name">{{ 'academic.common.fullName' | transloco }}</th>
                @for (day of m.days; track day) {
                  <th scope="col" class="day">{{ day.slice(8, 10) }}</th>
                }
                @for (k of keys; track k.status) {
                  <th scope="col" class="total">{{ 'academic.attendance.symbol.' + k.status | transloco }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of m.rows; track row.studentId; let i = $index) {
                <tr data-testid="attendance-month-row" [attr.data-student-id]="row.studentId">
                  <td class="stt">{{ i + 1 }}</td>
                  <th scope="row" class="name">{{ row.fullName }}</th>
                  @for (day of m.days; track day) {
                    @let status = row.byDay[day];
                    <td
                      class="day sym-{{ status }}"
                      [attr.title]="status ? ('academic.attendance.status.' + status | transloco) : null"
                    >
                      {{ status ? ('academic.attendance.symbol.' + status | transloco) : '' }}
                    </td>
                  }
                  @for (k of keys; track k.status) {
                    <td class="total" [attr.data-testid]="'attendance-total-' + k.status">
                      {{ row.totals[k.status] }}
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        <p class="legend">{{ 'academic.attendance.legend' | transloco }}</p>
        <emis-print-signatures
          leftTitle="GIÁO VIÊN CHỦ NHIỆM"
          [rightName]="letterhead.value()?.principalName ?? null"
        />
      }
    } @else if (data.loading()) {
      <div class="loading-block" role="status">
        <span class="spinner" aria-hidden="true"></span>{{ 'common.loading' | transloco }}
      </div>
    }
  `,
})
export class AttendanceMonthComponent {
  private readonly api = inject(AcademicApi);
  private readonly orgUnits = inject(OrgUnitsApi);

  readonly schoolId = input.required<string>();
  readonly classId = input.required<string>();
  readonly className = input('');
  /** yyyy-MM */
  readonly month = input.required<string>();
  readonly minMonth = input<string | null>(null);
  readonly maxMonth = input<string | null>(null);
  readonly monthChange = output<string>();

  protected readonly keys = ATTENDANCE_KEYS;
  protected readonly data = loadOnChange(
    () => ({ schoolId: this.schoolId(), classId: this.classId(), month: this.month() }),
    ({ schoolId, classId, month }) => this.api.attendanceMonth(schoolId, classId, month),
  );
  /** The printed month's issuer lines (governing body, school, principal). */
  protected readonly letterhead = loadOnChange(
    () => this.schoolId(),
    (schoolId) => this.orgUnits.letterhead(schoolId),
  );
  protected readonly monthLabel = computed(() => {
    const [y, m] = this.month().split('-');
    return `${m}/${y}`;
  });

  protected pick(value: string): void {
    if (/^\d{4}-\d{2}$/.test(value)) this.monthChange.emit(value);
  }

  protected print(): void {
    window.print();
  }
}
