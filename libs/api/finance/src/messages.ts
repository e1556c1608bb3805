import { MessageCatalogue } from '@emis/api/platform';

/**
 * The words of school finance, Vietnamese first; registered with platform's message lookup by the app. Each part of
 * the context keeps its problems, rules and field labels in its own block, under its heading.
 */
export const FINANCE_MESSAGES: MessageCatalogue = {
  problems: {
    // — the ledger (every part): refusals raised by the schema's triggers —
    finance_month_closed: {
      vi: 'Tháng kế toán này đã khoá sổ: không ghi thêm, sửa hay xoá chứng từ trong tháng',
      en: 'This accounting month is closed: nothing dated in it can be written',
    },
    finance_period_closed: {
      vi: 'Kỳ thu đã khoá: không thể phát sinh thêm khoản phải thu',
      en: 'This fee period is closed: no more charges can be added to it',
    },

    // — part A: rules and schedules —
    finance_fee_range_exists: {
      vi: 'Sở đã có khung thu cho khoản thu, cấp học và khu vực này trong năm học',
      en: 'The province already has a range for this fee, level and area in the school year',
    },
    finance_fee_schedule_exists: {
      vi: 'Trường đã có khoản thu cùng loại và cùng tên trong năm học',
      en: 'The school already has a fee of this kind and name in the school year',
    },
    finance_fee_schedule_not_draft: {
      vi: 'Khoản thu đã áp dụng hoặc đã rút không sửa được; hãy rút lại và tạo khoản thu mới',
      en: 'An adopted or withdrawn fee cannot be changed; withdraw it and create a new one',
    },
    finance_fee_schedule_withdrawn: { vi: 'Khoản thu đã được rút', en: 'The fee has already been withdrawn' },
    finance_exception_exists: {
      vi: 'Học sinh đã có một đề nghị miễn, giảm khoản thu này đang chờ duyệt hoặc đã duyệt trong năm học',
      en: 'The pupil already has a pending or approved exception for this fee in the school year',
    },
    finance_exception_not_pending: {
      vi: 'Đề nghị miễn, giảm đã được xử lý',
      en: 'The exception has already been decided',
    },

    // — part B: periods and charges —
    finance_adjustment_reversed: {
      vi: 'Điều chỉnh này đã được huỷ, hoặc chính nó là một bút toán huỷ',
      en: 'This adjustment has been reversed already, or is itself a reversal',
    },
    finance_not_homeroom: {
      vi: 'Thầy cô chỉ xem được danh sách nợ của lớp mình chủ nhiệm',
      en: 'A teacher sees the debtor list of their homeroom classes only',
    },

    // — part C: payments —
    finance_overpayment: {
      vi: 'Số tiền vượt quá số học sinh còn nợ',
      en: 'The amount is more than the pupil owes',
    },
    finance_payment_not_refundable: {
      vi: 'Chỉ hoàn trả từ một phiếu thu chưa bị huỷ',
      en: 'Only a receipt that has not been reversed can be refunded',
    },
    finance_payment_has_refunds: {
      vi: 'Phiếu thu đã có phiếu chi hoàn trả: hãy huỷ phiếu chi trước',
      en: 'The receipt has a refund standing: reverse the refund first',
    },
    finance_reversal_no_document: {
      vi: 'Bút toán huỷ không có chứng từ riêng để in; hãy in chứng từ gốc',
      en: 'A reversal has no document of its own to print; print the original',
    },

    // — part D: bank, books and reconciliation —
    finance_month_not_ended: {
      vi: 'Chỉ khoá sổ được tháng đã kết thúc',
      en: 'Only a month that has ended can be closed',
    },
    finance_month_already_closed: { vi: 'Tháng này đã khoá sổ', en: 'This month is already closed' },
    finance_month_earlier_open: {
      vi: 'Phải khoá sổ các tháng trước trước (khoá sổ theo thứ tự tháng)',
      en: 'Close the earlier months first (months are closed in order)',
    },
    bank_statement_unreadable: {
      vi: 'Không đọc được sao kê ngân hàng',
      en: 'The bank statement could not be read',
    },
    bank_line_not_money_in: {
      vi: 'Chỉ đối chiếu được dòng tiền vào (ghi có) với học sinh',
      en: 'Only money in (a credit line) can be matched to a pupil',
    },
    bank_line_already_settled: {
      vi: 'Dòng sao kê này đã được đối chiếu hoặc đã bỏ qua',
      en: 'This statement line has already been matched or set aside',
    },

    // — part E: budget, spending and the claim —
    finance_already_reversed: {
      vi: 'Bút toán này đã được hủy trước đó',
      en: 'This entry has already been reversed',
    },
    finance_reversal_reversed: {
      vi: 'Không hủy được một bút toán hủy; hãy ghi lại bút toán ban đầu',
      en: 'A reversal cannot be reversed; make the original entry again',
    },
    finance_expense_not_draft: {
      vi: 'Chỉ sửa, duyệt, từ chối hoặc đính kèm tệp cho phiếu chi nháp',
      en: 'Only a draft voucher can be edited, approved, rejected or given attachments',
    },
    finance_expense_not_approved: {
      vi: 'Chỉ hủy được phiếu chi đã duyệt',
      en: 'Only an approved voucher can be reversed',
    },
    finance_claim_submitted: {
      vi: 'Bảng đề nghị cấp bù học phí đã nộp: số liệu đã chốt',
      en: 'The reimbursement claim was submitted: its figures are frozen',
    },

    // — part H: reporting —
  },
  rules: {
    // — part A: rules and schedules —
    schoolYearUnknown: { vi: '{field} không tồn tại', en: '{field} does not exist' },
    feeLevelsRepeated: {
      vi: 'Mỗi cấp học và khu vực chỉ có một mức thu',
      en: 'Each level and area takes one level only',
    },
    feeRangeMinAboveMax: {
      vi: '{field} phải lớn hơn hoặc bằng mức tối thiểu',
      en: '{field} must be at least the minimum',
    },
    feeGradeNotTaught: {
      vi: '{field} có khối lớp trường không dạy',
      en: '{field} names a grade the school does not teach',
    },
    feePrimaryTuitionFree: {
      vi: 'Học sinh tiểu học trường công lập không phải đóng học phí (Luật Giáo dục 2019, Điều 99)',
      en: 'Pupils of public primary schools pay no tuition (Law on Education 2019, Art. 99)',
    },
    feeTuitionNotMonthly: {
      vi: 'Học phí trường công lập thu theo tháng, theo mức của Sở',
      en: "A public school's tuition is billed by month, at the province's level",
    },
    feeNoProvinceLevel: {
      vi: 'Sở chưa ban hành mức học phí cho cấp học và khu vực của trường trong năm học',
      en: "The province has not set a tuition level for the school's level and area in the school year",
    },
    feeNoRange: {
      vi: 'Sở chưa ban hành khung thu cho khoản thu, đơn vị tính, cấp học và khu vực này',
      en: 'The province has not set a range for this fee, billing unit, level and area',
    },
    feeOutOfRange: {
      vi: '{field} phải từ {0} đ đến {1} đ theo quy định của Sở',
      en: "{field} must be from {0} đ to {1} đ, the province's range",
    },
    studentNotInSchool: {
      vi: '{field} không phải học sinh của trường',
      en: '{field} is not a pupil of the school',
    },

    // — part B: periods and charges —
    financeYearUnknown: { vi: '{field}: không có năm học này', en: '{field}: no such school year' },
    financePeriodOutsideYear: {
      vi: 'Kỳ thu phải nằm trong năm học {0} ({1} – {2})',
      en: 'The fee period must lie within school year {0} ({1} – {2})',
    },
    financePeriodOverlaps: {
      vi: 'Kỳ thu trùng thời gian với kỳ {0}: mỗi tháng chỉ thu một lần',
      en: 'The fee period overlaps period {0}: a month is billed once',
    },
    financePeriodCode: {
      vi: '{field} gồm chữ không dấu, số, gạch ngang, tối đa 20 ký tự',
      en: '{field} is letters without accents, digits and dashes, at most 20',
    },
    financeWaiverRange: {
      vi: 'Số tiền miễn phải âm và không quá số còn nợ ({0} đồng)',
      en: 'A waiver is negative and at most what is still owed ({0} VND)',
    },
    financeBelowPaid: {
      vi: 'Sau điều chỉnh, số phải thu thấp hơn số đã nộp: hãy hoàn tiền trước (giảm tối đa {0} đồng)',
      en: 'What is owed would fall below what is paid: refund first (lower by at most {0} VND)',
    },
    notEquals: { vi: '{field} không được bằng {0}', en: '{field} must not be {0}' },

    // — part C: payments —
    financeUnknownPupil: { vi: 'Không có học sinh này trong trường', en: 'No such pupil in the school' },
    financeOverpayment: {
      vi: '{field} vượt quá số học sinh còn nợ ({0} đ)',
      en: '{field} is more than the pupil owes ({0} đ)',
    },
    financeOverRefund: {
      vi: '{field} vượt quá số còn lại của phiếu thu ({0} đ)',
      en: '{field} is more than is left of the receipt ({0} đ)',
    },
    financeAllocationSum: {
      vi: 'Tổng số tiền các khoản ({0} đ) phải bằng số tiền nộp',
      en: 'The amounts of the lines ({0} đ) must add up to the payment',
    },
    financeChargeNotOpen: {
      vi: 'Có khoản không phải khoản học sinh còn nợ, hoặc được chọn hai lần',
      en: 'A line is not one the pupil still owes on, or is chosen twice',
    },
    financeChargeOverpaid: {
      vi: 'Số tiền một khoản vượt quá số còn nợ của khoản đó ({1} đ)',
      en: 'A line is paid more than is left on it ({1} đ)',
    },
    financeNotBeforePayment: {
      vi: '{field} không được trước ngày của phiếu thu ({0})',
      en: '{field} cannot be before the receipt’s date ({0})',
    },

    // — part D: bank, books and reconciliation —
    financeRange: {
      vi: '{field}: khoảng ngày phải bắt đầu trước khi kết thúc và dài tối đa {0} ngày',
      en: '{field}: the range must end after it starts and span at most {0} days',
    },

    // — part E: budget, spending and the claim —
    budgetAmountZero: { vi: '{field} phải khác 0', en: '{field} must not be zero' },
    budgetAmountNegative: {
      vi: '{field} chỉ được âm ở bút toán điều chỉnh',
      en: '{field} may be negative only in an adjustment',
    },
    budgetDecisionRequired: {
      vi: 'Giao dự toán phải ghi số quyết định giao',
      en: 'An allocation needs the number of its decision',
    },
    expenseReversalBeforeVoucher: {
      vi: '{field} không được trước ngày của phiếu chi',
      en: '{field} cannot be before the voucher’s date',
    },
  },
  fields: {
    // — part A: rules and schedules —
    amount: { vi: 'Số tiền', en: 'Amount' },
    area: { vi: 'Khu vực', en: 'Area' },
    feeKind: { vi: 'Loại khoản thu', en: 'Fee kind' },
    billingUnit: { vi: 'Đơn vị tính', en: 'Billing unit' },
    grades: { vi: 'Khối lớp', en: 'Grades' },
    percent: { vi: 'Tỷ lệ miễn, giảm', en: 'Relief percentage' },
    minAmount: { vi: 'Mức tối thiểu', en: 'Minimum' },
    maxAmount: { vi: 'Mức tối đa', en: 'Maximum' },
    monthlyAmount: { vi: 'Mức học phí tháng', en: 'Monthly tuition level' },
    privateSupportMonthly: { vi: 'Mức hỗ trợ tháng (ngoài công lập)', en: 'Monthly support (private schools)' },
    schoolLevel: { vi: 'Cấp học', en: 'School level' },
    nameVi: { vi: 'Tên tiếng Việt', en: 'Vietnamese name' },
    nameEn: { vi: 'Tên tiếng Anh', en: 'English name' },
    bankName: { vi: 'Ngân hàng', en: 'Bank' },
    bankAccount: { vi: 'Số tài khoản', en: 'Account number' },
    adoptedOn: { vi: 'Ngày áp dụng', en: 'Adopted on' },
    voluntary: { vi: 'Tự nguyện', en: 'Voluntary' },
    levels: { vi: 'Mức thu', en: 'Levels' },

    // — part B: periods and charges —
    months: { vi: 'Số tháng', en: 'Months' },
    dryRun: { vi: 'Chỉ tính thử', en: 'Dry run' },
    outstanding: { vi: 'Còn nợ', en: 'Outstanding' },

    // — part C: payments —
    paidOn: { vi: 'Ngày nộp', en: 'Date paid' },
    bankReference: { vi: 'Mã giao dịch ngân hàng', en: 'Bank reference' },
    payerName: { vi: 'Người nộp tiền', en: 'Payer' },
    allocations: { vi: 'Các khoản thu', en: 'Lines settled' },
    chargeId: { vi: 'Khoản thu', en: 'Charge' },

    // — part D: bank, books and reconciliation —
    cash: { vi: 'Tiền mặt', en: 'Cash' },
    bank: { vi: 'Tiền gửi ngân hàng', en: 'Bank deposits' },
    statementId: { vi: 'Sao kê', en: 'Statement' },

    // — part E: budget, spending and the claim —
    fiscalYear: { vi: 'Năm ngân sách', en: 'Fiscal year' },
    spendingGroup: { vi: 'Nhóm chi', en: 'Spending group' },
    enteredOn: { vi: 'Ngày ghi sổ', en: 'Entry date' },
    spentOn: { vi: 'Ngày chi', en: 'Date paid' },
    payee: { vi: 'Người nhận tiền', en: 'Payee' },
    periodId: { vi: 'Đợt thu', en: 'Fee period' },
  },
  /**
   * The schema's triggers (CreateFinance1764700000000): a row dated in a closed accounting month (EF001), a charge of
   * a closed fee period (EF002). Answered 409 wherever a service's statement hits them, so no part maps them itself.
   */
  databaseRefusals: {
    EF001: { status: 409, problem: 'finance_month_closed' },
    EF002: { status: 409, problem: 'finance_period_closed' },
  },
};
