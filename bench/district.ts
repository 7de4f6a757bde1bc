import { parseArgs } from 'node:util';
import { ensureDistrict, dropDistrict, targetFor } from './district-target';
import { measureDistrict } from './district-run';

/**
 * `npm run bench:district -- --generate [--dialect sqlite|postgres] [--scale 1|0.1]` makes (or keeps)
 * a generated district; without --generate it also measures every scenario against Linli and the
 * floor and writes the district section of RESULTS.md. See bench/README.md.
 */
const { values } = parseArgs({
  options: {
    generate: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    drop: { type: 'boolean', default: false },
    dialect: { type: 'string', default: 'sqlite' },
    scale: { type: 'string', default: '1' },
    dir: { type: 'string' },
    seconds: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '50' },
    only: { type: 'string' },
  },
});

// However it goes, the run ends: full-scale generation on two busy cores is the slow part.
setTimeout(
  () => {
    console.error('The district benchmark ran for 3 hours without finishing; stopping.');
    process.exit(1);
  },
  3 * 60 * 60_000,
).unref();

const scale = Number(values.scale);
if (!(scale > 0 && scale <= 1)) throw new Error(`--scale ${values.scale}: between 0 and 1`);
const dialects =
  values.dialect === 'both' ? (['sqlite', 'postgres'] as const) : [values.dialect as 'sqlite'];
for (const d of dialects)
  if (d !== 'sqlite' && d !== 'postgres')
    throw new Error(`--dialect ${d as string}: sqlite, postgres or both`);

const log = (line: string) => console.error(line);
let code = 0;
for (const dialect of dialects) {
  const target = targetFor(dialect, scale, values.dir);
  if (values.drop) {
    await dropDistrict(target);
    continue;
  }
  const manifest = await ensureDistrict(target, { fresh: values.fresh, log });
  if (values.generate) continue;
  code |= await measureDistrict(target, manifest, {
    seconds: values.seconds ? Number(values.seconds) : scale < 1 ? 3 : 5,
    rounds: Number(values.rounds),
    warmup: Number(values.warmup),
    only: values.only ? new RegExp(values.only) : undefined,
    log,
  });
}
process.exit(code);
