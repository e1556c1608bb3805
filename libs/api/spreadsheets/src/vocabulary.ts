import {
  ContractType,
  DisabilityKind,
  ETHNICITIES,
  PolicyGroup,
  QualificationLevel,
  StaffPosition,
} from '@emis/domain';

/**
 * The Vietnamese words a school writes in its spreadsheets for the coded values of the records. Templates offer
 * them as dropdowns and imports read them back; matching forgives case, surrounding spaces and Unicode form.
 */
export const GENDER_LABELS: Record<'MALE' | 'FEMALE', string> = { MALE: 'Nam', FEMALE: 'Nữ' };

export const POSITION_LABELS: Record<StaffPosition, string> = {
  PRINCIPAL: 'Hiệu trưởng',
  VICE_PRINCIPAL: 'Phó hiệu trưởng',
  TEACHER: 'Giáo viên',
  STAFF: 'Nhân viên',
};

export const CONTRACT_LABELS: Record<ContractType, string> = { CIVIL_SERVANT: 'Biên chế', CONTRACT: 'Hợp đồng' };

export const QUALIFICATION_LABELS: Record<QualificationLevel, string> = {
  INTERMEDIATE: 'Trung cấp',
  COLLEGE: 'Cao đẳng',
  BACHELOR: 'Đại học',
  MASTER: 'Thạc sĩ',
  DOCTOR: 'Tiến sĩ',
};

/** Policy-beneficiary groups as the department's statistics name them. */
export const POLICY_GROUP_LABELS: Record<PolicyGroup, string> = {
  POOR_HOUSEHOLD: 'Hộ nghèo',
  NEAR_POOR_HOUSEHOLD: 'Hộ cận nghèo',
  ETHNIC_MINORITY_DISADVANTAGED: 'Dân tộc thiểu số vùng khó khăn',
  ORPHAN: 'Mồ côi',
  DISABILITY: 'Khuyết tật',
  WAR_INVALID_CHILD: 'Con thương binh',
  MARTYR_CHILD: 'Con liệt sĩ',
};

/** Kinds of disability (Law on Persons with Disabilities 51/2010/QH12, Art. 3, with speech and autism kept apart). */
export const DISABILITY_LABELS: Record<DisabilityKind, string> = {
  MOBILITY: 'Vận động',
  HEARING: 'Nghe',
  VISUAL: 'Nhìn',
  INTELLECTUAL: 'Trí tuệ',
  SPEECH: 'Nói',
  AUTISM: 'Tự kỷ',
  MULTIPLE: 'Đa tật',
  OTHER: 'Khác',
};

export const ETHNICITY_NAMES: readonly string[] = ETHNICITIES.map((e) => e.name);

export function labelKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** The code whose label is `text`, or undefined. */
export function codeOfLabel<C extends string>(labels: Record<C, string>, text: string): C | undefined {
  const wanted = labelKey(text);
  return (Object.keys(labels) as C[]).find((code) => labelKey(labels[code]) === wanted);
}
