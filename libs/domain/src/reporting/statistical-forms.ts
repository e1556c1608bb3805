import { GRADE_LEVELS } from '../calendar/grades';
import { GRADING_LABELS } from '../grading/grading-labels';
import { POLICY_GROUPS, QUALIFICATION_LEVELS, STAFF_POSITIONS } from '../people/people-enums';

/**
 * The official statistical reports a school sends up at the start and the end of the school year (the Ministry's
 * periodic education statistics), as data: each form's sections, each section's lines and columns, with their
 * Vietnamese and English labels. The API fills them from the reporting facts; the web and the Excel layout read the
 * same order and labels from here. docs/domain/reporting.md lists every line and its source.
 */
export const STATISTICAL_REPORT_KINDS = ['START_OF_YEAR', 'END_OF_YEAR'] as const;
export type StatisticalFormKind = (typeof STATISTICAL_REPORT_KINDS)[number];

export interface FormLabel {
  vi: string;
  en: string;
}

/** How a section's lines are made: one per grade taught (and a total), or a fixed list. */
export type LineSet = 'GRADES' | 'FIXED';

export interface SectionDefinition {
  code: string;
  title: FormLabel;
  lineSet: LineSet;
  /** The fixed lines (lineSet FIXED), in print order. */
  lines: readonly string[];
  /** Columns in print order; LEARNING and TRAINING take theirs from the codes the school's scheme produced. */
  columns: readonly string[];
  /** Lines the school types in (Emis does not record them yet). */
  manual?: boolean;
}

export interface FormDefinition {
  kind: StatisticalFormKind;
  /** The form's number in its title block. */
  number: string;
  title: FormLabel;
  sections: readonly string[];
}

/** The line of the sum of the grades in a GRADES section. */
export const TOTAL_LINE = 'TOTAL';

/** Rooms and teaching equipment: typed in by the school until Emis keeps an asset register. */
export const FACILITY_LINES = ['CLASSROOMS', 'SUBJECT_ROOMS', 'LABORATORIES', 'LIBRARIES', 'COMPUTERS'] as const;

/** Codes of the learning and training levels in print order, across the three schemes (C22, C27, C58). */
export const LEVEL_ORDER = [
  'TOT',
  'KHA',
  'DAT',
  'CHUA_DAT',
  'HTXS',
  'HTT',
  'HT',
  'CHT',
  'GIOI',
  'TB',
  'YEU',
  'KEM',
] as const;

export const QUALIFICATION_COLUMNS: Record<string, string> = {
  '': 'qualNone',
  INTERMEDIATE: 'qualIntermediate',
  COLLEGE: 'qualCollege',
  BACHELOR: 'qualBachelor',
  MASTER: 'qualMaster',
  DOCTOR: 'qualDoctor',
};

