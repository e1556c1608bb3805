import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, output, signal } from '@angular/core';
import { InventoryLine, InventoryLineInput, ProblemDetails } from '@emis/contracts';
import { ASSET_CONDITIONS, AssetCondition } from '@emis/domain';
import { EmisNumberPipe, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { OperationsApi } from '../data-access/operations.api';

/**
 * One line of the count, sized for a thumb: − and + around the counted quantity, the condition beside it. Typing a
 * number and pressing Enter saves it and moves to the next line, so a keyboard (or a scanner's numeric pad) walks
 * the list; − and + save at once. Read-only once the inventory is closed.
 */
@Component({
  selector: 'emis-inventory-line',
  imports: [TranslocoPipe, EmisNumberPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './inventory-line.component.css',
  templateUrl: './inventory-line.component.html',
  host: {
    class: 'line',
    '[class.counted]': 'line().countedQuantity !== null',
    '[class.short]': '(line().difference ?? 0) < 0',
    '[class.surplus]': '(line().difference ?? 0) > 0',
    '[attr.data-line-id]': 'line().id',
    '[attr.data-code]': 'line().code',
    'data-testid': 'inventory-line',
  },
})
export class InventoryLineComponent {
  private readonly api = inject(OperationsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly schoolId = input.required<string>();
  readonly inventoryId = input.required<string>();
  readonly line = input.required<InventoryLine>();
  readonly editable = input(false);
  readonly saved = output<InventoryLine>();

  protected readonly conditions = ASSET_CONDITIONS;
  protected readonly busy = signal(false);
  protected readonly justSaved = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly label = computed(() => {
    const line = this.line();
    return line.code ? `${line.code} ${line.name}` : line.name;
  });

  protected step(by: 1 | -1): void {
    const next = Math.max(0, (this.line().countedQuantity ?? 0) + by);
    this.save({ countedQuantity: next });
  }

  /** Enter or leaving the field: saves a changed whole number, then Enter moves on to the next line. */
  protected typed(field: HTMLInputElement, moveOn: boolean): void {
    const value = field.value.trim() === '' ? null : Number(field.value);
    if (value !== null && Number.isSafeInteger(value) && value >= 0 && value !== this.line().countedQuantity) {
      this.save({ countedQuantity: value });
    }
    if (moveOn) this.focusNextLine(field);
  }

  protected chooseCondition(value: string): void {
    const counted = this.line().countedQuantity;
    if (counted === null) return;
    this.save({ countedQuantity: counted, condition: (value || null) as AssetCondition | null });
  }

  private save(change: Pick<InventoryLineInput, 'countedQuantity'> & Partial<InventoryLineInput>): void {
    const line = this.line();
    this.busy.set(true);
    this.justSaved.set(false);
    this.problem.set(null);
    this.api
      .countLine(this.schoolId(), this.inventoryId(), line.id, {
        condition: line.condition,
        note: line.note,
        ...change,
      })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (updated) => {
          this.justSaved.set(true);
          this.saved.emit(updated);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  private focusNextLine(field: HTMLInputElement): void {
    const list = this.host.nativeElement.parentElement;
    const fields = Array.from(list?.querySelectorAll<HTMLInputElement>('input[data-count-input]') ?? []);
    fields[fields.indexOf(field) + 1]?.focus();
  }
}
