import { ReportJob } from '@emis/contracts';
import { firstValueFrom, Observable, of, toArray } from 'rxjs';
import { followJob } from './report-job';

function job(status: ReportJob['status'], progress: number): ReportJob {
  return {
    id: 'job-1',
    kind: 'PROVINCE_WORKBOOK',
    status,
    progress,
    fileName: status === 'DONE' ? 'so-lieu.xlsx' : null,
    error: status === 'FAILED' ? 'boom' : null,
    createdAt: '2026-12-05T10:00:00Z',
    finishedAt: null,
  };
}

describe('following a report job', () => {
  it('reports the progress until the job is done, the final state included, then stops asking', async () => {
    const answers = [job('RUNNING', 40), job('RUNNING', 80), job('DONE', 100), job('DONE', 100)];
    let asked = 0;
    const poll = (): Observable<ReportJob> => of(answers[asked++]);
    const states = await firstValueFrom(followJob(of(job('QUEUED', 0)), poll, 1).pipe(toArray()));
    expect(states.map((s) => [s.status, s.progress])).toEqual([
      ['QUEUED', 0],
      ['RUNNING', 40],
      ['RUNNING', 80],
      ['DONE', 100],
    ]);
    expect(asked).toBe(3);
  });

  it('stops at a failure and never polls a job that was already finished when started', async () => {
    let asked = 0;
    const failing = await firstValueFrom(
      followJob(of(job('RUNNING', 10)), () => (asked++, of(job('FAILED', 10))), 1).pipe(toArray()),
    );
    expect(failing.map((s) => s.status)).toEqual(['RUNNING', 'FAILED']);
    const done = await firstValueFrom(
      followJob(of(job('DONE', 100)), () => (asked++, of(job('DONE', 100))), 1).pipe(toArray()),
    );
    expect(done.map((s) => s.status)).toEqual(['DONE']);
    expect(asked).toBe(1);
  });
});
