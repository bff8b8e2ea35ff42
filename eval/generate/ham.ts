// A generator of today's legitimate OUTBOUND mail, as a hosting provider's customers send it: the notices of
// WordPress core, shop order mails (WooCommerce, Magento, PrestaShop), contact-form notifications, password resets,
// invoices and receipts, shipping notices, newsletters, calendar invitations, cron and monitoring reports,
// person-to-person business mail, SaaS billing and trial notices, 2FA codes; in seven languages, HTML + text.
// Deterministic: one seed, one message. Every text here is written for this generator.
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { renderHtml, renderText, type Content } from './layout.js';
import { phrases } from './phrases.js';
import { rand, type Rand } from './random.js';
import { companies, dateText, fullName, money, person, token, type Company, type Person } from './world.js';

export interface Generated {
  kind: string;
  seed: number;
  raw: Buffer;
  /** What the relay would know about the submission. */
  mailFrom: string;
  authUser: string;
  recipients: string[];
}

interface Spec extends Mail.Options {
  /** The local part the site's software sends from, default "noreply". */
  sender?: string;
}

type Kind = (r: Rand, c: Company, to: Person) => Spec;

const SEND_DATE = Date.parse('2026-11-02T09:30:00Z');

function html(r: Rand, c: Company, content: Content): Pick<Spec, 'html' | 'text'> {
  return { html: renderHtml(r, content, c), text: renderText(content, c) };
}

function orderLines(r: Rand, c: Company): { rows: string[][]; total: number } {
  const rows: string[][] = [];
  let total = 0;
  for (let i = r.int(1, 3); i > 0; i--) {
    const qty = r.int(1, 3);
    const price = r.int(4, 180) + r.pick([0, 0.5, 0.9, 0.99]);
    total += qty * price;
    rows.push([r.pick(c.products), String(qty), money(qty * price, c)]);
  }
  return { rows, total };
}

function orderMail(platform: 'woocommerce' | 'magento' | 'prestashop'): Kind {
  return (r, c, to) => {
    const p = phrases[c.lang];
    const n = String(r.int(1000, 99999));
    const { rows, total } = orderLines(r, c);
    const ship = r.pick([0, 4.9, 5.95, 9.5]);
    const path = { woocommerce: `/my-account/view-order/${n}/`, magento: `/sales/order/view/order_id/${n}/`, prestashop: `/index.php?controller=order-detail&id_order=${n}` }[platform];
    const subject = platform === 'prestashop' ? `[${c.name}] ${p.orderSubject(c.name, n)}` : p.orderSubject(c.name, n);
    return {
      subject,
      ...html(r, c, {
        heading: p.thanks, intro: [p.hello(to.first), p.orderIntro(n)], button: { label: p.viewOrder, href: `https://www.${c.domain}${path}` },
        table: [p.orderTableHead, ...rows, [p.subtotal, '', money(total, c)], [p.shipping, '', money(ship, c)], [p.total, '', money(total + ship, c)]], tableHeader: true,
        outro: [`${to.first} ${to.last}, ${r.int(1, 200)} ${r.pick(['Main Street', 'Hauptstraße', 'rue de la Paix', 'Calle Mayor', 'Via Roma', 'Kerkstraat', 'Rua Direita'])}`, p.regards + ' ' + c.name],
        footer: [{ text: p.privacy, href: `https://www.${c.domain}/privacy/` }],
      }),
      headers: { 'X-Mailer': platform === 'woocommerce' ? 'WooCommerce' : platform === 'magento' ? 'Magento' : 'PrestaShop' },
    };
  };
}

