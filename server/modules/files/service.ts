import crypto from 'node:crypto';
import sharp from 'sharp';
import type { Db } from '../../db';
import { AppError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import type { Caller } from '../../lib/caller';
import * as repo from './repo';
import type { FileStore } from './store';

/** Photos from phone cameras: what browsers send, and small enough for a weak signal. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const THUMB_PX = 320;
/**
 * Images with more pixels are refused before they are decoded: a 50-megapixel phone photo fits twice
 * over, while 16000×16000 px (a 1 GB bitmap) would hold a 2-core server for seconds.
 */
export const MAX_INPUT_PIXELS = 100_000_000;
/** Photos are kept at most this long on their longest side: a notice stays readable, a page light. */
export const MAX_SIDE_PX = 2560;

export interface StoredFile {
  id: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  url: string;
  thumbUrl: string | null;
  createdAt: string;
}

export const presentFile = (r: repo.StoredFileRow): StoredFile => ({
  id: r.id,
  contentType: r.content_type,
  size: r.size,
  width: r.width,
  height: r.height,
  url: `/api/files/${r.id}`,
  thumbUrl: r.thumb_key ? `/api/files/${r.id}/thumb` : null,
  createdAt: r.created_at,
});

/** Another module's answer to "may this caller see the record this file belongs to?". */
export type FileAccessCheck = (db: Db, caller: Caller, entityId: string) => Promise<boolean>;
const accessChecks = new Map<string, FileAccessCheck>();
export function registerFileAccessCheck(entity: string, check: FileAccessCheck): void {
  accessChecks.set(entity, check);
}

/**
 * Stores an uploaded image: the type is read from the bytes (not from what the client claims), the
 * size from its header before anything is decoded, and a thumbnail is made for lists. A photo that is
 * too large or carries metadata (the camera's GPS position, its orientation) is stored re-encoded:
 * turned upright, scaled down, metadata dropped; any other is stored byte for byte.
 */
export async function uploadImage(opts: {
  db: Db;
  store: FileStore;
  caller: Caller;
  data: Buffer;
}): Promise<StoredFile> {
  const { db, store, caller, data } = opts;
  if (data.length === 0 || data.length > MAX_FILE_BYTES)
    throw new AppError(
      400,
      'FILE_TOO_LARGE',
      { mb: MAX_FILE_BYTES / 1024 / 1024 },
      { field: 'file' },
    );
  let meta: sharp.Metadata;
  try {
    // Reads the header only, so no limit is needed yet; the one below guards every decode.
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError(400, 'FILE_TYPE_NOT_ALLOWED', {}, { field: 'file' });
  }
  const formats = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
  const format = meta.format as keyof typeof formats;
  const contentType = formats[format];
  if (!contentType) throw new AppError(400, 'FILE_TYPE_NOT_ALLOWED', {}, { field: 'file' });
  if (meta.width * meta.height > MAX_INPUT_PIXELS)
    throw new AppError(
      400,
      'IMAGE_TOO_LARGE',
      { megapixels: MAX_INPUT_PIXELS / 1_000_000 },
      { field: 'file' },
    );
  const rework =
    Math.max(meta.width, meta.height) > MAX_SIDE_PX ||
    Boolean(meta.exif ?? meta.xmp ?? meta.iptc) ||
    (meta.orientation ?? 1) !== 1;
  let stored = { data, width: meta.width, height: meta.height };
  if (rework) {
    // rotate() applies the EXIF orientation; sharp writes no metadata unless asked to.
    const upright = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(MAX_SIDE_PX, MAX_SIDE_PX, { fit: 'inside', withoutEnlargement: true });
    // PNG stays lossless (its quality option would reduce it to a palette).
    const encoded = format === 'png' ? upright.png() : upright.toFormat(format, { quality: 85 });
    const out = await encoded.toBuffer({ resolveWithObject: true });
    stored = { data: out.data, width: out.info.width, height: out.info.height };
  }
  const id = newId();
  const day = nowIso().slice(0, 10);
  const key = `${day}/${id}`;
  const thumb = await sharp(stored.data, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75 })
    .toBuffer();
  await store.put(key, stored.data);
  await store.put(`${key}.thumb.jpg`, thumb);
  const row: repo.StoredFileRow = {
    id,
    street_id:
      caller.assignments
        .find((a) => a.area?.kind !== 'district')
        ?.area?.path.split('/')
        .filter(Boolean)[1] ?? null,
    uploaded_by: caller.userId,
    content_type: contentType,
    size: stored.data.length,
    sha256: crypto.createHash('sha256').update(stored.data).digest('hex'),
    storage_key: key,
    thumb_key: `${key}.thumb.jpg`,
    width: stored.width,
    height: stored.height,
    entity: null,
    entity_id: null,
    created_at: nowIso(),
  };
  await repo.insertFile(db, row);
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'file.upload',
    entity: 'file',
    entityId: id,
    detail: `${contentType} ${stored.data.length}`,
  });
  return presentFile(row);
}

/**
 * Attaches uploaded files to a record in the caller's transaction. Only the uploader's own files that
 * belong to nothing yet can be attached: a file cannot be moved onto another record.
 */
export async function attachFiles(
  db: Db,
  caller: Caller,
  ids: string[] | undefined,
  entity: string,
  entityId: string,
): Promise<void> {
  if (!ids?.length) return;
  const rows = await repo.getFiles(db, ids);
  const ok =
    rows.length === new Set(ids).size &&
    rows.every(
      (r) =>
        r.uploaded_by === caller.userId &&
        (r.entity === null || (r.entity === entity && r.entity_id === entityId)),
    );
  if (!ok) throw new AppError(400, 'NOT_FOUND', {}, { field: 'photoIds' });
  await repo.setFileEntity(db, ids, entity, entityId);
}

export async function filesOf(
  db: Db,
  entity: string,
  entityIds: string[],
): Promise<Map<string, StoredFile[]>> {
  const map = new Map<string, StoredFile[]>();
  for (const r of await repo.findFilesOf(db, entity, entityIds)) {
    const list = map.get(r.entity_id!) ?? [];
    list.push(presentFile(r));
    map.set(r.entity_id!, list);
  }
  return map;
}

/** The bytes of a file (or its thumbnail) for a caller who may see the record it belongs to. */
export async function readFile(opts: {
  db: Db;
  store: FileStore;
  caller: Caller;
  id: string;
  thumb: boolean;
}) {
  const r = await repo.getFile(opts.db, opts.id);
  if (!r) throw notFound();
  let allowed = r.uploaded_by === opts.caller.userId;
  if (!allowed && r.entity && r.entity_id) {
    const check = accessChecks.get(r.entity);
    allowed = check ? await check(opts.db, opts.caller, r.entity_id) : false;
  }
  if (!allowed) throw notFound();
  const key = opts.thumb && r.thumb_key ? r.thumb_key : r.storage_key;
  return {
    data: await opts.store.get(key),
    contentType: opts.thumb && r.thumb_key ? 'image/jpeg' : r.content_type,
  };
}
