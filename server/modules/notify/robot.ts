import crypto from 'node:crypto';

export type RobotKind = 'wecom' | 'dingtalk';

/**
 * The body each group chat's robot takes for a markdown message: 企业微信 wants `content`, 钉钉 a
 * `title` (shown in the chat list) and `text`.
 */
export function robotBody(kind: RobotKind, title: string, text: string): unknown {
  return kind === 'wecom'
    ? { msgtype: 'markdown', markdown: { content: `**${title}**\n${text}` } }
    : { msgtype: 'markdown', markdown: { title, text: `#### ${title}\n${text}` } };
}

/** 钉钉 加签: the robot checks an HMAC-SHA256 of "timestamp\nsecret" sent beside the timestamp. */
export function signedDingTalkUrl(url: string, secret: string, now = Date.now()): string {
  const sign = crypto.createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  const sep = url.includes('?') ? '&' : '?';
  return `${url}${sep}timestamp=${now}&sign=${encodeURIComponent(sign)}`;
}

const TIMEOUT_MS = 5000;

/**
 * Posts one message; resolves to null when the robot took it, or to what went wrong. Both robots
 * answer HTTP 200 with `errcode` 0 on success and a non-zero code (bad key, rate limit) otherwise.
 */
export async function postToRobot(
  robot: { kind: RobotKind; url: string; secret: string | null },
  title: string,
  text: string,
): Promise<string | null> {
  const url =
    robot.kind === 'dingtalk' && robot.secret
      ? signedDingTalkUrl(robot.url, robot.secret)
      : robot.url;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(robotBody(robot.kind, title, text)),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) return `HTTP ${res.status}`;
    const reply = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string };
    return reply.errcode === undefined || reply.errcode === 0
      ? null
      : `${reply.errcode} ${reply.errmsg ?? ''}`.trim();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
