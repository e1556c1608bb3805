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
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { AssetDetail, AssetLocation, ProblemDetails } from '@emis/contracts';
import { ASSET_CONDITIONS, classifyAsset, FUNDING_SOURCES } from '@emis/domain';
import {
  fieldErrorMap,
  LanguageService,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
  FormLeave,
  guardForm,
  LeavesSafely,
  PendingChanges,
} from '@emis/web/core';
import { DialogComponent, DongInputDirective, DongPipe, FieldMessageComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { AssetsApi } from '../data-access/assets.api';
import {
  assetRuleKey,
  categoriesByClass,
  createAssetForm,
  EDITABLE_STATUSES,
  fillAssetForm,
  toAssetInput,
  toAssetUpdate,
} from './asset-form.model';

/** Cross-field rules of the form, shown under the field they concern. */
const GROUP_RULES: Record<string, readonly string[]> = {
  openingWearYear: ['openingYearRequired', 'openingYear'],
  openingWear: ['openingWearAbove'],
};

/**
 * A new asset (/assets/new) or an edit (/assets/:assetId/edit). Whether it is a fixed asset or a tool is the
 * server's call from the unit cost and the province's threshold (Circular 23/2023/TT-BTC Art. 3.2); the form shows
 * the threshold and the record page the answer. The API's field errors appear under their fields.
 */
@Component({
  selector: 'emis-asset-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    DialogComponent,
    DongInputDirective,
    DongPipe,
    FieldMessageComponent,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './asset-form.page.html',
  styleUrl: './asset-form.page.css',
})
export class AssetFormPage implements LeavesSafely {
  private readonly api = inject(AssetsApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly assetId = input<string>();

  protected readonly form = createAssetForm();
  protected readonly sources = FUNDING_SOURCES;
  protected readonly conditions = ASSET_CONDITIONS;
  protected readonly statuses = EDITABLE_STATUSES;

  protected readonly existing = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const assetId = this.assetId();
      return schoolId && assetId ? { schoolId, assetId } : undefined;
    },
    ({ schoolId, assetId }) => this.api.get(schoolId, assetId),
  );
  protected readonly lang = inject(LanguageService).language;
  protected readonly categories = loadOnChange(
    () => true,
    () => this.api.categories(),
  );
  protected readonly categoryGroups = computed(() => categoriesByClass(this.categories.value() ?? []));
  protected readonly policy = loadOnChange(
    () => true,
    () => this.api.policy(),
  );
  private readonly loadedLocations = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) => this.api.locations(schoolId),
  );
  private readonly addedLocations = signal<AssetLocation[]>([]);
  protected readonly locations = computed(() => [...(this.loadedLocations.value() ?? []), ...this.addedLocations()]);

  private readonly changes = toSignal(this.form.valueChanges);
  protected readonly totalCost = computed(() => {
    this.changes();
    const { quantity, unitCost } = this.form.getRawValue();
    return quantity !== null && unitCost !== null && Number.isInteger(quantity) ? quantity * unitCost : null;
  });

  /** What the server will decide from the unit cost (Art. 3.2), shown while typing; the saved record has the answer. */
  protected readonly likelyKind = computed(() => {
    this.changes();
    const unitCost = this.form.controls.unitCost.value;
    const threshold = this.policy.value()?.fixedAssetThreshold;
    return unitCost === null || threshold === undefined ? null : classifyAsset(unitCost, threshold);
  });

  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly showAll = signal(false);
  private readonly serverErrors = computed(() => fieldErrorMap(this.problem()));
  protected readonly shownFields = computed(() =>
    Object.keys(this.serverErrors()).filter((path) => this.form.get(path) !== null),
  );

  protected readonly roomOpen = signal(false);
  protected readonly roomSaving = signal(false);
  protected readonly roomProblem = signal<ProblemDetails | null>(null);
  protected readonly room = new FormGroup({
    building: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    room: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
  });

  /** Typed and not saved: leaving is the user's decision (docs/domain/gradebook.md, "Leaving a page"). */
  private readonly leaving: FormLeave = guardForm(this, () => this.form);

  pendingChanges(): PendingChanges {
    return this.leaving.pendingChanges();
  }

  flush(): Promise<boolean> {
    return this.leaving.flush();
  }

  constructor() {
    effect(() => {
      const detail = this.existing.value();
      if (detail) untracked(() => fillAssetForm(this.form, detail));
    });
  }

  /** A translation key, or the server's message prefixed with "!", for the control named `path`. */
  protected errorOf(path: keyof AssetFormControls): string | null {
    this.changes();
    const control = this.form.controls[path];
    if (!this.showAll() && !control.touched) return null;
    const server = this.serverErrors()[path];
    if (server && !control.dirty) return `!${server}`;
    if (control.errors) return assetRuleKey(control.errors, path);
    const groupRule = GROUP_RULES[path]?.find((rule) => this.form.hasError(rule));
    return groupRule ? `assets.register.form.errors.${groupRule}` : null;
  }

  protected openRoom(): void {
    this.room.reset();
    this.roomProblem.set(null);
    this.roomOpen.set(true);
  }

  protected addRoom(): void {
    const schoolId = this.schoolId();
    this.room.markAllAsTouched();
    if (!schoolId || this.room.invalid) return;
    const { building, room } = this.room.getRawValue();
    this.roomSaving.set(true);
    this.api
      .addLocation(schoolId, { building: building.trim(), room: room.trim() })
      .pipe(finalize(() => this.roomSaving.set(false)))
      .subscribe({
        next: (location) => {
          this.addedLocations.update((list) => [...list, location]);
          this.form.controls.locationId.setValue(location.id);
          this.form.controls.locationId.markAsDirty();
          this.roomOpen.set(false);
        },
        error: (error: unknown) => this.roomProblem.set(toProblem(error)),
      });
  }

  protected submit(): void {
    this.showAll.set(true);
    this.form.markAllAsTouched();
    const schoolId = this.schoolId();
    if (this.form.invalid || !schoolId) {
      this.focusFirstInvalid();
      return;
    }
    const existing = this.existing.value();
    const request: Observable<AssetDetail> = existing
      ? this.api.update(schoolId, existing.id, toAssetUpdate(this.form, existing.version))
      : this.api.create(schoolId, toAssetInput(this.form));
    this.saving.set(true);
    this.problem.set(null);
    request.pipe(finalize(() => this.saving.set(false))).subscribe({
      next: (saved) => {
        this.leaving.saved();
        void this.router.navigate(['/assets', saved.id], { state: { saved: true } });
      },
      error: (error: unknown) => {
        const problem = toProblem(error);
        if (problem.status === 409) this.existing.reload();
        for (const control of Object.values(this.form.controls)) control.markAsPristine();
        this.problem.set(problem);
        this.focusFirstInvalid();
      },
    });
  }

  private focusFirstInvalid(): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }
}

type AssetFormControls = ReturnType<typeof createAssetForm>['controls'];
