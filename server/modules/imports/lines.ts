import fs from 'node:fs';
import readline from 'node:readline';

/** Writes one JSON value a line, aside and renamed, so a file is there whole or not at all. */
export async function writeLines(file: string, values: Iterable<unknown>): Promise<void> {
  const part = `${file}.part`;
  const out = fs.createWriteStream(part);
  for (const v of values)
    if (!out.write(`${JSON.stringify(v)}\n`))
      await new Promise<void>((resolve) => out.once('drain', resolve));
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  await fs.promises.rename(part, file);
}

/** The file's lines one by one, as they are read: a large file is never held whole. */
export async function* eachLine(file: string): AsyncGenerator<string> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield line;
}

export async function readLines<T>(file: string): Promise<T[]> {
  const values: T[] = [];
  for await (const line of eachLine(file)) values.push(JSON.parse(line) as T);
  return values;
}
