import { describeAccessSweep } from './access-sweep';
import { SWEEP_DATABASES } from './test-env';

// The API connected as the owner, whom RLS does not restrict: the API's own scope checks must hold by themselves.
describeAccessSweep('the API layer alone (RLS bypassed)', true, SWEEP_DATABASES.apiAlone);
