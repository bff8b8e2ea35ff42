// Registrable domains of large free mailbox providers: a Reply-To there on a business's mail is a classic way to
// take the conversation out of the sender's domain. A short list of the big ones, not an exhaustive directory.
export const freemailDomains = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'ymail.com', 'rocketmail.com',
  'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'outlook.com', 'live.com', 'msn.com', 'aol.com', 'icloud.com',
  'me.com', 'mac.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'email.com', 'yandex.ru', 'yandex.com',
  'mail.ru', 'inbox.ru', 'bk.ru', 'list.ru', 'rambler.ru', 'proton.me', 'protonmail.com', 'tutanota.com', 'zoho.com',
  'qq.com', '163.com', '126.com', 'sina.com', 'naver.com', 'rediffmail.com', 'libero.it', 'laposte.net', 'orange.fr',
  'free.fr', 't-online.de', 'excite.com', 'lycos.com', 'netscape.net', 'usa.net', 'juno.com', 'btinternet.com',
]);