export const SECTION_DEFINITIONS: Record<string, SectionDefinition> = {
  SCHOOL: {
    code: 'SCHOOL',
    title: { vi: 'I. Thông tin chung về trường', en: 'I. The school' },
    lineSet: 'FIXED',
    lines: ['SCHOOLS', 'CLASSES', 'PUPILS', 'ALL_STAFF', 'TEACHERS'],
    columns: ['value'],
  },
  CLASSES: {
    code: 'CLASSES',
    title: { vi: 'II. Lớp học theo khối', en: 'II. Classes by grade' },
    lineSet: 'GRADES',
    lines: [],
    columns: ['classes', 'pupils', 'overCeiling'],
  },
  PUPILS: {
    code: 'PUPILS',
    title: { vi: 'III. Học sinh theo khối, giới tính, dân tộc, khuyết tật', en: 'III. Pupils by grade and group' },
    lineSet: 'GRADES',
    lines: [],
    columns: ['total', 'male', 'female', 'ethnicMinority', 'ethnicMinorityFemale', 'disabled'],
  },
  POLICY: {
    code: 'POLICY',
    title: { vi: 'IV. Học sinh thuộc diện chính sách', en: 'IV. Pupils in policy groups' },
    lineSet: 'FIXED',
    lines: POLICY_GROUPS,
    columns: ['total', 'female'],
  },
  STAFF: {
    code: 'STAFF',
    title: { vi: 'V. Cán bộ quản lý, giáo viên, nhân viên', en: 'V. Managers, teachers and staff' },
    lineSet: 'FIXED',
    lines: [...STAFF_POSITIONS, TOTAL_LINE],
    columns: ['total', 'female', 'civilServant', 'contract', ...Object.values(QUALIFICATION_COLUMNS)],
  },
  FACILITIES: {
    code: 'FACILITIES',
    title: { vi: 'VI. Phòng học và cơ sở vật chất', en: 'VI. Rooms and facilities' },
    lineSet: 'FIXED',
    lines: FACILITY_LINES,
    columns: ['value'],
    manual: true,
  },
  LEARNING: {
    code: 'LEARNING',
    title: { vi: 'VII. Kết quả học tập theo khối', en: 'VII. Learning results by grade' },
    lineSet: 'GRADES',
    lines: [],
    columns: ['pupils', ...LEVEL_ORDER, 'missing'],
  },
  TRAINING: {
    code: 'TRAINING',
    title: { vi: 'VIII. Kết quả rèn luyện theo khối', en: 'VIII. Training results by grade' },
    lineSet: 'GRADES',
    lines: [],
    columns: ['pupils', 'TOT', 'KHA', 'DAT', 'CHUA_DAT', 'GIOI', 'TB', 'YEU', 'KEM'],
  },
  AWARDS: {
    code: 'AWARDS',
    title: { vi: 'IX. Khen thưởng cuối năm', en: 'IX. Year-end awards' },
    lineSet: 'GRADES',
    lines: [],
    columns: ['EXCELLENT', 'GOOD'],
  },
  PROMOTION: {
    code: 'PROMOTION',
    title: { vi: 'X. Lên lớp, lưu ban, bỏ học, chuyển trường', en: 'X. Promotion, repetition, drop-out, transfers' },
    lineSet: 'GRADES',
    lines: [],
    columns: ['promoted', 'repeated', 'graduated', 'droppedOut', 'droppedOutFemale', 'transferredOut', 'transferredIn'],
  },
};

/** The two forms. Their numbers follow the Ministry's periodic statistics (start and end of the school year). */
export const STATISTICAL_FORMS: Record<StatisticalFormKind, FormDefinition> = {
  START_OF_YEAR: {
    kind: 'START_OF_YEAR',
    number: '01/TKGD-ĐN',
    title: { vi: 'Báo cáo thống kê đầu năm học', en: 'Start-of-year statistical report' },
    sections: ['SCHOOL', 'CLASSES', 'PUPILS', 'POLICY', 'STAFF', 'FACILITIES'],
  },
  END_OF_YEAR: {
    kind: 'END_OF_YEAR',
    number: '02/TKGD-CN',
    title: { vi: 'Báo cáo thống kê cuối năm học', en: 'End-of-year statistical report' },
    sections: [
      'SCHOOL',
      'CLASSES',
      'PUPILS',
      'POLICY',
      'STAFF',
      'FACILITIES',
      'LEARNING',
      'TRAINING',
      'AWARDS',
      'PROMOTION',
    ],
  },
};

