// The last reading of a reply's words, after every rule: single words that mean one thing wherever they appear in a
// refusal. Rules match phrases ("Client host rejected: cannot find your hostname"); a receiver we never saw words the
// same cause its own way ("Reverse DNS check failed", "infected message", "your IP is listed on our RBL"), and the
// word that names the cause survives the rewording. SMTP's vocabulary makes these words unambiguous: a reply says
// "virus" or "DKIM" or "PTR" only when that is what it is about. The order settles replies naming two: the more
// specific cause first (a "spam" reply that names the blocklist is a block of the IP).
import type { Reason } from './types.js';

// Each cue in English first, then as receivers in Europe and Asia word it (German, French, Spanish, Italian,
// Portuguese, Dutch, Polish, Czech, Russian, Chinese, Japanese, Korean); those stems carry no \b after them, since a stem
// may end in a letter JavaScript's \b does not count as one, and Cyrillic and CJK words none at all.
const CUES: ReadonlyArray<readonly [Reason, RegExp]> = [
  ['virusdetected', /\b(viruse?s?|infected|malware|trojan)\b|\b(infiziert|infect[ée]|infectad|infett|zainfekowan|wirus)|вирус|病毒|ウイルス|ウィルス|바이러스|악성코드/],
  ['authfailure', /\b(dmarc|dkim|spf)\b/],
  ['requireptr', /\b(ptr|rdns|reverse (dns|lookup|hostname|mapping|name))\b|\b(rückwärtsauflösung|reverse-dns|dns inverse|résolution inverse|dns inverso|resolución inversa|risoluzione inversa|resolução reversa|odwrotn\S* (dns|rozwiązywani)|reverzní (dns|záznam))|обратн\S* (зон|dns|запис|разрешени)|逆引き|反向解析|反解|역방향/],
  ['failedstarttls', /\b(starttls|tls|ssl)\b/],
  // (a refusal that sends the sender to the receiver's abuse desk, "Please contact abuse@corp.example", refuses it for abuse)
  ['blocked', /\b(dnsbl|rbl|blacklist(ed)?|blocklist(ed)?|black[- ]listed|block[- ]listed|denylist(ed)?|spamhaus|spamcop|sorbs)\b|\bcontact abuse@|\b(schwarze[nr]? liste|sperrliste|liste noire|lista negra|lista nera|zwarte lijst|czarn\S* list|černé listin)|черн\S* спис|黑名单|ブラックリスト|블랙리스트/],
  ['spamdetected', /\b(spam(ming|mer|s)?|junk mail|bulk mail)\b|\b(pourriel|correo no deseado)|спам|垃圾邮件|迷惑メール|스팸/],
  ['norelaying', /\b(relay(ing)? (access )?(denied|prohibited|refused|not)|(not|unable to|cannot|can't|won't|do not) (permitted to )?relay)\b/],
  ['ratelimited', /\b(rate[- ]limit\w*|too many|throttl\w*|slow down)\b|\b(zu viele|trop de|demasiad[oa]s|troppi|troppe|te veel|zbyt wiel|zbyt du|za dużo|za wiele|příliš mnoho|excesso de)|слишком много|过多|太多|频繁|頻繁|多すぎ|너무 많은|과도한/],
  ['mailboxfull', /\b(over ?quota|quota|mailbox (is )?full|full mailbox)\b|\b(postfach (ist )?voll|boîte (aux lettres |mail )?(est )?pleine|buzón (está )?lleno|casella (di posta )?(è )?piena|skrzynk\S* (jest )?(pełna|przepełnion)|schránka (je )?plná|mailbox (is )?vol|caixa (de correio )?(está )?cheia)|ящик переполнен|переполнен|邮箱已满|容量超過|容量オーバー|용량 초과|메일함이 가득/],
];

/** The reason a single distinctive word of the reply names, or null. */
export function reasonFromCueWords(flat: string): Reason | null {
  for (const [reason, cue] of CUES) if (cue.test(flat)) return reason;
  return null;
}
