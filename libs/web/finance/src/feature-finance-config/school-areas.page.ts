import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, ProblemDetails, SchoolFinanceSetting } from '@emis/contracts';
import { FEE_AREAS, FeeArea } from '@emis/domain';
import { AuthStore, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { PaginatorComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged, finalize, map } from 'rxjs';
import { FinanceConfigApi } from '../data-access/finance-config.api';

/**
 * The area of each school in the caller's scope (urban, rural, ethnic-minority and mountain): it picks the row of the
 * province's tuition table the school's fees follow. The department's administrator changes it in place.
 */
@Component({
  selector: 'emis-school-areas-page',
  imports: [RouterLink, TranslocoPipe, ProblemAlertComponent, PaginatorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <ol>
        <li>
          <a routerLink="/finance">{{ 'finance.title' | transloco }}</a>
        </li>
        <li>
          <span aria-current="page">{{ 'finance.money.titles.schoolAreas' | transloco }}</span>
        </li>
      </ol>
    </nav>
    <header class="page-header">
      <div>
        <h1 class="page-title">{{ 'finance.money.titles.schoolAreas' | transloco }}</h1>
        <p class="page-subtitle">{{ 'finance.money.config.areasSubtitle' | transloco }}</p>
      </div>
    </header>
    <section class="card" [attr.aria-busy]="schools.loading()">
      <div class="toolbar">
        <div class="field grow">
          <label for="areas-search">{{ 'finance.money.config.search' | transloco }}</label>
          <input
            id="areas-search"
            class="input"
            type="search"
            [value]="typed()"
            (input)="typed.set($any($event.target).value)"
          />
        </div>
      </div>
      <div aria-live="polite">
        @if (saved(); as name) {
          <p class="alert alert-success">{{ 'finance.money.config.areaSaved' | transloco: { name: name } }}</p>
        }
      </div>
      <emis-problem-alert [problem]="schools.error() ?? problem()" />
      @if (schools.value(); as result) {
        <div class="table-wrap">
          <table class="table" data-testid="school-areas">
            <thead>
              <tr>
                <th scope="col">{{ 'finance.money.config.school' | transloco }}</th>
                <th scope="col">{{ 'finance.money.config.ownership' | transloco }}</th>
                <th scope="col">{{ 'finance.money.config.levels' | transloco }}</th>
                <th scope="col">{{ 'finance.money.config.area' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (s of result.items; track s.schoolId) {
                <tr data-testid="school-area-row">
                  <th scope="row">
                    {{ s.schoolName }} <span class="muted code">{{ s.schoolCode }}</span>
                  </th>
                  <td>{{ 'ownership.' + s.ownership | transloco }}</td>
                  <td>
                    @for (l of s.levels; track l; let last = $last) {
                      {{ 'levels.' + l | transloco }}{{ last ? '' : ', ' }}
                    }
                  </td>
                  <td>
                    @if (canConfigure()) {
                      <select
                        class="select select-small"
                        [disabled]="busy() === s.schoolId"
                        (change)="setArea(s, $any($event.target).value)"
                        [attr.aria-label]="('finance.money.config.area' | transloco) + ': ' + s.schoolName"
                      >
                        @for (a of areas; track a) {
                          <option [value]="a" [selected]="a === s.area">
                            {{ 'finance.money.area.' + a | transloco }}
                          </option>
                        }
                      </select>
                    } @else {
                      {{ 'finance.money.area.' + s.area | transloco }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <emis-paginator
          [page]="result.page"
          [pageSize]="result.pageSize"
          [total]="result.total"
          idPrefix="areas-pager"
          (pageChange)="page.set($event)"
          (pageSizeChange)="changePageSize($event)"
        />
      }
    </section>
  `,
})
export class SchoolAreasPage {
  private readonly config = inject(FinanceConfigApi);
  private readonly auth = inject(AuthStore);
  protected readonly canConfigure = computed(() => this.auth.can('finance.configure'));

  protected readonly areas = FEE_AREAS;
  protected readonly typed = signal('');
  private readonly q = signal('');
  protected readonly page = signal(1);
  private readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly schools = loadOnChange(
    () => ({ q: this.q() || undefined, page: this.page(), pageSize: this.pageSize() }),
    (query) => this.config.schools(query),
  );
  protected readonly busy = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    toObservable(this.typed)
      .pipe(
        map((q) => q.trim()),
        debounceTime(300),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        this.q.set(q);
        this.page.set(1);
      });
  }

  protected changePageSize(size: number): void {
    this.pageSize.set(size);
    this.page.set(1);
  }

  protected setArea(school: SchoolFinanceSetting, area: FeeArea): void {
    this.busy.set(school.schoolId);
    this.saved.set(null);
    this.problem.set(null);
    this.config
      .setSchoolArea(school.schoolId, area)
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: () => {
          this.saved.set(school.schoolName);
          this.schools.reload();
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.schools.reload();
        },
      });
  }
}
