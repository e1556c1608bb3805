import { AccountDetail } from '@emis/contracts';
import { AccountAction } from '../data-access/accounts.api';

/** Everything an administrator may do to an account from its page: the API's actions plus a role change. */
export type AccountCommand = AccountAction | 'role';

/**
 * The actions that make sense for the account as it is now, in the order the page shows them. The API decides in
 * the end (scope, rank, "not oneself": docs/domain/accounts.md, "Who administers whom"); this only keeps buttons
 * that would surely be refused, or do nothing, off the page. `self`: the caller's own account, which they may
 * neither re-role nor disable.
 */
export function accountCommands(account: AccountDetail, self: boolean): AccountCommand[] {
  const commands: AccountCommand[] = [];
  if (!self && account.grantableRoles.some((role) => role !== account.role)) commands.push('role');
  if (account.status === 'SOFT_LOCKED') commands.push('unlock');
  commands.push('reset-password');
  if (account.mfaEnabled) commands.push('reset-mfa');
  if (account.activeSessions > 0) commands.push('end-sessions');
  if (account.status === 'DISABLED') commands.push('enable');
  else if (!self) commands.push('disable');
  return commands;
}

/** Actions that may not be undone by the user alone: the confirm button is red. */
export function isDestructive(command: AccountCommand): boolean {
  return command === 'disable' || command === 'reset-password' || command === 'reset-mfa';
}
