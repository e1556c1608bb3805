import { ChangeDetectionStrategy, Component, ViewEncapsulation } from '@angular/core';

/**
 * Print rules of the report pages. Not encapsulated: they must reach the shell's header and navigation, which a
 * printed report leaves out; they apply only while a report page (.report-page) is shown.
 */
@Component({
  selector: 'emis-report-print-styles',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: '',
  styles: `
    @media print {
      body:has(.report-page) .app-header,
      body:has(.report-page) .side-nav,
      body:has(.report-page) .skip-link,
      body:has(.report-page) .nav-backdrop,
      .report-page .no-print {
        display: none !important;
      }
      body:has(.report-page) {
        background: #fff;
      }
      body:has(.report-page) .app-main {
        padding: 0;
      }
      .report-page .card {
        border: 0;
        box-shadow: none;
        padding: 0;
        break-inside: avoid;
      }
      .report-page .table-wrap {
        overflow: visible;
      }
    }
  `,
})
export class ReportPrintStylesComponent {}
