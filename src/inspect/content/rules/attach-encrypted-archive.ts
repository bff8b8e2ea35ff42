// A password-protected zip (APPNOTE §4.4.4 flag bit 0) cannot be scanned by anyone on the way; malware campaigns
// send them with the password in the body for exactly that reason. A password-protected PDF counts only when the mail
// itself gives its password ("Senha de acesso: 123"): banks and payroll services encrypt statements too, but with a
// password the reader already knows (a birth date, digits of a tax number), never one written beside the file.
import { carriedFiles } from '../attachments.js';
import { extensionOf } from '../data/attachments.js';
import type { ContentRule } from './rule.js';

/** The trailer's /Encrypt entry (ISO 32000-1 §7.6.1), as an indirect reference or a direct dictionary. */
const PDF_ENCRYPT = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/;
/** "password: 1234" in seven languages: a word for password, up to three words, then ":" or "=" and the value. */
const GIVES_PASSWORD = /(?<!\p{L})(?:password|passwort|kennwort|senha|contraseña|clave|mot de passe|wachtwoord)(?:\s+[\p{L}']+){0,3}\s*[:=]\s*\S{2,}/u;

const ARCHIVE_EXTENSIONS = new Set(['zip', '7z', 'rar', 'gz', 'tgz', 'bz2', 'xz', 'cab', 'ace', 'arj']);

const isPdf = (content: Buffer) => content.subarray(0, 1024).includes('%PDF-');

export const attachEncryptedArchive: ContentRule = {
  name: 'ATTACH_ENCRYPTED_ARCHIVE',
  score: 3.0,
  strength: 'evidence',
  description: 'carries a password-protected archive, or a protected PDF whose password the mail gives',
  test(msg) {
    const files = carriedFiles(msg);
    const archived = files.find((f) => f.encrypted);
    if (archived) return archived.archive;
    const pdf = files.find((f) => f.archive === '' && isPdf(f.content) && PDF_ENCRYPT.test(f.content.toString('latin1')));
    // An archive this reader cannot open (7z, rar, or one that does not parse) with a password written beside it is
    // protected all the same: nobody gives the password of an archive that has none.
    const archive = pdf ? undefined : msg.attachments.find((a) => ARCHIVE_EXTENSIONS.has(extensionOf(a.filename)));
    if ((!pdf && !archive) || !GIVES_PASSWORD.test(msg.lower.own)) return false;
    return pdf ? `${pdf.name || 'a PDF'}, its password in the text` : `${archive!.filename}, its password in the text`;
  },
};
