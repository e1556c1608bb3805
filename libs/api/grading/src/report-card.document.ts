import type { ClassResults, StudentResult } from '@emis/contracts';
import { formatAverage, formatCell, PRIMARY_QUALITIES, QualityRating } from '@emis/domain';
import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { CONDITION_LABELS } from './completion/completion.document';
import { conductLabel, label, learningHeading, PERIOD_LABELS, trainingHeading, viDate } from './results.labels';

export interface ReportCardHeader {
  schoolName: string;
  homeroomName: string | null;
}

/** What one pupil's card shows beyond the computed results: the teachers' words. */
export interface ReportCardExtras {
  /** Subject code → the subject teacher's comment of the period (semester II's for the year). */
  comments: Record<string, string | null>;
  homeroomComment: string | null;
  qualities: Record<string, QualityRating>;
}

/**
 * The report card (phiếu báo kết quả học tập và rèn luyện): one A4 page per pupil with the school, class, year and
 * period, each subject's average or rating as the gradebook prints it ('7,9', 'Đ'), the subject teacher's comment,
 * the learning and training levels, the award, absences, the promotion proposal at the year's end, and the
 * signature lines of the homeroom teacher and the principal.
 */
export function reportCardDocument(
  head: ReportCardHeader,
  results: ClassResults,
  cards: { row: StudentResult; extras: ReportCardExtras }[],
): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [40, 36, 40, 36],
    info: {
      title: `Phiếu báo kết quả học tập ${results.className} ${PERIOD_LABELS[results.period]} ${results.schoolYearCode}`,
    },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: { title: { fontSize: 14, bold: true, alignment: 'center' }, th: { bold: true, alignment: 'center' } },
    content: cards.map(({ row, extras }, i): Content => ({
      stack: page(head, results, row, extras),
      pageBreak: i > 0 ? 'before' : undefined,
    })),
  };
}

function page(head: ReportCardHeader, results: ClassResults, row: StudentResult, extras: ReportCardExtras): Content[] {
  return [
    {
      columns: [
        { text: head.schoolName.toUpperCase(), bold: true, width: '*' },
        {
          stack: [{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true }, 'Độc lập - Tự do - Hạnh phúc'],
          alignment: 'center',
          width: 'auto',
        },
      ],
    },
    { text: 'PHIẾU BÁO KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN', style: 'title', margin: [0, 18, 0, 2] },
    {
      text: `${PERIOD_LABELS[results.period]} — Năm học ${results.schoolYearCode}`,
      alignment: 'center',
      margin: [0, 0, 0, 12],
    },
    {
      columns: [
        { text: [{ text: 'Họ và tên: ' }, { text: row.fullName, bold: true }], width: '*' },
        { text: `Ngày sinh: ${viDate(row.dateOfBirth)}`, width: 'auto' },
        { text: `Lớp: ${results.className}`, width: 80, alignment: 'right' },
      ],
      margin: [0, 0, 0, 8],
    },
    subjectTable(results, row, extras),
    ...resultLines(results, row, extras),
    signatures(head),
  ];
}

function subjectTable(results: ClassResults, row: StudentResult, extras: ReportCardExtras): Content {
  const body = results.subjects.map((s, i): TableCell[] => {
    const r = row.subjects[s.code];
    const value = r?.average !== null && r?.average !== undefined ? formatAverage(r.average) : formatCell(r?.rating);
    return [
      { text: String(i + 1), alignment: 'center' },
      s.name,
      { text: value, alignment: 'center' },
      extras.comments[s.code] ?? '',
    ];
  });
  return {
    table: {
      headerRows: 1,
      widths: [24, 110, 60, '*'],
      body: [
        [
          { text: 'STT', style: 'th' },
          { text: 'Môn học', style: 'th' },
          { text: 'ĐTB / Mức đạt', style: 'th' },
          { text: 'Nhận xét của giáo viên bộ môn', style: 'th' },
        ],
        ...body,
      ],
    },
    margin: [0, 0, 0, 10],
  };
}

function resultLines(results: ClassResults, row: StudentResult, extras: ReportCardExtras): Content[] {
  const { scheme } = results;
  const lines: [string, string][] = [];
  if (scheme === 'C58') lines.push(['Điểm trung bình các môn', formatAverage(row.overallAverage)]);
  lines.push([learningHeading(scheme), label(row.learning) || 'Chưa đủ dữ liệu']);
  if (scheme !== 'C27') lines.push([trainingHeading(scheme), conductLabel(scheme, row.training) || 'Chưa đánh giá']);
  if (scheme === 'C27' && results.period !== 'HK1') {
    lines.push([
      'Phẩm chất, năng lực',
      PRIMARY_QUALITIES.filter((q) => extras.qualities[q.code])
        .map((q) => `${q.vi}: ${label(extras.qualities[q.code])}`)
        .join('; '),
    ]);
  }
  if (row.award) lines.push(['Danh hiệu', label(row.award)]);
  lines.push(['Số buổi nghỉ', `có phép ${row.absences.excused}, không phép ${row.absences.unexcused}`]);
  if (results.period === 'CN' && row.secondaryCompletion) {
    // Grade 9 (Circular 31/2023): the completion proposal in place of moving up (docs/domain/completion.md).
    const unmet = row.secondaryCompletion.unmet.map((c) => CONDITION_LABELS[c].toLowerCase()).join('; ');
    lines.push([
      'Đề nghị',
      `${row.secondaryCompletion.completes ? 'Hoàn thành chương trình trung học cơ sở' : `Chưa hoàn thành chương trình trung học cơ sở (${unmet})`} — Hội đồng xét công nhận hoàn thành quyết định`,
    ]);
  } else if (results.period === 'CN' && row.promotion) {
    const retest = row.retestSubjects
      .map((code) => results.subjects.find((s) => s.code === code)?.name ?? code)
      .join(', ');
    lines.push([
      'Đề nghị',
      `${label(row.promotion)}${retest ? ` (${retest})` : ''} — Hội đồng nhà trường xét, quyết định`,
    ]);
  }
  if (extras.homeroomComment) lines.push(['Nhận xét của giáo viên chủ nhiệm', extras.homeroomComment]);
  return lines.map(([k, v]) => ({ text: [{ text: `${k}: `, bold: true }, v], margin: [0, 0, 0, 3] }));
}

function signatures(head: ReportCardHeader): Content {
  const block = (title: string, note: string, name: string | null): Column => ({
    stack: [
      { text: title, bold: true },
      { text: note, italics: true },
      { text: name ?? ' ', margin: [0, 48, 0, 0] },
    ],
    alignment: 'center',
  });
  return {
    margin: [0, 16, 0, 0],
    stack: [
      { text: '…………, ngày …… tháng …… năm ……', alignment: 'right', italics: true, margin: [0, 0, 0, 6] },
      {
        columns: [
          block('GIÁO VIÊN CHỦ NHIỆM', '(Ký, ghi rõ họ tên)', head.homeroomName),
          block('HIỆU TRƯỞNG', '(Ký tên, đóng dấu)', null),
        ],
      },
    ],
  };
}
