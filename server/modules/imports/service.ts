import fs from 'node:fs';
import path from 'node:path';
import { interpolate, type Locale } from '../../../common/i18n';
import {
  IMPORT_IGNORED_HEADERS,
  IMPORT_MAX_BYTES,
  importFieldLabels,
  importMessages,
  type ImportMessageKey,
} from '../../../common/imports';
import type {
  Import,
  ImportColumn,
  ImportKind,
  ImportMappingInput,
} from '../../../common/schemas/imports';
import { refreshStatistics, type Db, type DbConnection, type DialectName } from '../../db';
import type { ImportJobRow } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso, todayInShanghai } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../../lib/caller';
import { PEOPLE_WRITERS } from '../people/access';
import { areaPath } from '../people/ledger';
import {
  fixedInScope,
  presentProblems,
  writablePlaces,
  type FixedPlace,
} from '../people/ledger-check';
import type { Problem } from '../people/ledger-parse';
import * as places from '../places/service';
import {
  fieldsOf,
  layoutHash,
  mappingToRemember,
  normaliseHeader,
  proposeColumns,
  proposeField,
  rememberedColumns,
} from './mapping';
import { readLines, writeLines } from './lines';
import * as repo from './repo';
import { runWorker, type RunningWorker } from './run-worker';
import { sniffType, type SheetType } from './sheet-stream';
import type { WorkerMessage } from './worker';

/**
 * A register import as a job: upload → mapping (proposed, confirmed once, remembered per layout) →
 * checking (in a worker) → checked → committing (chunk by chunk, each chunk one transaction that also
 * records it as done; a residents register's chunks are written by a worker on its own connection)
 * → done. The job's state is in import_job and its file under `dir/<id>/`, so a
 * commit started again after the server stopped continues at the first chunk not written.
 */

/**
 * Households per commit chunk: each is one transaction. On SQLite the worker's connection holds the
 * database's one write lock for a chunk, and a write of any other request waits that long (a read
 * does not, in WAL): its chunks are smaller.
 */
export const CHUNK_HOUSEHOLDS = { postgres: 1_000, sqlite: 250 } as const;
/** Places per commit chunk: a place is one row with nothing joined to it, so chunks can be large. */
const CHUNK_PLACES = 1_000;
/** Problems kept on the job itself for the dialog; all of them go to the problem file. */
const SHOWN_PROBLEMS = 200;
/** A check whose job has not moved for this long was cut off (the server stopped): it is run again. */
const STALE_CHECK_MS = 120_000;

export interface ImportOpts {
  caller: Caller;
  locale: Locale;
}

const refuse = (
  status: number,
  locale: Locale,
  key: ImportMessageKey,
  params: Record<string, string | number> = {},
) =>
  new AppError(
    status,
    'VALIDATION_FAILED',
    { field: '', detail: interpolate(importMessages[locale][key], params) },
    { field: 'file' },
  );

const parse = <T>(text: string): T => JSON.parse(text) as T;

/** Who may import each register: those who may register its records. */
const writersOf = (kind: string) => (kind === 'places' ? places.PLACE_WRITERS : PEOPLE_WRITERS);
const ANY_WRITER = [...new Set([...PEOPLE_WRITERS, ...places.PLACE_WRITERS])];

/** The unit whose imports share remembered mappings: the caller's street, or district above it. */
function scopeOf(caller: Caller, kind: ImportKind): { scopeId: string; orgPath: string | null } {
  const writers = writersOf(kind);
  const area = caller.assignments.find((a) => writers.includes(a.role) && a.area)?.area;
  if (!area) throw forbidden();
  const ids = area.path.split('/').filter(Boolean);
  return { scopeId: ids[Math.min(1, ids.length - 1)], orgPath: areaPath(caller, writers) };
}

/** The problems kept for an import (a line of problems.jsonl), in the caller's language. */
function presentAny(
  kind: string,
  problems: unknown[],
  headerOf: Record<string, string>,
  locale: Locale,
) {
  return kind === 'places'
    ? places.presentPlaceProblems(problems as places.PlaceProblem[], headerOf, locale)
    : presentProblems(problems as Problem[], headerOf, locale);
}

