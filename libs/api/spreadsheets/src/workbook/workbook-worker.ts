import { parentPort, workerData } from 'node:worker_threads';
import { ImportFailure } from './import-failure';
import { runWorkbookTask, SheetChunk, WorkbookTask } from './workbook-tasks';
import { HostileWorkbook } from './zip-guard';

/** What the worker answers: the task's result, or the file's failure (a message for the user), or a crash. */
export type WorkbookWorkerReply =
  | { ok: true; result: Awaited<ReturnType<typeof runWorkbookTask>> }
  | { ok: false; failure: string; detail?: Record<string, unknown> }
  | { ok: false; crash: string };

/** A chunk of a streamed sheet on its way to the runner; the worker reads on once the runner answers. */
export interface WorkbookWorkerChunk {
  chunk: SheetChunk;
}

/** Posts a chunk and waits for the runner to take it in: the back-pressure that keeps both threads' memory flat. */
function send(chunk: SheetChunk): Promise<void> {
  return new Promise((resolve) => {
    parentPort?.once('message', () => resolve());
    parentPort?.postMessage({ chunk } satisfies WorkbookWorkerChunk);
  });
}

/** The entry of the worker thread WorkbookParser starts for one task (docs/security/imports.md). */
async function answer(task: WorkbookTask): Promise<WorkbookWorkerReply> {
  try {
    return { ok: true, result: await runWorkbookTask(task, send) };
  } catch (error) {
    if (error instanceof HostileWorkbook) return { ok: false, failure: error.message, detail: error.detail };
    if (error instanceof ImportFailure) return { ok: false, failure: error.message };
    return { ok: false, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

void answer(workerData as WorkbookTask).then((reply) => {
  const transfer = reply.ok && reply.result instanceof Uint8Array ? [reply.result.buffer as ArrayBuffer] : [];
  parentPort?.postMessage(reply, transfer);
});
