import { MessageCatalogue } from '@emis/api/platform';

/** The words of Excel uploads, Vietnamese first; registered with platform's message lookup by the app. */
export const SPREADSHEETS_MESSAGES: MessageCatalogue = {
  problems: {
    file_required: { vi: 'Chưa chọn tệp để tải lên', en: 'No file was uploaded' },
    file_too_large: { vi: 'Tệp quá lớn', en: 'The file is too large' },
    hostile_workbook: {
      vi: 'Tệp Excel bị từ chối vì kích thước hoặc cấu trúc bất thường',
      en: 'The Excel file was refused: its size or structure is abnormal',
    },
    invalid_workbook: {
      vi: 'Tệp không phải là bảng tính Excel (.xlsx)',
      en: 'The file is not an Excel workbook (.xlsx)',
    },
  },
};
