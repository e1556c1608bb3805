import { localeFrom, problemTitle, registerMessages, ruleMessage } from './messages';

describe('localized messages', () => {
  it('picks English only when the first preferred language is English', () => {
    expect(localeFrom('en-US,en;q=0.9')).toBe('en');
    expect(localeFrom('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(localeFrom(undefined)).toBe('vi');
    expect(localeFrom('fr')).toBe('vi');
  });

  it('fills the field label and the rule arguments', () => {
    expect(ruleMessage('max', 'pageSize', [200], 'vi')).toBe('Số dòng mỗi trang phải nhỏ hơn hoặc bằng 200');
    expect(ruleMessage('min', 'page', [1], 'en')).toBe('Page must be at least 1');
    expect(ruleMessage('isIn', 'items.0.sort', [['A', 'B']], 'en')).toBe('Sort must be one of: A, B');
  });

  it('titles problems in both languages', () => {
    expect(problemTitle('version_conflict', 'vi')).toBe('Dữ liệu đã được người khác thay đổi; hãy tải lại');
    expect(problemTitle('version_conflict', 'en')).toBe('Someone else changed this record; reload it');
  });

  it("finds a context's words once the context's catalogue is registered", () => {
    expect(ruleMessage('maxLength', 'motto', [300], 'vi')).toBe('motto không được dài quá 300 ký tự');
    expect(problemTitle('motto_taken', 'en')).toBe('Bad request');
    registerMessages({
      problems: { motto_taken: { vi: 'Khẩu hiệu đã có', en: 'The motto is taken' } },
      fields: { motto: { vi: 'Khẩu hiệu', en: 'Motto' } },
    });
    expect(ruleMessage('maxLength', 'motto', [300], 'vi')).toBe('Khẩu hiệu không được dài quá 300 ký tự');
    expect(problemTitle('motto_taken', 'en')).toBe('The motto is taken');
  });

  it('refuses a key registered again with other words, and accepts it again with the same words', () => {
    registerMessages({ fields: { slogan: { vi: 'Khẩu hiệu', en: 'Slogan' } } });
    expect(() => registerMessages({ fields: { slogan: { vi: 'Khẩu hiệu', en: 'Slogan' } } })).not.toThrow();
    expect(() => registerMessages({ fields: { slogan: { vi: 'Châm ngôn', en: 'Slogan' } } })).toThrow(
      "The field 'slogan' is registered twice with different words",
    );
  });
});
