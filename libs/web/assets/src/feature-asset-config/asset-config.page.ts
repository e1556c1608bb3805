import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AssetCategory, ProblemDetails } from '@emis/contracts';
import { guardUnsaved, LanguageService, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, DongInputDirective, DongPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { AssetsApi } from '../data-access/assets.api';
import { followWearRun } from '../data-access/wear-run';
import { wearYears } from '../feature-asset-wear/wear-years';
import { RunProgressComponent } from '../ui/run-progress.component';
import { checkOverride, formatRatePercent, overrideField } from './category-override';

/**
 * The department's configuration of public assets for the province: the fixed-asset threshold (Circular
 * 23/2023/TT-BTC Art. 3.2–3.3), each category's wear rate within ±20 % of the appendix (Art. 13.1.a) or an
 * intangible asset's life of 4–50 years (Art. 13.2), checked here with the domain's rule before the API checks it
 * again; and the province-wide wear run, one background job per school, with its progress.
 */
@Component({
  selector: 'emis-asset-config-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    DongPipe,
    ProblemAlertComponent,
    ConfirmDialogComponent,
    DongInputDirective,
    RunProgressComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './asset-config.page.html',
  styleUrl: './asset-config.page.css',
})
export class AssetConfigPage {
  private readonly api = inject(AssetsApi);
  protected readonly lang = inject(LanguageService).language;

  protected readonly policy = loadOnChange(
    () => true,
    () => this.api.policy(),
  );
  protected readonly threshold = new FormControl<number | null>(null, {
    validators: [Validators.required, Validators.min(1)],
  });
  /** A threshold typed and not saved: leaving asks first (docs/domain/gradebook.md, "Leaving a page"). */
  private readonly leaving = guardUnsaved(() => this.threshold);
  protected readonly thresholdBusy = signal(false);
  protected readonly thresholdSaved = signal(false);
  protected readonly thresholdProblem = signal<ProblemDetails | null>(null);

  protected readonly categories = loadOnChange(
    () => true,
    () => this.api.categories(),
  );
  /** What the department typed per category code, before saving. */
  protected readonly drafts = signal<Record<string, string>>({});
  protected readonly checks = computed(() => {
    const drafts = this.drafts();
    return new Map(
      (this.categories.value() ?? []).map((c) => [c.code, c.code in drafts ? checkOverride(c, drafts[c.code]) : null]),
    );
  });
  protected readonly savingCode = signal<string | null>(null);
  protected readonly savedCode = signal<string | null>(null);
  protected readonly categoryProblem = signal<ProblemDetails | null>(null);

  protected readonly years = wearYears(new Date());
  protected readonly runYear = signal(this.years[0]);
  protected readonly confirmOpen = signal(false);
  protected readonly provinceRun = followWearRun(() => undefined);

  constructor() {
    effect(() => {
      const policy = this.policy.value();
      if (policy) untracked(() => this.threshold.reset(policy.fixedAssetThreshold));
    });
  }

  protected field(category: AssetCategory) {
    return overrideField(category);
  }

  /** The province's value as typed, or as stored (blank when the default applies). */
  protected shown(category: AssetCategory): string {
    const draft = this.drafts()[category.code];
    if (draft !== undefined) return draft;
    return overrideField(category) === 'lifeYears'
      ? (category.lifeYears?.toString() ?? '')
      : formatRatePercent(category.rateBasisPoints);
  }

  protected percent(basisPoints: number | null): string {
    return formatRatePercent(basisPoints);
  }

  protected type(category: AssetCategory, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.savedCode.set(null);
    this.drafts.update((drafts) => ({ ...drafts, [category.code]: text }));
  }

  protected saveCategory(category: AssetCategory, reset = false): void {
    const check = checkOverride(category, reset ? '' : this.shown(category));
    if (!check.update) return;
    this.savingCode.set(category.code);
    this.categoryProblem.set(null);
    this.api
      .updateCategory(category.code, check.update)
      .pipe(finalize(() => this.savingCode.set(null)))
      .subscribe({
        next: (saved) => {
          this.categories.set((this.categories.value() ?? []).map((c) => (c.code === saved.code ? saved : c)));
          this.drafts.update(({ [category.code]: _done, ...rest }) => rest);
          this.savedCode.set(saved.code);
        },
        error: (error: unknown) => this.categoryProblem.set(toProblem(error)),
      });
  }

  protected saveThreshold(): void {
    this.threshold.markAsTouched();
    const value = this.threshold.value;
    if (this.threshold.invalid || value === null) return;
    this.thresholdBusy.set(true);
    this.thresholdSaved.set(false);
    this.thresholdProblem.set(null);
    this.api
      .updatePolicy({ fixedAssetThreshold: value })
      .pipe(finalize(() => this.thresholdBusy.set(false)))
      .subscribe({
        next: (policy) => {
          this.policy.set(policy);
          this.thresholdSaved.set(true);
        },
        error: (error: unknown) => this.thresholdProblem.set(toProblem(error)),
      });
  }

  protected chooseYear(event: Event): void {
    this.runYear.set(Number((event.target as HTMLSelectElement).value));
  }

  protected startProvinceRun(): void {
    this.confirmOpen.set(false);
    this.provinceRun.start(null, this.runYear());
  }
}
