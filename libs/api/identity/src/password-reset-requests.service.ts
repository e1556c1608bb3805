import { Injectable } from '@nestjs/common';
import { PasswordResetRequestsRepository } from './password-reset-requests.repository';
import { UsersRepository } from './users.repository';

/**
 * "Quên mật khẩu" (docs/domain/sign-in.md, "Forgotten password"): Emis sends no e-mail; the request waits in the inbox
 * of the user's administrators (the accounts whose scope holds the user's unit), who reset the password in person.
 * The answer is the same whether or not the user name exists, so the form tells nobody which names do.
 */
@Injectable()
export class PasswordResetRequests {
  constructor(
    private readonly users: UsersRepository,
    private readonly requests: PasswordResetRequestsRepository,
  ) {}

  /** Files a request for an active user, unless one is already waiting. */
  async request(username: string, address: string): Promise<void> {
    const user = await this.users.findByUsername(username);
    if (!user?.active) return;
    await this.requests.fileUnlessPending(user.id, user.orgUnitId, address);
  }
}
