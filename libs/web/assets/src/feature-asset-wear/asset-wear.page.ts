import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ProblemDetails } from '@emis/contracts';
import {
  AuthStore,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent, DongPipe, saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { AssetsApi } from '../data-access/assets.api';
import { followWearRun } from '../data-access/wear-run';
import { RunProgressComponent } from '../ui/run-progress.component';
import { wearYears } from './wear-years';

/**
 * The school's wear table for a year (Bảng tính hao mòn): what is posted, or before the run what it would post; the
 * run itself ("Tính hao mòn năm …") after a confirmation, followed with a progress bar; the table as Excel or PDF.
 * Wear is computed once a year in December on the full year (Circular 23/2023/TT-BTC Art. 12.1.a, 14.1).
 */
@Component({
  selector: 'emis-asset-wear-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisNumberPipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    ConfirmDialogComponent,
    RunProgressComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './asset-wear.page.html',
  styleUrl: './asset-wear.page.css',
})
export class AssetWearPage {
  private readonly api = inject(AssetsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  /** ?year=; the current year by default. */
  readonly year = input<string>();

  protected readonly years = wearYears(new Date());
  protected readonly selectedYear = computed(() => {
    const year = Number(this.year());
    return this.years.includes(year) ? year : this.years[0];
  });
  protected readonly canRun = computed(() => this.auth.can('assets.wear'));
  protected readonly table = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, year: this.selectedYear() } : undefined;
    },
    ({ schoolId, year }) => this.api.wearTable(schoolId, year),
  );
  /** Rows the run would post an amount for, and that amount. */
  protected readonly due = computed(() => {
    const rows = (this.table.value()?.rows ?? []).filter((row) => row.amount > 0);
    return { count: rows.length, amount: this.table.value()?.total.amount ?? 0 };
  });
  protected readonly wearRun = followWearRun(() => this.table.reload());
  protected readonly confirmOpen = signal(false);
  protected readonly exporting = signal<'xlsx' | 'pdf' | null>(null);
  protected readonly exportProblem = signal<ProblemDetails | null>(null);

  protected chooseYear(event: Event): void {
    const year = Number((event.target as HTMLSelectElement).value);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { year: year === this.years[0] ? null : year },
      queryParamsHandling: 'merge',
    });
  }

  protected startRun(): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.confirmOpen.set(false);
    this.wearRun.start(schoolId, this.selectedYear());
  }

  protected exportTable(format: 'xlsx' | 'pdf'): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    const year = this.selectedYear();
    this.exporting.set(format);
    this.exportProblem.set(null);
    this.api
      .exportWear(schoolId, year, format)
      .pipe(finalize(() => this.exporting.set(null)))
      .subscribe({
        next: (response) => saveDownload(response, `bang-tinh-hao-mon-${year}.${format}`),
        error: (error: unknown) => this.exportProblem.set(toProblem(error)),
      });
  }
}
