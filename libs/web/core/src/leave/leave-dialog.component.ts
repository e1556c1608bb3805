import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DialogComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LeaveGuard } from './leave-guard';

/**
 * The question LeaveGuard asks when a page cannot be left without losing something: what would be lost, then "Ở lại"
 * (the default, focused first) or "Rời trang, bỏ thay đổi". Escape stays. Shown once, by the shell. Closing a dialog
 * the user typed into asks the same way, in its own words ("Tiếp tục nhập" or "Đóng, bỏ nội dung đã nhập"); it opens
 * over that dialog.
 */
@Component({
  selector: 'emis-leave-dialog',
  imports: [DialogComponent, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      --dialog-width: 32rem;
      --dialog-title-gap: 0.75rem;
    }
    ul {
      margin: 0.5rem 0 0;
      padding-left: 1.25rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1.25rem;
    }
    .btn-danger {
      background: var(--danger);
      color: var(--on-primary);
    }
  `,
  template: `
    <emis-dialog
      [open]="question() !== null"
      [heading]="(question()?.closing ? 'leave.closeTitle' : 'leave.title') | transloco"
      testId="leave-dialog"
      (closed)="guard.decide(false)"
    >
      @let closing = question()?.closing === true;
      @if (question(); as q) {
        @if (closing) {
          <p data-testid="leave-dialog-closing">{{ 'leave.closeDetail' | transloco }}</p>
        } @else {
          <p>{{ 'leave.detail' | transloco }}</p>
        }
        <ul [hidden]="closing">
          @if (q.invalid > 0) {
            <li data-testid="leave-dialog-invalid">{{ 'leave.invalid' | transloco: { count: q.invalid } }}</li>
          }
          @if (q.saving > 0) {
            <li data-testid="leave-dialog-saving">{{ 'leave.saving' | transloco: { count: q.saving } }}</li>
          }
          @if (q.dirty) {
            <li data-testid="leave-dialog-dirty">{{ 'leave.dirty' | transloco }}</li>
          }
        </ul>
      }
      <div class="actions">
        <button type="button" class="btn btn-primary" data-testid="leave-dialog-stay" (click)="guard.decide(false)">
          {{ (closing ? 'leave.closeStay' : 'leave.stay') | transloco }}
        </button>
        <button type="button" class="btn btn-danger" data-testid="leave-dialog-discard" (click)="guard.decide(true)">
          {{ (closing ? 'leave.closeDiscard' : 'leave.discard') | transloco }}
        </button>
      </div>
    </emis-dialog>
  `,
})
export class LeaveDialogComponent {
  protected readonly guard = inject(LeaveGuard);
  protected readonly question = this.guard.question;
}
