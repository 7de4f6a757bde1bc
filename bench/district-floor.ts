import crypto from 'node:crypto';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

/**
 * The floor: a bare Fastify server with no Linli code that answers each request by running exactly
 * the statements Linli ran for it (captured by bench/district.ts), in the same order, on the same
 * database, and replying with their rows as JSON. Linli can be no faster than this.
 */

export interface CapturedStatement {
  sql: string;
  params: unknown[];
}
export interface FloorRequest {
  dialect: 'sqlite' | 'postgres';
  sqliteFile?: string;
  databaseUrl?: string;
  /** Statements per request URL (path and query). */
  routes: Record<string, CapturedStatement[]>;
}
export type FloorReply = { port: number } | { error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An INSERT replayed as captured would collide on its id: each replay writes under new ids. */
const freshIds = (s: CapturedStatement): unknown[] =>
  /^\s*insert/i.test(s.sql)
    ? s.params.map((p, i) =>
        i === 0 && typeof p === 'string' && UUID.test(p) ? crypto.randomUUID() : p,
      )
    : s.params;

async function start(req: FloorRequest): Promise<number> {
  let run: (s: CapturedStatement) => Promise<unknown[]>;
  if (req.dialect === 'sqlite') {
    const db = new SQLite(req.sqliteFile);
    // The settings of server/db/index.ts openDb, so both servers read the file the same way.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('case_sensitive_like = ON');
    db.pragma('cache_size = -65536');
    db.pragma('mmap_size = 268435456');
    const prepared = new Map<string, SQLite.Statement>();
    run = (s) => {
      let stmt = prepared.get(s.sql);
      if (!stmt) {
        stmt = db.prepare(s.sql);
        prepared.set(s.sql, stmt);
      }
      const params = freshIds(s);
      if (stmt.reader) return Promise.resolve(stmt.all(...params));
      stmt.run(...params);
      return Promise.resolve([]);
    };
  } else {
    // The same pool size as Linli's openDb.
    const pool = new pg.Pool({ connectionString: req.databaseUrl, max: 10 });
    pool.on('error', () => undefined);
    run = async (s) => (await pool.query<Record<string, unknown>>(s.sql, freshIds(s))).rows;
  }
  const app = Fastify({ logger: false });
  app.get('/*', async (request, reply) => {
    const statements = req.routes[request.url];
    if (!statements) return reply.code(404).send({ error: 'not captured', url: request.url });
    const results: unknown[][] = [];
    for (const s of statements) results.push(await run(s));
    return { results };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

// Never outlives the bench: it ends with its parent, or after two hours at the latest.
setTimeout(() => process.exit(1), 2 * 60 * 60_000).unref();
process.once('disconnect', () => process.exit(0));
process.once('message', (message: FloorRequest) => {
  start(message).then(
    (port) => process.send!({ port } satisfies FloorReply),
    (err: unknown) =>
      process.send!({
        error: err instanceof Error ? err.message : String(err),
      } satisfies FloorReply),
  );
});
