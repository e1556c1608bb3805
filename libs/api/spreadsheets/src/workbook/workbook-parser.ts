import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HeaderRow } from '../importer';
import { LocatedError } from './cell-errors';
import { ImportFailure } from './import-failure';
import { ImportLayout } from './layout';
import { PlainCell, SheetChunk, SheetRead, WorkbookTask } from './workbook-tasks';
import type { WorkbookWorkerChunk, WorkbookWorkerReply } from './workbook-worker';
import { HostileWorkbook, inspectXlsx } from './zip-guard';

/** The runner's answer to a chunk (workbook-worker.ts waits for it): kept here, the worker's module starts a thread. */
const CHUNK_TAKEN = 'taken';

/**
 * The API's event loop never parses an uploaded file: every parse runs in a worker thread of its own, with a heap
 * limit and a time limit, after the pre-scan (inspectXlsx) passed — at the door, and for an import's streamed read
 * again in the worker itself, first thing, so the API's thread never inflates the file twice. An import's data sheet is streamed
 * (a 200,000-row student list holds the shared strings, a chunk of rows and little else); the time limit is the
 * longest the worker may take to produce its next answer (a chunk of rows, or the whole result of a whole-file task),
 * the runner's own work between chunks not counted. The limits leave room for a slow machine and refuse anything
 * else (docs/security/imports.md).
 */
export const WORKER_LIMITS = {
  maxOldGenerationSizeMb: 768,
  maxYoungGenerationSizeMb: 64,
  timeoutMs: 90_000,
} as const;

/**
 * The young generation of a streamed read's worker: its allocations are a chunk of rows at a time, all short-lived,
 * and a smaller nursery is emptied more often — 64 → 32 MB gave 45 MB less peak memory for a 200,000-row list, 32 → 16
 * MB some 20 MB less (median of three interleaved runs), the same time (docs/benchmarks.md, "The import's memory"). A
 * whole-file task keeps WORKER_LIMITS'.
 */
export const STREAMED_READ_YOUNG_MB = 16;

/**
 * Rows per chunk of a streamed sheet: the runner types and checks them before the worker reads on. Small enough that
 * a chunk's rows, typed and bound as the staging statement's parameters, die in the API's young generation instead
 * of being promoted while the statement runs: with 2,000 rows a chunk, a 200,000-row list grew the main thread's heap
 * to some 200 MB before a full collection, with 500 to some 80 MB, in the same time (docs/benchmarks.md, import-200k).
 */
export const SHEET_CHUNK_ROWS = 500;

/**
 * The data sheet of an import, streamed by the worker once its pre-scan passed: the header, then the rows chunk by
 * chunk to `onChunk` (the worker waits for each to be taken in), then what else the import needs of the file.
 */
export async function readUploadedSheet(
  file: Buffer,
  request: { layout: ImportLayout; headerRow: HeaderRow; maxRows: number; tooManyRows: string },
  onChunk: (chunk: SheetChunk) => Promise<void>,
): Promise<SheetRead> {
  return inWorker<SheetRead>({ kind: 'readSheet', file, chunkRows: SHEET_CHUNK_ROWS, ...request }, onChunk);
}

/** The uploaded workbook with its errors marked, stripped of links, defined names and external references. */
export async function buildErrorWorkbook(file: Buffer, errors: LocatedError[], headerRow: number): Promise<Buffer> {
  const bytes = await inWorker<Uint8Array>({ kind: 'errorWorkbook', file, errors, headerRow });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Every cell of the first sheet (a bank statement, read outside the import runner), after the same pre-scan. */
export async function readWorkbookCells(file: Buffer, maxRows: number): Promise<PlainCell[][]> {
  await inspectXlsx(file, maxRows);
  return inWorker<PlainCell[][]>({ kind: 'readCells', file });
}

async function inWorker<T>(task: WorkbookTask, onChunk?: (chunk: SheetChunk) => Promise<void>): Promise<T> {
  const worker = await startWorker(task);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const tooLong = () => {
      settled = true;
      reject(
        new HostileWorkbook(
          `Đọc tệp quá lâu (quá ${WORKER_LIMITS.timeoutMs / 1000} giây); hãy kiểm tra lại tệp hoặc chia thành nhiều tệp`,
          { reason: 'parse_time', limitMs: WORKER_LIMITS.timeoutMs },
        ),
      );
      void worker.terminate();
    };
    let timer = setTimeout(tooLong, WORKER_LIMITS.timeoutMs);
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.on('message', (message: WorkbookWorkerReply | WorkbookWorkerChunk) => {
      if (!('chunk' in message)) {
        settle(() => (message.ok ? resolve(message.result as T) : reject(failureOf(message))));
        return;
      }
      // The runner's work on a chunk is not the worker's: the clock restarts once the chunk is taken in.
      clearTimeout(timer);
      // A callback that throws at once (it may type the chunk before answering) fails the read, not the process.
      new Promise<void>((taken) => taken((onChunk ?? (() => Promise.resolve()))(message.chunk))).then(
        () => {
          if (settled) return;
          timer = setTimeout(tooLong, WORKER_LIMITS.timeoutMs);
          worker.postMessage(CHUNK_TAKEN);
        },
        (error: unknown) => settle(() => reject(error)),
      );
    });
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new HostileWorkbook(
                'Tệp quá phức tạp để đọc (vượt giới hạn bộ nhớ); hãy kiểm tra lại tệp hoặc chia thành nhiều tệp',
                { reason: 'parse_memory', limitMb: WORKER_LIMITS.maxOldGenerationSizeMb },
              )
            : error,
        ),
      ),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the workbook worker exited (${code}) without an answer`))),
    );
  });
}

function failureOf(reply: Exclude<WorkbookWorkerReply, { ok: true }>): Error {
  if ('crash' in reply) return new Error(`the workbook worker failed: ${reply.crash}`);
  return reply.detail ? new HostileWorkbook(reply.failure, reply.detail) : new ImportFailure(reply.failure);
}

/**
 * The worker runs workbook-worker.js beside this file once built. Run from the TypeScript sources (tests, ts-node),
 * the worker's code is bundled once per process by esbuild (a few tens of milliseconds; exceljs stays a require):
 * registering ts-node in every worker cost seconds per parse.
 */
async function startWorker(task: WorkbookTask): Promise<Worker> {
  const options = {
    workerData: task,
    resourceLimits: {
      maxOldGenerationSizeMb: WORKER_LIMITS.maxOldGenerationSizeMb,
      maxYoungGenerationSizeMb:
        task.kind === 'readSheet' ? STREAMED_READ_YOUNG_MB : WORKER_LIMITS.maxYoungGenerationSizeMb,
    },
  };
  if (path.extname(__filename) !== '.ts') return new Worker(path.join(__dirname, 'workbook-worker.js'), options);
  bundledFromSources ??= bundleFromSources(path.join(__dirname, 'workbook-worker.ts'));
  return new Worker(await bundledFromSources, { ...options, eval: true });
}

let bundledFromSources: Promise<string> | undefined;

async function bundleFromSources(entry: string): Promise<string> {
  const esbuild = await import('esbuild');
  const built = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
  });
  return built.outputFiles[0].text;
}
