import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { BankStatementImport, ProblemDetails } from '@emis/contracts';
import { EmisNumberPipe, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { MoneyApi } from '../data-access/money.api';
import { importOutcome, STATEMENT_ACCEPT, STATEMENT_MAX_MEGABYTES, statementRefusal } from './statement-file';

/**
 * Sends a bank's statement export. The API checks every line before writing any (errors by row and column, shown
 * here as a table to fix the file by), skips lines whose bank reference it already holds, and records a BANK receipt
 * for each line whose description carries a pupil's payment code.
 */
@Component({
  selector: 'emis-statement-import',
  // FormsModule: the <form>'s ngSubmit (and no page reload on submit), no ngModel.
  imports: [FormsModule, TranslocoPipe, EmisNumberPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
  template: `
    <section class="card" aria-labelledby="statement-import-title">
      <h2 id="statement-import-title" class="card-title">{{ 'finance.money.bank.importTitle' | transloco }}</h2>
      <p class="muted">{{ 'finance.money.bank.layoutHint' | transloco }}</p>
      <form class="toolbar" (ngSubmit)="upload()" novalidate>
        <div class="field">
          <label for="statement-file">{{ 'finance.money.bank.file' | transloco: { max: maxMegabytes } }}</label>
          <input
            #fileInput
            id="statement-file"
            class="input"
            type="file"
            [accept]="accept"
            (change)="choose($event)"
            [disabled]="busy()"
            data-testid="statement-file"
          />
        </div>
        <div class="field">
          <label for="statement-account">{{ 'finance.money.bank.account' | transloco }}</label>
          <input
            id="statement-account"
            class="input"
            type="text"
            maxlength="100"
            [value]="account()"
            (input)="account.set($any($event.target).value)"
            data-testid="statement-account"
          />
        </div>
        <button type="submit" class="btn btn-primary" [disabled]="!file() || busy()" data-testid="statement-upload">
          {{ (busy() ? 'finance.money.bank.importing' : 'finance.money.bank.import') | transloco }}
        </button>
      </form>
      @if (refusal(); as r) {
        <p class="field-error" role="alert" data-testid="statement-refusal">
          {{ 'finance.money.bank.errors.' + r | transloco: { name: file()?.name ?? refusedName(), max: maxMegabytes } }}
        </p>
      }
      <emis-problem-alert [problem]="problem()" testId="statement-error" />
      <div aria-live="polite">
        @if (result(); as r) {
          @switch (outcome()) {
            @case ('errors') {
              <div class="alert alert-error" data-testid="statement-refused">
                <p class="alert-title">{{ 'finance.money.bank.refused' | transloco: { count: r.errors.length } }}</p>
              </div>
              <div class="table-wrap">
                <table class="table" data-testid="statement-errors">
                  <thead>
                    <tr>
                      <th scope="col" class="num">{{ 'finance.money.bank.row' | transloco }}</th>
                      <th scope="col">{{ 'finance.money.bank.column' | transloco }}</th>
                      <th scope="col">{{ 'finance.money.bank.message' | transloco }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (e of r.errors; track $index) {
                      <tr>
                        <td class="num">{{ e.row }}</td>
                        <td>{{ e.column }}</td>
                        <td>{{ e.message }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            }
            @case ('nothing-new') {
              <p class="alert alert-warning" data-testid="statement-nothing-new">
                {{ 'finance.money.bank.nothingNew' | transloco: { duplicates: (r.duplicates | emisNumber) } }}
              </p>
            }
            @default {
              <p class="alert alert-success" data-testid="statement-imported">
                {{
                  'finance.money.bank.imported'
                    | transloco
                      : {
                          lines: (r.statement?.lineCount ?? 0 | emisNumber),
                          matched: (r.matched | emisNumber),
                          unmatched: (r.unmatched | emisNumber),
                          duplicates: (r.duplicates | emisNumber),
                        }
                }}
              </p>
            }
          }
        }
      </div>
    </section>
  `,
})
export class StatementImportComponent {
  private readonly api = inject(MoneyApi);

  readonly schoolId = input.required<string>();
  /** A statement was written: the lists should be read again. */
  readonly imported = output<void>();

  protected readonly accept = STATEMENT_ACCEPT;
  protected readonly maxMegabytes = STATEMENT_MAX_MEGABYTES;
  protected readonly file = signal<File | null>(null);
  protected readonly account = signal('');
  protected readonly refusal = signal<'extension' | 'size' | null>(null);
  protected readonly refusedName = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly result = signal<BankStatementImport | null>(null);
  protected readonly outcome = computed(() => {
    const result = this.result();
    return result ? importOutcome(result) : null;
  });
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.result.set(null);
    this.problem.set(null);
    this.file.set(null);
    this.refusal.set(file ? statementRefusal(file) : null);
    if (!file) return;
    if (this.refusal()) {
      this.refusedName.set(file.name);
      input.value = '';
      return;
    }
    this.file.set(file);
  }

  protected upload(): void {
    const file = this.file();
    if (!file) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .importStatement(this.schoolId(), file, this.account().trim() || null)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (result) => {
          this.result.set(result);
          if (importOutcome(result) === 'errors') return;
          this.file.set(null);
          this.fileInput().nativeElement.value = '';
          this.imported.emit();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
