// Replies for smtp-server's callbacks. Enhanced status codes (RFC 3463) are written into the text by us, because
// smtp-server would otherwise stamp its own guess (e.g. 5.1.1 on every 550) in front of a policy refusal.
import type { SMTPServerError } from 'smtp-server';

export function smtpError(code: number, text: string): SMTPServerError {
  const err: SMTPServerError = new Error(text);
  err.responseCode = code;
  return err;
}

/** What the client sees when something failed on our side; the cause goes to the log, never to the peer. */
export const TEMPORARY_FAILURE = '4.3.0 Temporary local problem, please try again later';
