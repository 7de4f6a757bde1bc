import fs from 'node:fs/promises';
import path from 'node:path';

/** Where file bytes live. The local disk today; an S3-compatible store implements the same three calls. */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export function localFileStore(root: string): FileStore {
  // Keys are made by the server (ids), never by a client, but a path must still not leave the root.
  const full = (key: string) => {
    const p = path.resolve(root, key);
    if (!p.startsWith(path.resolve(root) + path.sep)) throw new Error('file key outside the store');
    return p;
  };
  return {
    async put(key, data) {
      await fs.mkdir(path.dirname(full(key)), { recursive: true });
      // Written aside and renamed, so a crash never leaves half a photo under the real name.
      const tmp = `${full(key)}.part`;
      await fs.writeFile(tmp, data);
      await fs.rename(tmp, full(key));
    },
    get: (key) => fs.readFile(full(key)),
    remove: (key) => fs.rm(full(key), { force: true }),
  };
}
