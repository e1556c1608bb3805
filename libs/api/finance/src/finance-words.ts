import {
  BILLING_UNIT_LABELS,
  EXCEPTION_STATUS_LABELS,
  FEE_AREA_LABELS,
  FEE_KIND_LABELS,
  FEE_SCHEDULE_STATUS_LABELS,
  SCHOOL_LEVEL_LABELS,
} from '@emis/domain';

/**
 * The Vietnamese words of finance's codes for the files schools and the department keep (Excel exports, prints, the
 * imports' dropdowns read back), written in Vietnamese whatever the reader's language. The words are declared once,
 * in the domain's finance labels; the web's translations carry the same.
 */
function vietnamese<K extends string>(labels: Record<K, { vi: string }>): Record<K, string> {
  return Object.fromEntries(Object.entries<{ vi: string }>(labels).map(([code, label]) => [code, label.vi])) as Record<
    K,
    string
  >;
}

export const SCHOOL_LEVEL_VI = vietnamese(SCHOOL_LEVEL_LABELS);
export const FEE_AREA_VI = vietnamese(FEE_AREA_LABELS);
export const FEE_KIND_VI = vietnamese(FEE_KIND_LABELS);
export const BILLING_UNIT_VI = vietnamese(BILLING_UNIT_LABELS);
export const FEE_SCHEDULE_STATUS_VI = vietnamese(FEE_SCHEDULE_STATUS_LABELS);
export const EXCEPTION_STATUS_VI = vietnamese(EXCEPTION_STATUS_LABELS);

/** Money cells of the imports: whole đồng, typed as a number without separators. */
export const MONEY_GUIDE = 'Số nguyên, đơn vị đồng, không ghi dấu chấm hay chữ "đ".';
