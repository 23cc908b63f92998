import { EventEmitter } from 'node:events';

import type { Pool } from 'pg';
import { describe, expect, it } from 'vitest';

import { releaseDroppedConnections } from './dropped-connections.js';

/** The part of pg-pool's behaviour the guard relies on: connect, acquire, release (once) and their events. */
function fakePool() {
  const pool = new EventEmitter();
  const released: (Error | undefined)[] = [];
  const checkOut = (client: EventEmitter & { release?: (error?: Error) => void }, isNew = true) => {
    if (isNew) pool.emit('connect', client);
    pool.emit('acquire', client);
    let done = false;
    client.release = (error?: Error) => {
      if (done) throw new Error('Release called on client which has already been released to the pool.');
      done = true;
      released.push(error);
      pool.emit('release', error, client);
    };
    return client as EventEmitter & { release: (error?: Error) => void };
  };
  return { pool, released, checkOut };
}

describe('releaseDroppedConnections', () => {
  it('releases a checked-out connection the server closed, with an error, and makes its holder’s release harmless', () => {
    const { pool, released, checkOut } = fakePool();
    releaseDroppedConnections(pool as unknown as Pool);
    const client = checkOut(new EventEmitter());

    client.emit('end');
    expect(released).toEqual([new Error('the server closed the connection')]);
    expect(() => client.release()).not.toThrow();
    expect(released).toHaveLength(1);
  });

  it('leaves a connection alone that was released before it ended', () => {
    const { pool, released, checkOut } = fakePool();
    releaseDroppedConnections(pool as unknown as Pool);
    const client = checkOut(new EventEmitter());

    client.release();
    client.emit('end');
    expect(released).toEqual([undefined]);
  });
});
