import { ReportJob } from '@emis/contracts';
import { concat, exhaustMap, Observable, of, switchMap, takeWhile, timer } from 'rxjs';

/** How often a running job is asked for its progress. */
export const JOB_POLL_MS = 1500;

export function isJobRunning(job: ReportJob): boolean {
  return job.status === 'QUEUED' || job.status === 'RUNNING';
}

/**
 * A started job, then its state every JOB_POLL_MS until it is DONE or FAILED (that last state included), so a page
 * shows the progress and, at the end, the file or the error.
 */
export function followJob(
  started: Observable<ReportJob>,
  poll: (jobId: string) => Observable<ReportJob>,
  intervalMs = JOB_POLL_MS,
): Observable<ReportJob> {
  return started.pipe(
    switchMap((job) =>
      isJobRunning(job)
        ? concat(of(job), timer(intervalMs, intervalMs).pipe(exhaustMap(() => poll(job.id))))
        : of(job),
    ),
    takeWhile(isJobRunning, true),
  );
}
