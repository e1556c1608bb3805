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
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { Payment, ProblemDetails, StudentSummary } from '@emis/contracts';
import { PAYMENT_METHODS, PaymentMethod, todayInVietnam } from '@emis/domain';
import {
  fieldErrorMap,
  guardUnsaved,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { DongPipe, groupDong, parseDong, DateInputDirective, draftChanged } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { CollectionApi } from '../data-access/collection.api';
import { outstandingLines } from '../ui/outstanding-lines';
import { PupilPickerComponent } from '../ui/pupil-picker.component';
import { ReceiptActionsComponent } from '../ui/receipt-actions.component';
import { chooseYearId } from '../ui/school-years';
import { checkPayment, PaymentDraft, toPaymentInput } from './payment-entry.model';

/**
 * Payment entry at the cashier's desk, made for the keyboard: the cursor starts in the pupil search; Enter takes a
 * pupil; the outstanding lines are all ticked and the amount is what they owe; Enter saves the receipt; Alt+P prints
 * it, Alt+N starts the next pupil. The receipt number is the API's (gap-free per school and year); the form only
 * shows what the API will check (checkPayment).
 */
@Component({
  selector: 'emis-payment-entry-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    PupilPickerComponent,
    ReceiptActionsComponent,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'shortcut($event)' },
  templateUrl: './payment-entry.page.html',
  styleUrl: '../ui/finance-page.css',
})
export class PaymentEntryPage {
  private readonly api = inject(CollectionApi);
  private readonly router = inject(Router);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  /** From a pupil's account: ?studentId= opens the form on that pupil. */
  readonly studentId = input<string>();

  protected readonly methods = PAYMENT_METHODS;
  protected readonly pupilId = signal<string | null>(null);
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly amountText = signal('');
  protected readonly method = signal<PaymentMethod>('CASH');
  protected readonly bankReference = signal('');
  protected readonly paidOn = signal(todayInVietnam());
  protected readonly payerName = signal('');
  protected readonly tried = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly serverErrors = computed(() => fieldErrorMap(this.problem()));
  protected readonly saved = signal<Payment | null>(null);
  private readonly picker = viewChild(PupilPickerComponent);
  private readonly receipt = viewChild(ReceiptActionsComponent);
  private readonly amountBox = viewChild<ElementRef<HTMLInputElement>>('amountBox');

  private readonly years = loadOnChange(
    () => true,
    () => this.api.schoolYears(),
  );
  private readonly yearId = computed(() => chooseYearId(this.years.value() ?? [], undefined));
  private readonly periods = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const yearId = this.yearId();
      return schoolId && yearId ? { schoolId, yearId } : undefined;
    },
    ({ schoolId, yearId }) => this.api.periods(schoolId, yearId),
  );
  protected readonly account = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const studentId = this.pupilId();
      return schoolId && studentId ? { schoolId, studentId } : undefined;
    },
    ({ schoolId, studentId }) => this.api.feeAccount(schoolId, studentId),
  );
  protected readonly lines = computed(() =>
    outstandingLines(this.account.value()?.charges ?? [], this.periods.value() ?? []),
  );

  private readonly draft = computed<PaymentDraft>(() => ({
    studentId: this.pupilId() ?? '',
    lines: this.lines(),
    chosen: this.chosen(),
    amount: parseDong(this.amountText()),
    method: this.method(),
    bankReference: this.bankReference(),
    paidOn: this.paidOn(),
    payerName: this.payerName(),
  }));
  /** What the user can change on the receipt, as the page filled it in (a pupil chosen, their lines arrived). */
  private readonly typed = computed(() => ({
    chosen: [...this.chosen()].sort().join(','),
    amount: this.amountText(),
    method: this.method(),
    bankReference: this.bankReference(),
    paidOn: this.paidOn(),
    payerName: this.payerName(),
  }));
  private readonly typedStart = signal(untracked(this.typed));
  /**
   * A receipt changed by the user and not saved: leaving the page, signing out or the session's end asks first
   * (docs/domain/gradebook.md, "Leaving a page"). Choosing a pupil alone is not: the page filled the rest in.
   */
  private readonly leaving = guardUnsaved(() => ({
    dirty: this.pupilId() !== null && this.saved() === null && draftChanged(this.typedStart(), this.typed()),
  }));
  protected readonly check = computed(() => checkPayment(this.draft()));
  protected readonly valid = computed(() => Object.keys(this.check().errors).length === 0);

  constructor() {
    effect(() => {
      const asked = this.studentId();
      untracked(() => {
        if (asked && asked !== this.pupilId()) this.pupilId.set(asked);
      });
    });
    // A pupil's lines arrive: every line is ticked and the amount is what they owe, the usual case at the desk.
    effect(() => {
      const lines = this.lines();
      untracked(() => {
        this.chosen.set(new Set(lines.map((line) => line.chargeId)));
        this.amountText.set(groupDong(this.check().payable || null));
        this.typedStart.set(this.typed());
      });
    });
    // The cursor follows the work: from the pupil search to the amount, ready for Enter.
    effect(() => {
      const box = this.amountBox();
      if (box && !untracked(this.saved)) box.nativeElement.select();
    });
  }

  protected pick(pupil: StudentSummary): void {
    this.start(pupil.id);
  }

  protected toggleLine(chargeId: string, checked: boolean): void {
    const next = new Set(this.chosen());
    if (checked) next.add(chargeId);
    else next.delete(chargeId);
    this.chosen.set(next);
    this.amountText.set(groupDong(this.check().payable || null));
  }

  protected regroupAmount(): void {
    const parsed = parseDong(this.amountText());
    if (parsed.ok) this.amountText.set(groupDong(parsed.value));
  }

  protected save(): void {
    const schoolId = this.schoolId();
    this.tried.set(true);
    if (!schoolId || !this.valid() || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .recordPayment(schoolId, toPaymentInput(this.draft(), this.check()))
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (payment) => {
          this.saved.set(payment);
          this.account.reload();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  /** Back to an empty search for the next pupil. */
  protected next(): void {
    this.start(null);
    void this.router.navigate([], { queryParams: { studentId: null }, queryParamsHandling: 'merge', replaceUrl: true });
    setTimeout(() => this.picker()?.reset());
  }

  protected shortcut(event: KeyboardEvent): void {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (key === 'p' && this.saved()) {
      event.preventDefault();
      this.receipt()?.print();
    } else if (key === 'n') {
      event.preventDefault();
      this.next();
    }
  }

  private start(studentId: string | null): void {
    this.pupilId.set(studentId);
    this.saved.set(null);
    this.problem.set(null);
    this.tried.set(false);
    this.method.set('CASH');
    this.bankReference.set('');
    this.payerName.set('');
    this.paidOn.set(todayInVietnam());
    this.typedStart.set(untracked(this.typed));
  }
}
