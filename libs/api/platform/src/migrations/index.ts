import { CreateFoundation1764100000000 } from './1764100000000-CreateFoundation';

/** Every migration, in order. Listed explicitly so the bundle and the CLI apply the same set. */
export const MIGRATIONS = [CreateFoundation1764100000000];
