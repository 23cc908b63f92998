// A local PostgreSQL server for development and tests, without Docker: Debian's server binaries, a
// cluster of our own in .tertial/postgres, listening on 127.0.0.1 only.
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { aptInstall, createLog, run, which } from './process.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DEBIAN_PG_ROOT = '/usr/lib/postgresql';
const SUPERUSER = 'tertial';
const PASSWORD = 'tertial';
const IS_ROOT = process.getuid?.() === 0;
// PostgreSQL refuses to run as root, so as root the cluster belongs to Debian's `postgres` system user.
const OS_USER = 'postgres';

let serverBinDir;

/**
 * Makes sure a PostgreSQL server answers and returns its URL without a database
 * (`postgres://tertial:tertial@127.0.0.1:5433`); append `/<database>` to use one.
 * - DATABASE_URL set: that server is used as it is (its database part is dropped).
 * - a server already answers on 127.0.0.1:TERTIAL_PG_PORT: it is reused.
 * - otherwise our own cluster is started (created the first time), and `stop()` stops it.
 * `instance` and `port` name a cluster of the caller's own (.tertial/<instance>, DATABASE_URL not consulted): the fault
 * suite's, which it stops and starts again (`halt`, `resume`) while the product runs on it.
 * @param {{ root?: string, log?: ReturnType<typeof createLog>, instance?: string, port?: number, durable?: boolean }} [options]
 */
export async function ensurePostgres({
  root = REPO_ROOT,
  log = createLog('postgres'),
  // The fault suite runs a cluster of its own, which it may stop: its own folder under .tertial and its own port.
  instance = undefined,
  port: ownPort = undefined,
  // Durable as in production (fsync, synchronous commit), not as the throwaway clusters: a crash must keep every commit.
  durable = false,
} = {}) {
  if (process.env.DATABASE_URL && !instance) {
    const url = serverUrlOf(process.env.DATABASE_URL);
    log(`using the server of DATABASE_URL (${new URL(url).host})`);
    return { url, stop: async () => {}, started: false };
  }

  const port = ownPort ?? Number(process.env.TERTIAL_PG_PORT || 5433);
  const url = `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}`;
  await ensureServerInstalled(log); // first: it also brings the postgres system user that owns the cluster
  const home = await clusterHome(root, log, instance);
  const paths = {
    root,
    home,
    data: join(home, 'data'),
    socketDir: join(home, 'run'),
    logFile: join(root, '.tertial', 'logs', `${instance ?? 'postgres'}.log`),
  };
  const bin = serverBin(clusterMajor(paths.data));

  if (await answers(bin, port)) {
    await checkLogin(url, port);
    log(`reusing the server already running on 127.0.0.1:${port}`);
    return { url, stop: async () => {}, started: false };
  }

  if (!existsSync(join(paths.data, 'PG_VERSION'))) await initCluster(bin, paths, log);
  await startServer(bin, paths, port, log, durable);

  let stopping;
  const stop = () => (stopping ??= stopServer(bin, paths, log));
  return {
    url,
    stop,
    started: true,
    /** Stops the server as a crash would (`immediate`: no checkpoint, connections cut), for the fault suite; `resume` starts it again. */
    halt: () => stopServer(bin, paths, log, 'immediate'),
    resume: () => startServer(bin, paths, port, log, durable),
  };
}

/** Creates database `name` on the server unless it exists. */
export async function ensureDatabase(serverUrl, name) {
  const db = databaseName(name);
  const sql = `SELECT 'CREATE DATABASE "${db}"' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${db}') \\gexec`;
  try {
    await psql(serverUrl, sql);
  } catch (error) {
    // Two starts at once may both have seen it missing; the loser's "already exists" is a success.
    if (!/already exists/.test(error.message)) throw error;
  }
}

/** Drops database `name` if it exists, disconnecting whoever is still connected to it. */
export async function dropDatabase(serverUrl, name) {
  await psql(serverUrl, `DROP DATABASE IF EXISTS "${databaseName(name)}" WITH (FORCE)`);
}

/** `postgres://user:pass@host:port/db?x=y` -> `postgres://user:pass@host:port`. */
function serverUrlOf(databaseUrl) {
  const url = new URL(databaseUrl);
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  return `${url.protocol}//${auth}${url.host}`;
}

