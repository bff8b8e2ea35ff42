// Blame follows the object a refusal names. A generic wording ("blocked", "poor reputation", "not allowed") says
// that something of the sender's is refused, and the reply usually says what: an IP address ("client host
// [192.0.2.1]", "your IP", "Mail from 192.0.2.1"), or a domain ("your domain", "sender domain example.com"). The
// reaction differs (pause the IP toward the provider vs fix the domain's reputation or authentication), so where a
// generic rule or the status code guessed one, the object the sentence names decides. Provider rules already know
// what their wording means and are left alone; a reply naming both objects is left as the rule read it.
import type { Blame, Reason } from './types.js';

/** Refusals of the sender as such: where naming an IP or a domain changes whose fault it is. */
const SENDER_REFUSALS: ReadonlySet<Reason> = new Set(['blocked', 'badreputation', 'rejected', 'policyviolation', 'securityerror', 'notaccept']);
const SENDER_BLAMES: ReadonlySet<Blame> = new Set(['sender-ip', 'sender-domain', 'sender-config']);

const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d.])/;
const IP_WORDS = /\b(?:(?:your|sending|sender|client|source|connecting)\s+(?:ip|host|(?:mail\s+)?server)\b|ip\s+address|(?<![\w.@-])ip(?![\w.@-]))/;
const DOMAIN_WORDS = /\b(?:(?:your|sender|sending|from|mail\s*from|envelope|helo)\s+domain|(?:sender|sending)\s+address|your\s+(?:e-?mail\s+)?address|domain\s+(?:name\s+)?(?:[a-z0-9-]+\.)+[a-z]{2,}|domain(?:'s)?\s+(?:reputation|is\s+(?:listed|blocked|blacklisted|blocklisted))|reputation\s+of\s+(?:a|the|your)\s+(?:sending\s+|sender\s+)?domain)\b/;

/** "The sender's domain" and "your domain" as receivers in Europe and Asia write them (no \b: it knows no letter outside ASCII). */
const SENDER_DOMAIN_ELSEWHERE = /absender-?domain|afsenderdomæne|avsenderdomene|avsändardomän|domaine\s+(?:de\s+l'|d')exp[ée]diteur|dominio\s+(?:del\s+)?(?:remitente|mittente)|domein\s+van\s+de\s+afzender|dom[ií]nio\s+do\s+remetente|domen\S*\s+nadawcy|dom[ée]n\S*\s+odesílatele|домен\S*\s+отправител|발신 ?도메인|送信(元)?ドメイン|发件(人)?域名|寄件者網域|ihre domain|votre domaine|su dominio|il tuo dominio|uw domein|twoja domena|vaše doména|seu domínio|ваш домен/;

/** 'sender-ip' or 'sender-domain' when the reply names exactly one of them; null otherwise. */
export function namedObject(text: string): 'sender-ip' | 'sender-domain' | null {
  // Exim's sender-verify callout quotes the server it called ("Called: 192.0.2.7"): the sender domain's MX, not the
  // sending IP.
  const t = text.toLowerCase().replace(/\bcalled:\s+\S+/g, ' ');
  const ip = IPV4.test(t) || IP_WORDS.test(t);
  const domain = DOMAIN_WORDS.test(t) || SENDER_DOMAIN_ELSEWHERE.test(t);
  if (ip === domain) return null;
  return ip ? 'sender-ip' : 'sender-domain';
}

/** The blame a generic reading should carry, given the object the reply names; undefined: keep it. */
export function blameByObject(reason: Reason, blame: Blame, text: string): Blame | undefined {
  if (!SENDER_REFUSALS.has(reason) || !SENDER_BLAMES.has(blame)) return undefined;
  const named = namedObject(text);
  return named && named !== blame ? named : undefined;
}
