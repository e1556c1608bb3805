import { localeFrom, problemTitle, ruleMessage } from './messages';

describe('localized messages', () => {
  it('picks English only when the first preferred language is English', () => {
    expect(localeFrom('en-US,en;q=0.9')).toBe('en');
    expect(localeFrom('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(localeFrom(undefined)).toBe('vi');
    expect(localeFrom('fr')).toBe('vi');
  });

  it('fills the field label and the rule arguments', () => {
    expect(ruleMessage('maxLength', 'address', [300], 'vi')).toBe('Địa chỉ không được dài quá 300 ký tự');
    expect(ruleMessage('min', 'foundedYear', [1900], 'en')).toBe('Year founded must be at least 1900');
    expect(ruleMessage('isIn', 'guardians.0.level', [['A', 'B']], 'en')).toBe('Level must be one of: A, B');
  });

  it('titles problems in both languages', () => {
    expect(problemTitle('version_conflict', 'vi')).toBe('Dữ liệu đã được người khác thay đổi; hãy tải lại');
    expect(problemTitle('version_conflict', 'en')).toBe('Someone else changed this record; reload it');
  });
});
