import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ChainVerification } from '@emis/contracts';
import { EmisNumberPipe } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'emis-chain-verification',
  imports: [TranslocoPipe, EmisNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let result = verification();
    <div
      class="alert"
      [class.alert-success]="result.valid"
      [class.alert-error]="!result.valid"
      data-testid="audit-verify-result"
      [attr.data-valid]="result.valid"
    >
      @if (result.valid) {
        <p class="alert-title">{{ 'audit.verify.valid' | transloco }}</p>
        <p class="alert-detail">{{ 'audit.verify.validDetail' | transloco: { rows: (result.rows | emisNumber) } }}</p>
      } @else {
        <p class="alert-title">{{ 'audit.verify.invalid' | transloco }}</p>
        @if (result.brokenAtSeq !== null) {
          <p class="alert-detail">
            {{
              'audit.verify.invalidDetail' | transloco: { seq: result.brokenAtSeq, rows: (result.rows | emisNumber) }
            }}
          </p>
        }
      }
      @if (result.anchor; as anchor) {
        <p class="alert-detail" data-testid="audit-verify-anchor" [attr.data-anchor]="anchor.status">
          {{
            'audit.verify.anchor.' + anchor.status
              | transloco: { seq: anchor.anchoredSeq ?? '?', rows: (result.rows | emisNumber) }
          }}
        </p>
        @if (!anchor.fileValid) {
          <p class="alert-detail">{{ 'audit.verify.anchor.fileInvalid' | transloco }}</p>
        }
      }
    </div>
  `,
})
export class ChainVerificationComponent {
  readonly verification = input.required<ChainVerification>();
}
