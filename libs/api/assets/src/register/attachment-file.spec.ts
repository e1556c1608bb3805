import { attachmentFileErrors, detectAttachmentType, storedFileName, UploadedAttachment } from './attachment-file';

const bytes = (...b: number[]) => Buffer.concat([Buffer.from(b), Buffer.alloc(16)]);
const PDF = Buffer.from('%PDF-1.7\n');
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const file = (buffer: Buffer, mimetype: string, size = buffer.length): UploadedAttachment => ({
  originalname: 'x',
  mimetype,
  size,
  buffer,
});

describe('attachment files', () => {
  it('knows the four accepted types by their first bytes', () => {
    expect([PDF, JPEG, PNG, WEBP].map(detectAttachmentType)).toEqual([
      'application/pdf',
      'image/jpeg',
      'image/png',
      'image/webp',
    ]);
  });

  it('knows nothing else, whatever it is called: HTML, a RIFF that is a WAV, an empty file', () => {
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')]);
    expect([Buffer.from('<html>'), wav, Buffer.alloc(0)].map(detectAttachmentType)).toEqual([null, null, null]);
  });

  it('refuses a missing or empty file, one over 5 MB, and one declared as another type than it is', () => {
    expect(attachmentFileErrors(undefined)).toEqual([{ field: 'file', rule: 'attachmentRequired', args: [] }]);
    expect(attachmentFileErrors(file(PDF, 'application/pdf', 5 * 1024 * 1024 + 1))).toEqual([
      { field: 'file', rule: 'attachmentTooLarge', args: [5] },
    ]);
    expect(attachmentFileErrors(file(PNG, 'image/jpeg'))[0].rule).toBe('attachmentType');
    expect(attachmentFileErrors(file(Buffer.from('<svg/>'), 'image/png'))[0].rule).toBe('attachmentType');
    expect(attachmentFileErrors(file(PNG, 'image/png'))).toEqual([]);
    expect(attachmentFileErrors(file(PNG, 'application/octet-stream'))).toEqual([]);
  });

  it('keeps the last segment of the name, without control characters, or names an unnamed file', () => {
    expect(storedFileName('C:\\hồ sơ\\Hoá đơn\r\n.pdf', 'application/pdf')).toBe('Hoá đơn.pdf');
    expect(storedFileName('../../', 'image/png')).toBe('tep-dinh-kem.png');
  });
});
