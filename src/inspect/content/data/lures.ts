// What phishing asks the reader to do, by kind of lure, in English, German, French, Spanish, Italian, Dutch and
// Portuguese (Portugal's and Brazil's), and the commonest lures (account, payment, parcel, invoice) in Polish, Czech
// and Swedish. Written from how the lures work (your account is blocked, a fee is unpaid, a
// document waits, a wallet needs verifying, a prize waits), not copied from samples. Patterns are lower case and run
// on the lower-cased subject and text. Honest mail says many of these things too ("update your payment method" from a
// shop's own billing page), so a lure counts as evidence only together with a link that leaves the sender's own
// domain (see rules/phish-lure.ts). Every alternative starts with a letter: one that starts with a repeated class
// ("[\w-]*gutschein" for compound words) is tried at every word start and rescans the word, and two of them cost
// bench:score a fifth of its speed; spell the compounds out instead.
import { byFirstLetter, firstLetterGroups } from './by-first-letter.js';

export type LureKind = 'credentials' | 'payment' | 'parcel' | 'invoice' | 'crypto' | 'reward' | 'legal' | 'gambling' | 'pharmacy' | 'weight-loss' | 'dating' | 'crimeware';

const w = String.raw;
// A letter of a word in the patterns' gaps ("ihr\s+[L]+\s+..."): the expressions run without the u flag (see
// below), where \w knows only ASCII, and a German, French or Portuguese word with an accent ("für", "você") would end
// the gap; the Latin-1 and Latin Extended letters are added by hand. For the same reason no alternative may begin with
// such a letter: \b never stands before it ("účet" is written "váš účet").
const L = String.raw`\w\u00c0-\u024f`;

/**
 * A delivery or customs fee is a lure when the reader is told to pay it: "pay the redelivery fee", "customs fee of
 * €1.99", "taxa de importação pendente". Named alone it is a line of every shop's mail ("shipping costs are included",
 * "los gastos de envío ya están incluidos"), so the fee's name counts only after a verb of paying or before an amount
 * or a word saying it is due. No alternative may start with a class (see above): the verbs open their own.
 */
const PAY = w`(?:pay|settle|payment\s+of|zahlen\s+sie|bezahlen\s+sie|begleichen\s+sie|payez|réglez|régler|payer|pague|abone|pagar|paga|pagare|pagate|betaal|betalen|pagamento\s+(?:da|do|de)|betala|zapłać|opłać|uhraďte|zaplaťte)`;
const DUE = w`(?:[$€£]\s?\d|\d+[.,]\d{2}|(?:is\s+|are\s+|ist\s+|est\s+|está\s+|è\s+|is\s+nog\s+)?(?:due|unpaid|outstanding|pending|required|must\s+be\s+paid|to\s+be\s+paid|fällig|ausstehend|offen|unbezahlt|impayée?s?|en\s+attente|dus?|pendiente|pendente|pendentes|obligatori[ao]|obrigatóri[ao]|in\s+sospeso|da\s+pagare|openstaand|verschuldigd|nieopłacon[aey]|nezaplacen[ýáé]|obetald[a]?))`;
// (words between, or an amount: "pay a small €1.99 redelivery fee"; a full stop ends the sentence, and the demand)
const feeDemand = (fees: string) => w`${PAY}\s+(?:(?:[${L}]+|[$€£]?\d+(?:[.,]\d+)*[$€£]?)\s+){0,3}?(?:${fees})|(?:${fees})\s+(?:[${L}]+\s+){0,2}?${DUE}`;