const kinds: Record<string, Kind> = {
  'wordpress-new-user': (r, c, to) => ({
    sender: 'wordpress',
    subject: `[${c.name}] Login Details`,
    text: `Username: ${to.first.toLowerCase()}${r.int(1, 99)}\n\nTo set your password, visit the following address:\n\nhttps://www.${c.domain}/wp-login.php?action=rp&key=${token(r, 20)}&login=${to.first.toLowerCase()}\n\nhttps://www.${c.domain}/wp-login.php\n`,
  }),
  'wordpress-password-reset': (r, c, to) => ({
    sender: 'wordpress',
    subject: `[${c.name}] Password Reset`,
    text: `Someone has requested a password reset for the following account:\n\nSite Name: ${c.name}\n\nUsername: ${to.first.toLowerCase()}\n\nIf this was a mistake, ignore this email and nothing will happen.\n\nTo reset your password, visit the following address:\n\nhttps://www.${c.domain}/wp-login.php?action=rp&key=${token(r, 20)}&login=${to.first.toLowerCase()}&wp_lang=en_US\n\nThis password reset request originated from the IP address 198.51.100.${r.int(2, 250)}.\n`,
  }),
  'wordpress-core-update': (r, c) => ({
    sender: 'wordpress',
    subject: `[${c.name}] Your site has updated to WordPress 6.${r.int(6, 9)}.${r.int(0, 3)}`,
    text: `Howdy! Your site at https://www.${c.domain} has been updated automatically to WordPress 6.${r.int(6, 9)}.${r.int(0, 3)}.\n\nNo further action is needed on your part. For more on version 6.8, see the About WordPress screen:\nhttps://www.${c.domain}/wp-admin/about.php\n\nIf you experience any issues or need support, the volunteers in the WordPress.org support forums may be able to help.\nhttps://wordpress.org/support/forums/\n\nThe WordPress Team\n`,
  }),
  'wordpress-comment-moderation': (r, c) => {
    const a = person(r, c.lang);
    const post = r.pick(['Our autumn opening hours', 'How we roast our beans', 'Ten years in the old town', 'New workshop dates']);
    return {
      sender: 'wordpress',
      subject: `[${c.name}] Please moderate: "${post}"`,
      text: `A new comment on the post "${post}" is waiting for your approval\nhttps://www.${c.domain}/?p=${r.int(10, 900)}\n\nAuthor: ${fullName(a)} (IP address: 203.0.113.${r.int(2, 250)})\nEmail: ${a.email}\nURL: \nComment: \n${r.pick(['Lovely post, we visited last summer and it was great.', 'Do you also ship to Switzerland?', 'Thanks for the tips, very useful!'])}\n\nApprove it: https://www.${c.domain}/wp-admin/comment.php?action=approve&c=${r.int(100, 9999)}#wpbody-content\nTrash it: https://www.${c.domain}/wp-admin/comment.php?action=trash&c=${r.int(100, 9999)}#wpbody-content\nSpam it: https://www.${c.domain}/wp-admin/comment.php?action=spam&c=${r.int(100, 9999)}#wpbody-content\nCurrently ${r.int(1, 9)} comments are waiting for approval. Please visit the moderation panel:\nhttps://www.${c.domain}/wp-admin/edit-comments.php?comment_status=moderated#wpbody-content\n`,
    };
  },
  'wordpress-site-health': (r, c) => ({
    sender: 'wordpress',
    subject: `[${c.name}] Your Site is Experiencing a Technical Issue`,
    text: `Howdy!\n\nWordPress has a built-in feature that detects when a plugin or theme causes a fatal error on your site, and notifies you with this automated email.\nIn this case, WordPress caught an error with one of your plugins, ${r.pick(['Contact Form 7', 'WP Super Cache', 'Yoast SEO', 'WooCommerce Stripe Gateway'])}.\n\nFirst, visit your website (https://www.${c.domain}/) and check for any visible issues. Next, visit the page where the error was caught (https://www.${c.domain}/wp-admin/plugins.php) and check for any visible issues.\n\nTo keep your site safe, this link will expire in 1 day. Don't worry about that, though: a new link will be emailed to you if the error occurs again after it expires.\n\nError Details\n=============\nAn error of type E_ERROR was caused in line ${r.int(10, 900)} of the file /var/www/${c.domain}/wp-content/plugins/x/includes/class-x.php.\n`,
  }),
  'woocommerce-order': orderMail('woocommerce'),
  'magento-order': orderMail('magento'),
  'prestashop-order': orderMail('prestashop'),
  'woocommerce-new-order-admin': (r, c) => {
    const buyer = person(r, c.lang);
    const n = String(r.int(1000, 99999));
    const { rows, total } = orderLines(r, c);
    return {
      to: `shop@${c.domain}`,
      subject: `[${c.name}]: New order #${n}`,
      ...html(r, c, {
        heading: `New Order: #${n}`, intro: [`You've received the following order from ${fullName(buyer)}:`],
        table: [['Product', 'Quantity', 'Price'], ...rows, ['Total:', '', money(total, c)], ['Payment method:', '', r.pick(['Credit card (Stripe)', 'PayPal', 'Direct bank transfer'])]], tableHeader: true,
        outro: [`Billing address: ${fullName(buyer)}, ${buyer.email}`, 'Congratulations on the sale.'],
      }),
    };
  },
  'contact-form': (r, c) => {
    const visitor = person(r, c.lang);
    const topics = ['Opening hours on Saturday', 'Question about my order', 'Group booking', 'Wholesale enquiry', 'Repair appointment'];
    const topic = r.pick(topics);
    return {
      sender: 'wordpress',
      to: `info@${c.domain}`,
      replyTo: `"${fullName(visitor)}" <${visitor.email}>`,
      subject: `${c.name} "${topic}"`,
      text: `From: ${fullName(visitor)} <${visitor.email}>\nSubject: ${topic}\n\nMessage Body:\n${r.pick(['Hello, could you tell me whether you are open this Saturday afternoon? Thanks!', 'Hi, I ordered last week and have not heard back. Could you check the status? Best, ' + visitor.first, 'We are a group of 12 and would like to book for the 14th. Is that possible?', 'Do you offer a discount for larger quantities? We run a small café.'])}\n\n-- \nThis e-mail was sent from a contact form on ${c.name} (https://www.${c.domain})\n`,
    };
  },
  'saas-password-reset': (r, c, to) => {
    const p = phrases[c.lang];
    return {
      subject: p.resetSubject(c.name),
      ...html(r, c, {
        heading: p.resetSubject(c.name).replace(/^\[[^\]]*\] /, ''), intro: [p.hello(to.first), p.resetIntro],
        button: { label: p.resetButton, href: `https://${r.pick(['app', 'www', 'account'])}.${c.domain}/reset-password?token=${token(r, 40)}` },
        outro: [p.resetIgnore, `${p.regards}\n${c.name}`],
      }),
    };
  },
  invoice: (r, c, to) => {
    const p = phrases[c.lang];
    const n = `${r.pick(['RE', 'INV', 'F', 'FA'])}-2026-${r.int(100, 9999)}`;
    const amount = money(r.int(30, 4000) + 0.5, c);
    const due = dateText(new Date(SEND_DATE + r.int(7, 30) * 864e5), c.lang);
    const staff = person(r, c.lang, c.domain);
    return {
      sender: staff.email.split('@')[0],
      fromName: fullName(staff),
      subject: `${p.invoiceSubject(n)} – ${c.name}`,
      text: `${p.hello(fullName(to))}\n\n${p.invoiceIntro(n, amount, due)}\n\n${p.regards}\n${fullName(staff)}\n${c.name}\n${c.street}\n${c.city}\nTel. +${r.int(30, 49)} ${r.int(100, 999)} ${r.int(100000, 999999)}\n`,
      attachments: [{ filename: `${n}.pdf`, content: fakePdf(r), contentType: 'application/pdf' }],
    };
  },
  'stripe-style-receipt': (r, c, to) => {
    const amount = r.int(9, 299) + 0.0;
    const n = `${r.int(1000, 9999)}-${r.int(1000, 9999)}`;
    return {
      subject: `Your receipt from ${c.name} #${n}`,
      ...html(r, c, {
        heading: `Receipt from ${c.name}`, intro: [`Amount paid ${money(amount, c)}`, `Date paid ${dateText(new Date(SEND_DATE), 'en')}`, `Payment method ${r.pick(['Visa', 'Mastercard', 'Amex'])} – ${r.int(1000, 9999)}`],
        table: [['Summary', ''], [r.pick(c.products), money(amount, c)], ['Amount paid', money(amount, c)]], tableHeader: true,
        outro: [`If you have any questions, contact us at billing@${c.domain}.`, `You're receiving this email because you made a purchase at ${c.name}.`],
      }),
      to: to.email,
    };
  },
  'shipping-notice': (r, c, to) => {
    const p = phrases[c.lang];
    const carrier = r.pick([
      { name: 'DHL', url: (t: string) => `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${t}` },
      { name: 'UPS', url: (t: string) => `https://www.ups.com/track?tracknum=${t}` },
      { name: 'PostNL', url: (t: string) => `https://jouw.postnl.nl/track-and-trace/${t}` },
      { name: 'Colissimo', url: (t: string) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${t}` },
      { name: 'Royal Mail', url: (t: string) => `https://www.royalmail.com/track-your-item#/tracking-results/${t}` },
      { name: 'CTT', url: (t: string) => `https://www.ctt.pt/feapl_2/app/open/objectSearch/objectSearch.jspx?objects=${t}` },
      { name: 'our courier', url: (t: string) => `https://www.${c.domain}/track/${t}` },
    ]);
    const n = String(r.int(1000, 99999));
    const t = token(r, 14, '0123456789');
    return {
      subject: p.shipSubject(n),
      ...html(r, c, { heading: p.shipSubject(n), intro: [p.hello(to.first), p.shipIntro(carrier.name, n), `${t}`], button: { label: p.track, href: carrier.url(t) }, outro: [p.regards + ' ' + c.name] }),
    };
  },
  newsletter: (r, c, to) => {
    const p = phrases[c.lang];
    const unsub = `https://www.${c.domain}/newsletter/unsubscribe?e=${token(r, 24)}`;
    const items = [
      ['New autumn range is here', 'Fresh arrivals in store and online from this week.'],
      ['Workshop dates for December', 'Book a place at one of our evening workshops.'],
      ['Meet the team', 'This month we introduce the people behind our workshop.'],
      ['Opening hours over the holidays', 'We are closed on the 25th and 26th.'],
      ['Customer story', 'How a small café uses our products every day.'],
    ];
    const chosen = [r.pick(items), r.pick(items)];
    return {
      sender: 'newsletter',
      subject: `${c.name} ${r.pick(['news', 'November update', 'monthly letter', 'Newsletter 11/2026'])}`,
      headers: { 'List-Unsubscribe': `<${unsub}>, <mailto:unsubscribe@${c.domain}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', Precedence: 'bulk' },
      ...html(r, c, {
        heading: chosen[0]![0]!, intro: [p.hello(to.first), chosen[0]![1]!, chosen[1]![0]! + ': ' + chosen[1]![1]!],
        button: { label: r.pick(['Read more', 'See the collection', 'Book now', 'Visit the shop']), href: `https://www.${c.domain}/blog/${token(r, 8)}?utm_source=newsletter&utm_medium=email&utm_campaign=nov26` },
        outro: [p.regards + ' ' + c.name], footer: [{ text: p.unsubscribe, href: unsub }, { text: p.privacy, href: `https://www.${c.domain}/privacy` }, { text: 'Instagram', href: `https://www.instagram.com/${c.domain.split('.')[0]}` }, { text: 'Facebook', href: `https://www.facebook.com/${c.domain.split('.')[0]}` }],
        preheader: chosen[0]![1],
      }),
    };
  },
  'calendar-invitation': (r, c, to) => {
    const organizer = person(r, c.lang, c.domain);
    const start = new Date(SEND_DATE + r.int(1, 20) * 864e5 + r.int(0, 8) * 3600e3);
    const end = new Date(start.getTime() + r.pick([30, 60, 90]) * 60e3);
    const title = r.pick(['Project kickoff', 'Quarterly review', 'Supplier call', 'Website relaunch planning', 'Jour fixe']);
    const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const uid = `${token(r, 16)}@${c.domain}`;
    const ics = `BEGIN:VCALENDAR\r\nPRODID:-//${c.name}//Calendar//EN\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:${stamp(new Date(SEND_DATE))}\r\nDTSTART:${stamp(start)}\r\nDTEND:${stamp(end)}\r\nSUMMARY:${title}\r\nORGANIZER;CN=${fullName(organizer)}:mailto:${organizer.email}\r\nATTENDEE;CN=${fullName(to)};RSVP=TRUE:mailto:${to.email}\r\nLOCATION:${r.pick(['Meeting room 2', 'https://meet.' + c.domain + '/' + token(r, 10), c.street])}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    return {
      sender: organizer.email.split('@')[0],
      fromName: fullName(organizer),
      subject: `Invitation: ${title} @ ${start.toUTCString().slice(0, 22)}`,
      text: `${fullName(organizer)} has invited you to "${title}".\n\nWhen: ${start.toUTCString()}\n\nAccept, decline or propose a new time in your calendar.\n`,
      icalEvent: { method: 'REQUEST', content: ics },
    };
  },
  'cron-report': (r, c) => {
    const host = `${r.pick(['web', 'srv', 'vps', 'node'])}${r.int(1, 30)}.${c.domain}`;
    const job = r.pick(['/usr/local/bin/backup.sh', 'php /var/www/html/wp-cron.php', '/opt/scripts/rotate-logs.sh', 'certbot renew --quiet']);
    return {
      sender: 'root',
      fromName: 'Cron Daemon',
      to: `admin@${c.domain}`,
      subject: `Cron <root@${host.split('.')[0]}> ${job}`,
      text: `${job.includes('backup') ? `Backup started ${new Date(SEND_DATE).toISOString()}\nDumping database shop_prod ... ok (${r.int(20, 900)} MB)\nArchiving /var/www ... ok\nUploading to s3://backups-${c.domain.split('.')[0]}/daily/ ... ok\nBackup finished in ${r.int(30, 600)} s\n` : `Processing ${r.int(1, 40)} items\nDone.\n`}`,
      headers: { 'X-Cron-Env': '<SHELL=/bin/sh>', 'Auto-Submitted': 'auto-generated' },
    };
  },
  'monitoring-alert': (r, c) => {
    const down = r.chance(0.5);
    const url = `https://${r.pick(['www', 'shop', 'api'])}.${c.domain}/`;
    return {
      sender: 'monitoring',
      to: `admin@${c.domain}`,
      subject: `${down ? '[DOWN]' : '[UP]'} ${url} ${down ? 'is not responding' : 'is back up'}`,
      text: `Monitor: ${url}\nStatus: ${down ? 'DOWN' : 'UP'}\nReason: ${down ? r.pick(['HTTP 502 Bad Gateway', 'Connection timeout after 30 s', 'SSL certificate expires in 6 days']) : 'HTTP 200 OK'}\nChecked from: Frankfurt, Amsterdam\nTime: ${new Date(SEND_DATE).toISOString()}\n\nDashboard: https://status.${c.domain}/monitors/${r.int(100, 999)}\n\n-- \nSent by the monitoring on ${c.domain}\n`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    };
  },
  'business-letter': (r, c, to) => {
    const me = person(r, c.lang, c.domain);
    const topics = [
      ['Offer for the spring campaign', 'as discussed on the phone, attached is our offer for the spring campaign. Prices are valid until the end of the month. Let me know if anything needs adjusting.'],
      ['Minutes of our meeting', 'thanks for taking the time yesterday. The minutes are attached; the next step on our side is the revised timeline by Friday.'],
      ['Delivery dates', 'our supplier confirmed the new delivery dates. I attached the updated schedule; the first batch arrives in week 48.'],
      ['Contract draft', 'please find the draft contract attached. Our lawyer added two clauses on liability, marked in yellow.'],
    ];
    const [subject, body] = r.pick(topics);
    const fileName = r.pick(['offer', 'minutes', 'schedule', 'contract-draft']) + `-${r.int(1, 30)}.${r.pick(['pdf', 'docx', 'xlsx'])}`;
    return {
      sender: me.email.split('@')[0],
      fromName: fullName(me),
      subject: r.chance(0.3) ? `Re: ${subject}` : subject,
      text: `Dear ${to.first},\n\n${body}\n\nKind regards\n${fullName(me)}\n${r.pick(['Sales', 'Office manager', 'Managing director', 'Project lead'])}\n\n${c.name}\n${c.street}, ${c.city}\nPhone +${r.int(30, 49)} ${r.int(100, 999)} ${r.int(100000, 999999)}\nwww.${c.domain}\n`,
      attachments: [{ filename: fileName, content: fileName.endsWith('pdf') ? fakePdf(r) : fakeZipDoc(r), contentType: fileName.endsWith('pdf') ? 'application/pdf' : 'application/octet-stream' }],
    };
  },
  'saas-trial-ending': (r, c, to) => ({
    subject: `Your ${c.name} trial ends in ${r.int(1, 7)} days`,
    ...html(r, c, {
      heading: 'Your trial is ending soon', intro: [`Hi ${to.first},`, `Your free trial of ${c.name} ends on ${dateText(new Date(SEND_DATE + 3 * 864e5), 'en')}. To keep your dashboards and data, choose a plan before then.`],
      button: { label: 'Choose a plan', href: `https://app.${c.domain}/billing/plans` }, outro: ['Questions? Just reply to this email, a real person reads it.', `The ${c.name} team`],
    }),
  }),
  'saas-payment-failed': (r, c, to) => ({
    sender: 'billing',
    subject: `Action needed: your payment to ${c.name} failed`,
    ...html(r, c, {
      heading: 'We could not process your payment', intro: [`Hi ${to.first},`, `We tried to charge your ${r.pick(['Visa', 'Mastercard'])} ending in ${r.int(1000, 9999)} for your ${r.pick(c.products)} subscription (${money(r.int(19, 499), c)}), but the payment was declined. Please update your payment method to keep your account active. We will retry in 3 days.`],
      button: { label: 'Update payment method', href: `https://app.${c.domain}/settings/billing` }, outro: [`The ${c.name} team`],
    }),
  }),
  'team-invitation': (r, c, to) => {
    const inviter = person(r, c.lang, c.domain);
    return {
      subject: `${fullName(inviter)} invited you to join ${c.name}`,
      ...html(r, c, {
        heading: `Join ${c.name}`, intro: [`Hi ${to.first},`, `${fullName(inviter)} (${inviter.email}) has invited you to collaborate in the ${r.pick(['Marketing', 'Operations', 'Design', 'Finance'])} workspace.`],
        button: { label: 'Accept invitation', href: `https://app.${c.domain}/invite/${token(r, 32)}` }, outro: ['This invitation expires in 7 days.'],
      }),
    };
  },
  'verification-code': (r, c, to) => {
    const p = phrases[c.lang];
    const code = token(r, 6, '0123456789');
    return { subject: p.codeSubject(code), ...html(r, c, { heading: code, intro: [p.hello(to.first), p.codeIntro(code, r.pick([5, 10, 15]))], outro: [p.codeIgnore] }) };
  },
  'email-confirmation': (r, c, to) => ({
    subject: `Please confirm your email address for ${c.name}`,
    ...html(r, c, {
      heading: 'Confirm your email address', intro: [`Hi ${to.first},`, `Thanks for signing up to ${c.name}. Please confirm that ${to.email} is your email address.`],
      button: { label: 'Confirm email', href: `https://www.${c.domain}/account/confirm?token=${token(r, 32)}` }, outro: ["If you didn't create an account, you can safely ignore this message."],
    }),
  }),
  'appointment-reminder': (r, c, to) => {
    const p = phrases[c.lang];
    const d = dateText(new Date(SEND_DATE + r.int(1, 4) * 864e5), c.lang);
    const time = `${r.int(8, 17)}:${r.pick(['00', '15', '30', '45'])}`;
    return {
      subject: p.reminderSubject(d),
      ...html(r, c, { heading: p.reminderSubject(d), intro: [p.hello(fullName(to)), p.reminderIntro(d, time), `${c.name}, ${c.street}, ${c.city}`], button: { label: p.reschedule, href: `https://www.${c.domain}/booking/manage/${token(r, 12)}` }, outro: [p.regards + ' ' + c.name] }),
    };
  },
  'support-ticket-reply': (r, c, to) => {
    const agent = person(r, c.lang, c.domain);
    const n = r.int(10000, 99999);
    return {
      sender: 'support',
      fromName: `${agent.first} from ${c.name}`,
      subject: `[Ticket #${n}] Re: ${r.pick(['Cannot log in', 'Refund for order', 'Change of address', 'Invoice copy'])}`,
      text: `##- Please type your reply above this line -##\n\n${agent.first} (${c.name})\n\nHi ${to.first},\n\nthanks for your patience. ${r.pick(['I have reset the two-factor setting on your account; you can log in with your password now and set it up again.', 'The refund has been issued and should reach your card within 5-10 working days.', 'I updated the address on your open order.', 'Attached is a copy of the invoice you asked for.'])}\n\nIf anything else comes up, just reply to this email.\n\n${agent.first}\n\nTicket: https://support.${c.domain}/tickets/${n}\n`,
    };
  },
  'booking-confirmation': (r, c, to) => {
    const n = token(r, 8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
    const nights = r.int(1, 6);
    return {
      subject: `Booking confirmation ${n} – ${c.name}`,
      ...html(r, c, {
        heading: `Your booking ${n} is confirmed`, intro: [`Dear ${fullName(to)},`, `thank you for booking with ${c.name}. We look forward to welcoming you.`],
        table: [['Arrival', dateText(new Date(SEND_DATE + 20 * 864e5), c.lang)], ['Nights', String(nights)], ['Room', r.pick(c.products)], ['Total', money(nights * r.int(90, 240), c)]],
        button: { label: 'Manage booking', href: `https://www.${c.domain}/booking/${n}` }, outro: ['Check-in from 15:00, check-out until 11:00.'],
      }),
    };
  },
  'file-share-notice': (r, c, _to) => {
    const owner = person(r, c.lang, c.domain);
    const file = r.pick(['Q4 figures.xlsx', 'Photos summer party', 'Brand guidelines.pdf', 'Contracts 2026']);
    return {
      sender: 'cloud',
      subject: `${fullName(owner)} shared »${file}« with you`,
      ...html(r, c, { heading: `${fullName(owner)} shared »${file}« with you`, intro: [`${fullName(owner)} shared »${file}« with you.`], button: { label: `Open »${file}«`, href: `https://cloud.${c.domain}/s/${token(r, 15)}` }, outro: [`${c.name} Cloud – a safe home for all your data`] }),
    };
  },
  'domain-renewal-reminder': (r, c) => ({
    sender: 'hostmaster',
    to: `admin@${c.domain}`,
    subject: `Domain ${c.domain} renews automatically on ${dateText(new Date(SEND_DATE + 30 * 864e5), 'en')}`,
    text: `Hello,\n\nthe domain ${c.domain} renews automatically on ${dateText(new Date(SEND_DATE + 30 * 864e5), 'en')} for one year. The amount of ${money(r.int(9, 40), c)} will be charged to the payment method on file.\n\nNo action is needed. To change the renewal settings, sign in to your control panel.\n\nYour hosting team\n`,
  }),
  'forum-notification': (r, c, to) => {
    const poster = person(r, c.lang);
    const topic = r.pick(['Best chain oil for winter?', 'Meetup in March', 'Show us your workshop', 'Help with brake adjustment']);
    return {
      sender: 'forum',
      subject: `Topic reply notification - "${topic}"`,
      text: `Hello ${to.first.toLowerCase()},\n\nYou are receiving this notification because you are watching the topic, "${topic}" at "${c.name} Forum". This topic has received a reply since your last visit. You can use the following link to view the replies made, no more notifications will be sent until you visit the topic.\n\nIf you want to view the newest post made since your last visit, click the following link:\nhttps://forum.${c.domain}/viewtopic.php?t=${r.int(10, 9000)}&view=unread#unread\n\nLast reply by ${poster.first.toLowerCase()}${r.int(1, 99)}.\n\nIf you no longer wish to watch this topic you can either click the "Unsubscribe topic" link found at the bottom of the topic above, or by clicking the following link:\nhttps://forum.${c.domain}/viewtopic.php?uid=${r.int(2, 900)}&t=${r.int(10, 9000)}&unwatch=topic\n\n-- \nThanks, The Management\n`,
    };
  },
  'refund-notice': (r, c, to) => {
    const p = phrases[c.lang];
    const n = String(r.int(1000, 99999));
    const amount = money(r.int(5, 200) + 0.9, c);
    return { subject: `${c.name}: refund for order #${n}`, ...html(r, c, { heading: `Refund for order #${n}`, intro: [p.hello(to.first), `We have refunded ${amount} to your original payment method. Depending on your bank it can take 3-5 working days to show.`], outro: [p.regards + ' ' + c.name] }) };
  },
  // A shop's loyalty programme: points earned, some of them lapsing at the end of the period, a reward to pick.
  'loyalty-points': (r, c, to) => {
    const p = phrases[c.lang];
    const balance = r.int(120, 4800);
    const lapsing = r.int(20, Math.min(600, balance));
    const lapse = dateText(new Date(SEND_DATE + r.int(14, 60) * 864e5), c.lang);
    return {
      subject: r.pick([`${to.first}, you have ${balance} points to spend at ${c.name}`, `Your ${c.name} points statement`, `${lapsing} of your points expire on ${lapse}`]),
      ...html(r, c, {
        heading: `Your points: ${balance}`,
        intro: [p.hello(to.first), `thank you for shopping with us. With your last order you earned ${r.int(5, 90)} points.`, `${lapsing} points expire on ${lapse}. Redeem them for a voucher or a reward of your choice before then.`],
        button: { label: 'Choose my reward', href: `https://www.${c.domain}/account/rewards` },
        outro: [`Every ${r.pick(['100', '250', '500'])} points are worth ${money(5, c)} on your next order.`, p.regards + ' ' + c.name],
        footer: [{ text: p.privacy, href: `https://www.${c.domain}/privacy/` }],
      }),
    };
  },
  // An order paid in bitcoin: the shop's payment processor gives the address, the amount and a time limit for the rate.
  'crypto-payment-request': (r, c, to) => {
    const n = String(r.int(1000, 99999));
    const coin = r.pick([
      { name: 'Bitcoin', amount: `0.00${r.int(100, 999)}${r.int(10, 99)} BTC`, wallet: `bc1q${token(r, 38, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l')}` },
      { name: 'USDT on Tron (TRC20)', amount: `${r.int(20, 900)}.${r.int(10, 99)} USDT`, wallet: `T${token(r, 33, '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz')}` },
      { name: 'Ethereum', amount: `0.0${r.int(100, 999)} ETH`, wallet: `0x${token(r, 40, '0123456789abcdef')}` },
    ]);
    return {
      sender: 'orders',
      subject: `${c.name}: payment details for order #${n}`,
      text: `Hello ${to.first},\n\nthank you for your order #${n}. You chose to pay with ${coin.name}.\n\nPlease send exactly ${coin.amount} to this address:\n${coin.wallet}\n\nThe exchange rate is held for ${r.pick(['15 minutes', '60 minutes', '24 hours'])}; after that the invoice is recalculated. Your order ships as soon as the payment has ${r.int(1, 3)} confirmations on the network.\n\nQuestions? Reply to this email or call us.\n\n${c.name}\n${c.street}\n${c.city}\n`,
    };
  },
  // A payment reminder at one of its three levels (friendly, second, final notice before collection), written by the
  // bookkeeper with the invoice attached again: the honest side of what fake-invoice phishing imitates.
  'payment-reminder': (r, c, to) => {
    const p = phrases[c.lang];
    const n = `${r.pick(['RE', 'INV', 'F', 'FA'])}-2026-${r.int(100, 9999)}`;
    const level = r.pick(p.dunning);
    const due = dateText(new Date(SEND_DATE - r.int(14, 60) * 864e5), c.lang);
    const staff = person(r, c.lang, c.domain);
    return {
      sender: staff.email.split('@')[0],
      fromName: fullName(staff),
      subject: `${level.subject(n)} – ${c.name}`,
      text: `${p.hello(fullName(to))}\n\n${level.body(n, money(r.int(30, 4000) + 0.5, c), due)}\n\n${p.regards}\n${fullName(staff)}\n${c.name}\n${c.street}\n${c.city}\n`,
      attachments: [{ filename: `${n}.pdf`, content: fakePdf(r), contentType: 'application/pdf' }],
    };
  },
  // A membership or subscription fee the bank returned: a club's or a shop's notice with no link to click.
  'direct-debit-returned': (r, c, to) => {
    const p = phrases[c.lang];
    const what = r.pick(c.products);
    return {
      sender: r.pick(['billing', 'accounts', 'members']),
      subject: `${p.debitSubject(what)} – ${c.name}`,
      text: `${p.hello(to.first)}\n\n${p.debitBody(what, money(r.int(8, 240) + 0.0, c))}\n\n${p.regards}\n${c.name}\n${c.street}\n${c.city}\n`,
    };
  },
};

