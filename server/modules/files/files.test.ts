import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';

/** 16000×16000 px of white: under 1 MB as a PNG, 768 MB once decoded. Made once for both databases. */
const hugePng = sharp({ create: { width: 16000, height: 16000, channels: 3, background: '#fff' } })
  .png({ compressionLevel: 9 })
  .toBuffer();

describe.each(dialects)('photos on %s', (dialect) => {
  let t: TestApp;
  let grid: Session;
  let other: Session;
  let photo: Buffer;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    grid = await t.login('grid.yuhe');
    other = await t.login('social.zhenhua');
    photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer();
  });
  afterAll(() => t?.close());

  const upload = (s: Session, body: Buffer, type = 'image/jpeg') =>
    s.inject({
      method: 'POST',
      url: '/api/files',
      headers: { 'content-type': type },
      payload: body,
    });

  it('stores a photo with a thumbnail that only the uploader can fetch until it is attached', async () => {
    const res = await upload(grid, photo);
    expect(res.statusCode).toBe(201);
    const file = res.json<{
      id: string;
      url: string;
      thumbUrl: string;
      width: number;
      contentType: string;
    }>();
    expect(file).toMatchObject({ contentType: 'image/jpeg', width: 1200 });
    const whole = await grid.inject({ method: 'GET', url: file.url });
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(photo)).toBe(true);
    const thumb = await grid.inject({ method: 'GET', url: file.thumbUrl });
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(320);
    expect((await other.inject({ method: 'GET', url: file.url })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: file.url })).statusCode).toBe(401);
  });

  it("refuses an image of too many pixels before decoding it, in the caller's language", async () => {
    const huge = await hugePng;
    const before = await t.handle.db.selectFrom('stored_file').select('id').execute();
    for (const [lang, words] of [
      ['zh-CN', '百万像素'],
      ['en-US', 'megapixels'],
    ]) {
      const res = await grid.inject({
        method: 'POST',
        url: '/api/files',
        headers: { 'content-type': 'image/png', 'accept-language': lang },
        payload: huge,
      });
      expect(res.statusCode).toBe(400);
      const error = res.json<{ error: { code: string; message: string; field: string } }>().error;
      expect(error).toMatchObject({ code: 'IMAGE_TOO_LARGE', field: 'file' });
      expect(error.message).toContain(words);
    }
    expect(await t.handle.db.selectFrom('stored_file').select('id').execute()).toEqual(before);
  });

  it('stores a big photo upright, scaled down and without its camera metadata', async () => {
    // A 4000×3000 camera frame held upright: EXIF orientation 6 turns it into a 3000×4000 portrait.
    const camera = await sharp({
      create: { width: 4000, height: 3000, channels: 3, background: '#58a' },
    })
      .jpeg()
      .withExif({ IFD0: { Make: 'Phone', Copyright: 'resident' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const res = await upload(grid, camera);
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json<{ url: string; width: number; height: number; size: number }>();
    expect(file).toMatchObject({ width: 1920, height: 2560 });
    const whole = await grid.inject({ method: 'GET', url: file.url });
    const meta = await sharp(whole.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1920, height: 2560 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(file.size).toBe(whole.rawPayload.length);
    // A photo fetched once may be kept by that browser a day, as its route says.
    expect(whole.headers['cache-control']).toBe('private, max-age=86400');
  });

  it('refuses what is not an image, whatever the client calls it, and an empty body', async () => {
    const fake = await upload(grid, Buffer.from('<script>alert(1)</script>'), 'image/png');
    expect(fake.statusCode).toBe(400);
    expect(fake.json<{ error: { code: string } }>().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((await upload(grid, Buffer.from('%PDF-1.4'), 'application/pdf')).statusCode).toBe(415);
    expect((await upload(grid, Buffer.alloc(0))).statusCode).toBe(400);
  });
});
