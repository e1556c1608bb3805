import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How long a receipt link sent to a family opens the receipt without signing in. */
export const RECEIPT_LINK_DAYS = 30;

export interface ReceiptRef {
  schoolId: string;
  paymentId: string;
}

/**
 * A receipt link's token: the school, the payment and an expiry, signed with HMAC-SHA-256 under a key derived from
 * the app's secret (JWT_SECRET, never used as is: a token of one kind cannot pass for another). Anyone holding the
 * link may open that one receipt until it expires, and nothing else; changing a single character breaks the
 * signature. `<payload>.<signature>`, both base64url.
 */
export class ReceiptLinks {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash('sha256').update(`emis-finance-receipt:${secret}`).digest();
  }

  sign(ref: ReceiptRef, now: Date, days = RECEIPT_LINK_DAYS): { token: string; expiresAt: Date } {
    const expiresAt = new Date(now.getTime() + days * 86_400_000);
    const payload = Buffer.from(
      JSON.stringify({ s: ref.schoolId, p: ref.paymentId, e: Math.floor(expiresAt.getTime() / 1000) }),
    ).toString('base64url');
    return { token: `${payload}.${this.signature(payload)}`, expiresAt };
  }

  /** The receipt a token names, or null when it is forged, damaged or expired. */
  verify(token: string, now: Date): ReceiptRef | null {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.signature(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = parse(payload);
    if (!claims || claims.e * 1000 <= now.getTime()) return null;
    return { schoolId: claims.s, paymentId: claims.p };
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parse(payload: string): { s: string; p: string; e: number } | null {
  try {
    const c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    return typeof c['s'] === 'string' &&
      UUID.test(c['s']) &&
      typeof c['p'] === 'string' &&
      UUID.test(c['p']) &&
      Number.isSafeInteger(c['e'])
      ? { s: c['s'], p: c['p'], e: c['e'] as number }
      : null;
  } catch {
    return null;
  }
}
