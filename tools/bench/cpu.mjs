// CPU time spent by the processes of a run, read from /proc (Linux): the API's process (its worker threads included),
// PostgreSQL's (the postmaster, its live backends and background processes, and the backends it has reaped) and the
// load generator's (a child of this process, counted once it has exited and been reaped). CPU per operation does not
// depend on how busy the machine is the way throughput does: on a shared machine it is the figure to compare.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Clock ticks per second of /proc's CPU times (sysconf(_SC_CLK_TCK): 100 on every Linux that ships). */
const TICKS = 100;

/** [ppid, own CPU ticks, reaped children's CPU ticks] of a process, or undefined when it is gone. */
function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: state, ppid, … utime (14), stime, cutime, cstime (17).
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return [Number(f[1]), Number(f[11]) + Number(f[12]), Number(f[13]) + Number(f[14])];
  } catch {
    return undefined;
  }
}

/** CPU ms of a process and everything under it (live descendants, and whatever each of them has reaped). */
function treeMs(rootPid) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(name);
    if (s) parents.set(Number(name), s);
  }
  let ticks = 0;
  const walk = (pid) => {
    const s = parents.get(pid);
    if (!s) return;
    ticks += s[1] + s[2];
    for (const [child, cs] of parents) if (cs[0] === pid) walk(child);
  };
  walk(rootPid);
  return (ticks * 1000) / TICKS;
}

/** This process's reaped children (the load generator run by execFileSync), in ms. */
function reapedMs() {
  return ((stat('self')?.[2] ?? 0) * 1000) / TICKS;
}

/**
 * A meter of the API's, PostgreSQL's and the load generator's CPU: `sample()` before and after a measured run, and
 * `perOperation(before, after, operations)` the ms of each per operation.
 * `postmasterPid` may be a list: a Citus cluster's nodes on this machine (`clusterPostmasterPids`), summed.
 * @param {{ apiPid: number, postmasterPid: number | number[] }} pids
 */
export function cpuMeter({ apiPid, postmasterPid }) {
  const dbPids = [postmasterPid].flat().filter(Boolean);
  const dbMs = () => dbPids.reduce((ms, pid) => ms + treeMs(pid), 0);
  const sample = () => ({ api: treeMs(apiPid), db: dbMs(), load: reapedMs() });
  const perOperation = (before, after, operations) => {
    const per = (k) => (operations ? Math.round(((after[k] - before[k]) / operations) * 100) / 100 : null);
    return { apiMs: per('api'), dbMs: per('db'), loadMs: per('load') };
  };
  return { sample, perOperation };
}

/** PostgreSQL's postmaster: the parent of any backend, here of the owner pool's own connection. */
export async function postmasterPid(owner) {
  const [{ pid }] = (await owner.query('select pg_backend_pid() as pid')).rows;
  return stat(pid)?.[0];
}

/**
 * The postmasters of the database's server and, on a Citus coordinator, of its workers when they run on this machine
 * (their data folder's postmaster.pid is readable here): the whole cluster's PostgreSQL CPU, not the coordinator's only.
 */
export async function clusterPostmasterPids(owner) {
  const pids = [await postmasterPid(owner)];
  const {
    rows: [{ citus }],
  } = await owner.query(`select exists (select from pg_extension where extname = 'citus') as citus`);
  if (!citus) return pids;
  const { rows } = await owner.query(
    `select success, result from run_command_on_workers($$select current_setting('data_directory')$$)`,
  );
  for (const { success, result } of rows) {
    const file = path.join(result, 'postmaster.pid');
    if (!success || !existsSync(file)) continue;
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
    if (pid && stat(pid)) pids.push(pid);
  }
  return pids;
}