/** Only plain identifiers: they go into SQL text, and the project's names are all like tertial_goals. */
function databaseName(name) {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${JSON.stringify(name)}`);
  return name;
}

async function psql(serverUrl, sql) {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const psqlPath = await findPsql();
  await run(psqlPath, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url.href], { input: sql, env: { PGCONNECT_TIMEOUT: '10' } });
}

/**
 * Where the cluster lives. Normally .tertial/postgres. As root the server runs as `postgres`, which must
 * be able to reach that folder: we add o+x (enter, not list) to the repo folder and .tertial when they
 * lack it, since they are ours; folders above the repo are not ours to change, so when one of them
 * still blocks `postgres` (a checkout under /root, say) the cluster goes to
 * /var/lib/tertial/postgres-<hash of the repo path> instead, and the log says so.
 */
async function clusterHome(root, log, instance = 'postgres') {
  const inRepo = join(root, '.tertial', instance);
  mkdirSync(inRepo, { recursive: true });
  if (!IS_ROOT) return inRepo;

  const owner = await osUser();
  if (await reachableByOwner(inRepo, owner)) return inRepo;
  if (openToOthers(dirname(root))) {
    for (const dir of [root, join(root, '.tertial')]) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        log(`chmod o+x ${dir} so that the postgres user can reach its cluster`);
        chmodSync(dir, mode | 0o001);
      }
    }
    if (await reachableByOwner(inRepo, owner)) return inRepo;
  }

  const outside = join('/var/lib/tertial', `${instance}-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`);
  mkdirSync(outside, { recursive: true });
  log(`a folder above ${root} is closed to the postgres user: the cluster lives in ${outside}`);
  await reachableByOwner(outside, owner);
  return outside;
}

/** Whether `dir` and every folder above it let other users pass through (the x bit for others). */
function openToOthers(dir) {
  for (let current = dir; ; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) return false;
    if (current === dirname(current)) return true;
  }
}

/** Gives `dir` to the cluster's owner and tells whether that user can actually get in and write. */
async function reachableByOwner(dir, owner) {
  chownSync(dir, owner.uid, owner.gid);
  const { code } = await run('runuser', ['-u', OS_USER, '--', 'test', '-w', dir], { allowFailure: true, cwd: '/' });
  return code === 0;
}

let clusterOwner;
async function osUser() {
  if (clusterOwner) return clusterOwner;
  const { stdout: uid } = await run('id', ['-u', OS_USER], { allowFailure: true });
  const { stdout: gid } = await run('id', ['-g', OS_USER], { allowFailure: true });
  if (!uid.trim()) throw new Error(`the ${OS_USER} system user is missing (it comes with Debian's postgresql package)`);
  clusterOwner = { uid: Number(uid), gid: Number(gid) };
  return clusterOwner;
}

/** The major version an existing cluster was made with, so the same server binaries run it. */
function clusterMajor(dataDir) {
  try {
    return readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Installs Debian's postgresql package when no server binaries are there. */
async function ensureServerInstalled(log) {
  if (installedMajors().length > 0) return;
  log("no PostgreSQL server binaries found: installing Debian's postgresql package");
  await aptInstall(['postgresql'], { log });
  if (installedMajors().length === 0) throw new Error(`postgresql was installed but no ${DEBIAN_PG_ROOT}/*/bin/postgres exists`);
}

/** The bin folder of the newest installed server, or of the one an existing cluster was made with. */
function serverBin(clusterVersion) {
  const installed = installedMajors();
  const major = clusterVersion ?? installed[0];
  if (!installed.includes(major)) {
    throw new Error(
      `the cluster was made by PostgreSQL ${major}, which is not installed (found ${installed.join(', ')}): ` +
        `apt-get install postgresql-${major}, or delete the cluster to start afresh`,
    );
  }
  serverBinDir = join(DEBIAN_PG_ROOT, major, 'bin');
  return serverBinDir;
}

/** Major versions under /usr/lib/postgresql with a server binary, newest first. */
function installedMajors() {
  if (!existsSync(DEBIAN_PG_ROOT)) return [];
  return readdirSync(DEBIAN_PG_ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(DEBIAN_PG_ROOT, name, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
}

async function findPsql() {
  const candidates = [serverBinDir, ...installedMajors().map((major) => join(DEBIAN_PG_ROOT, major, 'bin'))]
    .filter(Boolean)
    .map((dir) => join(dir, 'psql'));
  const found = candidates.find((file) => existsSync(file)) ?? which('psql');
  if (found) return found;
  await aptInstall(['postgresql-client']);
  return which('psql') ?? 'psql';
}

/** pg_isready: 0 accepting, 1 starting up or shutting down, 2 nothing there. */
async function answers(bin, port) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const { code } = await run(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-t', '2'], { allowFailure: true });
    if (code === 0) return true;
    if (code !== 1) return false;
    await new Promise((done) => setTimeout(done, 500)); // one that is starting up: give it a moment
  }
  return false;
}

async function checkLogin(url, port) {
  try {
    await psql(url, 'SELECT 1');
  } catch (error) {
    throw new Error(
      `a PostgreSQL server answers on 127.0.0.1:${port} but does not let ${SUPERUSER} in; ` +
        `set TERTIAL_PG_PORT to a free port or DATABASE_URL to a server to use.\n${error.message}`,
    );
  }
}

/** Runs a server tool as the cluster's owner: `postgres` when we are root, else ourselves. */
function asOwner(bin, tool, args, options = {}) {
  const file = join(bin, tool);
  return IS_ROOT ? run('runuser', ['-u', OS_USER, '--', file, ...args], options) : run(file, args, options);
}

async function initCluster(bin, paths, log) {
  log(`creating a cluster in ${paths.data}`);
  rmSync(paths.data, { recursive: true, force: true }); // a half-made one from an interrupted initdb
  const pwfile = join(paths.home, 'initdb.pw');
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (IS_ROOT) {
    const owner = await osUser();
    chownSync(pwfile, owner.uid, owner.gid);
  }
  try {
    // Password (scram) over TCP, trust over the Unix socket, which only the owner can reach. No locale:
    // byte-order collation, fast, and the same on every machine.
    await asOwner(
      bin,
      'initdb',
      [
        '-D',
        paths.data,
        '-U',
        SUPERUSER,
        `--pwfile=${pwfile}`,
        '--auth-host=scram-sha-256',
        '--auth-local=trust',
        '--encoding=UTF8',
        '--no-locale',
        '--no-instructions',
      ],
      { cwd: paths.home },
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
  // A throwaway local/test cluster: losing the last transactions in a machine crash is fine, and skipping
  // the disk flushes makes the test suites' many small transactions much faster.
  appendFileSync(
    join(paths.data, 'postgresql.conf'),
    [
      '',
      '# Added by infra/scripts/lib/postgres.mjs: a local development and test cluster.',
      "listen_addresses = '127.0.0.1'",
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  );
}

async function startServer(bin, paths, port, log, durable = false) {
  mkdirSync(paths.socketDir, { recursive: true });
  if (IS_ROOT) {
    const owner = await osUser();
    chownSync(paths.socketDir, owner.uid, owner.gid);
  }
  mkdirSync(dirname(paths.logFile), { recursive: true });
  // The log is opened here (by us) and handed to the server, so the postgres user needs no access to it.
  const logFd = openSync(paths.logFile, 'a');
  writeSync(logFd, `\n==== ${new Date().toISOString()} starting PostgreSQL on 127.0.0.1:${port} ====\n`);
  const logOffset = statSync(paths.logFile).size;
  const startedAt = Date.now();
  // Port and socket folder on the command line, not in postgresql.conf, so a changed TERTIAL_PG_PORT just works.
  const serverOptions = [
    `-p ${port} -k ${shellQuote(paths.socketDir)} -c listen_addresses=127.0.0.1`,
    // A commit is answered only once it is on disk: what initCluster turned off for speed, back on.
    ...(durable ? ['-c fsync=on -c synchronous_commit=on -c full_page_writes=on'] : []),
  ].join(' ');
  try {
    await asOwner(bin, 'pg_ctl', ['-D', paths.data, '-w', '-t', '60', '-o', serverOptions, 'start'], { stdio: logFd, cwd: paths.home });
  } catch (error) {
    throw new Error(`PostgreSQL did not start (${error.message.split('\n')[0]}). ${paths.logFile}:\n${logTail(paths.logFile, logOffset)}`);
  } finally {
    closeSync(logFd);
  }
  log(
    `PostgreSQL ready on 127.0.0.1:${port} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s, log in ${relative(paths.root, paths.logFile)}`,
  );
}

async function stopServer(bin, paths, log, mode = 'fast') {
  const { code, stdout, stderr } = await asOwner(bin, 'pg_ctl', ['-D', paths.data, '-m', mode, '-w', 'stop'], {
    allowFailure: true,
    cwd: paths.home,
  });
  if (code === 0) log('PostgreSQL stopped');
  else log(`pg_ctl stop: ${`${stdout}${stderr}`.trim()}`);
}

/** pg_ctl hands -o to /bin/sh, so a path with spaces must be quoted. */
function shellQuote(value) {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function logTail(file, fromOffset, lines = 30) {
  try {
    return readFileSync(file).subarray(fromOffset).toString('utf8').trimEnd().split('\n').slice(-lines).join('\n') || '(the log is empty)';
  } catch {
    return '(no log)';
  }
}
