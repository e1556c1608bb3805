import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { StudentStatus, TransferStatus } from '@emis/domain';
import { TranslocoPipe } from '@jsverse/transloco';

const STUDENT_TONE: Record<StudentStatus, string> = {
  STUDYING: 'badge-success',
  TRANSFERRED_OUT: 'badge-neutral',
  DROPPED_OUT: 'badge-warning',
  GRADUATED: 'badge-neutral',
};

const TRANSFER_TONE: Record<TransferStatus, string> = {
  PENDING: 'badge-warning',
  ACCEPTED: 'badge-success',
  REJECTED: 'badge-danger',
  CANCELLED: '',
};

/** A student's or a transfer's status as a coloured badge with its text (the colour is never the only cue). */
@Component({
  selector: 'emis-status-badge',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="tone()" data-testid="status-badge" [attr.data-status]="status()">{{
    labelKey() | transloco
  }}</span>`,
  styles: `
    .badge-danger {
      background: var(--danger-soft);
      border-color: var(--danger-border);
      color: var(--danger);
    }
  `,
})
export class StatusBadgeComponent {
  readonly status = input.required<StudentStatus | TransferStatus>();
  readonly kind = input<'student' | 'transfer'>('student');

  protected readonly tone = computed(() => {
    const status = this.status();
    const tone =
      this.kind() === 'student' ? STUDENT_TONE[status as StudentStatus] : TRANSFER_TONE[status as TransferStatus];
    return `badge ${tone ?? ''}`;
  });
  protected readonly labelKey = computed(() =>
    this.kind() === 'student' ? `students.status.${this.status()}` : `students.transfers.status.${this.status()}`,
  );
}
