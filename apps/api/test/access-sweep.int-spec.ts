import { describeAccessSweep } from './access-sweep';
import { SWEEP_DATABASES } from './test-env';

// As deployed: the API's scope checks and PostgreSQL's RLS. The same sweep with RLS bypassed runs beside it, in
// access-sweep-rls-bypassed.int-spec.ts.
describeAccessSweep('both layers', false, SWEEP_DATABASES.bothLayers);