/** Labels of lines and columns that are not grades or grading codes. */
export const FORM_LABELS: Record<string, FormLabel> = {
  SCHOOLS: { vi: 'Số trường', en: 'Schools' },
  CLASSES: { vi: 'Số lớp', en: 'Classes' },
  PUPILS: { vi: 'Số học sinh', en: 'Pupils' },
  ALL_STAFF: { vi: 'Số cán bộ, giáo viên, nhân viên', en: 'Staff' },
  TEACHERS: { vi: 'Trong đó: giáo viên', en: 'Of whom teachers' },
  TOTAL: { vi: 'Tổng số', en: 'Total' },
  value: { vi: 'Số lượng', en: 'Number' },
  classes: { vi: 'Số lớp', en: 'Classes' },
  pupils: { vi: 'Số học sinh', en: 'Pupils' },
  overCeiling: { vi: 'Lớp vượt sĩ số tối đa', en: 'Classes above the ceiling' },
  total: { vi: 'Tổng số', en: 'Total' },
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
  ethnicMinority: { vi: 'Dân tộc thiểu số', en: 'Ethnic minority' },
  ethnicMinorityFemale: { vi: 'Nữ dân tộc thiểu số', en: 'Ethnic minority, female' },
  disabled: { vi: 'Khuyết tật', en: 'With a disability' },
  civilServant: { vi: 'Biên chế', en: 'Civil servants' },
  contract: { vi: 'Hợp đồng', en: 'Contract' },
  qualNone: { vi: 'Chưa qua đào tạo', en: 'No qualification' },
  qualIntermediate: { vi: 'Trung cấp', en: 'Intermediate' },
  qualCollege: { vi: 'Cao đẳng', en: 'College' },
  qualBachelor: { vi: 'Đại học', en: 'Bachelor' },
  qualMaster: { vi: 'Thạc sĩ', en: 'Master' },
  qualDoctor: { vi: 'Tiến sĩ', en: 'Doctor' },
  PRINCIPAL: { vi: 'Hiệu trưởng', en: 'Principals' },
  VICE_PRINCIPAL: { vi: 'Phó hiệu trưởng', en: 'Vice-principals' },
  TEACHER: { vi: 'Giáo viên', en: 'Teachers' },
  STAFF: { vi: 'Nhân viên', en: 'Other staff' },
  POOR_HOUSEHOLD: { vi: 'Hộ nghèo', en: 'Poor household' },
  NEAR_POOR_HOUSEHOLD: { vi: 'Hộ cận nghèo', en: 'Near-poor household' },
  ETHNIC_MINORITY_DISADVANTAGED: { vi: 'Dân tộc thiểu số vùng khó khăn', en: 'Ethnic minority, hardship area' },
  ORPHAN: { vi: 'Mồ côi', en: 'Orphan' },
  DISABILITY: { vi: 'Khuyết tật', en: 'With a disability' },
  WAR_INVALID_CHILD: { vi: 'Con thương binh', en: 'Child of a war invalid' },
  MARTYR_CHILD: { vi: 'Con liệt sĩ', en: 'Child of a martyr' },
  CLASSROOMS: { vi: 'Phòng học', en: 'Classrooms' },
  SUBJECT_ROOMS: { vi: 'Phòng học bộ môn', en: 'Subject rooms' },
  LABORATORIES: { vi: 'Phòng thí nghiệm', en: 'Laboratories' },
  LIBRARIES: { vi: 'Thư viện', en: 'Libraries' },
  COMPUTERS: { vi: 'Máy tính phục vụ dạy học', en: 'Computers for teaching' },
  missing: { vi: 'Chưa đủ kết quả', en: 'Results missing' },
  promoted: { vi: 'Lên lớp', en: 'Promoted' },
  repeated: { vi: 'Lưu ban', en: 'Repeat the year' },
  graduated: { vi: 'Hoàn thành cấp học', en: 'Graduated' },
  droppedOut: { vi: 'Bỏ học', en: 'Dropped out' },
  droppedOutFemale: { vi: 'Nữ bỏ học', en: 'Dropped out, female' },
  transferredOut: { vi: 'Chuyển đi', en: 'Transferred out' },
  transferredIn: { vi: 'Chuyển đến', en: 'Transferred in' },
};

/** A line's or a column's label: a grade prints as "Khối 6" / "Grade 6", a grading code as its level's name. */
export function formLabel(code: string, lang: 'vi' | 'en'): string {
  if ((GRADE_LEVELS as readonly string[]).includes(code)) return lang === 'vi' ? `Khối ${code}` : `Grade ${code}`;
  return FORM_LABELS[code]?.[lang] ?? GRADING_LABELS[code]?.[lang] ?? code;
}

/** Staff qualification levels, as the STAFF section's columns name them. */
export const QUALIFICATIONS = ['', ...QUALIFICATION_LEVELS] as const;
