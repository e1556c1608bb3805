/** The accounts attached to one org unit. */
export interface UnitAccountCount {
  /** Active accounts. */
  accounts: number;
  /** Active SCHOOL_ADMIN accounts (a school without one has nobody to give its staff accounts). */
  administrators: number;
}

/**
 * The port through which organisation administration counts a unit's accounts: accounts belong to the identity
 * context, which builds on this one, so identity implements the port and tenancy never reads its tables.
 */
export abstract class UnitAccounts {
  /** Counts by unit id; a unit without accounts is absent. */
  abstract countFor(unitIds: string[]): Promise<Map<string, UnitAccountCount>>;
}
