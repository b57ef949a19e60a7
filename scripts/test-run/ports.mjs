// Who listens on a TCP port (Linux /proc, no tools needed), and stopping the e2e servers an earlier
// run left behind — only those: a process marked by scripts/e2e-server.mjs for this checkout.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { E2E_SERVER_MARK } from '../e2e-ports.mjs';

const LISTEN = '0A';

/** Socket inodes listening on `port`, IPv4 and IPv6. */
function listeningInodes(port) {
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== LISTEN) continue;
      if (parseInt(fields[1].split(':')[1], 16) === port) inodes.add(fields[9]);
    }
  }
  return inodes;
}

function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

/** The processes listening on `port`: `{ pid, command, e2eServerOf, runStillGoing }`; `[]` when the port is free. */
export function listenersOf(port) {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return [];
  const found = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    const holds = fds.some((fd) => {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        return target.startsWith('socket:[') && inodes.has(target.slice(8, -1));
      } catch {
        return false;
      }
    });
    if (!holds) continue;
    const env = readProc(pid, 'environ').split('\0');
    const mark = env.find((entry) => entry.startsWith(`${E2E_SERVER_MARK}=`));
    // The wrapper that started an e2e server lives as long as its Playwright run does.
    const parent = readProc(pid, 'stat').split(') ')[1]?.split(' ')[1];
    found.push({
      pid: Number(pid),
      command: readProc(pid, 'cmdline').split('\0').join(' ').trim().slice(0, 160),
      e2eServerOf: mark ? mark.slice(E2E_SERVER_MARK.length + 1) : undefined,
      runStillGoing: Boolean(parent) && readProc(parent, 'cmdline').includes('e2e-server.mjs'),
    });
  }
  // A socket held by another user's process is listed without its owner.
  return found.length > 0
    ? found
    : [{ pid: undefined, command: '(a process this user cannot see)', e2eServerOf: undefined }];
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stopProcess(pid) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let waited = 0; waited < 3_000 && alive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * Makes the e2e ports usable: e2e servers this checkout left behind (a killed run) are stopped;
 * anything else on a port is reported. Resolves to the problems, one line each ([] when all is free).
 */
export async function freeE2ePorts(ports, root = process.cwd()) {
  const problems = [];
  for (const [name, port] of Object.entries(ports)) {
    for (const listener of listenersOf(port)) {
      if (listener.e2eServerOf === root && listener.pid && !listener.runStillGoing) {
        console.log(`Port ${port} (${name}): stopping an e2e server an earlier run left behind (pid ${listener.pid}).`);
        await stopProcess(listener.pid);
      }
    }
    const left = listenersOf(port);
    if (left.length > 0) {
      problems.push(
        `Port ${port} (${name}) is in use by ${left.map((l) => (l.pid ? `pid ${l.pid}: ${l.command}` : l.command)).join('; ')}. ` +
          'Stop it, or move the e2e servers with E2E_DEMO_PORT, E2E_PROD_PORT, E2E_MOCK_PORT, E2E_RUNNER_PORT, E2E_RUNNER_APP_PORT.',
      );
    }
  }
  return problems;
}
