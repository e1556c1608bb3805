import { Role } from '@emis/domain';

/** The signed-in user, as the access token and the database say. */
export interface Principal {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  orgUnitId: string;
}

/**
 * What the caller may see. `all` is the department's scope (the whole province); otherwise the explicit
 * set of org-unit ids (schools and units) of the subtree in view. This is handed to PostgreSQL at the start
 * of every transaction, where row-level security reads it.
 */
export interface Scope {
  /** The org unit whose subtree is in view: the user's own, or a narrower one picked in the switcher. */
  rootId: string;
  all: boolean;
  orgUnitIds: string[];
}

/** Keys of the request context (nestjs-cls). */
export const CTX = {
  principal: 'principal',
  scope: 'scope',
  requestId: 'requestId',
  locale: 'locale',
  manager: 'entityManager',
} as const;

export type Locale = 'vi' | 'en';
