import { expect } from 'vitest';
import type { Import, ImportKind } from '../../common/schemas/imports';
import { XLSX_TYPE } from '../../server/http';
import type { Session } from './app';

/**
 * A register import through the API as one user: upload a file, wait for the job to move on, commit.
 * The worker and the chunks run in the background, so waiting means polling the import. `owner` is
 * read when called: test files log in in beforeAll.
 */
export function importsAs(owner: () => Session, kind: ImportKind, fileName: string) {
  const upload = (s: Session, body: Buffer, lang = 'zh-CN') =>
    s.inject({
      method: 'POST',
      url: `/api/imports?kind=${kind}`,
      payload: body,
      headers: {
        'content-type': XLSX_TYPE,
        'accept-language': lang,
        'x-file-name': encodeURIComponent(fileName),
      },
    });
  /** Polls the import until it leaves `status`. */
  const until = async (id: string, leave: Import['status']): Promise<Import> => {
    for (;;) {
      const job = (
        await owner().inject({ method: 'GET', url: `/api/imports/${id}` })
      ).json<Import>();
      if (job.status !== leave) return job;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const commit = async (id: string) => {
    const res = await owner().inject({ method: 'POST', url: `/api/imports/${id}/commit` });
    expect(res.statusCode).toBe(200);
    return until(id, 'committing');
  };
  return { upload, until, commit };
}
