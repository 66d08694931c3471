import fs from 'node:fs';
import os from 'node:os';

/** What the numbers were measured on, for the report. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
}

export function describeMachine(postgresVersion: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: postgresVersion,
  };
}

/** Clock ticks per second of /proc/<pid>/stat times: 100 on every Linux this runs on (USER_HZ). */
const USER_HZ = 100;

/**
 * CPU time (ms) used so far by each of `pids` that is a process of this machine, from /proc: the
 * database backends serving the benchmark when PostgreSQL runs locally. Undefined when none is found
 * (a remote server, or no /proc).
 */
export function processesCpuMs(pids: readonly number[]): Map<number, number> | undefined {
  const times = new Map<number, number>();
  for (const pid of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // not here, or exited meanwhile
    }
    // Fields 14 and 15 (utime, stime) are the 12th and 13th after the parenthesised command name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    times.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ);
  }
  return times.size ? times : undefined;
}
