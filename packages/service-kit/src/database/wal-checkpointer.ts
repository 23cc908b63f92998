import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What one round of the checkpointer found: the WAL's frames, and how many of them are in the database file. */
export interface Checkpointrunda {
  readonly log: number;
  readonly checkpointed: number;
  readonly restarted: boolean;
}

export interface WalCheckpointer {
  /** The last round's figures (undefined before the first). */
  readonly senaste: Checkpointrunda | undefined;
  stop(): Promise<void>;
}

// Runs in the worker thread, as a script: better-sqlite3 is the same native library as the service's own connection
// (one SQLite in the process, so its file locks know about each other), opened on the same file.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file, { timeout: 5000 });
let timer;
const round = () => {
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
    let restarted = false;
    if (passive.log >= workerData.restartPages) {
      const [restart] = db.pragma('wal_checkpoint(RESTART)');
      restarted = restart.busy === 0;
    }
    parentPort.postMessage({ log: passive.log, checkpointed: passive.checkpointed, restarted });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
  timer = setTimeout(round, workerData.intervalMs);
};
parentPort.on('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
round();
`;

/**
 * Checkpoints a SQLite database's WAL from a worker thread, so that copying the WAL into the database and syncing
 * it to disk no longer happens inside a commit on the service's one thread (a commit that filled the WAL to 4,000
 * pages stalled every request and event behind it for 100–140 ms, about seven times per whole-city round).
 *
 * Every `intervalMs` a PASSIVE checkpoint copies what it can without blocking anyone. Under an unbroken stream of
 * commits the WAL would then never start over from its beginning (a writer restarts it only when every frame is
 * already in the database), so once it holds `restartPages` frames a RESTART checkpoint follows: it holds back new
 * writers only for the few frames committed since the passive one and a sync. Durability is unchanged: the same
 * WAL, the same syncs, only on another thread.
 */
export function startWalCheckpointer(
  file: string,
  { intervalMs, restartPages }: { intervalMs: number; restartPages: number },
  onError: (message: string) => void,
): WalCheckpointer {
  const betterSqlite3 = createRequire(createRequire(import.meta.url).resolve('@mikro-orm/sqlite')).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, intervalMs, restartPages, betterSqlite3 } });
  // A service that stops without closing its database is not held up by its checkpointer.
  worker.unref();
  let senaste: Checkpointrunda | undefined;
  worker.on('message', (message: Checkpointrunda | { error: string }) => {
    if ('error' in message) onError(message.error);
    else senaste = message;
  });
  worker.on('error', (error) => onError(String(error)));
  const stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    get senaste() {
      return senaste;
    },
    async stop() {
      worker.postMessage('stop');
      await stopped;
    },
  };
}
