import { watermarkText } from './export-watermark';

describe('watermarkText', () => {
  it("names the account and the time in Vietnam's time zone, in Vietnamese then English", () => {
    const text = watermarkText({
      fullName: 'Nguyễn Văn Chuyên',
      username: 'chuyenvien.so',
      at: new Date('2026-12-05T16:05:00Z'),
    });
    expect(text).toBe(
      'Xuất bởi Nguyễn Văn Chuyên (chuyenvien.so) lúc 23:05 05/12/2026 – dữ liệu cá nhân, không chia sẻ · ' +
        'Exported by Nguyễn Văn Chuyên (chuyenvien.so) at 23:05 05/12/2026 – personal data, do not share',
    );
  });
});
