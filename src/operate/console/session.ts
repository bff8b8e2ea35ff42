// Console sessions: a token pasted once at the login form becomes a random session id in an HttpOnly, SameSite=Strict
// cookie (JavaScript cannot read it and no other site's page can send it). The session keeps the token in memory and
// has it verified on every request, so a token revoked with the CLI ends its sessions at once. Each session has its
// own CSRF token that every form posts back. Kept in memory, bounded: a restart logs everyone out.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'mw_console';
const TTL_MS = 8 * 3600_000;
const MAX_SESSIONS = 1000;

export interface Session {
  id: string;
  /** The bearer token it was opened with. */
  token: string;
  csrf: string;
  expires: number;
}

export function createSessions(clock: () => number) {
  const sessions = new Map<string, Session>();
  return {
    create(token: string): Session {
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!); // the oldest goes
      const s = { id: randomBytes(32).toString('base64url'), token, csrf: randomBytes(24).toString('base64url'), expires: clock() + TTL_MS };
      sessions.set(s.id, s);
      return s;
    },
    get(id: string | undefined): Session | null {
      const s = id ? sessions.get(id) : undefined;
      if (!s) return null;
      if (s.expires <= clock()) {
        sessions.delete(s.id);
        return null;
      }
      return s;
    },
    drop: (id: string) => void sessions.delete(id),
  };
}

export type Sessions = ReturnType<typeof createSessions>;

export function cookieHeader(session: Session): string {
  return `${SESSION_COOKIE}=${session.id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${TTL_MS / 1000}`;
}

export const clearCookie = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function csrfMatches(session: Session, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== session.csrf.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(session.csrf));
}
