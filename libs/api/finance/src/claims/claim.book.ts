import type { BookColumn, BookLine, PrintedBook } from '@emis/api/assets';
import { isGradeLevel, levelOfGrade, SCHOOL_LEVEL_LABELS } from '@emis/domain';
import type { ClaimToPrint } from './claims.service';

const COLUMNS: BookColumn[] = [
  { header: 'Khối lớp', format: 'text', width: 12 },
  { header: 'Cấp học', format: 'text', width: 22 },
  { header: 'Số học sinh', format: 'quantity', width: 12 },
  { header: 'Số tháng (học sinh × tháng)', format: 'quantity', width: 16 },
  { header: 'Mức thu/hỗ trợ một tháng (đồng)', format: 'money', width: 18 },
  { header: 'Số tiền đề nghị cấp (đồng)', format: 'money', width: 20 },
];

/**
 * The claim as the school sends it: per grade the pupils the state pays for, their months, the province's monthly
 * level and the amount, and the total; the same table in Excel and PDF. A draft is marked as such in its subtitle.
 */
export function claimBook({ claim, period, schoolName, governingBody }: ClaimToPrint): PrintedBook {
  const lines: BookLine[] = claim.lines.map((l) => ({
    cells: [
      l.grade,
      isGradeLevel(l.grade) ? SCHOOL_LEVEL_LABELS[levelOfGrade(l.grade)].vi : '',
      l.pupils,
      l.months,
      l.monthlyLevel,
      l.amount,
    ],
  }));
  lines.push({ kind: 'total', cells: ['Tổng cộng', null, claim.pupils, claim.pupilMonths, null, claim.amount] });
  const draft = claim.status === 'DRAFT' ? ' (bản nháp)' : '';
  return {
    fileName: `de-nghi-cap-bu-hoc-phi-${period.code}-${period.schoolYearCode}`,
    unitName: schoolName,
    governingBody,
    formNumber: '',
    formNote: '',
    title: 'ĐỀ NGHỊ CẤP BÙ HỌC PHÍ',
    subtitle: `${period.name} – năm học ${period.schoolYearCode}${draft}`,
    columns: COLUMNS,
    lines,
  };
}
