import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

/**
 * Each benchmark owns one section of RESULTS.md, between markers, so running one leaves the others'
 * numbers in place.
 */
export async function writeResultsSection(name: string, markdown: string): Promise<void> {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmark results\n';
  const at = current.indexOf(start);
  const until = current.indexOf(end);
  const next =
    at >= 0 && until > at
      ? current.slice(0, at) + block + current.slice(until + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  // Formatted as the repository's Prettier settings want, so the file is committed as written.
  const options = await prettier.resolveConfig(FILE);
  fs.writeFileSync(FILE, await prettier.format(next, { ...options, filepath: FILE }));
}

/** One line on the machine, for every section: numbers compare only on the same kind of machine. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${os.cpus().length} cores (${cpu}), ${gib} GiB memory, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}; load average (1 min) at the start: ${os.loadavg()[0].toFixed(2)}`;
}
