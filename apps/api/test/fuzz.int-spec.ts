import { fuzzOperations } from './fuzz-endpoints';

// The first half of the operations; fuzz-shard2.int-spec.ts takes the other (Jest runs the two files in parallel).
fuzzOperations(0, 2);
