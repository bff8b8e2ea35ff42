// Registrable domains of large free mailbox providers: a Reply-To there on a business's mail is a classic way to
// take the conversation out of the sender's domain. A short list of the big ones, with the country domains under which
// they hand out addresses in the seven languages the lures are read in; not an exhaustive directory.
export const freemailDomains = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'ymail.com', 'rocketmail.com',
  'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'outlook.com', 'live.com', 'msn.com', 'aol.com', 'icloud.com',
  'me.com', 'mac.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'email.com', 'yandex.ru', 'yandex.com',
  'mail.ru', 'inbox.ru', 'bk.ru', 'list.ru', 'rambler.ru', 'proton.me', 'protonmail.com', 'tutanota.com', 'zoho.com',
  'qq.com', '163.com', '126.com', 'sina.com', 'naver.com', 'rediffmail.com', 'libero.it', 'laposte.net', 'orange.fr',
  'free.fr', 't-online.de', 'excite.com', 'lycos.com', 'netscape.net', 'usa.net', 'juno.com', 'btinternet.com',
  // Microsoft's and Yahoo's country domains, and the big national providers
  'outlook.fr', 'outlook.de', 'outlook.es', 'outlook.it', 'outlook.pt', 'outlook.com.br', 'outlook.be', 'hotmail.de',
  'hotmail.es', 'hotmail.it', 'hotmail.nl', 'hotmail.be', 'hotmail.com.br', 'live.fr', 'live.de', 'live.nl', 'live.be',
  'live.it', 'live.co.uk', 'yahoo.es', 'yahoo.it', 'yahoo.com.br', 'yahoo.ca', 'yahoo.com.au', 'gmx.at', 'gmx.ch',
  'gmx.fr', 'freenet.de', 'posteo.de', 'wanadoo.fr', 'sfr.fr', 'virgilio.it', 'tiscali.it', 'alice.it', 'uol.com.br',
  'bol.com.br', 'terra.com.br', 'telenet.be', 'skynet.be', 'pm.me', 'fastmail.com',
]);