export function createImportService(opts: {
  db: Db;
  dialect: DialectName;
  dir: string;
  /** For the worker's own connection, and the key it seals residents' fields with. */
  connection: DbConnection;
  secretKey: string;
}) {
  const { db, dir } = opts;
  const workerDb = { connection: opts.connection, secretKey: opts.secretKey };
  /** Work under way in this process, by import id. */
  const running = new Map<string, Promise<void>>();
  const workers = new Set<RunningWorker>();
  let closing = false;

  const fileOf = (id: string, name: string) => path.join(dir, id, name);
  const sourceOf = (job: Pick<ImportJobRow, 'id' | 'file_type'>) =>
    fileOf(job.id, `source.${job.file_type}`);

  function present(job: ImportJobRow, locale: Locale): Import {
    const kind = job.kind as ImportKind;
    const columns = parse<ImportColumn[]>(job.columns);
    const fields = fieldsOf[kind];
    const headerOf = Object.fromEntries(
      columns.flatMap((c) => (c.field ? [[c.field, c.header]] : [])),
    );
    const ignored = new Set<string>(IMPORT_IGNORED_HEADERS);
    return {
      id: job.id,
      kind,
      status: job.status as Import['status'],
      fileName: job.file_name,
      headerRow: job.header_row,
      columns,
      fields: fields.map((f) => ({
        key: f.key,
        label: importFieldLabels[locale][f.key] ?? f.header,
        required: f.required,
        fixable: f.fixable,
      })),
      fixed: parse<FixedPlace>(job.fixed),
      unknownColumns: columns
        .filter(
          (c) =>
            c.header && !ignored.has(normaliseHeader(c.header)) && !proposeField(c.header, fields),
        )
        .map((c) => c.header),
      mappingRemembered: job.mapping_remembered === 1,
      progress: {
        totalRows: job.total_rows,
        rowsChecked: job.rows_checked,
        validRows: job.valid_rows,
        problemRows: job.problem_rows,
        households: job.households,
        householdsRegistered: job.households_registered,
        membersAdded: job.members_added,
      },
      problems: presentAny(kind, parse<unknown[]>(job.problems), headerOf, locale),
      error: job.error_key
        ? interpolate(
            importMessages[locale][job.error_key as ImportMessageKey] ?? job.error_key,
            job.error_params ? parse<Record<string, string>>(job.error_params) : {},
          )
        : null,
      createdAt: job.created_at,
      updatedAt: job.updated_at,
      finishedAt: job.finished_at,
    };
  }

  async function jobOf(caller: Caller, id: string): Promise<ImportJobRow> {
    if (!hasRole(caller, ANY_WRITER)) throw forbidden();
    const job = await repo.getJob(db, id);
    // Someone else's import is not theirs to see: it holds rows of the whole file.
    if (!job || job.user_id !== caller.userId) throw notFound();
    if (!hasRole(caller, writersOf(job.kind))) throw forbidden();
    return job;
  }

  /** Whether the values chosen for the whole file are places the caller may register in. */
  const fixedAllowed = async (kind: string, caller: Caller, fixed: FixedPlace) =>
    kind === 'places'
      ? places.placeFixedInScope(db, caller, fixed)
      : fixedInScope(await writablePlaces(db, caller), fixed);

  /** Runs work in the background, once per import in this process; a fault fails the import. */
  function background(id: string, work: () => Promise<void>): void {
    if (running.has(id)) return;
    const run = work()
      .catch(async (err: unknown) => {
        if (closing) return;
        await repo.updateJob(db, id, {
          status: 'failed',
          error_key: 'failed',
          error_params: JSON.stringify({
            detail: err instanceof Error ? err.message : String(err),
          }),
          updated_at: nowIso(),
          finished_at: nowIso(),
        });
      })
      .finally(() => running.delete(id));
    running.set(id, run);
  }

  /** Runs a worker task to its end, its messages handed over in order; stopped when the app closes. */
  async function work(
    task: Parameters<typeof runWorker>[0],
    on: (m: WorkerMessage) => void | Promise<void>,
  ) {
    const w = runWorker(task, on);
    workers.add(w);
    try {
      await w.done;
    } finally {
      workers.delete(w);
    }
  }

  async function check(jobId: string, caller: Caller): Promise<void> {
    const job = (await repo.getJob(db, jobId))!;
    if (job.kind === 'places') return checkPlaces(job, caller);
    const columns = parse<ImportColumn[]>(job.columns);
    const fixed = parse<FixedPlace>(job.fixed);
    let refused: Extract<WorkerMessage, { type: 'refused' }> | undefined;
    let checked: Extract<WorkerMessage, { type: 'checked' }> | undefined;
    let shown = Date.now();
    await work(
      {
        task: 'check',
        file: sourceOf(job),
        type: job.file_type as SheetType,
        headerRow: job.header_row!,
        fields: columns.map((c) => c.field),
        fixed: [fixed.communityId && 'community', fixed.gridId && 'grid'].filter(
          (f): f is string => !!f,
        ),
        today: todayInShanghai(),
        // The rows stay in the worker, which plans them into households on its own connection.
        plan: {
          ...workerDb,
          caller,
          fixed,
          planFile: fileOf(jobId, 'plan.jsonl'),
          problemsFile: fileOf(jobId, 'problems.jsonl'),
          shownProblems: SHOWN_PROBLEMS,
        },
      },
      async (m) => {
        if (m.type === 'progress') {
          if (Date.now() - shown > 500) {
            shown = Date.now();
            await repo.updateJob(db, jobId, { rows_checked: m.rowsChecked, updated_at: nowIso() });
          }
        } else if (m.type === 'refused') refused = m;
        else if (m.type === 'checked') checked = m;
      },
    );
    if (closing) return;
    if (refused) {
      await repo.updateJob(db, jobId, {
        status: 'failed',
        error_key: refused.key,
        error_params: JSON.stringify(refused.params ?? {}),
        updated_at: nowIso(),
        finished_at: nowIso(),
      });
      return;
    }
    if (!checked) throw new Error('the import worker ended without a check');
    await repo.updateJob(db, jobId, {
      status: 'checked',
      total_rows: checked.totalRows,
      rows_checked: checked.totalRows,
      valid_rows: checked.validRows,
      problem_rows: checked.problemRows,
      households: checked.households,
      chunks_total: Math.ceil(checked.households / job.chunk_size),
      problems: JSON.stringify(checked.problems),
      updated_at: nowIso(),
    });
  }

  /** check() for a places register: every row is one place, planned by the places module. */
  async function checkPlaces(job: ImportJobRow, caller: Caller): Promise<void> {
    const columns = parse<ImportColumn[]>(job.columns);
    const fixed = parse<FixedPlace>(job.fixed);
    const rows: places.ParsedPlace[] = [];
    let refused: Extract<WorkerMessage, { type: 'refused' }> | undefined;
    let total = 0;
    let shown = Date.now();
    await work(
      {
        task: 'checkPlaces',
        file: sourceOf(job),
        type: job.file_type as SheetType,
        headerRow: job.header_row!,
        fields: columns.map((c) => c.field),
        fixed: [fixed.communityId && 'community', fixed.gridId && 'grid'].filter(
          (f): f is string => !!f,
        ),
      },
      async (m) => {
        if (m.type === 'places') {
          for (const r of m.rows) rows.push(r);
          if (Date.now() - shown > 500) {
            shown = Date.now();
            await repo.updateJob(db, job.id, { rows_checked: m.rowsChecked, updated_at: nowIso() });
          }
        } else if (m.type === 'refused') refused = m;
        else if (m.type === 'done') total = m.totalRows;
      },
    );
    if (closing) return;
    if (refused) {
      await repo.updateJob(db, job.id, {
        status: 'failed',
        error_key: refused.key,
        error_params: JSON.stringify(refused.params ?? {}),
        updated_at: nowIso(),
        finished_at: nowIso(),
      });
      return;
    }
    const plan = await places.planPlaceImport(db, caller, rows, fixed);
    rows.length = 0;
    await writeLines(fileOf(job.id, 'plan.jsonl'), plan.places);
    await writeLines(fileOf(job.id, 'problems.jsonl'), plan.problems);
    await repo.updateJob(db, job.id, {
      status: 'checked',
      total_rows: total,
      rows_checked: total,
      valid_rows: plan.validRows,
      problem_rows: plan.problemRows,
      households: plan.places.length,
      chunks_total: Math.ceil(plan.places.length / job.chunk_size),
      problems: JSON.stringify(plan.problems.slice(0, SHOWN_PROBLEMS)),
      updated_at: nowIso(),
    });
  }

  /**
   * The commit of a places register: chunk k is written by the places module in one transaction that
   * also marks it done, so a commit started again continues at the first chunk not written.
   */
  async function commitPlaceChunks(jobId: string, caller: Caller): Promise<void> {
    const job = (await repo.getJob(db, jobId))!;
    const planned = await readLines<places.PlannedPlace>(fileOf(jobId, 'plan.jsonl'));
    const size = job.chunk_size;
    for (let k = job.chunks_done; k < job.chunks_total; k++) {
      if (closing) return;
      const slice = planned.slice(k * size, (k + 1) * size);
      const written = await db
        .transaction()
        .execute(async (trx) => {
          const registered = await places.registerImportedPlaces(trx, caller, slice);
          const counts = { households: registered, membersAdded: 0, at: nowIso() };
          if (!(await repo.markChunkDone(trx, jobId, k, counts))) throw new ChunkTaken();
          return true;
        })
        .catch((err: unknown) => {
          if (err instanceof ChunkTaken) return false;
          throw err;
        });
      // Another run wrote this chunk (a second commit call, another process): it carries on.
      if (!written) return;
      await turn();
    }
    const done = (await repo.getJob(db, jobId))!;
    await db.transaction().execute(async (trx) => {
      await repo.updateJob(trx, jobId, {
        status: 'done',
        updated_at: nowIso(),
        finished_at: nowIso(),
      });
      await recordAudit(trx, {
        actor: actorOf(caller),
        action: 'place.import',
        entity: 'import',
        entityId: jobId,
        detail: JSON.stringify({
          totalRows: done.total_rows,
          importedRows: done.households_registered,
          problemRows: done.problem_rows,
        }),
        orgPath: done.org_path,
      });
    });
  }

  async function commitChunks(jobId: string, caller: Caller): Promise<void> {
    // The worker writes the chunks on its own connection; this thread keeps answering requests.
    let whole = false;
    await work(
      { task: 'commit', jobId, planFile: fileOf(jobId, 'plan.jsonl'), caller, ...workerDb },
      (m) => {
        if (m.type === 'committed') whole = m.whole;
      },
    );
    // Another run took a chunk (a second commit call, another process): it carries on.
    if (closing || !whole) return;
    const done = (await repo.getJob(db, jobId))!;
    await db.transaction().execute(async (trx) => {
      await repo.updateJob(trx, jobId, {
        status: 'done',
        updated_at: nowIso(),
        finished_at: nowIso(),
      });
      await recordAudit(trx, {
        actor: actorOf(caller),
        action: 'household.import',
        entity: 'import',
        entityId: jobId,
        detail: JSON.stringify({
          totalRows: done.total_rows,
          importedRows: done.valid_rows,
          households: done.households_registered,
          membersAdded: done.members_added,
          problemRows: done.problem_rows,
        }),
        orgPath: done.org_path,
      });
    });
    // Thousands of new rows change which index the planner should pick: tell it now, not in an hour.
    await refreshStatistics({ db, dialect: opts.dialect });
  }

  return {
    async create(o: ImportOpts & { kind: ImportKind; fileName: string; body: unknown }) {
      const { caller, locale } = o;
      if (!hasRole(caller, writersOf(o.kind))) throw forbidden();
      const body = o.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw refuse(400, locale, 'notSheet');
      if (body.length > IMPORT_MAX_BYTES)
        throw refuse(413, locale, 'tooBig', { max: IMPORT_MAX_BYTES / 1024 / 1024 });
      const type = sniffType(body);
      if (type === 'xls') throw refuse(400, locale, 'xls');
      if (type === 'other') throw refuse(400, locale, 'notSheet');
      const { scopeId, orgPath } = scopeOf(caller, o.kind);
      const id = newId();
      await fs.promises.mkdir(path.join(dir, id), { recursive: true });
      const file = sourceOf({ id, file_type: type });
      await fs.promises.writeFile(file, body);
      let header: Extract<WorkerMessage, { type: 'header' }> | undefined;
      let refused: Extract<WorkerMessage, { type: 'refused' }> | undefined;
      try {
        await work({ task: 'header', file, type, kind: o.kind }, (m) => {
          if (m.type === 'header') header = m;
          if (m.type === 'refused') refused = m;
        });
      } catch {
        refused = { type: 'refused', key: 'notSheet' };
      }
      if (!header) {
        await fs.promises.rm(path.join(dir, id), { recursive: true, force: true });
        throw refuse(400, locale, refused?.key ?? 'notSheet', refused?.params);
      }
      const kind = o.kind;
      const fields = fieldsOf[kind];
      let columns = proposeColumns(header.headers, header.samples, fields);
      const hash = layoutHash(kind, header.headers);
      const remembered = await repo.findMapping(db, kind, scopeId, hash);
      let fixed: FixedPlace = { communityId: null, gridId: null };
      let status: Import['status'] = 'mapping';
      if (remembered) {
        const rememberedFixed = parse<FixedPlace>(remembered.fixed);
        // A remembered place the caller may not write to is asked again rather than used.
        if (await fixedAllowed(kind, caller, rememberedFixed)) {
          columns = rememberedColumns(columns, parse(remembered.mapping));
          fixed = rememberedFixed;
          status = 'checking';
        }
      }
      const now = nowIso();
      const row: ImportJobRow = {
        id,
        kind,
        status,
        user_id: caller.userId,
        scope_id: scopeId,
        org_path: orgPath,
        file_name: o.fileName.slice(0, 200),
        file_type: type,
        header_row: header.headerRow,
        columns: JSON.stringify(columns),
        fixed: JSON.stringify(fixed),
        layout_hash: hash,
        mapping_remembered: status === 'checking' ? 1 : 0,
        total_rows: null,
        rows_checked: 0,
        valid_rows: 0,
        problem_rows: 0,
        households: 0,
        households_registered: 0,
        members_added: 0,
        chunk_size: kind === 'places' ? CHUNK_PLACES : CHUNK_HOUSEHOLDS[opts.dialect],
        chunks_total: 0,
        chunks_done: 0,
        problems: '[]',
        error_key: null,
        error_params: null,
        created_at: now,
        updated_at: now,
        finished_at: null,
      };
      await repo.insertJob(db, row);
      if (status === 'checking') background(id, () => check(id, caller));
      return present(row, locale);
    },

    async list(o: ImportOpts): Promise<Import[]> {
      if (!hasRole(o.caller, ANY_WRITER)) throw forbidden();
      return (await repo.findJobs(db, o.caller.userId, 20)).map((j) => present(j, o.locale));
    },

    async get(o: ImportOpts & { id: string }): Promise<Import> {
      const job = await jobOf(o.caller, o.id);
      if (
        job.status === 'checking' &&
        !running.has(job.id) &&
        Date.now() - Date.parse(job.updated_at) > STALE_CHECK_MS
      ) {
        await repo.updateJob(db, job.id, { updated_at: nowIso() });
        background(job.id, () => check(job.id, o.caller));
      }
      return present(job, o.locale);
    },

    async setMapping(o: ImportOpts & { id: string; input: ImportMappingInput }): Promise<Import> {
      const { caller, locale, input } = o;
      const job = await jobOf(caller, o.id);
      if (job.status !== 'mapping' && job.status !== 'checked')
        throw refuse(409, locale, 'notMapping');
      const fields = fieldsOf[job.kind as ImportKind];
      const labelOf = (key: string) =>
        importFieldLabels[locale][key] ?? fields.find((f) => f.key === key)?.header ?? key;
      const columns = parse<ImportColumn[]>(job.columns).map((c) => ({ ...c }));
      for (const c of input.columns) {
        const col = columns[c.index];
        if (!col) continue;
        if (c.field !== null && !fields.some((f) => f.key === c.field))
          throw refuse(400, locale, 'unknownField', { value: c.field });
        if (col.field !== c.field) col.how = null;
        col.field = c.field;
      }
      for (const f of fields) {
        const using = columns.filter((c) => c.field === f.key);
        if (using.length > 1)
          throw refuse(400, locale, 'fieldTwice', {
            field: labelOf(f.key),
            columns: using.map((c) => c.header).join('、'),
          });
      }
      const fixed: FixedPlace = {
        communityId: input.fixed.communityId ?? null,
        gridId: input.fixed.gridId ?? null,
      };
      // A value given for the whole file wins over a column of it.
      for (const c of columns)
        if (
          (c.field === 'community' && fixed.communityId) ||
          (c.field === 'grid' && fixed.gridId)
        ) {
          c.field = null;
          c.how = null;
        }
      const given = new Set(columns.flatMap((c) => c.field ?? []));
      if (fixed.communityId || fixed.gridId) given.add('community');
      if (fixed.gridId) given.add('grid');
      const missing = fields.filter((f) => f.required && !given.has(f.key));
      if (missing.length)
        throw refuse(400, locale, 'missingFields', {
          fields: missing.map((f) => labelOf(f.key)).join('、'),
        });
      if (!(await fixedAllowed(job.kind, caller, fixed)))
        throw refuse(400, locale, 'fixedOutOfScope');
      const now = nowIso();
      await db.transaction().execute(async (trx) => {
        await repo.saveMapping(trx, {
          kind: job.kind,
          scope_id: job.scope_id,
          layout_hash: job.layout_hash,
          mapping: JSON.stringify(mappingToRemember(columns)),
          fixed: JSON.stringify(fixed),
          updated_by: caller.userId,
          updated_at: now,
        });
        await repo.updateJob(trx, job.id, {
          status: 'checking',
          columns: JSON.stringify(columns),
          fixed: JSON.stringify(fixed),
          rows_checked: 0,
          problems: '[]',
          updated_at: now,
        });
      });
      background(job.id, () => check(job.id, caller));
      return present((await repo.getJob(db, job.id))!, locale);
    },

    async commit(o: ImportOpts & { id: string }): Promise<Import> {
      const job = await jobOf(o.caller, o.id);
      if (job.status === 'done' || (job.status === 'committing' && running.has(job.id)))
        return present(job, o.locale);
      if (job.status !== 'checked' && job.status !== 'committing')
        throw refuse(409, o.locale, 'notChecked');
      if (!fs.existsSync(fileOf(job.id, 'plan.jsonl'))) throw refuse(409, o.locale, 'fileGone');
      if (job.status === 'checked')
        await repo.updateJob(db, job.id, { status: 'committing', updated_at: nowIso() });
      background(job.id, () =>
        job.kind === 'places'
          ? commitPlaceChunks(job.id, o.caller)
          : commitChunks(job.id, o.caller),
      );
      return present((await repo.getJob(db, job.id))!, o.locale);
    },

    /** The problem rows as an .xlsx, made once per language and kept beside the upload. */
    async problemsFile(o: ImportOpts & { id: string }): Promise<Buffer> {
      const job = await jobOf(o.caller, o.id);
      if (!['checked', 'committing', 'done'].includes(job.status))
        throw refuse(409, o.locale, 'notChecked');
      const out = fileOf(job.id, `problems.${o.locale}.xlsx`);
      if (!fs.existsSync(out)) {
        const columns = parse<ImportColumn[]>(job.columns);
        const headerOf = Object.fromEntries(
          columns.flatMap((c) => (c.field ? [[c.field, c.header]] : [])),
        );
        const reasons = new Map<number, string[]>();
        for (const p of presentAny(
          job.kind,
          await readLines<unknown>(fileOf(job.id, 'problems.jsonl')),
          headerOf,
          o.locale,
        ))
          reasons.set(p.row, [
            ...(reasons.get(p.row) ?? []),
            p.column ? `${p.column}：${p.reason}` : p.reason,
          ]);
        await work(
          {
            task: 'problems',
            kind: job.kind as ImportKind,
            file: sourceOf(job),
            type: job.file_type as SheetType,
            headerRow: job.header_row!,
            headers: columns.map((c) => c.header),
            fields: columns.map((c) => c.field),
            reasons: [...reasons].map(([row, r]) => [row, r.join('；')]),
            out,
          },
          () => undefined,
        );
      }
      return fs.promises.readFile(out);
    },

    async cancel(o: ImportOpts & { id: string }): Promise<void> {
      const job = await jobOf(o.caller, o.id);
      if (job.status === 'committing') throw refuse(409, o.locale, 'busy');
      if (job.status !== 'done')
        await repo.updateJob(db, job.id, {
          status: 'cancelled',
          updated_at: nowIso(),
          finished_at: nowIso(),
        });
      await fs.promises.rm(path.join(dir, job.id), { recursive: true, force: true });
    },

    /** Stops this process's work: a commit stops between chunks, a check is dropped (run again on GET). */
    async close(): Promise<void> {
      closing = true;
      await Promise.all([...workers].map((w) => w.stop()));
      await Promise.allSettled([...running.values()]);
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;

class ChunkTaken extends Error {}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