export const lurePatterns: Record<LureKind, string[]> = {
  credentials: [
    // access to the account "may be restricted" unless the reader verifies a detail within hours, and a card's
    // "temporary deactivation": a bank's or a platform's real notice sends the reader to its own site, which this
    // lure's way out never is; en, de, fr, es, it, nl, pt
    w`access\s+to\s+your\s+(?:account|card)\s+(?:may|will|could|might)\s+be\s+(?:temporarily\s+)?(?:restricted|limited|suspended|blocked)|(?:verify|confirm)\s+your\s+(?:phone\s+number|mobile\s+number|identity)\s+within\s+(?:the\s+next\s+)?\d+\s+hours`,
    w`zugriff\s+auf\s+(?:ihr|dein)\s+konto\s+(?:(?:kann|wird|könnte)\s+)?(?:vorübergehend\s+)?(?:eingeschränkt|gesperrt)|(?:ihre|deine)\s+telefonnummer\s+innerhalb\s+(?:der\s+nächsten\s+)?\d+\s+stunden|deaktivierung\s+(?:ihrer|deiner)\s+(?:bank|kredit)?karte`,
    w`l'accès\s+à\s+votre\s+compte\s+(?:pourrait|peut|sera)\s+être\s+(?:temporairement\s+)?(?:restreint|limité|suspendu)|el\s+acceso\s+a\s+su\s+cuenta\s+(?:podría|puede|será)\s+(?:ser\s+)?(?:restringido|limitado|suspendido)|l'accesso\s+al\s+(?:tuo|suo)\s+(?:account|conto)\s+(?:potrebbe|può|sarà)\s+(?:essere\s+)?(?:limitato|sospeso)|toegang\s+tot\s+(?:uw|je)\s+(?:account|rekening)\s+(?:kan|wordt)\s+(?:tijdelijk\s+)?(?:worden\s+)?(?:beperkt|geblokkeerd)|o\s+acesso\s+à\s+sua\s+conta\s+(?:poderá|pode|será)\s+(?:ser\s+)?(?:restringido|limitado|suspenso)`,
    // en
    w`(?:verify|confirm|validate|re-?validate|update|unlock|restore|secure|re-?activate)\s+your\s+(?:account|identity|password|login|credentials|mailbox|e-?mail\s+account|apple\s+id)`,
    w`(?:verify|confirm|validate)\s+(?:the\s+|this\s+)?(?:account|identity)\s+(?:to|now|within|before)`,
    w`(?:account|mailbox|password|apple\s+id)\s+(?:has\s+been|will\s+be|is|was)\s+(?:suspended|locked|disabled|blocked|limited|restricted|compromised|deactivated|expired?)`,
    // the reader's own password expiring, or an expiry notice; not an article headline such as "Password Expires"
    w`your\s+(?:[${L}-]+\s+){0,3}password\s+(?:for\s+[${L}\s]{0,30}?)?(?:will\s+expire|has\s+expired|is\s+expiring)|password\s+(?:expiry|expiration)\s+(?:notice|notification|alert|warning)|password\s+(?:[${L}\s]{0,30}?)expires\s+(?:today|tomorrow|soon|in\s+\d|within)`,
    w`keep\s+(?:your\s+)?(?:current|same)\s+password`,
    w`mailbox\s+(?:is\s+)?(?:full|over\s*quota)|storage\s+(?:limit|quota)|(?:messages?|e-?mails?)\s+(?:are\s+)?(?:on\s+hold|held|pending\s+delivery)`,
    // The mail server keeps the reader's own incoming mail back until they "release" it on a web page: no mail system
    // asks its user to sign in elsewhere to receive their mail. The reader's mail, counted or "your": not "I have two
    // pending e-mails to answer".
    w`release\s+(?:(?:your|the|all)\s+)?(?:\d+\s+)?(?:pending|held|blocked|incoming|queued)\s+(?:incoming\s+)?(?:messages|e-?mails|mails)|release\s+your\s+(?:messages|e-?mails|mails)`,
    w`(?:you\s+have|there\s+are)\s+(?:\d+|several|some)\s+(?:new\s+)?(?:pending|undelivered|held|incoming|blocked|queued)\s+(?:incoming\s+)?(?:messages|e-?mails|mails)`,
    w`(?:messages?|e-?mails?)\s+(?:that\s+)?(?:were|have\s+been|are\s+being|are)\s+(?:held|blocked|suspended|delayed|queued|stuck)\s+(?:on|by|in|at|due)\b`,
    // the reader's mailbox full or over its storage limit, in de, fr, es, it, nl, pt (English above)
    w`(?:postfach|e-?mail-?postfach)\s+(?:ist\s+)?(?:voll|fast\s+voll|überfüllt)|speicher(?:grenze|limit|kontingent)\s+(?:[${L}]+\s+){0,3}?(?:erreicht|überschritten)`,
    w`boîte\s+(?:aux\s+lettres|mail|de\s+réception)\s+(?:est\s+)?(?:pleine|saturée|presque\s+pleine)|(?:quota|limite)\s+de\s+stockage\s+(?:[${L}]+\s+){0,2}?(?:atteint|dépassé)`,
    w`(?:buzón|bandeja\s+de\s+entrada)\s+(?:de\s+correo\s+)?(?:está\s+)?(?:llen[oa]|casi\s+llen[oa])|límite\s+de\s+almacenamiento`,
    w`casella\s+(?:di\s+posta\s+)?(?:è\s+)?(?:piena|quasi\s+piena)|limite\s+di\s+(?:archiviazione|spazio)`,
    w`(?:mailbox|postvak)\s+is\s+(?:vol|bijna\s+vol)|opslaglimiet|opslagruimte\s+(?:is\s+)?(?:vol|bereikt|overschreden)`,
    w`caixa\s+(?:de\s+(?:correio|entrada|e-?mail)\s+)?(?:está\s+)?(?:cheia|lotada|quase\s+cheia)|limite\s+de\s+armazenamento`,
    // the reader's own mail held back, in de, fr, es, it, nl, pt
    w`(?:ausstehende|zurückgehaltene|blockierte)\s+(?:nachrichten|e-?mails)|(?:nachrichten|e-?mails)\s+(?:wurden|werden)\s+(?:zurückgehalten|blockiert|nicht\s+zugestellt)|(?:nachrichten|e-?mails)\s+freigeben`,
    w`vous\s+avez\s+\d+\s+(?:messages?|e-?mails?|courriels?)\s+(?:en\s+attente|bloqués|retenus|non\s+distribués)|messages?\s+(?:bloqués|retenus|non\s+distribués)|libére[rz]\s+(?:vos\s+)?(?:\d+\s+)?messages`,
    w`tienes?\s+\d+\s+(?:mensajes|correos)\s+(?:pendientes|retenidos|bloqueados)|(?:mensajes|correos)\s+(?:retenidos|bloqueados|no\s+entregados)|liberar\s+(?:sus\s+|tus\s+)?(?:mensajes|correos)`,
    w`(?:hai|ha)\s+\d+\s+(?:messaggi|e-?mail)\s+(?:in\s+sospeso|in\s+attesa|bloccat[ie]|trattenut[ie])|messaggi\s+(?:bloccati|trattenuti|non\s+consegnati)`,
    w`(?:u\s+heeft|je\s+hebt)\s+\d+\s+(?:openstaande|wachtende|geblokkeerde)\s+(?:berichten|e-?mails)|(?:berichten|e-?mails)\s+(?:zijn\s+|werden\s+|worden\s+)?(?:vastgehouden|geblokkeerd|niet\s+afgeleverd)`,
    w`tem\s+\d+\s+(?:mensagens|e-?mails)\s+(?:pendentes|retidas|bloqueadas)|(?:mensagens|e-?mails)\s+(?:retidas|bloqueadas|não\s+entregues)|liberar\s+(?:suas\s+)?mensagens`,
    w`sign\s+in\s+with\s+your\s+(?:e-?mail|microsoft|office)|(?:e-?mail|login)\s+credentials`,
    w`(?:multi-?factor|two-?factor|mfa|2fa)\s+(?:authentication\s+)?(?:settings?\s+)?(?:must\s+be\s+)?(?:renewed|expires?|update|re-?registration|re-?enroll)`,
    w`unusual\s+(?:sign-?in|login|activity)`,
    w`(?:document|file)s?\s+(?:has|have\s+been|was)\s+shared\s+with\s+you|secure\s+document|review\s+and\s+sign`,
    // a file, folder or fax waiting behind a link: "X shared a file with you", "sent you a secure document"
    w`shared\s+(?:a|an|the|this|\d+)\s+(?:[${L}-]+\s+)?(?:file|document|folder|spreadsheet|pdf)s?\s+with\s+you|shared\s+["“'][^"”'\n]{1,120}["”']\s+with\s+you|sent\s+you\s+(?:a|an)\s+(?:secure\s+|encrypted\s+|new\s+)?(?:document|file|fax|message)\s+to\s+(?:review|sign|view)`,
    // ... in the six other languages: "hat eine Datei für Sie freigegeben", "a partagé un fichier avec vous", "ha
    // compartido un documento contigo", "ha condiviso un file con te", "heeft een bestand met u gedeeld", "compartilhou
    // um arquivo com você", and a document sent "to sign" (fr, es, it, de)
    w`hat\s+(?:eine?|die|das|den|\d+)\s+(?:datei|dokument|ordner|pdf|unterlagen)(?:en|e)?\s+(?:mit\s+ihnen|für\s+sie|mit\s+dir|für\s+dich)\s+(?:geteilt|freigegeben)|a\s+partagé\s+(?:un|une|le|la|des|\d+)\s+(?:fichier|document|dossier)s?\s+avec\s+vous|ha\s+compartido\s+(?:un|una|el|la|\d+)\s+(?:archivo|documento|carpeta)s?\s+(?:contigo|con\s+usted)|ha\s+condiviso\s+(?:un|una|il|la|\d+)\s+(?:file|documento|cartella|documenti)\s+con\s+(?:te|lei|voi)|heeft\s+(?:een|het|de|\d+)\s+(?:bestand|document|map)(?:en)?\s+met\s+(?:u|je|jou)\s+gedeeld|(?:compartilhou|partilhou)\s+(?:um|uma|o|a|\d+)\s+(?:arquivo|ficheiro|documento|pasta)s?\s+(?:com\s+você|consigo)`,
    // ... in Polish, Czech and Swedish: "udostępnił Ci plik", "s vámi sdílel soubor", "har delat en fil med dig"
    w`udostępnił(?:a|o)?\s+(?:ci|tobie|panu|pani|państwu|wam)\s+(?:plik|dokument|folder)(?:y|ów)?|(?:s\s+vámi|s\s+tebou)\s+sdílel(?:a|o)?\s+(?:soubor|dokument|složku)|sdílel(?:a|o)?\s+(?:s\s+vámi|s\s+tebou)\s+(?:soubor|dokument|složku)|har\s+delat\s+(?:en|ett|\d+)\s+(?:fil|filer|dokument|mapp|mappar)\s+med\s+(?:dig|er)`,
    // a document said to be shared through a file-sharing service ("delat via SharePoint", "shared securely via
    // OneDrive"): the service's own notice links to the service, which this kind never fires on
    w`(?:shared|delat|delade|geteilt|freigegeben|partagée?s?|compartid[oa]s?|condivis[oa]|gedeeld|compartilhad[oa]|partilhad[oa]|udostępnion[yae]|sdílen[ýáé])\s+(?:[${L}]+\s+){0,2}?(?:via|through|using|über|par|por|a\s+través\s+de|tramite|met|przez|přes)\s+(?:microsoft\s+)?(?:sharepoint|onedrive|dropbox|google\s+drive|wetransfer)`,
    // ... with the participle last, as German and Dutch put it ("wurden über Dropbox freigegeben", "zijn via OneDrive gedeeld")
    w`(?:wurden|wurde|ist|sind|werden|wird|zijn|is|worden|werd)\s+(?:über|via|per|met)\s+(?:microsoft\s+)?(?:sharepoint|onedrive|dropbox|google\s+drive|wetransfer)\s+(?:geteilt|freigegeben|bereitgestellt|gedeeld)`,
    // ... and with the reader named before the file, as these languages also say it: "ha condiviso con te la
    // cartella", "a partagé avec vous le dossier", "ha compartido contigo la carpeta", "hat mit Ihnen die Datei
    // geteilt", "compartilhou com você a pasta"
    w`ha\s+condiviso\s+con\s+(?:te|lei|voi)\s+(?:un|una|il|la|i|le|\d+)\s+(?:file|documento|documenti|cartella|cartelle)|a\s+partagé\s+avec\s+vous\s+(?:un|une|le|la|les|des|\d+)\s+(?:fichier|document|dossier)s?|ha\s+compartido\s+(?:contigo|con\s+usted)\s+(?:un|una|el|la|los|las|\d+)\s+(?:archivo|documento|carpeta)s?|hat\s+(?:mit\s+ihnen|mit\s+dir|für\s+sie|für\s+dich)\s+(?:eine?n?|die|das|den|\d+)\s+(?:datei|dokument|ordner|unterlagen)(?:en|e)?\s+(?:geteilt|freigegeben)|(?:compartilhou|partilhou)\s+(?:com\s+você|consigo)\s+(?:um|uma|o|a|os|as|\d+)\s+(?:arquivo|ficheiro|documento|pasta)s?`,
    // files "sent" to the reader behind a link, the transfer services' wording ("Daniel sent you files", "ti ha inviato
    // un file"): a person attaches a file, a transfer service links to its own pages (toServicesOwnPages); en, de,
    // fr, es, it, nl, pt
    w`sent\s+you\s+(?:\d+\s+)?files\b|sent\s+you\s+(?:a|an)\s+(?:[${L}-]+\s+)?(?:file|folder)\b|hat\s+(?:ihnen|dir)\s+(?:eine?|\d+)\s+(?:datei|dokument|ordner)(?:en|e)?\s+(?:gesendet|geschickt|übermittelt)|vous\s+a\s+envoyé\s+(?:un|une|des|\d+)\s+(?:fichier|dossier)s?|te\s+ha\s+enviado\s+(?:un|una|\d+)\s+(?:archivo|fichero|carpeta)s?|(?:ti|le)\s+ha\s+inviato\s+(?:un|una|\d+)\s+(?:file|cartella)|heeft\s+(?:u|je|jou)\s+(?:een|\d+)\s+(?:bestand|map)(?:en)?\s+(?:gestuurd|verzonden)|(?:lhe|te)\s+enviou\s+(?:um|uma|\d+)\s+(?:arquivo|ficheiro|pasta)s?`,
    w`(?:examiner|consulter|vérifier)\s+et\s+signer|revisar\s+y\s+firmar|esaminare\s+e\s+firmare|prüfen\s+und\s+unterschreiben|bekijken\s+en\s+ondertekenen|rever\s+e\s+assinar|(?:document|fichier)s?\s+(?:à\s+signer|en\s+attente\s+de\s+(?:votre\s+)?signature)|documentos?\s+(?:para\s+firmar|pendientes?\s+de\s+firma)|document[oi]\s+da\s+firmare|dokument(?:e)?\s+(?:zur\s+unterschrift|zum\s+unterschreiben)`,
    // a voice message or fax to be played or read on a web page: telephone systems deliver the recording itself
    w`(?:new|missed|received\s+an?(?:\s+[${L}-]+){0,3}?)\s+(?:voice\s*(?:mail|message)|fax)|listen\s+to\s+(?:the\s+|your\s+)?(?:voice\s*)?(?:mail|message|recording)|(?:play|view)\s+(?:the\s+)?(?:voice\s*(?:mail|message)|fax)`,
    // a meeting recording or chat waiting behind a sign-in
    w`recording\s+is\s+(?:now\s+)?(?:available|ready)|watch\s+(?:the\s+)?recording|sign\s+in\s+with\s+your\s+(?:work|business|company|corporate|office\s*365)\s+(?:e-?mail|account)`,
    // the reader's photo or file storage is full and its contents go unless the reader acts
    w`(?:icloud|cloud|photo|google|drive|onedrive)\s+storage\s+(?:is\s+|was\s+|has\s+)?(?:full|almost\s+full|exceeded|reached\s+its\s+(?:limit|capacity))|(?:photos|files|videos)\s+(?:and\s+(?:videos|files|photos|documents)\s+)?(?:will\s+be|are\s+about\s+to\s+be)\s+(?:deleted|removed|lost)|(?:cloud-?speicher|speicher)(?:platz)?\s+(?:ist\s+)?voll|fotos\s+(?:und\s+videos\s+)?werden\s+gelöscht`,
    // the mail system keeps the reader's mail back
    w`(?:messages?|e-?mails?)\s+(?:in|(?:held|placed|stuck)\s+in)\s+(?:your\s+)?quarantine|quarantined\s+(?:messages?|e-?mails?)|undelivered\s+(?:messages?|e-?mails?)`,
    // the account is about to go away
    w`(?:account|mailbox|profile|page|channel|wallet)s?\s+(?:will\s+be|is\s+(?:scheduled|set)\s+to\s+be)\s+(?:permanently\s+|temporarily\s+)?(?:closed|terminated|deleted|deactivated|disabled|shut\s+down)|scheduled\s+for\s+(?:permanent\s+)?(?:deletion|deactivation|termination|removal)`,
    // the mail system stops delivering the reader's mail unless they act elsewhere ("to keep receiving our emails" or
    // "emails from us" is a newsletter asking for consent again)
    w`(?:continue|keep)\s+(?:to\s+)?receiv(?:e|ing)\s+(?:(?:new|incoming|your)\s+)?(?:messages|e-?mails)(?!\s+from\s+(?:us|our))|(?:not|no\s+longer)\s+be\s+able\s+to\s+(?:send\s+(?:or|and)\s+)?receive\s+(?:new\s+|incoming\s+)?(?:messages|e-?mails)`,
    // staff told to read and acknowledge a new handbook or policy on a page (the kits' "HR" lure)
    w`acknowledge\s+(?:receipt\s+of\s+)?(?:the\s+)?(?:new|updated|revised)\s+(?:employee\s+)?(?:handbook|polic(?:y|ies))|handbook\s+(?:has\s+been\s+)?(?:updated|revised)\s+for`,
    // pay and staff matters from "HR": an employee signs in to see them
    w`salary\s+(?:adjustment|increase|revision)|payroll\s+(?:update|adjustment|change)|(?:bonus|benefits?|compensation)\s+(?:statement|enrol(?:l)?ment|update|adjustment)`,
    // de, fr: a voice message waiting
    w`neue\s+sprachnachricht|sprachnachricht\s+(?:erhalten|abhören)|nouveau\s+message\s+vocal|message\s+vocal\s+(?:reçu|en\s+attente)`,
    // de
    w`(?:konto|zugang|passwort|postfach)\s+(?:wird|wurde|ist)\s+(?:gesperrt|deaktiviert|eingeschränkt|ablaufen|abgelaufen)`,
    w`(?:bestätigen|verifizieren|aktualisieren)\s+sie\s+(?:ihr(?:e|en)?\s+)?(?:konto|daten|identität|zugangsdaten|passwort)`,
    w`(?:konto|daten|identität|zugangsdaten)\s+(?:zu\s+)?(?:bestätigen|verifizieren)`,
    w`zwei-?faktor|sicherheitsrichtlinien`,
    // fr
    w`(?:compte|mot\s+de\s+passe|accès)\s+(?:a\s+été|est|sera)\s+(?:suspendu|bloqué|désactivé|limité|expiré)`,
    w`(?:vérifie[rz]|confirme[rz]|valide[rz])\s+(?:votre|vos)\s+(?:compte|identité|informations|données|mot\s+de\s+passe)`,
    w`mot\s+de\s+passe\s+expire|conserver\s+votre\s+mot\s+de\s+passe`,
    // de: the password "expires today" unless the reader keeps it on a page ("Kennwort beibehalten")
    w`(?:kennwort|passwort)\s+(?:für\s+(?:ihr|dein)\s+(?:postfach|konto|e-?mail-?konto)\s+(?:\S+\s+)?)?läuft\s+(?:heute\s+|morgen\s+|bald\s+|in\s+\d+\s+(?:tagen|stunden)\s+)?ab|(?:aktuelles\s+)?(?:kennwort|passwort)\s+beibehalten`,
    // es
    w`(?:cuenta|contraseña|acceso)\s+(?:ha\s+sido|está|será)\s+(?:suspendid[ao]|bloquead[ao]|desactivad[ao]|limitad[ao])`,
    w`bloqueado\s+(?:tu|su)\s+cuenta`,
    w`verifi(?:ca|que|car)\s+(?:tu|su)\s+(?:cuenta|identidad|datos)`,
    // it
    w`(?:account|conto|id\s+apple|password)\s+(?:è\s+stato|è|sarà)\s+(?:sospes[oa]|bloccat[oa]|disattivat[oa]|limitat[oa])`,
    w`verifica(?:re)?\s+(?:il\s+tuo|i\s+tuoi|le\s+tue)\s+(?:account|conto|dati|informazioni)`,
    // nl
    w`(?:account|rekening|bankpas|betaalpas|wachtwoord)\s+(?:is|wordt|werd)\s+(?:geblokkeerd|opgeschort|beperkt|verloopt)|(?:bankpas|betaalpas)\s+verloopt|activeer\s+(?:uw|je)\s+nieuwe\s+(?:bank|betaal)?pas`,
    w`(?:bevestig|verifieer|controleer)\s+(?:uw|je)\s+(?:account|gegevens|identiteit)`,
    // pt
    w`(?:conta|palavra-passe|senha)\s+(?:foi|está|será)\s+(?:suspensa|bloqueada|desativada|limitada)`,
    w`confirme\s+(?:os\s+seus|a\s+sua|seus)\s+(?:dados|identidade|conta)`,
    // pt-BR: update the registration or the security token, settle a "pending issue" on the account or tax number
    w`atualiz(?:e|ar)\s+(?:os\s+|seus\s+|o\s+seu\s+|seu\s+|o\s+|sua\s+)?(?:dados|cadastro|token|dispositivo\s+de\s+segurança)|(?:evitar|evite)\s+o\s+(?:bloqueio|cancelamento)|regularize\s+(?:a\s+|sua\s+|seu\s+|o\s+)?(?:situação|pendência|cadastro|cpf|conta)|pendência\s+(?:em|no|na)\s+(?:seu\s+|sua\s+|o\s+|a\s+)?(?:cadastro|cpf|conta)|cpf\s+(?:está\s+)?(?:irregular|bloqueado|suspenso|cancelado)`,
    // pt-BR: a sign-in from a new device to disown ("não fui eu"), a device or security token to update
    w`(?:houve|detectamos|identificamos)\s+um\s+(?:novo\s+)?acesso\s+(?:a|à)\s+sua\s+conta|atualiza(?:ção|r)\s+(?:do\s+seu\s+|o\s+seu\s+|seu\s+|do\s+)?(?:aparelho|dispositivo|itoken|módulo\s+de\s+segurança)`,
    // a secure or encrypted message waiting behind a link (the "secure message portal" kits): a bank's or an
    // encryption service's own notice links to its own pages; en, de, fr, es, it, nl, pt
    w`(?:received|have)\s+(?:a|an|\d+)\s+(?:new\s+)?(?:secure|encrypted|protected|confidential)\s+(?:(?:and\s+)?(?:secure|encrypted|protected|confidential)\s+)?(?:e-?mail\s+)?messages?|(?:read|view|open|access)\s+(?:the\s+|your\s+)?(?:secure|encrypted|protected)\s+(?:e-?mail\s+)?message|secure\s+message\s+(?:center|centre|portal|viewer)`,
    w`(?:sichere|verschlüsselte|geschützte)\s+nachricht\s+(?:erhalten|lesen|öffnen|abrufen)|(?:reçu|recevez)\s+un\s+message\s+(?:sécurisé|chiffré|crypté|protégé)|(?:lire|consulter|ouvrir)\s+(?:le\s+)?message\s+(?:sécurisé|chiffré|crypté)|(?:recibido|recibe)\s+un\s+mensaje\s+(?:seguro|cifrado|encriptado|protegido)|ricevuto\s+un\s+messaggio\s+(?:sicuro|crittografato|protetto|cifrato)|(?:beveiligd|versleuteld)\s+bericht\s+(?:ontvangen|lezen|openen|bekijken)|recebeu\s+uma\s+mensagem\s+(?:segura|criptografada|encriptada|protegida)`,
    // the mailbox deactivated or deleted within hours unless the reader "confirms their credentials" or keeps it
    // active on a page; de, fr, es, it, nl, pt
    w`(?:ihr|dein)\s+(?:e-?mail-?)?postfach\s+wird\s+(?:[${L}]+\s+){0,3}?(?:deaktiviert|gesperrt|gelöscht)|(?:votre|ta)\s+boîte\s+(?:aux\s+lettres|mail|de\s+réception)\s+(?:sera|va\s+être)\s+(?:désactivée|suspendue|supprimée|fermée)|(?:su|tu)\s+(?:buzón|cuenta\s+de\s+correo)\s+(?:será|va\s+a\s+ser)\s+(?:desactivad[oa]|suspendid[oa]|eliminad[oa]|cerrad[oa])|(?:la\s+tua|la\s+sua)\s+casella\s+(?:di\s+posta\s+)?(?:verrà|sarà)\s+(?:disattivata|sospesa|bloccata|eliminata|chiusa)|(?:uw|je)\s+(?:mailbox|postvak|e-?mailaccount)\s+(?:wordt|zal\s+worden)\s+(?:gedeactiveerd|geblokkeerd|verwijderd|opgeschort)|(?:a\s+sua|sua)\s+caixa\s+(?:de\s+(?:correio|e-?mail)\s+)?(?:será|vai\s+ser)\s+(?:desativada|suspensa|eliminada|encerrada)`,
    w`conferm\w*\s+(?:le\s+)?(?:tue|sue|vostre)\s+credenziali|mantieni\s+(?:la\s+(?:mia|tua|sua)\s+)?casella\s+attiva|confirme[rz]?\s+(?:vos|tes)\s+identifiants|confirm[ae]r?\s+(?:sus|tus)\s+credenciales|confirm[ae]r?\s+(?:as\s+)?(?:suas|tuas)\s+credenciais|bevestig\s+(?:uw|je)\s+inloggegevens|keep\s+my\s+mailbox\s+active|behalte[n]?\s+(?:sie\s+)?(?:mein|ihr)\s+postfach`,
    // pl, cs, sv: verify the account or details, the account or password blocked or expiring, the mailbox full
    w`(?:zweryfikuj|potwierdź|zaktualizuj)\s+(?:swoje\s+|swoją\s+|swój\s+)?(?:konto|dane|tożsamość|hasło)|(?:konto|hasło|skrzynka)\s+(?:zostało|zostanie|została)\s+(?:zablokowan[ea]|zawieszon[ea]|dezaktywowan[ea]|wyłączon[ea])|hasło\s+(?:[${L}]+\s+){0,4}?(?:wygasa|wygaśnie|wygasło)|skrzynka\s+(?:pocztowa\s+)?(?:jest\s+)?(?:pełna|przepełniona)`,
    w`(?:ověřte|potvrďte|aktualizujte)\s+(?:svůj\s+|své\s+|svou\s+)?(?:účet|údaje|identitu|heslo)|(?:(?:váš|vaše|tvůj|tvoje)\s+)(?:účet|heslo|schránka)\s+(?:byl[ao]?|bude)\s+(?:zablokován[ao]?|pozastaven[ao]?|deaktivován[ao]?)|(?:platnost\s+)?(?:vašeho\s+)?hesla?\s+(?:vyprší|vypršela|končí)|schránka\s+(?:je\s+)?(?:plná|přeplněná)`,
    w`(?:verifiera|bekräfta|uppdatera)\s+(?:ditt\s+|dina\s+)?(?:konto|uppgifter|identitet|lösenord)|(?:konto|kontot|lösenord|lösenordet)\s+(?:har\s+|kommer\s+att\s+)?(?:spärrats|spärras|stängts|stängas|låsts|låsas|går\s+ut|upphör)|(?:brevlåda|inkorg)(?:n)?\s+är\s+(?:full|nästan\s+full)`,
  ],
  payment: [
    w`(?:update|confirm|verify)\s+(?:your\s+)?(?:payment|billing|card)\s+(?:information|details|method|info)`,
    w`payment\s+(?:was\s+|has\s+been\s+)?(?:declined|failed|unsuccessful)|could\s+not\s+(?:process|validate)\s+your\s+payment`,
    // the reader's subscription or protection lapsed, renewal behind a link: the antivirus and streaming renewal scams;
    // a service's own notice links to its own site, which this kind never fires on
    w`(?:subscription|membership|protection|licen[cs]e)\s+(?:has\s+)?(?:expired|lapsed)|(?:subscription|membership|protection)\s+(?:expires|will\s+expire)\s+(?:today|tonight|tomorrow|in\s+\d+\s+hours)`,
    w`(?:ihr|dein)\s+(?:[${L}-]+-)?(?:abonnement|abo|schutz|virenschutz|mitgliedschaft|lizenz)\s+(?:ist|wurde)\s+(?:abgelaufen|beendet|gesperrt)|(?:ihr|dein)\s+(?:[${L}-]+-)?(?:abonnement|abo|schutz|mitgliedschaft|lizenz)\s+läuft\s+(?:heute\s+|morgen\s+|bald\s+)?ab`,
    w`(?:votre|ton)\s+(?:abonnement|protection|licence)\s+(?:[${L}]+\s+)?(?:a\s+expiré|est\s+expirée?|expire\s+aujourd'hui)|(?:su|tu)\s+(?:suscripción|protección|licencia|membresía)\s+(?:[${L}]+\s+)?(?:ha\s+(?:caducado|expirado|vencido)|vence\s+hoy)`,
    w`(?:il\s+tuo|il\s+suo|la\s+tua|la\s+sua)\s+(?:abbonamento|protezione|licenza)\s+(?:[${L}]+\s+)?(?:è\s+scadut[oa]|scade\s+oggi)|(?:uw|je)\s+(?:abonnement|bescherming|licentie|lidmaatschap)\s+(?:is\s+verlopen|verloopt\s+vandaag)|(?:sua|seu)\s+(?:assinatura|proteção|licença)\s+(?:[${L}]+\s+)?(?:expirou|venceu|expira\s+hoje)`,
    // money offered back: a refund or compensation that needs the reader's card or bank details; en, de, fr, es, it,
    // nl, pt
    w`tax\s+refund|(?:eligible|qualified)\s+(?:for|to\s+receive)\s+a\s+refund|refund\s+(?:is\s+)?(?:pending|waiting|ready)|claim\s+your\s+refund|entitled\s+to\s+(?:a\s+)?(?:refund|compensation)`,
    // the refund offered "after the last calculation": the reader may "receive" or "benefit from" it by filling in a
    // form; en, fr, es, it, de, nl, pt
    w`(?:receive|claim)\s+your\s+(?:tax\s+)?refund|(?:bénéficier|recevoir)\s+(?:d'un|de\s+votre|votre)\s+remboursement|(?:beneficiarse\s+de|recibir)\s+(?:un|su)\s+reembolso|(?:beneficiare\s+di|ricevere)\s+(?:un|il\s+(?:suo|tuo))\s+rimborso|(?:ihre|deine)\s+(?:rückerstattung|erstattung)\s+(?:zu\s+)?erhalten|(?:uw|je)\s+(?:teruggave|terugbetaling)\s+(?:te\s+)?ontvangen|receber\s+(?:o\s+)?seu\s+reembolso`,
    w`steuerrückerstattung|anspruch\s+auf\s+(?:eine\s+)?(?:rückerstattung|erstattung|entschädigung)|rückerstattung\s+(?:ist\s+)?(?:bereit|ausstehend)|remboursement\s+d'impôt|droit\s+à\s+(?:un\s+)?(?:remboursement|indemnisation|dédommagement)|(?:réclamez|demandez)\s+votre\s+remboursement`,
    w`devolución\s+de\s+impuestos|derecho\s+a\s+(?:un\s+|una\s+)?(?:reembolso|indemnización|compensación)|(?:reclame|solicite)\s+su\s+reembolso|rimborso\s+(?:fiscale|irpef)|diritto\s+a\s+(?:un\s+)?(?:rimborso|risarcimento|indennizzo)|(?:richiedi|riscuoti)\s+il\s+tuo\s+rimborso`,
    w`belastingteruggave|recht\s+op\s+(?:een\s+)?(?:terugbetaling|compensatie|schadevergoeding|teruggave)|terugclaimen|claim\s+(?:uw|je)\s+(?:terugbetaling|geld)|restituição\s+(?:do\s+imposto|de\s+impostos)|direito\s+a\s+(?:um\s+|uma\s+)?(?:reembolso|restituição|indenização)|(?:solicite|resgate)\s+(?:o\s+)?seu\s+reembolso`,
    w`(?:zahlungs|bank)(?:daten|informationen)\s+(?:aktualisieren|bestätigen)|zahlung\s+(?:fehlgeschlagen|abgelehnt)`,
    w`(?:informations|coordonnées)\s+(?:de\s+paiement|bancaires)|paiement\s+(?:refusé|a\s+échoué)|pas\s+pu\s+valider\s+votre\s+paiement`,
    w`(?:datos|información)\s+de\s+pago|pago\s+(?:rechazado|fallido)`,
    w`(?:dati|informazioni)\s+di\s+pagamento|pagamento\s+(?:rifiutato|non\s+riuscito)`,
    w`betaalgegevens|betaling\s+(?:mislukt|geweigerd)`,
    w`dados\s+de\s+pagamento|pagamento\s+(?:recusado|falhou)`,
    w`débito\s+(?:pendente|em\s+aberto)|boleto\s+(?:vencido|em\s+aberto|pendente)|segunda\s+via\s+do\s+boleto`,
    // the reader's domain name about to lapse, renewed on a page that is not the registrar's (a registrar's own notice
    // links to its own site): en, de, fr, es, it, nl, pt
    w`(?:your\s+domain(?:\s+name)?(?:\s+[a-z0-9-]+\.[a-z0-9.-]+)?|domain(?:\s+name)?\s+[a-z0-9-]+\.[a-z0-9.-]+)\s+(?:expires|will\s+expire|has\s+expired|is\s+(?:about\s+to\s+)?expiring)|domain\s+(?:name\s+)?expiration\s+(?:notice|warning|alert)|renew\s+your\s+domain`,
    w`(?:ihre|deine)\s+domain\s+(?:[a-z0-9-]+\.[a-z0-9.-]+\s+)?läuft\s+(?:[${L}.,]+\s+){0,3}?ab|nom\s+de\s+domaine\s+(?:[a-z0-9-]+\.[a-z0-9.-]+\s+)?(?:expire|a\s+expiré|arrive\s+à\s+expiration)`,
    w`(?:su|tu)\s+dominio\s+(?:[a-z0-9-]+\.[a-z0-9.-]+\s+)?(?:expira|vence|ha\s+caducado)|(?:il\s+tuo|il\s+suo)\s+dominio\s+(?:[a-z0-9-]+\.[a-z0-9.-]+\s+)?(?:scade|è\s+scaduto)|(?:uw|je)\s+domeinnaam\s+(?:[a-z0-9-]+\.[a-z0-9.-]+\s+)?(?:verloopt|is\s+verlopen)|(?:seu|o\s+seu)\s+domínio\s+(?:[a-z0-9-]+\.[a-z0-9.-]+\s+)?(?:expira|vence|expirou)`,
    // pl, cs, sv: a payment declined, card details to update, a tax refund waiting
    w`(?:płatność|transakcja)\s+(?:została\s+)?(?:odrzucona|nieudana|wstrzymana)|(?:zaktualizuj|potwierdź)\s+(?:swoje\s+)?(?:dane|metodę)\s+(?:płatności|karty)|zwrot\s+(?:podatku|nadpłaty)|przysługuje\s+(?:ci|państwu|pani|panu)\s+zwrot`,
    w`platba\s+(?:byla\s+)?(?:zamítnuta|odmítnuta|neúspěšná)|(?:aktualizujte|potvrďte)\s+(?:své\s+)?platební\s+údaje|vrácení\s+(?:daně|přeplatku)|nárok\s+na\s+(?:vrácení|refundaci|náhradu)`,
    w`betalningen\s+(?:misslyckades|avvisades|nekades)|(?:uppdatera|bekräfta)\s+(?:dina\s+)?(?:betalningsuppgifter|kortuppgifter)|skatteåterbäring|rätt\s+till\s+(?:en\s+)?(?:återbetalning|ersättning)`,
  ],
  parcel: [
    feeDemand(w`(?:customs|delivery|shipping|redelivery|postage)\s+(?:fee|duty|charge|costs?)`),
    w`(?:parcel|package|shipment)\s+(?:could\s+not|couldn't|cannot)\s+be\s+delivered|(?:parcel|package)\s+is\s+(?:waiting|on\s+hold|held)`,
    // a parcel or order said to be delayed, with a link elsewhere to sort it out (a shop's own delay notice links home)
    w`(?:parcel|package|shipment|order|delivery)\s+(?:has\s+been|is|was)\s+delayed|(?:pedido|paquete|envío|encomenda)\s+(?:[${L}-]+\s+){0,2}?(?:se\s+ha\s+|ha\s+sido\s+|está\s+|foi\s+)?(?:retrasad[oa]|atrasad[oa])|(?:commande|colis|livraison)\s+(?:est\s+|a\s+été\s+)?retardée?|(?:bestellung|paket|sendung|lieferung)\s+(?:ist\s+|wurde\s+|hat\s+sich\s+)?(?:verzögert|verspätet)|(?:ordine|pacco|spedizione)\s+(?:è\s+|ha\s+subito\s+un\s+)?(?:ritardat[oa]|ritardo)|(?:bestelling|pakket|zending)\s+(?:is\s+|heeft\s+)?vertraa?g`,
    feeDemand(w`(?:versand|zoll|zustell)gebühr(?:en)?`),
    w`paket\s+(?:konnte\s+nicht|wartet)|(?:konnten|können)\s+ihr\s+paket\s+nicht\s+(?:zustellen|liefern)|paket,?\s+das\s+auf\s+(?:die\s+)?(?:lieferung|zustellung)\s+wartet`,
    feeDemand(w`frais\s+de\s+(?:livraison|douane|port)`),
    w`colis\s+(?:n'a\s+pas\s+pu|est\s+en\s+attente)`,
    feeDemand(w`tasas\s+de\s+aduana|gastos\s+de\s+envío`),
    w`paquete\s+(?:está\s+)?retenido|envío\s+está\s+retenido`,
    feeDemand(w`spese\s+di\s+(?:spedizione|consegna)`),
    w`pacco\s+(?:è\s+)?in\s+giacenza`,
    feeDemand(w`verzendkosten`),
    w`pakket\s+(?:kon\s+niet|staat\s+klaar|(?:staat\s+)?in\s+de\s+wacht)`,
    // the reader asked to confirm delivery details on a page: a carrier delivers to the address it has
    w`confirm\s+(?:your\s+|the\s+)?(?:delivery|shipping)\s+(?:details|address|information)|confirm\s+(?:your\s+|the\s+)?address\s+for\s+(?:the\s+)?(?:delivery|shipping|shipment)|bestätigen\s+sie\s+(?:jetzt\s+|hier\s+){0,2}(?:ihre\s+|die\s+)?adresse\s+für\s+(?:den\s+versand|die\s+(?:lieferung|zustellung))|bevestig\s+(?:uw\s+|je\s+|de\s+)?(?:leverings|verzend|bezorg)(?:gegevens|adres)|bestätigen\s+sie\s+(?:ihre\s+|die\s+)?(?:liefer|versand|zustell)(?:daten|adresse|informationen)|confirme[rz]?\s+(?:vos\s+|les\s+)?(?:informations|coordonnées|adresse)\s+de\s+livraison|confirm[ae]r?\s+(?:sus\s+|los\s+|os\s+|seus\s+)?(?:datos|dados|dirección|endereço)\s+de\s+(?:entrega|envío|envio)|conferma\s+(?:i\s+)?(?:dati|indirizzo)\s+di\s+(?:consegna|spedizione)`,
    feeDemand(w`taxa\s+alfandegária|portes\s+de\s+envio`),
    w`encomenda\s+(?:está\s+)?retida`,
    w`taxa\s+de\s+(?:importação|despacho|entrega|liberação)|(?:encomenda|objeto|pacote)\s+(?:está\s+|foi\s+)?(?:retid[oa]|taxad[oa]|aguardando\s+(?:pagamento|liberação))`,
    // a parcel (or the reader's order) held at customs until a fee is paid: customs bill the importer through the
    // carrier's own site, never through a link in a mail from somebody else; en, de, fr, es, it, nl, pt
    w`(?:held|retained|detained|stopped)\s+(?:at|by|in)\s+customs|(?:beim|vom)\s+zoll\s+(?:festgehalten|zurückgehalten|einbehalten)|(?:retenu|bloqué)e?\s+(?:en|à\s+la|par\s+la)\s+douane`,
    feeDemand(w`droits\s+de\s+douane|dazi\s+doganali|douanekosten|invoerrechten|opłata\s+celna|celní\s+poplatek|tullavgift|fraktavgift|leveransavgift`),
    w`retenid[oa]\s+en\s+(?:la\s+)?aduana|(?:trattenut[oa]|bloccat[oa]|ferm[oa])\s+in\s+dogana|(?:vastgehouden|tegengehouden)\s+(?:bij|door)\s+de\s+douane`,
    w`(?:retid[oa]|bloquead[oa]|parad[oa])\s+(?:na|pela)\s+(?:fiscalização\s+)?(?:alfândega|alfandegária|receita\s+federal)|fiscalização\s+alfandegária|taxas\s+(?:alfandegárias|pendentes|de\s+importação)|pedido\s+(?:está\s+|foi\s+|encontra-se\s+)?(?:retido|taxado)`,
    // pl, cs, sv: a surcharge or customs fee for a parcel that waits or could not be delivered
    w`(?:dopłat[aęy]|opłat[aęy])\s+(?:za\s+)?(?:przesyłk[ęi]|paczk[ęi]|dostaw[ęy]|gabaryt|cło)|opłać\s+(?:przesyłkę|paczkę|dostawę)|(?:przesyłka|paczka)\s+(?:czeka|oczekuje|została\s+wstrzymana|nie\s+mogła\s+zostać\s+(?:dostarczona|doręczona|umieszczona))`,
    w`(?:doplatek|poplatek)\s+(?:za\s+)?(?:zásilku|doručení|dopravu|clo)|(?:zásilka|balík)\s+(?:čeká|je\s+zadržen[aý]?|nemohla\s+být\s+doručena|nemohl\s+být\s+doručen)|uhraďte\s+(?:poplatek|doplatek|dopravné)`,
    w`paket(?:et)?\s+(?:väntar|kunde\s+inte\s+levereras|är\s+(?:kvarhållet|stoppat))`,
  ],
  invoice: [
    w`(?:view|see|open|download|settle)\s+(?:and\s+(?:settle|pay)\s+)?(?:the\s+|your\s+)?invoice|invoice\s+(?:is\s+)?(?:overdue|unpaid|outstanding)|payment\s+advice|remittance`,
    w`rechnung\s+(?:ansehen|einsehen|öffnen|abrufen|herunterladen|ist\s+(?:noch\s+)?offen)|zahlungsavis|offene\s+rechnung|rechnung\s+(?:können|kannst)\s+(?:sie|du)\s+hier`,
    w`(?:voir|consulte[rz])\s+(?:et\s+réglez\s+)?la\s+facture|facture\s+(?:impayée|reste\s+impayée)|avis\s+de\s+paiement`,
    w`consult(?:e|ar)\s+la\s+factura|factura\s+(?:pendiente|vencida|sigue\s+pendiente)`,
    w`visualizza\s+la\s+fattura|fattura\s+(?:non\s+pagata|scaduta|risulta\s+non\s+pagata)`,
    w`bekijk\s+(?:en\s+betaal\s+)?de\s+factuur|openstaande\s+factuur|factuur\s+.{0,30}staat\s+nog\s+open`,
    w`consulte\s+e\s+pague\s+a\s+fatura|fatura\s+(?:em\s+atraso|vencida|em\s+aberto|pendente)|consultar\s+(?:e\s+(?:descarregar|baixar)\s+)?a\s+fatura|ver\s+(?:a\s+)?fatura\b`,
    // pl, cs, sv
    w`(?:zobacz|pobierz|otwórz)\s+fakturę|faktura\s+(?:jest\s+)?(?:nieopłacona|zaległa|przeterminowana)|(?:zobrazit|stáhnout|otevřít)\s+fakturu|faktura\s+(?:je\s+)?(?:po\s+splatnosti|neuhrazená|nezaplacená)|visa\s+fakturan|(?:obetald|förfallen)\s+faktura|fakturan\s+är\s+(?:obetald|förfallen)`,
  ],
  crypto: [
    w`(?:seed|recovery|secret)\s+phrase|connect\s+(?:your\s+|the\s+)?(?:crypto\s+)?wallet|verify\s+your\s+wallet|wallet\s+verification|airdrop`,
    // tokens "allocated" to the reader's balance, to be claimed on the attacker's page
    w`claim\s+your\s+(?:[${L}$]+\s+)?(?:token\s+)?allocation|token\s+allocation\s+(?:program|event)`,
    // ... or "your tokens" to be claimed, named by their ticker ("Claim your SCR tokens"; claiming is the act: an API's
    // "your tokens are ready" is no lure); en, de, fr, es, it, nl, pt
    w`claim\s+your\s+(?:[${L}$-]+\s+)?tokens|(?:fordern|beanspruchen)\s+sie\s+(?:jetzt\s+)?ihre\s+(?:[${L}$]+\s+)?tokens?|(?:réclamez|récupérez)\s+vos\s+(?:[${L}$]+\s+)?(?:jetons|tokens)|(?:reclama|reclame)\s+(?:tus|sus|seus)\s+(?:[${L}$]+\s+)?tokens|(?:richiedi|riscatta)\s+i\s+tuoi\s+(?:[${L}$]+\s+)?token|claim\s+(?:je|uw)\s+(?:[${L}$]+\s+)?tokens|resgate\s+(?:seus|os\s+seus)\s+(?:[${L}$]+\s+)?tokens`,
    // free coins handed out to whoever follows the link (the "giveaway" and "donation" scams)
    w`(?:accept|claim|receive|get|collect|withdraw)\s+(?:your\s+)?free\s+(?:btc|bitcoin|eth|ether|usdt|crypto|tokens?|coins?)\b|free\s+(?:btc|bitcoin|eth|usdt)\s+(?:giveaway|donation|airdrop)`,
    w`(?:btc|eth|usdt|bitcoin)\s+(?:pending\s+)?withdrawal|withdrawal\s+of\s+(?:[\d.]+\s*)?(?:btc|eth|usdt|bitcoin)|earned\s+\+?[\d.]+\s*(?:btc|eth|usdt)|cloud\s+mining`,
    w`wallet\s+bestätigen|krypto-?konto|auszahlung\s+bereit`,
    // a balance on a "platform" the reader never joined, to be zeroed unless they log in and withdraw it (the dormant
    // account genre of investment scams); en, de, fr, es, it, nl, pt
    w`(?:your\s+)?(?:balance|funds|earnings|profits?)\s+will\s+be\s+(?:zeroed|reset\s+to\s+zero|forfeited|burned|frozen\s+and\s+(?:lost|deleted))|(?:ihr|dein)\s+(?:guthaben|kontostand)\s+(?:wird\s+auf\s+null\s+gesetzt|verfällt)|(?:votre|ton)\s+solde\s+sera\s+(?:remis\s+à\s+zéro|mis\s+à\s+zéro)|(?:su|tu)\s+saldo\s+(?:será|se)\s+(?:pondrá\s+a\s+cero|puesto\s+a\s+cero)|(?:il\s+tuo|il\s+suo)\s+saldo\s+(?:sarà|verrà)\s+azzerato|(?:uw|je)\s+saldo\s+(?:wordt|zal\s+worden)\s+op\s+nul\s+gezet|(?:seu|o\s+seu)\s+saldo\s+(?:será|vai\s+ser)\s+zerado`,
    // money "received" on an account the reader never opened, to be withdrawn on the sender's page: the reader is
    // told to order the payout of a balance; en, de, fr, es, it, nl, pt
    w`(?:order|request|confirm|complete|approve|verify)\s+(?:the\s+|your\s+)?withdrawal\s+of\s+(?:the\s+|your\s+)?funds|incoming\s+(?:transaction|transfer|payment)\s+(?:of\s+[$€£]?\s?[\d.,]+|is\s+(?:pending|waiting|on\s+hold)|awaiting|requires)`,
    w`auszahlung\s+(?:der\s+(?:mittel|gelder)\s+|ihres\s+guthabens\s+)?(?:jetzt\s+)?(?:anfordern|beantragen|bestätigen|veranlassen)|(?:demandez|confirmez)\s+le\s+retrait\s+(?:des|de\s+vos)\s+fonds|(?:solicite|confirme)\s+(?:el|o)\s+(?:retiro|saque|levantamento)\s+(?:de\s+(?:los|sus|seus|os)\s+)?(?:fondos|fundos)|(?:richiedi|conferma)\s+il\s+prelievo\s+dei\s+fondi|(?:vraag|bevestig)\s+(?:de\s+)?opname\s+van\s+(?:het\s+)?(?:geld|tegoed)`,
    // the get-rich pitch of crypto investment scams: riches or a daily income from bitcoin or "trading" software;
    // en, de, fr, es, it, nl, pt
    w`(?:get|become|getting)\s+rich\s+(?:with|from|by|through|trading)\s+(?:bitcoin|crypto)|(?:bitcoin|crypto)\s+(?:millionaire|billionaire)|(?:earn|make)\s+(?:up\s+to\s+)?[$€£]\s?[\d,.]+\s+(?:a|per|every)\s+day\s+(?:with|from|trading)`,
    w`reich\s+(?:wird|werden|zu\s+werden)\s+(?:mit|von|durch)\s+(?:bitcoins?|krypto)|(?:bitcoin|krypto)-?(?:millionär|billionär)|(?:devenir|devenez)\s+riche\s+(?:avec|grâce\s+au)\s+(?:bitcoin|crypto)|(?:hacerse|hazte)\s+rico\s+con\s+(?:bitcoin|cripto)|(?:diventare|diventa)\s+ricco\s+con\s+(?:bitcoin|cripto)|rijk\s+worden\s+(?:met|door)\s+(?:bitcoin|crypto)|(?:ficar|fique)\s+rico\s+com\s+(?:bitcoin|cripto)`,
    // a daily income promised in the reader's currency (the "AI trading platform" advertorials); de, fr, es, it, nl,
    // pt, pl, cs
    w`(?:verdiene|verdienen)\s+(?:sie\s+)?(?:bis\s+zu\s+)?(?:€\s?)?[\d.,]+\s*(?:€|euro)?\s+(?:am|pro)\s+tag|gagne[rz]?\s+(?:jusqu'à\s+)?[\d\s.,]+\s*(?:€|euros?)\s+par\s+jour|gana[rn]?\s+(?:hasta\s+)?[\d.,]+\s*(?:€|euros?)\s+(?:al|por)\s+día|guadagna(?:re|no)?\s+(?:fino\s+a\s+)?[\d.,]+\s*(?:€|euro)\s+al\s+giorno|verdien\s+(?:tot\s+)?(?:€\s?)?[\d.,]+\s*(?:euro\s+)?per\s+dag|ganh(?:e|ar|a)\s+(?:até\s+)?(?:r\$|€)\s?[\d.,]+\s+por\s+dia|zarabi(?:aj|ać|a)\s+(?:nawet\s+|do\s+)?[\d\s.,]+\s*(?:zł|złotych|€)\s+dziennie|vydělejte\s+(?:si\s+)?(?:až\s+)?[\d\s.,]+\s*(?:kč|€)\s+denně`,
    // a pay range by the day for a remote "task" job (rate products, like videos: the task scams run on WhatsApp):
    // "R$ 180,00 a R$ 450,00 por dia", "$150 to $450 per day"
    w`(?:r\$|[$€£])\s?\d[\d.,]*\s+(?:a|até|to|-|à|bis|tot|hasta)\s+(?:r\$|[$€£])\s?\d[\d.,]*\s+(?:por|per|a|par|pro|al|am)\s+(?:dia|day|día|jour|tag|dag)\b`,
    // "up to" so much a day, the same pitch with the verb elsewhere ("bis zu 1.800 € täglich verdienen")
    w`(?:bis\s+zu|jusqu'à|hasta|fino\s+a|tot|até|nawet|až|up\s+to)\s+(?:[$€£]\s?[\d.,]+|[\d.,\s]+\s*(?:€|euros?|zł|kč|usd|dollars?))\s+(?:täglich|pro\s+tag|am\s+tag|par\s+jour|al\s+día|por\s+día|al\s+giorno|per\s+dag|por\s+dia|dziennie|denně|a\s+day|per\s+day)`,
  ],
  // A prize, a reward for a survey, or loyalty points that lapse today: the reader "claims" them on the attacker's
  // page and pays a shipping fee or types in a card. A shop's own points reminder names a date and links to the shop,
  // which this kind never fires on (see rules/phish-lure.ts); "you have earned points" is no lure, and neither is a
  // real sweepstakes' "claim your prize" (a free or exclusive gift to claim is the pitch of the fake ones).
  reward: [
    // chosen to receive something given away (a gift, an amount): being "selected for early access" is no prize
    w`(?:selected|chosen)\s+(?:to\s+(?:receive|win|get|claim)\s+[^.!?\n]{0,40}?(?:reward|prize|gift|voucher|coupon|bonus|cashback|[$€£]\s?\d|\d[\d,.]*\s?(?:usdt|usdc|btc|eth)\b)|as\s+(?:a|the|our)\s+(?:lucky\s+)?winner|for\s+(?:a|an|our|this)\s+(?:exclusive\s+|special\s+|free\s+)?(?:reward|prize|gift))`,
    // one of a handful of participants "in the final draw" (the Endauslosung genre), the reader "qualifies" for the prize
    w`you\s+are\s+(?:one\s+of\s+(?:only\s+)?\d+\s+(?:participants|finalists|entrants)\s+in\s+the\s+final|in\s+the\s+final\s+draw)|(?:du\s+bist|sie\s+sind)\s+(?:[^\s.!?]+\s+){1,5}?in\s+der\s+(?:end|final)auslosung|qualifizier(?:e\s+dich|en\s+sie\s+sich)\s+(?:jetzt\s+)?für\s+den\s+gewinn|(?:je\s+bent|u\s+bent)\s+(?:[^\s.!?]+\s+){0,5}?in\s+de\s+(?:eind|finale\s+)loting|(?:vous\s+êtes|tu\s+es)\s+(?:[^\s.!?]+\s+){0,5}?(?:au|du)\s+tirage\s+final`,
    w`you\s+are\s+one\s+of\s+(?:the|our)\s+(?:lucky\s+)?(?:finalists|winners)|congratulations[!,.]*\s+(?:[${L}-]+[!,.]*\s+)?you(?:'ve|\s+have)\s+won|you(?:'ve|\s+have)\s+won\s+(?:a|an|the)\s+(?:free\s+|brand\s+new\s+)?[${L}$€£-]+`,
    w`(?:complete|take|answer|fill\s+out|finish)\s+(?:a|our|this|the)\s+(?:short\s+|quick\s+|brief\s+)?(?:\d+[\s-]*(?:second|minute|question)s?\s+)?survey\s+(?:to|and)\s+(?:claim|receive|get|collect|win)|claim\s+your\s+(?:free|exclusive|complimentary)\s+(?:reward|prize|gift)`,
    // the reader declared "our winner", and the prize that only needs a small delivery fee paid on the sender's page;
    // en, de, fr, es, it, nl, pt
    w`you\s+are\s+our\s+(?:lucky\s+)?winner|(?:du\s+bist|sie\s+sind)\s+unser(?:e)?\s+(?:glückliche[r]?\s+)?gewinner(?:in)?|vous\s+êtes\s+(?:notre|l'heureux|l'heureuse)\s+gagnant(?:e)?|eres\s+(?:nuestr[oa]|el|la)\s+ganador(?:a)?|(?:sei|lei\s+è)\s+il\s+nostro\s+vincitore|je\s+bent\s+onze\s+winnaar|(?:você\s+é|és)\s+(?:o\s+nosso|a\s+nossa)\s+(?:ganhador|vencedor)(?:a)?`,
    w`(?:delivery|shipping)\s+fee\s+(?:may\s+apply|applies|is\s+required)|(?:liefer|versand)gebühr\s+(?:kann\s+anfallen|fällt\s+an)|des\s+frais\s+de\s+(?:livraison|port)\s+peuvent\s+s'appliquer|puede\s+aplicarse\s+una\s+tarifa\s+de\s+(?:entrega|envío)|(?:potrebbe|può)\s+essere\s+applicata\s+una\s+(?:tariffa|spesa)\s+di\s+(?:consegna|spedizione)|(?:kunnen|kan)\s+(?:bezorg|verzend)kosten\s+(?:van\s+toepassing\s+zijn|gelden)|(?:pode\s+ser\s+aplicada|poderá\s+ser\s+cobrada)\s+uma\s+taxa\s+de\s+(?:entrega|envio)`,
    // the survey named after the prize ("to claim, simply answer this short survey"), a survey "for a chance to win",
    // a loyalty programme the reader was chosen for; en, fr (de, es, it, nl, pt below)
    w`(?:to\s+(?:claim|receive|get)\s+(?:it|yours|your\s+[${L}-]+)?,?\s+(?:simply\s+|just\s+)?(?:answer|complete|take|fill\s+out)\s+(?:this|our|a|the)\s+(?:short\s+|quick\s+|brief\s+)?survey)|survey\s+(?:for\s+a\s+chance|and\s+get\s+a\s+chance)\s+to\s+win|(?:chosen|selected)\s+to\s+(?:participate|take\s+part)\s+in\s+our\s+(?:loyalty|rewards?|customer)\s+program`,
    w`pour\s+(?:la\s+)?(?:réclamer|recevoir|obtenir|gagner)[^.!?\n]{0,40}?(?:répondez|participez)\s+(?:simplement\s+)?à\s+(?:ce|notre|un)\s+(?:court\s+|petit\s+|bref\s+)?(?:questionnaire|sondage|enquête)|(?:complétez|remplissez)\s+(?:le|ce|notre)\s+(?:court\s+|petit\s+)?(?:sondage|questionnaire)\s+et\s+(?:gagnez|recevez|obtenez)`,
    w`points\s+(?:will\s+)?(?:expire|lapse|are\s+expiring)\s+(?:today|tonight|tomorrow|soon|in\s+\d+\s+hours)`,
    // chosen to take part in a promotion, a prize draw or a giveaway (a brand's name borrowed for a "New Year draw"
    // with prizes every day): a real sweepstakes is entered, nobody is "selected" for it; en, de, fr, es, it, nl, pt
    w`(?:selected|chosen)\s+to\s+(?:participate|take\s+part)\s+in\s+(?:a|an|our|the|this)\s+(?:[${L}-]+\s+){0,3}?(?:promotion|sweepstakes?|prize\s+draw|draw|raffle|giveaway|lottery)|ausgewählt,?\s+(?:an\s+)?(?:[${L}-]+\s+){0,3}?[${L}-]*(?:aktion|verlosung|gewinnspiel|auslosung)\s+teilzunehmen|(?:sélectionnée?|choisie?)\s+pour\s+participer\s+à\s+(?:[${L}'-]+\s+){0,3}?(?:promotion|tirage|loterie|jeu[\s-]concours)|seleccionad[oa]\s+para\s+participar\s+en\s+(?:[${L}-]+\s+){0,3}?(?:promoción|sorteo|rifa)|selezionat[oa]\s+per\s+partecipare\s+(?:a|al|alla|all')\s*(?:[${L}-]+\s+){0,3}?(?:promozione|estrazione|concorso|lotteria)|geselecteerd\s+om\s+deel\s+te\s+nemen\s+aan\s+(?:[${L}-]+\s+){0,3}?(?:promotie|loting|verloting|winactie)|(?:selecionad[oa]|escolhid[oa])\s+para\s+participar\s+d[aoe]s?\s+(?:[${L}-]+\s+){0,3}?(?:promoção|sorteio)`,
    // a voucher or gift card of a stated sum to win (the survey kits' "Win a $500 Walmart gift card", "500€ Kaufland
    // Gutschein gewinnen"): a shop's own draw is entered on its own site, which no lure's way out is; en, de, fr, es,
    // it, nl, pt
    w`win\s+(?:a|an|one)\s+(?:[$€£]?\d[\d.,]*\s?(?:[$€£]|euros?|dollars?|pounds?)?\s+)(?:[${L}'-]+\s+){0,2}?(?:gift\s*cards?|vouchers?|gift\s+certificates?|shopping\s+cards?)|(?:gutschein|einkaufsgutschein|geschenkgutschein|warengutschein)\s+(?:im\s+wert\s+von\s+[^.!?\n]{1,20}?\s)?(?:zu\s+)?gewinnen|gewinnen\s+sie\s+(?:jetzt\s+)?(?:einen|ein)\s+(?:[\d.,]+\s?(?:€|euro)?[\s-]+)(?:[${L}-]+\s+){0,2}?(?:einkaufs|geschenk|waren)?gutschein|gagne[zr]?\s+(?:un|une)\s+(?:bon\s+d'achat|carte[\s-]cadeau)\s+de\s+\d|gana\s+(?:una?\s+)?(?:tarjeta\s+regalo|vale\s+(?:de\s+compra|regalo)|cheque\s+regalo)\s+de\s+\d|vinci\s+(?:un|una)\s+(?:buono|gift\s*card|carta\s+regalo)\s+(?:[${L}]+\s+)?da\s+\d|win\s+(?:een\s+)?(?:tegoedbon|cadeaubon|cadeaukaart|waardebon)\s+(?:t\.?w\.?v\.?|van)\s+(?:€\s?)?\d|ganhe\s+(?:um|uma)\s+(?:vale|cartão)[\s-](?:presente|compras?)\s+de\s+(?:r\$|€)?\s?\d`,
    // a "product tester" wanted: a brand's product sent free to keep, for the reader's address and a card for the
    // "shipping"; en, de, fr, es, it, nl, pt
    w`(?:become|be)\s+(?:a|an|our)\s+(?:official\s+)?(?:product\s+)?tester|produkttester(?:in)?\s+werden|(?:werden\s+sie|werde)\s+(?:jetzt\s+)?(?:[${L}]+-?)?(?:produkt)?tester|devenez\s+(?:notre\s+)?testeu(?:r|se)|(?:conviértete|hazte)\s+en\s+(?:probador|tester)|diventa\s+(?:un\s+|il\s+nostro\s+)?tester|word\s+(?:[${L}-]+\s+)?(?:product|smaak)?tester|torne-se\s+(?:um\s+)?(?:testador|provador)`,
    // a "mystery box" to unlock or claim (the returned-parcels and Black Friday box scams)
    w`(?:unlock|claim|open|grab)\s+(?:your\s+)?(?:[${L}-]+\s+){0,3}?mystery\s+box|(?:schalte|schalten\s+sie|sichere|sichern\s+sie|hol|holen\s+sie)\s+(?:dir\s+|sich\s+)?(?:deine|ihre)\s+(?:[${L}-]+\s+){0,3}?mystery[\s-]?box`,
    // something free to order for the reader's details: a "free medical kit" for an insurer's members, a free sample;
    // en, de, fr, es, it, nl, pt
    w`claim\s+your\s+free\s+[${L}-]+\s+(?:kit|box|sample|package|pack|set|bundle)|(?:fordern|sichern)\s+sie\s+(?:jetzt\s+)?ihr(?:e|en)?\s+kostenlos(?:e|es|en)\s+(?:[${L}-]+\s+){1,2}?(?:jetzt\s+)?an\b|(?:réclamez|demandez)\s+votre\s+(?:kit|coffret|échantillon|colis)\s+gratuit|(?:reclama|solicita)\s+tu\s+(?:kit|caja|muestra|paquete)\s+gratis|richiedi\s+il\s+tuo\s+(?:kit|campione|pacco)\s+gratuito|(?:claim|vraag)\s+(?:je|uw)\s+gratis\s+(?:pakket|proefpakket|kit|box)|(?:resgate|solicite)\s+(?:o\s+)?seu\s+(?:kit|pacote|brinde)\s+grátis`,
    // de
    w`(?:gutschein|einkaufsgutschein|geschenkgutschein|warengutschein)\s+(?:auf\s+(?:sie|dich)\s+)?wartet|als\s+[${L}-]*(?:empfänger|gewinner)(?:in)?\s+ausgewählt|als\s+(?:glücklicher\s+)?gewinner|(?:sie\s+haben|du\s+hast|ihr\s+habt)\s+(?:ein(?:e|en)?\s+[${L}-]+(?:\s+[${L}-]+)?\s+)?gewonnen|(?:du\s+bist|sie\s+sind)\s+in\s+der\s+(?:end|final)auslosung|ausgewählt,?\s+an\s+der\s+(?:end|final)?auslosung|(?:gehörst|gehören)\s+zu\s+den\s+auserwählten|auserwählten\s+für\s+(?:das|den|die|unser|eine?n?)\b|(?:sichere\s+dir|sichern\s+sie\s+sich)\s+(?:jetzt\s+)?(?:deine|ihre)\s+chance\s+auf\s+(?:den|das|die|einen|eine?)\s|(?:gutschein|einkaufsgutschein|geschenkgutschein|warengutschein)\s+(?:für\s+[${L}-]+\s+)?im\s+wert\s+von\s+\d+|(?:prämie|gewinn|geschenk|belohnung)\s+(?:jetzt\s+)?(?:zu\s+)?(?:einlösen|abholen|sichern|anfordern)|(?:sie\s+sind|du\s+bist)\s+(?:einer|eine)\s+der\s+(?:glücklichen\s+)?(?:finalisten|gewinner)|punkte\s+verfallen\s+(?:heute|morgen|bald|in\s+\d+\s+stunden)`,
    // a prize to "claim", a short survey to fill in for it (the survey is the kit's form: a shop's own satisfaction
    // survey promises nothing; German puts what the survey is about between "füllen" and "aus"), and a loyalty
    // programme the reader was "selected" for, in de, fr, es, it, nl, pt
    w`um\s+(?:anspruch\s+zu\s+erheben|(?:ihren|deinen|den|diesen)\s+(?:[${L}]+\s+)?(?:preis|gewinn|gutschein)\s+zu\s+(?:erhalten|sichern|beanspruchen)|(?:ihr|dein|das|dieses)\s+(?:[${L}]+\s+)?(?:geschenk|prämie)\s+zu\s+(?:erhalten|sichern|beanspruchen))|ausgewählt,?\s+an\s+unserem\s+(?:treue|kunden|prämien|bonus)programm|bestätigen\s+sie\s+(?:jetzt\s+)?ihren\s+(?:\d+\s?€\s+)?(?:[${L}-]+-)?gutschein|als\s+(?:einer|eine)\s+der\s+(?:wenigen\s+)?glücklichen\s+ausgewählt|umfrage\s+(?:[^.!?\n]{0,60}?\s)?aus\s+und\s+(?:schalten|sichern|erhalten)\s+sie|zu\s+(?:beanspruchen|erhalten|sichern),\s+(?:beantworten|füllen)\s+sie\s+(?:einfach\s+|nur\s+)?(?:diese|unsere|eine)\s+kurze\s+umfrage|(?:sie\s+wurden|du\s+wurdest)\s+(?:[^\s.!?]+\s+){0,3}?für\s+(?:unsere|unser|die|das|den)\s+(?:verlosung|gewinnspiel|auslosung)\s+(?:[^\s.!?]+\s+){0,4}?ausgewählt`,
    w`(?:répondez|participez)\s+à\s+(?:ce|notre|un)\s+(?:court\s+|petit\s+|bref\s+)?(?:questionnaire|sondage|enquête)\s+pour\s+(?:recevoir|réclamer|obtenir|gagner)|(?:responda|complete|participe\s+en)\s+(?:esta|nuestra|una)\s+(?:breve\s+|corta\s+)?encuesta\s+(?:para|y)\s+(?:recibir|reclamar|obtener|ganar)|(?:completa|rispondi\s+al?)\s+(?:il\s+|questo\s+|nostro\s+)?(?:breve\s+)?sondaggio\s+(?:per|e)\s+(?:ricevere|riscattare|ottenere|vincere)|(?:vul|beantwoord)\s+(?:deze|onze|een)\s+(?:korte\s+)?enquête\s+in\s+(?:om|en)|(?:responda|complete|participe\s+d[ae])\s+(?:esta|nossa|uma)\s+(?:breve\s+|rápida\s+)?pesquisa\s+(?:para|e)\s+(?:receber|resgatar|ganhar)`,
    // a survey whose answer is a prize ("take our survey and win", "nehmen Sie an unserer Umfrage teil und gewinnen
    // Sie"): the survey-scam kit's promise; a shop's satisfaction survey asks, it does not pay; en, de, fr, es, it,
    // nl, pt
    w`(?:survey|umfrage|sondage|questionnaire|encuesta|sondaggio|enquête|pesquisa)\s+(?:teil\s+)?(?:and|und|et|y|e|en)\s+(?:you\s+)?(?:could\s+|can\s+)?(?:win|gewinn|gagne|gana|vinci|ganhe)`,
    // fr
    w`(?:sélectionnée?|choisie?)\s+pour\s+(?:recevoir|gagner|remporter)|vous\s+avez\s+gagné|(?:récupére[rz]|réclame[rz])\s+votre\s+(?:cadeau|récompense|prix|lot)|points\s+(?:expirent|vont\s+expirer)\s+(?:aujourd'hui|demain|ce\s+soir|bientôt|dans\s+\d+\s+heures)`,
    // es
    w`seleccionad[oa]\s+para\s+(?:recibir|ganar|obtener)|(?:has|ha)\s+ganado\s+(?:un|una|el|la)|reclam[ae]\s+(?:tu|su)\s+(?:premio|regalo|recompensa)|puntos\s+(?:caducan|vencen|expiran)\s+(?:hoy|mañana|pronto|en\s+\d+\s+horas)`,
    // it
    w`selezionat[oa]\s+per\s+(?:ricevere|vincere|ottenere)|hai\s+vinto|riscatta\s+(?:il\s+tuo|subito\s+il)\s+(?:premio|regalo)|punti\s+scadono\s+(?:oggi|domani|presto|(?:tra|fra)\s+\d+\s+ore)`,
    // nl
    w`geselecteerd\s+(?:om\s+[^.!?\n]{0,40}?te\s+(?:ontvangen|winnen)|voor\s+(?:een\s+)?(?:prijs|beloning|cadeau))|(?:u\s+heeft|je\s+hebt)\s+(?:een\s+[${L}-]+\s+)?gewonnen|claim\s+(?:uw|je)\s+(?:prijs|beloning|cadeau)|punten\s+verlopen\s+(?:vandaag|morgen|binnenkort|over\s+\d+\s+uur)`,
    // pt
    w`(?:selecionad[oa]|escolhid[oa])\s+para\s+(?:receber|ganhar|resgatar)|(?:você|voce)\s+foi\s+sortead[oa]|(?:você|voce)\s+ganhou|pontos\s+(?:expiram|vencem|irão\s+expirar|vão\s+expirar)\s+(?:hoje|amanhã|em\s+breve|em\s+\d+\s+horas)|resgat(?:e|ar)\s+(?:seu|o\s+seu)\s+(?:prêmio|brinde|presente)`,
  ],
  // A complaint about the reader's site or page: a platform's policy "violated" with an appeal to file, or a
  // photographer's copyright claim with "proof" and a threat of court. The appeal form and the proof sit behind a link
  // off the sender's site (a platform's real notice links to the platform itself).
  legal: [
    // a court's summons or notice, to be read behind a link: courts serve papers by post or through their own portals
    w`(?:court|legal)\s+(?:summons|notice|order)\s+(?:against|for|to)\s+you|you\s+(?:have\s+been|are\s+(?:hereby\s+)?)summoned|notificaci[oó]n\s+judicial|citaci[oó]n\s+judicial|orden\s+judicial|notificação\s+(?:extra)?judicial|intimação\s+judicial|citação\s+judicial|carta\s+de\s+demanda|convocação\s+para\s+o\s+tribunal|gerichtliche\s+(?:vorladung|mitteilung|zustellung)|assignation\s+(?:en\s+justice|au\s+tribunal)|convocation\s+(?:au|devant\s+le)\s+tribunal|citazione\s+(?:in\s+giudizio|giudiziaria)|notifica\s+giudiziaria|gerechtelijke\s+(?:dagvaarding|kennisgeving)|dagvaarding`,
    w`(?:violat(?:ed|es|ing)|breach(?:ed|es|ing)?|in\s+violation\s+of)\s+(?:of\s+)?our\s+(?:community\s+(?:standards|guidelines)|copyright\s+polic(?:y|ies)|terms(?:\s+of\s+(?:service|use))?|polic(?:y|ies)|guidelines)`,
    // said to the reader about their own site: a newsletter's article on copyright cases names no "you"
    w`your\s+(?:website|site|page|blog|shop)\s+(?:[${L}]+\s+){0,3}?(?:uses?|used|contains?|is\s+using|infring[${L}]*)\s+(?:my|our)\s+(?:[${L}]+\s+)?(?:images?|photos?|photographs|pictures|illustrations|artwork|content)|(?:uses?|used|using)\s+(?:my|our)\s+(?:images?|photos?|photographs|pictures|illustrations|artwork)\s+without\s+(?:my\s+|our\s+)?(?:permission|consent|licen[cs]e)|(?:legal|court)\s+action\s+against\s+you`,
    w`(?:meine|unsere)\s+(?:bilder|fotos)\s+ohne\s+(?:meine\s+|unsere\s+)?(?:erlaubnis|genehmigung|zustimmung)|mes\s+(?:images|photos)\s+sans\s+(?:mon\s+)?(?:autorisation|accord|permission)|mis\s+(?:imágenes|fotos)\s+sin\s+(?:mi\s+)?(?:permiso|autorización)|mie\s+(?:immagini|foto)\s+senza\s+(?:il\s+mio\s+)?(?:permesso|consenso)|mijn\s+(?:afbeeldingen|foto's)\s+zonder\s+(?:mijn\s+)?toestemming|minhas\s+(?:imagens|fotos)\s+sem\s+(?:minha\s+)?(?:permissão|autorização)`,
    // a traffic fine or an unpaid toll to see and pay behind a link: authorities send fines by post or through their
    // own portal (the toll and DETRAN smishing genre); en, de, fr, es, it, nl, pt
    w`(?:unpaid|outstanding|overdue)\s+(?:toll|tolls|parking\s+(?:fine|ticket|charge)|traffic\s+(?:fine|ticket))|(?:traffic|speeding|parking)\s+(?:fine|violation|ticket|penalty)\s+(?:of|for|is|was|has|pending|notice)|toll\s+(?:balance|charges?|invoice)\s+(?:is\s+)?(?:due|unpaid|outstanding|overdue)`,
    // a tax demand to be paid at once behind a link, with a surcharge or enforcement threatened: tax offices send
    // assessments by post or through their own portal; en, de, fr, es, it, nl, pt
    w`(?:unpaid|outstanding|overdue)\s+tax\s+(?:bill|assessment|balance|debt)|offene\s+steuerschuld|steuerschuld\s+begleichen|säumniszuschlag|impôt\s+impayé|majoration\s+de\s+(?:10\s*%|retard)|deuda\s+tributaria|recargo\s+de\s+apremio|cartella\s+esattoriale|openstaande\s+(?:aanslag|belastingschuld)|dwangbevel|dívida\s+fiscal|débito\s+fiscal`,
    w`bußgeldbescheid|(?:offenes|unbezahltes|ausstehendes)\s+(?:bußgeld|verwarnungsgeld|strafzettel|mautgebühr)|amende\s+(?:forfaitaire|de\s+stationnement|impayée|majorée)|avis\s+de\s+contravention|(?:multa|infracción|infração|infrazione|multe?)\s+de\s+(?:tr[aâá]nsito|tráfico|estacionamento|estacionamiento)|multa\s+(?:pendente|pendiente|em\s+aberto|no\s+valor)|(?:peaje|pedágio|pedagio)\s+(?:pendiente|pendente|em\s+aberto|impago)|portage(?:m|ns)\s+(?:por\s+pagar|em\s+(?:dívida|atraso))|hrozí\s+(?:vám\s+)?pokuta|(?:neplatn\S*|platn\S*)\s+dálničn\S*\s+známk|nieopłacon\S*\s+(?:mandat|opłat\S*\s+drogow|przejazd)|mandat\s+karny|contravvenzione\s+(?:stradale|non\s+pagata)|(?:openstaande|onbetaalde)\s+(?:verkeersboete|boete|tol)|verkeersboete`,
  ],
  // What a hijacked account's spam run sells when it is not after a password: casino bonuses, prescription drugs and
  // weight loss, each sold on a page of the spammer's or an affiliate's. Only the pitch itself is matched (a bonus in
  // free spins or on a deposit, a drug by name or "without prescription", kilos lost in days), not the topic: a
  // newsletter about gambling law or a pharmacy's news says "casino" and "prescription" without selling either.
  gambling: [
    w`free\s+spins|(?:no|zero)[\s-]+deposit\s+(?:bonus|required|needed)|deposit\s+bonus|casino\s+bonus|(?:welcome|sign[\s-]?up)\s+bonus\s+(?:of|up\s+to)\s+[^.!?\n]{0,30}?(?:spins|[$€£]\s?\d|\d+\s?%)|(?:play|spin)\s+(?:now\s+)?(?:and\s+)?win\s+(?:real\s+)?(?:money|cash)`,
    w`freispiele|freidrehungen|einzahlungsbonus|casino-?bonus|bonus\s+ohne\s+einzahlung|willkommensbonus\s+(?:von|bis\s+zu)`,
    w`tours\s+gratuits|bonus\s+(?:sans\s+dépôt|de\s+(?:premier\s+)?dépôt|de\s+bienvenue\s+(?:de|jusqu))|giros\s+gratis|tiradas\s+gratis|bono\s+(?:sin\s+depósito|de\s+depósito|de\s+bienvenida\s+(?:de|hasta))`,
    w`giri\s+(?:gratis|gratuiti)|bonus\s+(?:senza\s+deposito|sul\s+(?:primo\s+)?deposito|di\s+benvenuto\s+(?:di|fino))|gratis\s+spins|stortingsbonus|bonus\s+zonder\s+storting|welkomstbonus\s+(?:van|tot)`,
    // a "reload" bonus on the next deposits, and a welcome bonus "at" a named casino
    w`reload[\s-]?(?:bonus|boni|bonos|bônus|bónus)|(?:welcome|sign[\s-]?up|deposit)\s+bonus\s+(?:at|from)\s+(?:\S+\s+){0,2}?casino`,
    // a bonus for "new players", the casino's own term for sign-ups, in the seven languages
    w`bonus\s+(?:\S+\s+){0,5}?(?:new\s+players|neue\s+spieler|nouveaux\s+joueurs|nuevos\s+jugadores|nuovi\s+giocatori|nieuwe\s+spelers|novos\s+jogadores)`,
    w`rodadas\s+grátis|giros\s+grátis|(?:bônus|bónus|bonus)\s+(?:sem\s+depósito|de\s+depósito|de\s+(?:boas[\s-]vindas|cadastro)\s+(?:de|até))|apostas?\s+grátis`,
  ],
  pharmacy: [
    // the drugs pharmacy spam has sold for twenty years, named with the sale (a drug's name alone is a topic: mailing
    // lists about spam filters and news sites quote it every week); en, de, fr, es, it, nl, pt
    w`(?:buy|order|cheap|discount|generic|kaufen|bestellen|acheter|comprar|comprare|kopen)\s+(?:\S+\s+){0,2}?(?:viagra|cialis|levitra|kamagra|sildenafil|tadalafil|vardenafil|tramadol|xanax|alprazolam|valium|phentermine|oxycodone|oxycontin|hydrocodone|ambien|zolpidem)\b`,
    w`(?:viagra|cialis|levitra|kamagra|sildenafil|tadalafil|vardenafil|tramadol|xanax|alprazolam|valium|phentermine|oxycodone|oxycontin|hydrocodone|ambien|zolpidem)\s+(?:online|for\s+sale|from\s+[$€£]|at\s+[$€£]|without\s+(?:a\s+)?prescription|kaufen|bestellen|rezeptfrei|ohne\s+rezept|sans\s+ordonnance|sin\s+receta|senza\s+ricetta|zonder\s+recept|sem\s+receita|generika|générique|genérico|generico)`,
    w`male\s+enhancement\s+(?:pills|formula|supplement)|potenzmittel\s+(?:kaufen|bestellen|ohne\s+rezept|rezeptfrei)|potenzpillen`,
    // the same trade without a drug's name: the promise of a harder erection or "more power in bed", which is a sales
    // pitch in every language (a doctor's or a health site's text speaks of erectile dysfunction, not of "rock-hard")
    w`(?:harder|stronger|rock[\s-]hard|longer[\s-]lasting)\s+erections?|(?:last|stay)\s+longer\s+in\s+bed|more\s+(?:power|stamina)\s+in\s+(?:the\s+)?bed`,
    w`(?:mega|stein|extra|knall)[\s-]?harte[nr]?\s+erektion|harte[nr]?\s+erektion|erektionshilfe|mehr\s+(?:power|standfestigkeit|ausdauer)\s+im\s+bett|länger\s+(?:durchhalten|können)\s+im\s+bett`,
    w`(?:des|une?|d')\s*érections?\s+(?:plus\s+)?(?:dures?|fermes?|puissantes?)|erecci(?:ón|ones)\s+(?:más\s+)?(?:firmes?|fuertes?|duras?)|ereç(?:ão|ões)\s+(?:mais\s+)?(?:firmes?|fortes?|duras?)|erezion[ei]\s+(?:più\s+)?(?:forti?|dur[ae])|(?:harde|stevige)\s+erecties?|meer\s+(?:power|uithoudingsvermogen)\s+in\s+bed`,
  ],
  'weight-loss': [
    w`lose\s+(?:up\s+to\s+)?\d+\s*(?:lbs?|pounds|kg|kilos)\s+(?:in|within)\s+\d+|(?:burn|melt)s?\s+(?:away\s+)?(?:belly\s+|stubborn\s+)?fat\s+(?:fast|while|without)|keto[${L}-]*\s+(?:\S+\s+)?(?:gummies|gummis|pills|kapseln)|weight[\s-]loss\s+(?:pills|gummies|supplement|miracle|secret)`,
    w`kilo\s+(?:abnehmen|verlieren)\s+in\s+\d+|kg\s+(?:abnehmen|verlieren)\s+in\s+\d+|abnehmen\s+ohne\s+(?:diät|sport|hunger)|ohne\s+(?:diät|diat)\s+(?:oder|und)\s+(?:sport|hunger)|schlankheitspillen|perdre\s+(?:jusqu'à\s+)?\d+\s*(?:kg|kilos)\s+en\s+\d+|maigrir\s+sans\s+(?:régime|effort|sport)`,
    w`perder\s+(?:hasta\s+|até\s+)?\d+\s*(?:kg|kilos|quilos|libras)\s+(?:en|em)\s+\d+|adelgazar\s+sin\s+(?:dieta|esfuerzo)|emagrecer\s+sem\s+(?:dieta|esforço|academia)|emagrecer\s+(?:até\s+)?\d+\s*(?:kg|quilos)|dimagrire\s+senza\s+(?:dieta|fatica)|perdere\s+(?:fino\s+a\s+)?\d+\s*(?:kg|chili)\s+in\s+\d+|afvallen\s+zonder\s+(?:dieet|moeite)`,
  ],
  // Dating and adult spam: women "near you" who want to meet, private photos to see on the spammer's page. A dating
  // service's own notice ("Anna sent you a message") links to the service, which this kind never fires on.
  dating: [
    w`(?:lonely|horny|hot|local|single|sexy)\s+(?:women|girls|ladies|singles|moms|milfs)\s+(?:in|near|around|from)\s+(?:your\s+(?:area|city|town|neighbou?rhood)|you\b)|(?:see|view|check\s+out)\s+(?:my|her|their)\s+private\s+(?:photos|pictures|pics|videos)|sent\s+you\s+(?:a\s+)?private\s+(?:photos?|pictures?|video)`,
    // the adult-dating pitch: discreet flirts and affairs, casual encounters, "sex dates"; en, de, fr, es, it, nl, pt
    w`discreet,?\s+(?:flirting|flirts?|chats?|chatting|affairs?|encounters?|dating|hook[\s-]?ups?)|(?:casual|no[\s-]strings)\s+(?:encounters?|sex|hook[\s-]?ups?)|sex\s?(?:dates?|dating|contacts?)\b|diskrete[ns]?\s+(?:flirts?|abenteuer|treffen|seitensprung)|sextreffen|rencontres?\s+(?:coquines?|discrètes?|sans\s+lendemain)|encuentros?\s+(?:discretos?|casuales|sexuales)|incontri\s+(?:discreti|occasionali|piccanti)|discreet,?\s+(?:flirten|flirterig|daten)|(?:spannende|stoute)\s+(?:flirts?|chats|matches|dates)|sexdates?|encontros?\s+(?:discretos?|casuais|picantes)`,
    // "hot singles", the genre's own cliché, with a nationality or a place between the words
    w`(?:hot|sexy|horny)\s+(?:\S+\s+)?singles|heiße\s+(?:\S+\s+)?(?:singles|frauen|girls)|célibataires\s+(?:\S+\s+)?sexy|solteras\s+(?:\S+\s+)?(?:calientes|sexy)|single\s+(?:\S+\s+)?(?:bollenti|sexy)|hete\s+(?:\S+\s+)?singles|solteiras\s+(?:\S+\s+)?(?:quentes|gostosas)`,
    w`(?:frauen|singles|mädchen|damen)\s+(?:in|aus)\s+deiner\s+(?:nähe|umgebung|stadt|gegend)|(?:siehe|sieh\s+dir|schau\s+dir)\s+(?:meine\s+|ihre\s+)?private[n]?\s+(?:fotos|bilder|videos)|femmes\s+(?:célibataires\s+)?(?:près\s+de\s+chez\s+(?:vous|toi)|de\s+(?:votre|ta)\s+région)|(?:voir|regarde[rz]?)\s+(?:mes|ses)\s+photos\s+(?:privées|intimes)`,
    w`mujeres\s+(?:solteras\s+)?(?:cerca\s+de\s+ti|en\s+tu\s+(?:zona|ciudad))|(?:ver|mira)\s+(?:mis|sus)\s+fotos\s+(?:privadas|íntimas)|donne\s+(?:single\s+)?(?:vicino\s+a\s+te|nella\s+tua\s+(?:zona|città))|(?:guarda|vedi)\s+(?:le\s+)?(?:mie|sue)\s+foto\s+(?:private|intime)`,
    w`vrouwen\s+(?:bij\s+(?:jou|u)\s+in\s+de\s+buurt|in\s+(?:jouw|uw)\s+(?:buurt|omgeving))|(?:bekijk|zie)\s+(?:mijn|haar)\s+privé\s*foto's|mulheres\s+(?:solteiras\s+)?(?:perto\s+de\s+(?:você|voce|ti)|na\s+sua\s+(?:região|cidade))|(?:veja|ver)\s+(?:minhas|suas)\s+fotos\s+(?:privadas|íntimas)`,
    // the personal ad's opener: an age and who the writer is looking for ("I am 23 years old, looking for a lover");
    // en, de, fr, es, it, nl, pt
    w`i(?:['’]m|\s+am)\s+\d\d\s*(?:years?\s+old|y\.?o\.?)?,?\s+(?:and\s+)?(?:i(?:['’]m|\s+am)\s+)?(?:looking|searching)\s+for\s+(?:a\s+)?(?:lover|man|men|boyfriend|sex|hook[\s-]?ups?|real\s+man)\b|ich\s+bin\s+\d\d\s*(?:jahre\s+alt\s+)?und\s+suche\s+(?:einen\s+)?(?:mann|liebhaber|sex)|j['’]ai\s+\d\d\s+ans\s+et\s+(?:je\s+)?cherche\s+(?:un\s+)?(?:homme|amant)|tengo\s+\d\d\s+años\s+y\s+busco\s+(?:un\s+)?(?:hombre|amante)|ho\s+\d\d\s+anni\s+e\s+cerco\s+(?:un\s+)?(?:uomo|amante)|ik\s+ben\s+\d\d\s+(?:jaar\s+)?en\s+zoek\s+(?:een\s+)?(?:man|minnaar)|tenho\s+\d\d\s+anos\s+e\s+procuro\s+(?:um\s+)?(?:homem|amante)`,
    // private photos put up "for you" on the sender's page
    w`private\s+(?:photos|pictures|pics|videos)\s+(?:(?:only|just)\s+)?for\s+you|(?:uploaded|posted|put)\s+(?:some\s+|my\s+|a\s+few\s+)?(?:private|intimate|hot)\s+(?:photos|pictures|pics|videos)`,
  ],
  // An underground shop's price list: hacked hosting accounts, web shells, SMTP logins, remote desktops, mailing
  // scripts and address lists, sold by the piece (the plurals) to the next spammer. A hosting company's own mail names
  // its cPanel, webmail and SMTP server in the singular, as features of one account; a list of three of these goods
  // in a row is a catalogue of stolen access.
  crimeware: [
    // (it opens with one of the goods no marketing text sells: "mailers and leads" alone are a print shop's words)
    w`(?:cpanels|smtps|rdps|webmails|shells)(?:[\s\-/,|&+]+(?:and\s+)?(?:[a-z0-9]+[\s/-]+){0,2}?(?:cpanels|shells|smtps|rdps|webmails|mailers|leads|ssh|whm)){2}\b`,
  ],
};

