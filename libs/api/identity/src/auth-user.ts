import type { AuthUser } from '@emis/contracts';
import { OrgTreeService } from '@emis/api/tenancy';
import { UserRecord } from './users.repository';

/** The signed-in user as the web app shows them, with the session the request belongs to. */
export async function toAuthUser(tree: OrgTreeService, user: UserRecord, sessionId?: string): Promise<AuthUser> {
  const unit = await tree.get(user.orgUnitId);
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    orgUnitId: user.orgUnitId,
    orgUnitName: unit?.name ?? '',
    orgUnitKind: unit?.kind ?? 'SCHOOL',
    mfaEnabled: user.mfaEnabled,
    locale: user.locale,
    ...(sessionId ? { sessionId } : {}),
  };
}
