import { CreateFoundation1764100000000 } from './1764100000000-CreateFoundation';
import { CreatePeople1764200000000 } from './1764200000000-CreatePeople';

/** Every migration, in order. Listed explicitly so the bundle and the CLI apply the same set. */
export const MIGRATIONS = [CreateFoundation1764100000000, CreatePeople1764200000000];