const kinds = Object.keys(lurePatterns) as LureKind[];

/**
 * V8 stops optimising a regular expression whose source passes 20 KB (kRegExpTooLargeToOptimize): the same search
 * then runs ten times slower (measured: 54 µs a message at 19.5 KB, 550-780 µs at 20.5-22.4 KB). The kinds are
 * therefore cut into a few expressions, each well under that size, and the earliest lure among them wins.
 */
export const MAX_LURE_SOURCE = 16_000;

// Where a lure starts is found by a few expressions over every kind's alternatives, regrouped by their first letter
// across the kinds ("c(?:onfirm your…|laim your…|ustoms fee…)"): at each word start V8 then tests the letter once,
// where one group per kind tested it once per kind (a third of the lure search's time, itself a tenth of a message's
// scoring). Without the u flag and with \b in front, the scan runs at word starts only. \b knows only ASCII
// letters, so a match is then checked to start a word in the Unicode sense as well ("écrivez" must not offer
// "crivez"). Which kind the lure is, and its words, are read at that place by each kind's own expression.
export const LURE_SEARCHES: readonly RegExp[] = (() => {
  const letters = new Map<string, string[]>();
  const rest: string[] = [];
  for (const kind of kinds) {
    const { groups, rest: others } = firstLetterGroups(lurePatterns[kind]);
    for (const [letter, tails] of groups) letters.set(letter, [...(letters.get(letter) ?? []), ...tails]);
    rest.push(...others);
  }
  // A letter's group too large for one expression is cut into halves, each under the letter again.
  const cut = (letter: string, tails: string[]): string[] => {
    const group = `${letter}(?:${tails.join('|')})`;
    if (tails.length < 2 || group.length + 16 <= MAX_LURE_SOURCE) return [group];
    const half = Math.ceil(tails.length / 2);
    return [...cut(letter, tails.slice(0, half)), ...cut(letter, tails.slice(half))];
  };
  const groups = [...[...letters].flatMap(([letter, tails]) => cut(letter, tails)), ...rest].sort((a, b) => b.length - a.length);
  // Each expression is one more pass over the text, so the groups are packed: largest first, each into the first
  // expression with room (first-fit decreasing).
  const chunks: Array<{ groups: string[]; size: number }> = [];
  for (const group of groups) {
    const room = chunks.find((c) => c.size + group.length <= MAX_LURE_SOURCE);
    if (room) {
      room.groups.push(group);
      room.size += group.length + 1;
    } else chunks.push({ groups: [group], size: group.length + 8 });
  }
  return chunks.map((c) => new RegExp(String.raw`\b(?:${c.groups.join('|')})`, 'g'));
})();

