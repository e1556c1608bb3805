import { ATTACHMENT_MAX_BYTES } from '@emis/domain';
import { attachmentRefusal } from './attachment-check';

describe('a file chosen for an asset record or an expense voucher', () => {
  it('may be a PDF or a JPEG, PNG or WebP image up to the limit', () => {
    expect(attachmentRefusal({ type: 'application/pdf', size: 120_000 })).toBeNull();
    expect(attachmentRefusal({ type: 'image/jpeg', size: ATTACHMENT_MAX_BYTES })).toBeNull();
    expect(attachmentRefusal({ type: 'image/png', size: 1 })).toBeNull();
    expect(attachmentRefusal({ type: 'image/webp', size: 1 })).toBeNull();
  });

  it('is refused for its type: a workbook, an executable, an unknown type', () => {
    expect(
      attachmentRefusal({ type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 10 }),
    ).toBe('type');
    expect(attachmentRefusal({ type: 'application/x-msdownload', size: 10 })).toBe('type');
    expect(attachmentRefusal({ type: '', size: 10 })).toBe('type');
  });

  it('is refused one byte over the size limit', () => {
    expect(attachmentRefusal({ type: 'application/pdf', size: ATTACHMENT_MAX_BYTES + 1 })).toBe('size');
  });
});
