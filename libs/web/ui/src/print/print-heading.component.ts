import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The issuer of a printed paper: the governing body and the school (docs/domain/records.md, "Official papers"). */
export interface PrintIssuer {
  governingBody: string | null;
  school: string;
  principalName: string | null;
}

/**
 * The head of a printed list, shown only on paper (class print-only): the governing body and the school at the
 * left, the national motto at the right, then the title. Official papers are in Vietnamese whatever the screen's
 * language, as the PDF papers are.
 */
@Component({
  selector: 'emis-print-heading',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="print-only print-heading" data-testid="print-heading">
      <div class="print-issuer">
        @if (issuer()?.governingBody; as body) {
          <div data-testid="print-governing-body">{{ body.toLocaleUpperCase('vi') }}</div>
        }
        <div class="print-school" data-testid="print-school">
          {{ (issuer()?.school ?? '').toLocaleUpperCase('vi') }}
        </div>
      </div>
      <div class="print-motto">
        <div class="print-strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
        <div>Độc lập - Tự do - Hạnh phúc</div>
      </div>
    </div>
    <div class="print-only print-doc-title" data-testid="print-title">{{ title() }}</div>
    @if (subtitle()) {
      <div class="print-only print-doc-subtitle">{{ subtitle() }}</div>
    }
  `,
})
export class PrintHeadingComponent {
  readonly issuer = input<PrintIssuer | null>(null);
  readonly title = input.required<string>();
  readonly subtitle = input<string>('');
}

/**
 * The signature lines under a printed list: the place and date, the preparer at the left and the principal (or the
 * given signer) at the right with the name when known. Shown only on paper.
 */
@Component({
  selector: 'emis-print-signatures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="print-only print-signatures" data-testid="print-signatures">
      <div class="print-date">…………, ngày …… tháng …… năm ……</div>
      <div class="print-signers">
        <div>
          <div class="print-strong">{{ leftTitle() }}</div>
          <div class="print-note">(Ký, ghi rõ họ tên)</div>
          <div class="print-signer-name">{{ leftName() }}</div>
        </div>
        <div>
          <div class="print-strong">{{ rightTitle() }}</div>
          <div class="print-note">(Ký tên, đóng dấu)</div>
          <div class="print-signer-name">{{ rightName() }}</div>
        </div>
      </div>
    </div>
  `,
})
export class PrintSignaturesComponent {
  readonly leftTitle = input('NGƯỜI LẬP BIỂU');
  readonly leftName = input<string | null>(null);
  readonly rightTitle = input('HIỆU TRƯỞNG');
  readonly rightName = input<string | null>(null);
}