/** Each kind's expressions (sticky: read at one place), in the order of `lurePatterns`. */
const KIND_AT: ReadonlyArray<{ kind: LureKind; re: RegExp }> = kinds.flatMap((kind) =>
  partsThatFit(lurePatterns[kind]).map((part) => ({ kind, re: new RegExp(byFirstLetter(part), 'y') })),
);

/** A kind's patterns whole when their grouped expression fits one search, else halved (in order) until each part does. */
function partsThatFit(patterns: readonly string[]): string[][] {
  if (patterns.length < 2 || byFirstLetter(patterns).length + 16 <= MAX_LURE_SOURCE) return [[...patterns]];
  const half = Math.ceil(patterns.length / 2);
  return [...partsThatFit(patterns.slice(0, half)), ...partsThatFit(patterns.slice(half))];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Honest mail warns its readers off the lures in the lures' own words: "we will never ask you to pay a redelivery
 * fee", "PayPal never asks for your password by e-mail", "nous ne vous demanderons jamais votre mot de passe". A lure
 * in the same clause after such a "never ask" asks for nothing; a phishing message's lure is the request itself, and
 * a disclaimer it copies into its footer does not hide the lure in its own sentence above. Only verbs of asking and
 * sending follow the negation: "if you do not pay the fee" or "you have not verified your account" stay lures.
 */
const NEVER_ASKS = new RegExp(
  [
    String.raw`(?:\bnever|\bnot|n't|\bno\s+longer)\s+(?:[${L}']+\s+){0,2}?(?:ask|request|require|demand|prompt|e-?mail|call|text|contact|send|charge)`,
    String.raw`\bnunca\s+(?:[${L}]+\s+){0,2}?(?:pedi|solicit|exigi|requeri|ped[ií]r)`,
    String.raw`\bne\s+(?:vous|te|lui)\s+(?:[${L}]+\s+)?(?:demand|réclam|sollicit|exig)[${L}]*\s+(?:jamais|pas)`,
    String.raw`\bjamais\s+(?:de\s+)?(?:vous\s+)?(?:demander|réclamer|solliciter)`,
    String.raw`\b(?:non|mai)\s+(?:ti|le|vi|ci)\s+(?:chied|richied|domand)`,
    String.raw`\b(?:niemals|nie)\s+(?:[${L}]+\s+){0,3}?(?:auffordern|fragen|bitten|verlangen)`,
    String.raw`\b(?:fordern|fragen|bitten|verlangen)\s+(?:sie|dich|euch)\s+(?:niemals|nie)\b`,
    String.raw`\b(?:vragen|vraagt|vraag)\s+(?:[${L}]+\s+){0,2}?nooit\b|\bnooit\s+(?:[${L}]+\s+){0,2}?(?:vragen|vraagt)`,
    String.raw`\bnigdy\s+nie\s+(?:[${L}]+\s+){0,2}?(?:prosi|poprosi|żąda|wysyła|wyśle)`,
  ].join('|'),
);
/**
 * A negation right before a phrase, one word between at most: "we will never change our bank details by email", "we
 * never use Western Union". Farther back it may deny another verb ("don't forget to update to our new bank details").
 */
const DENIED_RIGHT_BEFORE = /(?:\bnever|\bnot|n't|\bniemals|\bnie|\bjamais|\bnunca|\bnooit|\bnigdy)\s+(?:[\p{L}']+\s+)?$/u;
const CLAUSE_BREAK = /[.!?;:\n]/;
const NEGATION_REACH = 80;

