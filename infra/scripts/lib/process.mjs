// Small process helpers shared by the start, test and bench scripts: running commands, waiting for
// servers, installing Debian packages, cleaning up on Ctrl-C, and one log style.
import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A logger printing `[tertial] message` (or `[tertial] scope: message`) to stderr, so stdout stays free
 * for what a command is asked to print.
 */
export function createLog(scope) {
  const prefix = process.stderr.isTTY ? '\x1b[2m[tertial]\x1b[0m' : '[tertial]';
  const write = (parts) => console.error(scope ? `${prefix} ${scope}:` : prefix, ...parts);
  const log = (...parts) => write(parts);
  log.child = (childScope) => createLog(scope ? `${scope}/${childScope}` : childScope);
  return log;
}

export const log = createLog();

/**
 * Runs a command to its end. `stdio: 'pipe'` (the default) captures its output and resolves to
 * `{ code, stdout, stderr }`; `stdio: 'inherit'` shows it live. A non-zero exit rejects with the command
 * and its (captured) output in the message, unless `allowFailure` is set.
 */
export function run(cmd, args = [], { cwd, env, stdio = 'pipe', input, allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: env ? { ...process.env, ...env } : process.env,
      stdio: [input === undefined ? 'ignore' : 'pipe', stdio, stdio],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    if (input !== undefined) child.stdin.end(input);
    child.on('error', (error) => reject(new Error(`${cmd}: ${error.message}`, { cause: error })));
    child.on('close', (code, signal) => {
      const result = { code: code ?? 128, stdout, stderr };
      if (code === 0 || allowFailure) return resolve(result);
      const output = `${stdout}${stderr}`.trim();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(Object.assign(new Error(`${[cmd, ...args].join(' ')} ${how}${output ? `:\n${output}` : ''}`), result));
    });
  });
}

/** Polls `url` until it answers 2xx; rejects with the last failure after `timeoutMs`, or at once when `signal` aborts. */
export async function waitForHttp(url, timeoutMs = 30_000, { intervalMs = 200, signal } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(500, Math.min(5_000, deadline - Date.now()))) });
      await response.body?.cancel();
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(intervalMs, undefined, { signal }).catch(() => signal?.throwIfAborted());
  }
  throw new Error(`${url} did not answer 2xx within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

/** The full path of an executable on PATH, or undefined. */
export function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const file = join(dir, cmd);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

let aptQueue = Promise.resolve();
let aptUpdated = false;

/**
 * Installs Debian packages with apt-get (as root, non-interactively, quietly). Calls are queued because
 * apt holds a lock, and the package lists are updated once per process.
 */
export function aptInstall(packages, { log: say = log } = {}) {
  return apt(packages, say, async (env) => {
    say(`apt-get install -y ${packages.join(' ')}`);
    await run('apt-get', ['-qq', 'install', '-y', ...packages], { env });
  });
}

/**
 * Fetches one Debian package's .deb into `dir` without installing it (`apt-get download`), for a tool taken out of a
 * package whose other contents (a server, its users and units) we do not want. Resolves to the file's path.
 */
export function aptDownload(pkg, dir, { log: say = log } = {}) {
  return apt([pkg], say, async (env) => {
    say(`apt-get download ${pkg}`);
    await run('apt-get', ['-qq', 'download', pkg], { env, cwd: dir });
    const deb = readdirSync(dir).find((file) => file.startsWith(`${pkg}_`) && file.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download ${pkg} left no .deb in ${dir}`);
    return join(dir, deb);
  });
}

/** Runs `step` after the package lists are updated (once per process), queued because apt holds a lock. */
function apt(packages, say, step) {
  const once = async () => {
    if (process.getuid?.() !== 0) {
      throw new Error(`${packages.join(' ')} is missing and only root can install it: apt-get install ${packages.join(' ')}`);
    }
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (!aptUpdated) {
      say('apt-get update');
      await run('apt-get', ['-qq', 'update'], { env });
      aptUpdated = true;
    }
    return step(env);
  };
  const result = aptQueue.then(once);
  aptQueue = result.catch(() => {});
  return result;
}

const ignoredWarnings = new Set();

