import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { AssetDetail } from '@emis/contracts';
import { AuthStore, OrgUnitContext } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ACTION_PERMISSION, actionBlock, ActionBlock, AssetAction, onBooks } from './asset-action-rules';
import { AssetDisposalDialogComponent } from './disposal-dialog.component';
import { InventorySeenComponent } from './inventory-seen.component';
import { AssetLendDialogComponent } from './lend-dialog.component';
import { AssetMoveDialogComponent } from './move-dialog.component';
import { AssetReturnDialogComponent } from './return-dialog.component';
import { AssetTransferDialogComponent } from './transfer-out-dialog.component';

const ACTIONS: readonly AssetAction[] = ['move', 'lend', 'return', 'dispose', 'transfer'];

interface ActionButton {
  action: AssetAction;
  block: ActionBlock | null;
}

/**
 * The movements of one asset, for its record page: move to another room, lend and take back, dispose of, transfer to
 * another school — each through a dialog that says what will happen before anything does — and, while the school's
 * inventory is open, "seen in the count". An action the asset's state forbids stays visible, disabled, with the
 * reason; one the user's role may not take is not shown, nor is the card for a reader. An asset off the books only
 * says so. Emits `changed` after any of them succeeds. The record page
 * itself shows an open loan or a pending transfer.
 */
@Component({
  selector: 'emis-asset-actions',
  imports: [
    TranslocoPipe,
    InventorySeenComponent,
    AssetMoveDialogComponent,
    AssetLendDialogComponent,
    AssetReturnDialogComponent,
    AssetDisposalDialogComponent,
    AssetTransferDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .reasons {
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
      font-size: 0.875rem;
    }
  `,
  template: `
    @if (schoolId(); as schoolId) {
      @if (buttons().length > 0) {
        <section class="card" data-testid="asset-actions" [attr.aria-labelledby]="'asset-actions-title'">
          <h2 class="card-title" id="asset-actions-title">{{ 'assets.operations.actions.heading' | transloco }}</h2>
          @if (canCount()) {
            <emis-inventory-seen [schoolId]="schoolId" [asset]="asset()" />
          }
          <div aria-live="polite">
            @if (message(); as key) {
              <div class="alert alert-success" data-testid="asset-actions-done">{{ key | transloco }}</div>
            }
          </div>
          @if (!onTheBooks()) {
            <p class="muted" data-testid="asset-action-reason-offBooks">
              {{ 'assets.operations.actions.blocked.offBooks' | transloco }}
            </p>
          } @else {
            <div class="buttons">
              @for (b of buttons(); track b.action) {
                <button
                  type="button"
                  class="btn btn-secondary"
                  [disabled]="b.block !== null"
                  [attr.aria-describedby]="b.block ? 'asset-action-reason-' + b.block : null"
                  [attr.title]="b.block ? ('assets.operations.actions.blocked.' + b.block | transloco) : null"
                  (click)="open(b.action)"
                  [attr.data-testid]="'asset-action-' + b.action"
                >
                  {{ 'assets.operations.actions.' + b.action | transloco }}
                </button>
              }
            </div>
            @if (reasons().length > 0) {
              <ul class="reasons muted">
                @for (reason of reasons(); track reason) {
                  <li [id]="'asset-action-reason-' + reason" [attr.data-testid]="'asset-action-reason-' + reason">
                    {{ 'assets.operations.actions.blocked.' + reason | transloco }}
                  </li>
                }
              </ul>
            }
          }
        </section>
      }

      @switch (dialog()) {
        @case ('move') {
          <emis-asset-move-dialog
            [schoolId]="schoolId"
            [asset]="asset()"
            (done)="finish('move')"
            (cancelled)="close()"
          />
        }
        @case ('lend') {
          <emis-asset-lend-dialog
            [schoolId]="schoolId"
            [asset]="asset()"
            (done)="finish('lend')"
            (cancelled)="close()"
          />
        }
        @case ('return') {
          @if (asset().openLoan; as loan) {
            <emis-asset-return-dialog
              [schoolId]="schoolId"
              [asset]="asset()"
              [loan]="loan"
              (done)="finish('return')"
              (cancelled)="close()"
            />
          }
        }
        @case ('dispose') {
          <emis-asset-disposal-dialog
            [schoolId]="schoolId"
            [asset]="asset()"
            (done)="finish('dispose')"
            (cancelled)="close()"
          />
        }
        @case ('transfer') {
          <emis-asset-transfer-dialog
            [schoolId]="schoolId"
            [asset]="asset()"
            (done)="finish('transferOut')"
            (cancelled)="close()"
          />
        }
      }
    }
  `,
})
export class AssetActionsComponent {
  private readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly asset = input.required<AssetDetail>();
  readonly changed = output<void>();

  protected readonly dialog = signal<AssetAction | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly onTheBooks = computed(() => onBooks(this.asset()));
  protected readonly canCount = computed(() => this.auth.can('assets.manage') && this.onTheBooks());
  protected readonly buttons = computed<ActionButton[]>(() =>
    ACTIONS.filter((action) => this.auth.can(ACTION_PERMISSION[action]))
      .map((action) => ({ action, block: actionBlock(this.asset(), action) }))
      // "Take back" only matters while the asset is lent: it is hidden rather than disabled the rest of the time.
      .filter((b) => b.action !== 'return' || b.block === null),
  );
  protected readonly reasons = computed(() => [...new Set(this.buttons().flatMap((b) => (b.block ? [b.block] : [])))]);

  protected open(action: AssetAction): void {
    this.message.set(null);
    this.dialog.set(action);
  }

  protected close(): void {
    this.dialog.set(null);
  }

  protected finish(done: Exclude<AssetAction, 'transfer'> | 'transferOut'): void {
    this.dialog.set(null);
    this.message.set(`assets.operations.${done}.done`);
    this.changed.emit();
  }
}
