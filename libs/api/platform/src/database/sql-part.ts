/**
 * A piece of a statement that another context publishes (its port, in SQL) so a caller can make one statement of
 * several contexts' writes — e.g. the audit entry of a grade save written by the save's own statement. `bind` adds a
 * parameter to the caller's statement and answers its placeholder (`$n`).
 */
export type SqlPart = (bind: (value: unknown) => string) => string;
