import { Injectable } from '@nestjs/common';
import type { OneTimeCredential } from '@emis/contracts';
import { randomBytes } from 'node:crypto';

/** How long a sheet of one-time passwords can be downloaded after the accounts were made (docs/domain/accounts.md). */
export const CREDENTIAL_SHEET_TTL_MS = 10 * 60 * 1000;

export interface CredentialSheet {
  /** The administrator who made the accounts: nobody else may download the sheet. */
  ownerId: string;
  /** The school or unit the accounts belong to: its audit chain records each download; its name is printed. */
  unitId: string;
  unitName: string;
  createdAt: Date;
  credentials: OneTimeCredential[];
}

/**
 * The one-time passwords of a bulk creation, held in this process's memory for CREDENTIAL_SHEET_TTL_MS so the
 * administrator can print the sheet and download the workbook, then forgotten: they are never written to the
 * database, a log or a file. A sheet lives in the API instance that made it (behind a load balancer, the download must
 * reach the same instance — sticky sessions — or the administrator resets the passwords instead).
 */
@Injectable()
export class CredentialSheets {
  private readonly sheets = new Map<string, CredentialSheet>();

  /** The clock (a test moves it past the lifetime). */
  now: () => number = Date.now;

  /** Keeps a sheet and answers its download token (256 random bits, so it cannot be guessed). */
  keep(sheet: Omit<CredentialSheet, 'createdAt'>): string {
    this.forgetExpired();
    const token = randomBytes(32).toString('base64url');
    this.sheets.set(token, { ...sheet, createdAt: new Date(this.now()) });
    return token;
  }

  /** The sheet of `token` when it is still alive and `userId` made it; undefined otherwise (expired, someone else's). */
  take(token: string, userId: string): CredentialSheet | undefined {
    this.forgetExpired();
    const sheet = this.sheets.get(token);
    return sheet && sheet.ownerId === userId ? sheet : undefined;
  }

  private forgetExpired(): void {
    const oldest = this.now() - CREDENTIAL_SHEET_TTL_MS;
    for (const [token, sheet] of this.sheets) if (sheet.createdAt.getTime() <= oldest) this.sheets.delete(token);
  }
}
