import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { WearRun } from '@emis/contracts';
import { DongPipe, EmisNumberPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';

/** Where a wear run stands: its status in words, done of total (assets or schools), and a progress bar. */
@Component({
  selector: 'emis-run-progress',
  imports: [TranslocoPipe, EmisNumberPipe, DongPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .label {
      margin: 0 0 0.375rem;
      font-weight: 600;
    }
    .progress {
      height: 0.75rem;
      border-radius: 999px;
      background: var(--surface-muted);
      border: 1px solid var(--border);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      background: var(--primary);
      transition: width 0.3s;
    }
    .fill.indeterminate {
      opacity: 0.5;
    }
  `,
  template: `
    @if (run(); as r) {
      <div
        class="alert"
        [class.alert-success]="r.status === 'DONE'"
        [class.alert-error]="r.status === 'FAILED'"
        data-testid="wear-run"
        [attr.data-status]="r.status"
      >
        <p class="label" aria-live="polite">
          {{
            'assets.register.wear.runStatus.' + r.status
              | transloco: { rows: (r.postedRows | emisNumber), amount: (r.postedAmount | emisDong) }
          }}
          @if (r.total) {
            — {{ countKey() | transloco: { done: (r.done | emisNumber), total: (r.total | emisNumber) } }}
          }
        </p>
        @if (r.message) {
          <p class="alert-detail">{{ r.message }}</p>
        }
        @if (r.status === 'QUEUED' || r.status === 'RUNNING') {
          <div
            class="progress"
            role="progressbar"
            [attr.aria-valuenow]="percent()"
            aria-valuemin="0"
            aria-valuemax="100"
            [attr.aria-label]="'assets.register.wear.runStatus.progress' | transloco"
            data-testid="wear-run-progress"
          >
            <div class="fill" [class.indeterminate]="percent() === null" [style.width.%]="percent() ?? 100"></div>
          </div>
        }
      </div>
    }
  `,
})
export class RunProgressComponent {
  readonly run = input<WearRun | null>(null);
  readonly percent = input<number | null>(null);
  /** How done/total reads: assets for a school's run, schools for the province's. */
  readonly countKey = input('assets.register.wear.runStatus.counted');
}
