import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';

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

  it('refuses what is not an image, whatever the client calls it, and an empty body', async () => {
    const fake = await upload(grid, Buffer.from('<script>alert(1)</script>'), 'image/png');
    expect(fake.statusCode).toBe(400);
    expect(fake.json<{ error: { code: string } }>().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((await upload(grid, Buffer.from('%PDF-1.4'), 'application/pdf')).statusCode).toBe(415);
    expect((await upload(grid, Buffer.alloc(0))).statusCode).toBe(400);
  });
});
