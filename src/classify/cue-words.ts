// The last reading of a reply's words, after every rule: single words that mean one thing wherever they appear in a
// refusal. Rules match phrases ("Client host rejected: cannot find your hostname"); a receiver we never saw words the
// same cause its own way ("Reverse DNS check failed", "infected message", "your IP is listed on our RBL"), and the
// word that names the cause survives the rewording. SMTP's vocabulary makes these words unambiguous: a reply says
// "virus" or "DKIM" or "PTR" only when that is what it is about. The order settles replies naming two: the more
// specific cause first (a "spam" reply that names the blocklist is a block of the IP).
import type { Reason } from './types.js';

// Three causes are said in two words, a thing and what is wrong with it: the mailbox is full or disabled, the message
// too large. Each language puts other words between them ("La boîte aux lettres du destinataire est pleine"), so the
// thing and its state are read within a few words of each other, in either order where a language puts the adjective
// first ("Pełna skrzynka").
const MAILBOX = String.raw`(mailbox|mail box|inbox|postfach|e-?mail-?konto|boîte|boite|buzón|buzon|casella|skrzynk\S*|schránk\S*|schrank\S*|postvak|postbus|caixa|brevlåda|postlåda|postkasse|indbakke|innboks|postilaatikko|ящик|邮箱|信箱|メールボックス|受信箱|メール ?ボックス|메일함|편지함|사서함)`;
const FULL = String.raw`(full|voll|plein|pleine|llen[oa]|pien[oa]|pełn\S*|przepełnion\S*|pln[áý]|vol|vol ?gelopen|chei[oa]|lotad|fuld|täynnä|переполнен\S*|заполнен\S*|已满|满了|一杯|いっぱい|가득)`;
const DISABLED = String.raw`(disabled|deactivated|suspended|inactive|closed|désactivée?|suspendue?|bloquée?|fermée?|deshabilitad[oa]|desactivad[oa]|suspendid[oa]|bloquead[oa]|inactiv[oa]|disattivat[oa]|sospes[oa]|bloccat[oa]|disabilitat[oa]|gesperrt|deaktiviert|stillgelegt|inaktiv|gedeactiveerd|geblokkeerd|opgeschort|zablokowan\S*|zawieszon\S*|nieaktywn\S*|wyłączon\S*|desativad[oa]|zablokov[aá]n\S*|deaktivov[aá]n\S*|zrušen\S*|заблокирован\S*|отключен\S*|неактивн\S*|已停用|已冻结|已禁用|停止|無効|凍結|정지|비활성)`;
const MESSAGE = String.raw`(message|e-?mail|mail|attachments?|anhang|anhänge|pièces? jointes?|adjuntos?|allegat[oi]|bijlagen?|załącznik\S*|přílo\S*|anexos?|вложени\S*|附件|添付ファイル|첨부 ?파일|nachricht|courriel|mensaje|correo|messaggio|bericht|wiadomoś\S*|zpráv\S*|mensagem|сообщени\S*|письм\S*|邮件|信件|メール|メッセージ|메일|메시지)`;
const TOO_LARGE = String.raw`(too (large|big)|zu gro(ß|ss)|trop (volumineux|volumineuse|gros|grosse|grand|grande)|demasiado grande|troppo grande|te groot|za duż\S*|zbyt duż\S*|příliš velk\S*|grande demais|muito grande|слишком больш\S*|过大|太大|大きすぎ|サイズ超過|サイズオーバー|너무 큽|크기 초과)`;
// Word edges only for the scripts that space their words: in Chinese or Japanese "邮箱已满" stands inside a sentence.
const START = String.raw`(?<![\p{Script=Latin}\p{Script=Cyrillic}])`;
const END = String.raw`(?![\p{Script=Latin}\p{Script=Cyrillic}])`;
/**
 * The thing, then its state within `gap` characters of the same sentence (a dot inside a domain name or a number ends
 * none); or the state first, a word between at most.
 */