/** The text before `index` back to the start of its clause (at most NEGATION_REACH characters). */
function clauseBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - NEGATION_REACH), index);
  let start = before.length;
  while (start > 0 && !CLAUSE_BREAK.test(before[start - 1]!)) start--;
  return before.slice(start);
}

/** The clause before `index` reads "we will never ask you to …". */
function afterNeverAsks(text: string, index: number): boolean {
  return NEVER_ASKS.test(clauseBefore(text, index));
}

/**
 * The sender says what it will do itself: "contact us so we can secure your account", "we will verify your identity
 * at the desk". A lure asks the reader to act, in the imperative ("secure your account: …"); with "we" as the verb's
 * subject nobody is asked anything. Only for the verbs of looking after an account: a threat is said with "we will"
 * too ("we will close your account"), and stays a lure.
 */
const SENDER_DOES_IT = /\bwe(?:\s+(?:can|will|could|may|shall)|['’]ll)\s+$/;
const LOOKING_AFTER = /^(?:verify|confirm|validate|re-?validate|update|unlock|restore|secure|re-?activate)\s/;

function senderDoesIt(text: string, index: number): boolean {
  return LOOKING_AFTER.test(text.slice(index, index + 14)) && SENDER_DOES_IT.test(text.slice(Math.max(0, index - 24), index));
}

/**
 * What stands at `index` is denied by its clause: a negation right before it, or "we will never ask you to …" (a
 * fraud list's phrase in honest mail's warning against the fraud).
 */
export function deniedBefore(text: string, index: number): boolean {
  const clause = clauseBefore(text, index);
  return DENIED_RIGHT_BEFORE.test(clause) || NEVER_ASKS.test(clause);
}

/**
 * The first lure in a lower-case text, with its kind; null when there is none. Two kinds found at the same place go
 * by the order of `lurePatterns`.
 */
export function lureIn(text: string): { kind: LureKind; phrase: string } | null {
  let first = -1;
  for (const re of LURE_SEARCHES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m && (first < 0 || m.index < first); m = re.exec(text)) {
      if (isLureStart(text, m.index)) {
        first = m.index;
        break;
      }
      re.lastIndex = m.index + 1;
    }
  }
  if (first < 0) return null;
  for (const { kind, re } of KIND_AT) {
    re.lastIndex = first;
    const m = re.exec(text);
    if (m) return { kind, phrase: m[0] };
  }
  return null;
}

/**
 * A lure found at `index` counts: it starts a word, no "we will never ask you to" stands before it, and it is not the
 * sender's own promise ("so we can secure your account").
 */
export function isLureStart(text: string, index: number): boolean {
  return (index === 0 || !LETTER_OR_DIGIT.test(text[index - 1]!)) && !afterNeverAsks(text, index) && !senderDoesIt(text, index);
}
