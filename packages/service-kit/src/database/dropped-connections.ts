import type { Pool, PoolClient } from 'pg';

/**
 * Gives the pool back a connection the server dropped while it was checked out (PostgreSQL stopped or restarted in
 * the middle of a transaction). Kysely, under MikroORM, returns a transaction's connection to the pool only after its
 * ROLLBACK succeeds, which it never does on a dropped connection: the pool would count that connection as busy for
 * good, and once `max` of them were lost every request of the service would wait for a connection for ever. So a
 * checked-out connection that ends is released here with an error (the pool then discards it), and its holder's own
 * release afterwards does nothing.
 */
export function releaseDroppedConnections(pool: Pool): void {
  const checkedOut = new WeakSet<PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_error, client) => checkedOut.delete(client));
  pool.on('connect', (client) => {
    client.once('end', () => {
      if (!checkedOut.has(client)) return;
      const release = client.release.bind(client);
      client.release = () => undefined;
      release(new Error('the server closed the connection'));
    });
  });
}
