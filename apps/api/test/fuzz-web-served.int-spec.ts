import { fuzzOperations } from './fuzz-endpoints';
import { createWebDist } from './web-dist-fixture';

// The fuzzer against the application wired as production runs it with the web app served on the same origin (the
// static files and the deep-link fallback sit in front of /api): one case per operation, a few hundred in all — the
// two shards (fuzz.int-spec.ts, fuzz-shard2.int-spec.ts) run the long hunt without the web app.
const web = createWebDist();
afterAll(() => web.remove());
fuzzOperations(0, 1, { runs: 1, overrides: { WEB_DIST_DIR: web.dir }, title: ' with the web app served' });
