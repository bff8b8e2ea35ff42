// A password-protected zip (APPNOTE §4.4.4 flag bit 0) cannot be scanned by anyone on the way; malware campaigns
// send them with the password in the body for exactly that reason.
import { carriedFiles } from '../attachments.js';
import type { ContentRule } from './rule.js';

export const attachEncryptedArchive: ContentRule = {
  name: 'ATTACH_ENCRYPTED_ARCHIVE',
  score: 3.0,
  strength: 'evidence',
  description: 'carries a password-protected archive',
  test: (msg) => carriedFiles(msg).find((f) => f.encrypted)?.archive ?? false,
};