const near = (thing: string, state: string, gap: number) =>
  String.raw`${START}${thing}${END}(?:[^.;!?]|\.(?=\S)){0,${gap}}?${START}${state}${END}|${START}${state}${END}\s(\S+\s)?${START}${thing}${END}`;
const MAILBOX_IS_FULL = new RegExp(String.raw`\b(over ?quota|quota|full mailbox)\b|${near(MAILBOX, FULL, 40)}|переполнен|容量超過|容量オーバー|용량 초과`, 'u');
// An account disabled at RCPT is the recipient's; at MAIL the phase turns it to the sender's (adjustForPhase).
const ACCOUNT = String.raw`(account|konto|compte|cuenta|conta|účet|аккаунт|уч[её]тн\S* запис\S*|帐户|账户|账号|アカウント|계정)`;
// (a short reach: "boîte inexistante ou expéditeur bloqué" blocks the sender, not the mailbox)
const MAILBOX_IS_DISABLED = new RegExp(`${near(MAILBOX, DISABLED, 20)}|${near(ACCOUNT, DISABLED, 20)}`, 'u');
// (or its size, or its header's, said to exceed a limit: "Message header size, or recipient list, exceeds policy limit")
const MESSAGE_SIZE = String.raw`((message|header|e-?mail|mail)( header)? size|nachrichtengröße|taille (du |de l')?(message|courriel|e-?mail)|tamaño (del )?(mensaje|correo)|dimensione (del )?messaggio|berichtgrootte|grootte van (het )?bericht|rozmiar wiadomości|velikost zprávy|tamanho da mensagem|размер (сообщения|письма))`;
const EXCEEDS = String.raw`(exceed\S*|overs\S*|überschreit\S*|dépasse\S*|excede\S*|supera\S*|overschrijd\S*|przekracza\S*|překračuj\S*|превыша\S*)`;
const MESSAGE_IS_TOO_LARGE = new RegExp(`${near(MESSAGE, TOO_LARGE, 30)}|${near(MESSAGE_SIZE, EXCEEDS, 40)}`, 'u');
/** The receiving system's own storage, not one mailbox's: its disk is full (RFC 3463's X.3.1). */
const SYSTEM_STORAGE_FULL = /\b(insufficient|not enough|out of|no free) (disk|system storage|server storage|storage space on (the )?(server|system))|\bdisk (space )?(is )?full\b|\bno space left on device\b|\bfile ?system (is )?full\b|espace disque insuffisant|nicht genügend speicherplatz|espacio (en disco )?insuficiente|spazio (su disco )?insufficiente|brak miejsca na dysku|onvoldoende schijfruimte|nedostatek místa na disku|недостаточно места на диске|磁盘空间不足|ディスク容量(が)?不足/u;
/** The sender's address or domain said not to exist ("doména odosielateľa neexistuje", "Absenderdomain existiert nicht"). */
const SENDER = String.raw`(sender|sender's|sending|absender\S*|expéditeur|remitente|mittente|afzender|remetente|nadawc\S*|odesílatel\S*|odosielate\S*|отправител\S*|发件人|寄件人|送信者|差出人|발신자|보낸 사람)`;
const DOES_NOT_EXIST = String.raw`(does not exist|doesn't exist|not exist|no such domain|existiert nicht|n'existe pas|no existe|non esiste|bestaat niet|não existe|nie istnieje|neexistuje|не существует|不存在|存在しません|존재하지)`;
const SENDER_DOES_NOT_EXIST = new RegExp(near(SENDER, DOES_NOT_EXIST, 40), 'u');
/**
 * What may be attached, refused by type: a file type named by its extension (".docm", ".exe"; not those that are also
 * top-level domains, ".com", ".zip", which a reply names as domains), Office macros, an
 * encrypted or password-protected archive, an executable. Receivers refuse these for what they are, whatever the
 * message says, so the reply's words for them name an attachment policy in any language.
 */
