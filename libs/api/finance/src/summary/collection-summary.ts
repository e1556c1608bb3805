import type { CollectionSummary, CollectionSummaryRow } from '@emis/contracts';
import type { PupilPeriodSums } from './collection-summary.repository';

export type SummaryBy = CollectionSummary['by'];

/** Where a class sits: its name and grade, as the people context's roster knows it. */
export interface ClassLabel {
  name: string;
  grade: string;
}

type Amounts = Omit<CollectionSummaryRow, 'key' | 'label' | 'pupils'>;

const ZERO: Amounts = {
  listAmount: 0,
  reliefAmount: 0,
  supportAmount: 0,
  reimbursedAmount: 0,
  due: 0,
  adjusted: 0,
  paid: 0,
  outstanding: 0,
};

/**
 * The collection summary (tổng hợp thu) by class, grade or period: pupils charged (each counted once per row, however
 * many fees and periods), the list amount, the relief, support and reimbursement, what is due, adjusted, paid and
 * outstanding (due + adjusted − paid). The total counts each pupil once. Sums of whole đồng, nothing rounded.
 */
export function summarise(
  by: SummaryBy,
  sums: PupilPeriodSums[],
  classes: ReadonlyMap<string, ClassLabel>,
): CollectionSummary {
  const groups = new Map<string, { label: string; order: string; pupils: Set<string>; amounts: Amounts }>();
  const all = { pupils: new Set<string>(), amounts: { ...ZERO } };
  for (const s of sums) {
    const { key, label, order } = groupOf(by, s, classes);
    const group = groups.get(key) ?? { label, order, pupils: new Set<string>(), amounts: { ...ZERO } };
    groups.set(key, group);
    for (const target of [group, all]) {
      target.pupils.add(s.studentId);
      add(target.amounts, s);
    }
  }
  const rows = [...groups.entries()]
    .sort(([, a], [, b]) => a.order.localeCompare(b.order, 'vi', { numeric: true }))
    .map(([key, g]) => ({ key, label: g.label, pupils: g.pupils.size, ...g.amounts }));
  return { by, rows, total: { key: 'TOTAL', label: 'Tổng cộng', pupils: all.pupils.size, ...all.amounts } };
}

function groupOf(
  by: SummaryBy,
  s: PupilPeriodSums,
  classes: ReadonlyMap<string, ClassLabel>,
): { key: string; label: string; order: string } {
  if (by === 'period') return { key: s.periodId, label: `${s.periodCode} — ${s.periodName}`, order: s.periodStartsOn };
  const cls = classes.get(s.classId);
  if (by === 'class') {
    const name = cls?.name ?? 'Lớp không còn trong danh sách';
    return { key: s.classId, label: `Lớp ${name}`, order: `${(cls?.grade ?? '').padStart(2, '0')} ${name}` };
  }
  const grade = cls?.grade ?? '';
  return { key: grade || 'UNKNOWN', label: grade ? `Khối ${grade}` : 'Không rõ khối', order: grade.padStart(2, '0') };
}

function add(target: Amounts, s: PupilPeriodSums): void {
  target.listAmount += s.listAmount;
  target.reliefAmount += s.reliefAmount;
  target.supportAmount += s.supportAmount;
  target.reimbursedAmount += s.reimbursedAmount;
  target.due += s.due;
  target.adjusted += s.adjusted;
  target.paid += s.paid;
  target.outstanding += s.due + s.adjusted - s.paid;
}