/**
 * Drops one kind of Node process warning, by its type, that a dependency causes and we cannot fix, so
 * it does not alarm whoever reads the output. Everything else is printed as usual.
 */
export function ignoreWarning(type) {
  if (ignoredWarnings.size === 0) {
    const emitWarning = process.emitWarning.bind(process);
    process.emitWarning = (warning, ...args) => {
      const kind = typeof args[0] === 'string' ? args[0] : (args[0]?.type ?? warning?.name);
      if (ignoredWarnings.has(kind)) return;
      return emitWarning(warning, ...args);
    };
  }
  ignoredWarnings.add(type);
}

/**
 * A process as `{ pid, startTicks }`: the pid and when the kernel started it (field 22 of /proc/<pid>/stat), so a
 * pid written to a file earlier is not mistaken for another process that got the same number since. Undefined when
 * no such process runs.
 */
export function processIdentity(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Field 3 is the state: a zombie has ended, it only waits for its parent to read its exit status.
    if (fields[0] === 'Z') return undefined;
    return { pid, startTicks: fields[19] };
  } catch {
    return undefined;
  }
}

/** True while the process `{ pid, startTicks }` (from processIdentity) still runs. */
export function isRunning(identity) {
  if (!identity?.pid) return false;
  const now = processIdentity(identity.pid);
  return now !== undefined && (identity.startTicks === undefined || now.startTicks === identity.startTicks);
}

/** Waits until the process has ended; false if it still runs after `timeoutMs`. */
export async function waitForExit(identity, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(identity)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Ends a process another run left behind: waits `graceMs` for it to end by itself (it may be stopping already),
 * sends SIGTERM if `terminate`, and SIGKILL if it is still there after the grace.
 */
export async function endLeftover(identity, { graceMs = 20_000, terminate = true } = {}) {
  if (!isRunning(identity)) return;
  if (terminate) signalProcess(identity.pid, 'SIGTERM');
  if (await waitForExit(identity, graceMs)) return;
  signalProcess(identity.pid, 'SIGKILL');
  await waitForExit(identity, 5_000);
}

function signalProcess(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // gone meanwhile
  }
}

const cleanups = [];
const startListeners = [];
let shuttingDown;

/**
 * Registers `fn` to run synchronously the moment a shutdown begins, before any cleanup: to tell others at once that
 * what this run started is going away (the broker's record says "stopping", so a new start does not reuse it).
 */
export function onShutdownStart(fn) {
  installShutdownHooks();
  startListeners.push(fn);
}

/** True once a shutdown has begun: a process that ends now was stopped on purpose. */
export function isShuttingDown() {
  return shuttingDown !== undefined;
}

/**
 * Registers `fn` to run when the process is asked to stop (SIGINT, SIGTERM) or ends. Cleanups run once,
 * newest first, so what was started last is stopped first. On a signal, the async cleanups are awaited
 * and then the process exits; a second Ctrl-C exits at once. On a plain process.exit() only their
 * synchronous first steps can run (e.g. a child's SIGTERM), which is why stop functions signal first.
 */
export function onShutdown(fn) {
  installShutdownHooks();
  cleanups.push(fn);
}

/** Runs the registered cleanups now (newest first, once); also what the signal handlers do. */
export function shutdown() {
  if (!shuttingDown) notifyShutdownStart();
  shuttingDown ??= (async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (error) {
        log(`cleanup failed: ${error.message}`);
      }
    }
  })();
  return shuttingDown;
}

function notifyShutdownStart() {
  for (const fn of startListeners.splice(0)) {
    try {
      fn();
    } catch (error) {
      log(`shutdown: ${error.message}`);
    }
  }
}

let hooksInstalled = false;

function installShutdownHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.on(signal, () => {
      if (shuttingDown) {
        log(`${signal} again: exiting without waiting for cleanup`);
        process.exit(code);
      }
      shutdown().finally(() => process.exit(code));
    });
  }
  process.on('exit', () => {
    notifyShutdownStart();
    // Too late to await anything: start every remaining cleanup so its synchronous part still happens.
    while (cleanups.length > 0) {
      try {
        cleanups
          .pop()()
          ?.catch?.(() => {});
      } catch {
        // the process is ending; nothing left to report to
      }
    }
  });
}
