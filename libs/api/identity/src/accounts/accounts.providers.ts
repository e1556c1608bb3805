import { AccountActionsService } from './account-actions.service';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { BulkAccountsService } from './bulk-accounts.service';
import { CredentialSheets } from './credential-sheets';
import { DepartedStaffAccounts } from './departed-staff-accounts';
import { ResetRequestsRepository } from './reset-requests.repository';

/** Accounts administration's pieces, registered by IdentityModule (they share its SessionRegistry). */
export const ACCOUNTS_CONTROLLERS = [AccountsController];
export const ACCOUNTS_PROVIDERS = [
  AccountsRepository,
  ResetRequestsRepository,
  AccountsService,
  BulkAccountsService,
  AccountActionsService,
  CredentialSheets,
  DepartedStaffAccounts,
];