const ATTACHMENT_TYPE = /\.(exe|scr|bat|cmd|pif|js|jse|vbs|vbe|wsf|hta|jar|msi|lnk|iso|img|docm|xlsm|pptm|dotm|xlsb|rar|7z|ace|arj|cab)\b|\b(macros?|makros?|macro'?s)\b|password[- ]protected|encrypted (archive|zip|file|attachment)|passwortgeschützt|verschlüsselte (archive|anhänge|dateien)|protégée?s? par (un )?mot de passe|archives? chiffrée?s?|protegid[oa]s? con contraseña|cifrad[oa]s?|protett[oi] da password|cifrat[oi]|beveiligd met (een )?wachtwoord|versleutelde|chronion\S* hasłem|zaszyfrowan\S*|chráněn\S* heslem|šifrovan\S*|protegid[oa]s? por senha|criptografad[oa]s?|executable|ausführbar\S*|exécutable|ejecutable|eseguibil\S*|uitvoerba\S*|wykonywaln\S*|spustiteln\S*|executáve\S*/u;
/**
 * A refusal that names what the message holds: its links ("links to URL shorteners are not accepted"), or its words
 * ("your message contains wording our filter does not allow"). The receiver's rule on content, whatever it calls it.
 */
const CONTENT_NAMED = /\b(url|link) shorteners?\b|\bshortened (links?|urls?)\b|\b(contains?|containing|includes?|including|with|has) (a |an |the )?(suspicious |forbidden |prohibited |blocked |blacklisted |external )?(links?|urls?|hyperlinks?)\b|\b(message|mail|e-?mail|content|text)\b[^.;]{0,20}\b(contains?|containing|includes?)\b[^.;]{0,30}\b(wording|words?|phrases?|terms?|expressions?|content)\b/;
/** A refusal of the country a connection comes from (GeoIP policies): the connecting IP is what is judged. */
const COUNTRY = /\bgeo-?(ip|block\S*|location)\b|\b(your|this) (country|region)\b|\bcountr(y|ies) (is |are )?(blocked|not allowed|denied|banned)|(desde|de) (su|tu|vuestro) país|aus ihrem land|de votre pays|dal (tuo|suo) paese|uit uw land|z (twojego|pana|pani) kraju|z vaší země|из вашей страны|您所在的国家|お住まいの国/u;
/** A refusal that cites the receiver's policy or compliance rules, where no other cue says which. */
const POLICY = /\bpolic(y|ies)\b|\bcompliance\b|richtlinie\S*|politique|pol[ií]tica|beleid|polityk\S*|zásad\S*|политик\S*|策略|ポリシー|정책/u;
/**
 * "This is temporary", "retry in an hour": a permanent code with words that say the trouble passes is the
 * receiver's own passing fault (a 4xx says as much by its code, and its status decides what it is).
 */
const TEMPORARY = /\btemporar(y|ily)\b|\bretry (in|later)\b|\btry (again )?later\b|vorübergehend|temporaire|temporal|temporane\S*|tijdelijk|tymczasow\S*|dočasn\S*|temporári\S*|временн\S*|暂时|一時的|일시적/u;
/** A reputation named, in the languages of the other cues. */
const REPUTATION = /\breputation\b|omdømme|\brykte\b|réputation|reputaci[óo]n|reputazione|reputação|reputatie|reputacj|reputac[ei]|репутаци|信誉|声誉|評判|レピュテーション|평판/u;

// Each cue in English first, then as receivers in Europe and Asia word it (German, French, Spanish, Italian,
// Portuguese, Dutch, Polish, Czech, Russian, Chinese, Japanese, Korean); those stems carry no \b after them, since a stem
// may end in a letter JavaScript's \b does not count as one, and Cyrillic and CJK words none at all.
const CUES: ReadonlyArray<readonly [Reason, RegExp]> = [
  ['virusdetected', /\b(viruse?s?|infected|malware|trojan)\b|\b(infiziert|infect[ée]|infectad|infett|zainfekowan|wirus)|\beicar|\b(win|unix|doc|xls|pdf|html|js|email|java|andr)\.(trojan|malware|exploit|virus|worm|downloader|dropper|ransomware|test)\.|вирус|вірус|ιός|ιού|virüs|வைரஸ்|वायरस|病毒|ウイルス|ウィルス|바이러스|악성코드/],
  ['authfailure', /\b(dmarc|dkim|spf)\b/],
  // (the other languages' words for reverse DNS are the ptr-missing rule's: they name nothing else)
  ['requireptr', /\b(ptr|rdns|reverse (dns|lookup|hostname|mapping|name))\b/],
  ['failedstarttls', /\b(starttls|tls|ssl)\b/],
  ['rejected', SENDER_DOES_NOT_EXIST],
  // (a refusal that sends the sender to the receiver's abuse desk, "Please contact abuse@corp.example", refuses it for abuse)
  ['blocked', /\b(dnsbl|rbl|blacklist(ed)?|blocklist(ed)?|black[- ]listed|block[- ]listed|denylist(ed)?|spamhaus|spamcop|sorbs)\b|\bcontact abuse@|\b(schwarze[nr]? liste|sperrliste|liste noire|lista negra|lista nera|zwarte lijst|czarn\S* li[sś])|čern\S* listin|ч[её]рн\S* спис|黑名单|ブラックリスト|블랙리스트/],
  ['spamdetected', /\b(spam(ming|mer|s)?|junk mail|bulk mail)\b|\bunwanted (content|mail|e-?mails?|messages?)\b|contenu ind[ée]sirable|(courriel|message)s? ind[ée]sirables?|unerwünscht\S* (inhalt|werbung|e-?mails?|nachricht)|contenido no deseado|contenuto indesiderat|conteúdo indesejad|ongewenste (inhoud|e-?mail|bericht)|\bspam[a-zà-ž]+|\ban(ti|ty)-?spam[a-zà-ž]*|\d+([.,]\d+)? ?(pkt|pts?|points?|punkte?n?|bodů|body|puntos|punti|pontos|баллов|балла)\b.{0,30}\b(próg|threshold|limit|schwelle|grenzwert|seuil|umbral|soglia|drempel|limite|práh|порог)|\b(sa|spamassassin|rspamd)[ -]?score\b|\bscored? \d+(\.\d+)?,? (required|threshold|limit|max)|\b(pourriel|correo no deseado)|спам|rämpspost|roskapost|skräppost|søppelpost|levélszemét|nevyžiadan\S* pošt|neželen\S* pošt|neželjen\S* pošt|нежелан\S* пощ|небажан\S* пошт|垃圾邮件|垃圾郵件|反垃圾|迷惑メール|스팸|สแปม|thư rác|بريد مزعج|رسائل مزعجة|سبام|स्पैम|ανεπιθύμητ|istenmeyen (posta|e-?posta)/],
  // (after a block list or a spam verdict, which say more: "listed for poor reputation", "spam; sender reputation low")
  ['badreputation', REPUTATION],
  // (admins who write in their own language often keep the technical word in brackets: "non se permite o reenvío (relay)")
  ['norelaying', /\(relay(ing)?\)|\b(relay(ing)? (access )?(denied|prohibited|refused|not)|(not|unable to|cannot|can't|won't|do not) (permitted to )?relay)\b|\b(relay|relaying|relej|relais|relé|relè|relaying)\S*\s(\S+\s)?(nije dozvoljen|nicht erlaubt|nicht gestattet|verweigert|non autorisé|interdit|refusé|no permitido|denegado|non consentito|non permesso|negato|niet toegestaan|geweigerd|niedozwolon\S*|odmowa|ditolak|není povolen|neni povolen|nepovolen|zakázán|zakazan|não permitido|nao permitido|negado|запрещ\S*|отказ\S*)/],
  // (a sending limit exceeded, in the words of the other languages: "Gönderim limiti aşıldı", "Versandlimit überschritten")
  ['ratelimited', /gönderi?m(e)? limit|limit\S* aşıldı|sınır\S* aşıldı|(sende|versand)limit|limite d.envoi|límite de envío|limite di invio|limite de envio|verzendlimiet|limit (wysyłania|odesílání|odosielania)|лимит отправки|ліміт (надсилання|відправлення)|küldési (korlát|limit)|limita de (trimitere|expediere)|lähetysraja|sändningsgräns|sende(grense|grænse)|batas pengiriman|had penghantaran|kufiri\S* e dërgimit|limitasyon ng pagpapadala|kikomo cha kutuma|giới hạn gửi|送信制限|发送限制|發送限制|발송 제한|전송 제한|όριο αποστολής|حد الإرسال|محدودیت ارسال|מגבלת שליחה/u],
  ['ratelimited', /\b(rate[- ]limit\w*|too many|throttl\w*|slow down)\b|\b(zu viele|trop de|demasiad[oa]s|troppi|troppe|te veel|zbyt wiel|zbyt du|za dużo|za wiele|příliš mnoho|excesso de|for mange|för många|liian (monta|paljon)|çok fazla|pārāk daudz|liiga palju|per daug|preveč|previše|príliš veľa|túl sok|prea mult|terlalu banyak|quá nhiều|sobrang dami|nyingi mno|of margar|massa (missatges|connexions)|πάρα πολλ)|твърде много|забагато|занадто багато|بیش از حد|بہت زیادہ|יותר מדי|มากเกินไป|बहुत अधिक|слишком много|过多|太多|频繁|頻繁|多すぎ|너무 많은|과도한|频率过高|发送速度|发信频率|送信頻度|送信速度|大量送信|大量发送|大量發送|\b(limit|limite|limits?u)\s(\S+\s){0,2}?(messages|msgs|wiadomo[śs]ci|nachrichten|messaggi|mensajes|mensagens|e-?mails|zpráv)|лимит\S*\s(\S+\s){0,2}?(сообщений|писем)|(messages|msgs?|nachrichten|mails|e-?mails|messaggi|berichten|wiadomości|zpráv|mensagens|mensajes|сообщений|писем|mesaje|üzenet\S*|mesaj\S*|viestiä|meddelanden|meldinger|beskeder|повідомлень|μηνύματα) (pro|per|par|por|al|all'|na|za|в|pe|на|ανά) (\d+ )?(hours?|hrs?|minutes?|mins?|days?|seconds?|secs?|stunden?|tage?|heures?|jours?|horas?|días|dias?|ore|ora|oră|giorn[oi]|uur|dag(en)?|godzin\S*|minut\S*|hodin\S*|den|час\S*|минут\S*|д(ень|ня|ней)|órá\S*|saat\S*|tunti|timme|годину|ώρα|zi)/],
  ['mailboxfull', MAILBOX_IS_FULL],
  ['systemfull', SYSTEM_STORAGE_FULL],
  ['suspend', MAILBOX_IS_DISABLED],
  ['emailtoolarge', MESSAGE_IS_TOO_LARGE],
  ['policyviolation', ATTACHMENT_TYPE],
  ['policyviolation', CONTENT_NAMED],
  ['blocked', COUNTRY],
  ['policyviolation', POLICY],
];

/** The reason a single distinctive word of the reply names, or null. */
export function reasonFromCueWords(flat: string): Reason | null {
  for (const [reason, cue] of CUES) if (cue.test(flat)) return reason;
  return null;
}

/** A reply's words say its trouble is temporary (see TEMPORARY). */
export function saysTemporary(flat: string): boolean {
  return TEMPORARY.test(flat);
}
