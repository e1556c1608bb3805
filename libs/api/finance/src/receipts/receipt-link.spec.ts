import { ReceiptLinks } from './receipt-link';

const ref = { schoolId: '6f1c2a52-3d0e-4a8b-9d51-0c7f2b7e9a10', paymentId: '0b6e8d4c-7a1f-4f3e-8c2d-5e9a1b3c7d20' };
const secret = 'a-test-secret-of-at-least-thirty-two-characters';
const now = new Date('2025-10-01T08:00:00Z');

describe('ReceiptLinks', () => {
  const links = new ReceiptLinks(secret);

  it('opens the receipt it was signed for until it expires', () => {
    const { token, expiresAt } = links.sign(ref, now, 30);
    expect(expiresAt.toISOString()).toBe('2025-10-31T08:00:00.000Z');
    expect(links.verify(token, new Date('2025-10-31T07:59:59Z'))).toEqual(ref);
    expect(links.verify(token, new Date('2025-10-31T08:00:00Z'))).toBeNull();
  });

  it('refuses a token whose payload was changed to name another payment', () => {
    const { token } = links.sign(ref, now);
    const [, signature] = token.split('.');
    const other = Buffer.from(
      JSON.stringify({ s: ref.schoolId, p: '0b6e8d4c-7a1f-4f3e-8c2d-5e9a1b3c7d21', e: 4102444800 }),
    ).toString('base64url');
    expect(links.verify(`${other}.${signature}`, now)).toBeNull();
  });

  it('refuses a token signed under another secret, a damaged one, and garbage', () => {
    const { token } = new ReceiptLinks('another-secret-of-at-least-thirty-two-chars').sign(ref, now);
    expect(links.verify(token, now)).toBeNull();
    const good = links.sign(ref, now).token;
    expect(links.verify(`${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`, now)).toBeNull();
    expect(links.verify('not-a-token', now)).toBeNull();
    expect(links.verify(`${good}.x`, now)).toBeNull();
  });
});
