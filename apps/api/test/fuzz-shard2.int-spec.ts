import { fuzzOperations } from './fuzz-endpoints';

// The second half of the operations (see fuzz.int-spec.ts).
fuzzOperations(1, 2);
