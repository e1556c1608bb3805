import { isVietnamesePhone, normalizePhone } from './phone';

describe('Vietnamese phone numbers', () => {
  it.each(['0912 345 678', '0387.654.321', '0221 3863 456', '02213863456', '0909-123-456'])('accepts %p', (value) => {
    expect(isVietnamesePhone(value)).toBe(true);
  });

  it.each(['12345', '0123456789', '091234567', '09123456789', '0221386345', '+84912345678', 'abc'])(
    'rejects %p',
    (value) => {
      expect(isVietnamesePhone(value)).toBe(false);
    },
  );

  it('drops separators', () => {
    expect(normalizePhone('0221 3863-456')).toBe('02213863456');
  });
});
