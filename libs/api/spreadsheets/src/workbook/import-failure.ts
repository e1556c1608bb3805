/** A failure of the whole file (not of a cell): the job fails with this Vietnamese message and no error workbook. */
export class ImportFailure extends Error {}

export const NOT_A_WORKBOOK = 'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ';
