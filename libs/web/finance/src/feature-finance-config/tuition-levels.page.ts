import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ProblemDetails } from '@emis/contracts';
import { FEE_AREAS } from '@emis/domain';
import { AuthStore, guardUnsaved, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { groupDong, parseDong, saveDownload } from '@emis/web/ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { CollectionApi } from '../data-access/collection.api';
import { FinanceConfigApi } from '../data-access/finance-config.api';
import { SchoolYearSelectComponent } from '../ui/school-year-select.component';
import { chooseYearId } from '../ui/school-years';
import { TuitionImportComponent } from './tuition-import.component';
import { setCell, TuitionCell, toTuitionLevelsInput, tuitionGrid } from './tuition-grid';

const FIGURES = ['monthlyAmount', 'privateSupportMonthly'] as const;
type Figure = (typeof FIGURES)[number];

/**
 * The province's tuition table of a school year: for every school level and area, the monthly tuition level and the
 * monthly support for a private school's pupil. Everyone reading finance sees it; the department's administrator
 * (finance.configure) edits the grid and saves the whole year at once, or imports it from Excel.
 */
@Component({
  selector: 'emis-tuition-levels-page',
  imports: [RouterLink, TranslocoPipe, ProblemAlertComponent, SchoolYearSelectComponent, TuitionImportComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tuition-levels.page.html',
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
})
export class TuitionLevelsPage {
  private readonly config = inject(FinanceConfigApi);
  private readonly collection = inject(CollectionApi);
  private readonly auth = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);
  protected readonly canConfigure = computed(() => this.auth.can('finance.configure'));

  protected readonly areas = FEE_AREAS;
  protected readonly figures = FIGURES;
  protected readonly years = loadOnChange(
    () => true,
    () => this.collection.schoolYears(),
  );
  protected readonly schoolYearId = linkedSignal(() => chooseYearId(this.years.value() ?? [], undefined));
  protected readonly levels = loadOnChange(
    () => this.schoolYearId() ?? undefined,
    (schoolYearId) => this.config.tuitionLevels(schoolYearId),
  );
  protected readonly grid = linkedSignal(() => tuitionGrid(this.levels.value() ?? []));
  /** Cells whose text is no amount, keyed level|area|figure: the grid keeps the last good value meanwhile. */
  protected readonly unreadable = signal<ReadonlySet<string>>(new Set());
  protected readonly invalid = signal<TuitionCell[]>([]);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /**
   * Amounts typed and not saved (or text that is no amount): leaving the page, signing out or the session's end asks
   * first (docs/domain/gradebook.md, "Leaving a page").
   */
  private readonly leaving = guardUnsaved(() => ({
    dirty:
      this.unreadable().size > 0 ||
      JSON.stringify(this.grid()) !== JSON.stringify(tuitionGrid(this.levels.value() ?? [])),
  }));

  protected readonly rows = computed(() => {
    const grid = this.grid();
    const levels = [...new Set(grid.map((c) => c.schoolLevel))];
    return levels.map((level) => ({ level, cells: grid.filter((c) => c.schoolLevel === level) }));
  });

  protected shown(cell: TuitionCell, figure: Figure): string {
    return groupDong(cell[figure]);
  }

  protected key(cell: TuitionCell, figure: Figure): string {
    return `${cell.schoolLevel}|${cell.area}|${figure}`;
  }

  protected type(cell: TuitionCell, figure: Figure, text: string): void {
    const parsed = parseDong(text);
    const key = this.key(cell, figure);
    const unreadable = new Set(this.unreadable());
    if (parsed.ok) unreadable.delete(key);
    else unreadable.add(key);
    this.unreadable.set(unreadable);
    this.saved.set(false);
    if (parsed.ok) this.grid.set(setCell(this.grid(), { ...cell, [figure]: parsed.value }));
  }

  protected save(): void {
    const schoolYearId = this.schoolYearId();
    if (!schoolYearId || this.unreadable().size > 0) return;
    const attempt = toTuitionLevelsInput(schoolYearId, this.grid());
    this.invalid.set('invalid' in attempt ? attempt.invalid : []);
    if ('invalid' in attempt) return;
    this.busy.set(true);
    this.problem.set(null);
    this.config
      .saveTuitionLevels(attempt.input)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (levels) => {
          this.levels.set(levels);
          this.saved.set(true);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected invalidCells(): string {
    const t = (key: string) => this.transloco.translate(key);
    return this.invalid()
      .map((c) => `${t('levels.' + c.schoolLevel)} – ${t('finance.money.area.' + c.area)}`)
      .join('; ');
  }

  protected download(): void {
    const schoolYearId = this.schoolYearId();
    if (!schoolYearId) return;
    this.problem.set(null);
    this.config.tuitionLevelsFile(schoolYearId).subscribe({
      next: (response) => saveDownload(response, 'muc-hoc-phi.xlsx'),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}