export const hamKinds = Object.keys(kinds);

/** One generated message: the kind is chosen by the seed (round robin), everything else by the PRNG. */
export async function generateHam(seed: number): Promise<Generated> {
  const r = rand(seed);
  const kind = hamKinds[seed % hamKinds.length]!;
  const c = r.pick(companies);
  const to = person(r, c.lang);
  const { sender = 'noreply', fromName, ...spec } = kinds[kind]!(r, c, to) as Spec & { fromName?: string };
  const from = `${sender}@${c.domain}`;
  const recipients = [String(spec.to ?? to.email)];
  // A fixed MIME boundary: the composer draws a random one otherwise, and the same seed must give the same bytes.
  const raw = await new MailComposer({
    ...({ baseBoundary: token(r, 16) } as Mail.Options),
    from: { name: fromName ?? c.name, address: from },
    to: recipients[0],
    date: new Date(SEND_DATE + (seed % 86400) * 1000),
    messageId: `<${token(r, 12)}.${seed}@${c.domain}>`,
    ...spec,
  }).compile().build();
  return { kind, seed, raw, mailFrom: from, authUser: `${c.domain.split('.')[0]}`, recipients };
}

function fakePdf(r: Rand): Buffer {
  return Buffer.from(`%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n${token(r, 400)}\n%%EOF\n`, 'latin1');
}

/** An OOXML file is a zip; the local header and a document entry are enough for scoring. */
function fakeZipDoc(r: Rand): Buffer {
  const name = Buffer.from('word/document.xml');
  const data = Buffer.from(`<w:document>${token(r, 200)}</w:document>`);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt32LE(data.length, 18);
  h.writeUInt32LE(data.length, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name, data, Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);
}

/**
 * Kinds the shipped model never learns from (every third), so that eval:spam can say how it does on kinds of mail
 * it has not seen, beside the kinds it has (on other seeds).
 */
export const modelHeldOutKinds: ReadonlySet<string> = new Set(hamKinds.filter((_, i) => i % 3 === 2));
