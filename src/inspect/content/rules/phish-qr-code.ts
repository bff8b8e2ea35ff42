// "Scan the QR code to keep your password": the link hides in an image that no URL filter reads and that the reader
// opens on a phone, outside the company's protection. Asking to scan a code to sign in, re-authenticate, verify or
// sign a document is the lure; event tickets ("show this code at the entrance") ask nothing of the kind.
import type { ContentMessage } from '../message.js';
import type { ContentRule } from './rule.js';

const SCAN_QR = new RegExp(
  String.raw`(?:scan\w*|escane\w*|scansion\w*|digitaliz\w*|leia|lees|lies)\s[^.!?\n]{0,60}?(?<![\p{L}])qr(?![\p{L}])|(?<![\p{L}])qr[\s-]?(?:code|kode|código|codice|-code)[^.!?\n]{0,60}?(?:scan|escane|scansion|digitaliz)`,
  'u',
);
// Signing in, or signing a document, through a code in a mail is the sign-in lure with its link hidden in the image
// (PHISH_LURE_LINK counts a shared document to review and sign among the sign-in lures too): it weighs as a sign-in
// lure with a way off the sender's site does (5: it tags alone); verifying or confirming an account a point under.
const SIGN_IN = new RegExp(
  String.raw`authenticat|sign\s*in|log\s*in|password|passwort|anmeld|mot\s+de\s+passe|connexion|contraseña|iniciar\s+sesión|accedi|accesso|wachtwoord|inloggen|palavra-passe|senha|mfa|2fa|multi-?factor|zwei-?faktor|document|dokument|signature|unterschrift|firma|assinatura|handtekening`,
  'u',
);
const OTHER_PURPOSE = new RegExp(String.raw`verif|bestätig|confirm|account|konto|compte|cuenta|conto|rekening|conta`, 'u');

export const phishQrCode: ContentRule = {
  name: 'PHISH_QR_CODE',
  score: 3.5,
  strength: 'evidence',
  description: 'asks the reader to scan a QR code to sign in, verify an account or sign a document',
  test(msg) {
    const text = msg.lower.subject + '\n' + msg.lower.own;
    if (!text.includes('qr')) return false; // both forms name the code: a plain search first spares the scan
    // Without a picture there is no code to scan: an IT department's warning describes the trick in words.
    if (!carriesPicture(msg)) return false;
    const scan = SCAN_QR.exec(text);
    if (!scan) return false;
    const detail = `"${scan[0].replace(/\s+/g, ' ')}"`;
    if (SIGN_IN.test(text)) return { detail, score: 5 };
    return OTHER_PURPOSE.test(text) && detail;
  },
};

/** An image in the HTML, or an attachment (a picture, or a PDF or document the code is printed in). */
function carriesPicture(msg: ContentMessage): boolean {
  return (msg.html?.imageCount ?? 0) > 0 || msg.attachments.length > 0;
}
