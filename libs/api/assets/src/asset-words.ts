import {
  ASSET_CLASS_LABELS,
  ASSET_CONDITION_LABELS,
  ASSET_KIND_LABELS,
  ASSET_STATUS_LABELS,
  DISPOSAL_METHOD_LABELS,
  FUNDING_SOURCE_LABELS,
} from '@emis/domain';

/**
 * The Vietnamese words of the register's codes for the files schools keep (Excel exports, books, labels, the import's
 * dropdowns read back), which are written in Vietnamese whatever the reader's language. The words are declared once,
 * in the domain's asset labels; the web's translations carry the same.
 */
function vietnamese<K extends string>(labels: Record<K, { vi: string }>): Record<K, string> {
  return Object.fromEntries(Object.entries<{ vi: string }>(labels).map(([code, label]) => [code, label.vi])) as Record<
    K,
    string
  >;
}

export const ASSET_KIND_VI = vietnamese(ASSET_KIND_LABELS);
export const ASSET_CLASS_VI = vietnamese(ASSET_CLASS_LABELS);
export const FUNDING_SOURCE_VI = vietnamese(FUNDING_SOURCE_LABELS);
export const ASSET_STATUS_VI = vietnamese(ASSET_STATUS_LABELS);
export const ASSET_CONDITION_VI = vietnamese(ASSET_CONDITION_LABELS);
export const DISPOSAL_METHOD_VI = vietnamese(DISPOSAL_METHOD_LABELS);
