// Inputs a stranger could send, for property tests and `npm run fuzz`. Random bytes alone rarely get past the first
// header line, so most generators build mail-shaped text from the tokens the parsers branch on (MIME types,
// boundaries, DSN and ARF fields, encodings, SMTP verbs) and then break it: truncation, byte flips, repeated slices,
// wrong line endings. Seeds are the committed bounce fixtures, mutated the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';

const FIXTURES = join(import.meta.dirname, '../fixtures/bounces');

/** The committed sample bounces and reports (test/fixtures/bounces), as seeds for mutation. */
export const seedMessages: Buffer[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.eml'))
  .sort()
  .map((f) => readFileSync(join(FIXTURES, f)));

const boundaries = ['b1', 'b2', '=_x', 'a"b', '', ' ', '--', 'b1--', 'x'.repeat(80)];

const tokens = [
  'text/plain', 'text/html', 'multipart/mixed', 'multipart/report', 'multipart/alternative', 'message/rfc822',
  'message/delivery-status', 'message/feedback-report', 'text/rfc822-headers', 'message/global-delivery-status',
  'application/zip', 'application/octet-stream', 'report-type=delivery-status', 'report-type=feedback-report',
  'charset=utf-8', 'charset=iso-2022-jp', 'charset=unknown-8bit', 'charset="', 'name="a.zip"', 'filename*=utf-8\'\'%E2%82',
  'base64', 'quoted-printable', '7bit', '8bit', 'binary', 'rfc822;', 'smtp;', 'dns;', 'utf-8;', 'x-unix;',
  '550', '5.1.1', '4.4.7', '2.0.0', '5.7.1', '421', 'failed', 'delayed', 'delivered', 'relayed', 'expanded',
  'abuse', 'fraud', 'opt-out', 'not-spam', 'auth-failure', '1', '0', '-1', '99999999999999999999',
  '<>', '<@a:b@c>', 'a@b@c', 'user@example.test', '"quoted local"@example.test', '@', '<', '>', ';', ':', ',', '"',
  '=?utf-8?B?w6k=?=', '=?utf-8?Q?=E2=82?=', '=?x?y?z?=', '=?', '?=', '=', '=0D=0A', '=\r\n', '\\', '(', ')', '(comment',
  'http://example.test/a', 'https://xn--e1afmkfd.test/', '<a href="http://x.test">', '<img src=', '<script>', '&#x41;',
  '\u0000', '\u00e9', '\u202e', '\ud83d\ude00', '\t', ' ', 'Received: from x (Authenticated sender: bob)',
];

const headerNames = [
  'From', 'To', 'Subject', 'Date', 'Message-ID', 'Content-Type', 'Content-Transfer-Encoding', 'Content-Disposition',
  'MIME-Version', 'Return-Path', 'Received', 'Auto-Submitted', 'Precedence', 'X-Failed-Recipients',
  'Final-Recipient', 'Original-Recipient', 'Action', 'Status', 'Diagnostic-Code', 'Remote-MTA', 'Reporting-MTA',
  'Last-Attempt-Date', 'Feedback-Type', 'User-Agent', 'Version', 'Original-Mail-From', 'Original-Rcpt-To',
  'Arrival-Date', 'Source-IP', 'Reported-Domain', 'Authentication-Results', 'X-AuthUser', 'X-PHP-Originating-Script',
  'X-Mailwarden-Trace', 'X-Mailer', 'List-Unsubscribe', 'Reply-To', 'X-Amz-Sns-Message-Type', '', ' ', 'Bad Name',
];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...tokens) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

const value = fc.tuple(fc.array(token, { maxLength: 8 }), fc.constantFrom(' ', '', '; ', '\r\n ')).map(([t, sep]) => t.join(sep));

const header = fc.tuple(fc.constantFrom(...headerNames), value).map(([n, v]) => `${n}: ${v}`);

const bodyText = fc.array(fc.oneof(value, header, fc.constantFrom('', '.', '..', '--b1', '--b1--', '--b2', 'begin 644 x')), { maxLength: 10 });

/** A MIME entity (headers, blank line, body), multipart up to `depth` levels. */
const entity: fc.Arbitrary<string> = fc.letrec<{ entity: string }>((tie) => ({
  entity: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.array(header, { maxLength: 8 }), bodyText).map(([h, b]) => [...h, '', ...b].join('\r\n')),
    fc.tuple(
      fc.constantFrom('multipart/report; report-type=delivery-status', 'multipart/report; report-type=feedback-report', 'multipart/mixed', 'multipart/alternative', 'message/rfc822'),
      fc.constantFrom(...boundaries),
      fc.array(header, { maxLength: 5 }),
      fc.array(tie('entity'), { maxLength: 4 }),
      fc.boolean(),
    ).map(([type, b, h, parts, closed]) => [
      `Content-Type: ${type}; boundary="${b}"`, ...h, '',
      ...(type === 'message/rfc822' ? [parts[0] ?? ''] : parts.flatMap((p) => [`--${b}`, p])),
      ...(closed && type !== 'message/rfc822' ? [`--${b}--`] : []),
    ].join('\r\n')),
  ),
})).entity;

/** Break a buffer the ways a broken or hostile sender would. */
function mutate(buf: Buffer, edits: Array<[number, number, number]>): Buffer {
  let out = buf;
  for (const [kind, at, n] of edits) {
    const i = out.length ? at % out.length : 0;
    switch (kind % 6) {
      case 0: out = out.subarray(0, i); break; // truncated
      case 1: out = Buffer.concat([out.subarray(0, i), Buffer.from([n & 0xff]), out.subarray(i + 1)]); break; // byte flip
      case 2: out = Buffer.concat([out.subarray(0, i), out.subarray(i, i + (n % 400)), out.subarray(i)]); break; // repeated slice
      case 3: out = Buffer.concat([out.subarray(0, i), out.subarray(i + (n % 200))]); break; // hole
      case 4: out = Buffer.from(out.toString('latin1').replace(/\r\n/g, n % 2 ? '\n' : '\r'), 'latin1'); break; // line endings
      default: out = Buffer.concat([out.subarray(0, i), Buffer.from(tokens[n % tokens.length]!), out.subarray(i)]); // inserted token
    }
  }
  return out;
}

const edits = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 6 });

/** Any JSON where the SES reader expects an address list, and lists of recipients whose fields are any JSON. */
const sesRecipients = fc.oneof(fc.jsonValue(), fc.array(fc.record({ emailAddress: fc.jsonValue(), status: fc.jsonValue(), diagnosticCode: fc.jsonValue() }, { requiredKeys: [] })));

/**
 * Amazon SES notifications by SNS email whose fields hold JSON of any shape (the reader checks each field's type),
 * bare or inside the SNS envelope: mutated bytes rarely get past JSON.parse, these get into every branch.
 */
const sesNotification: fc.Arbitrary<string> = fc.tuple(
  fc.record({
    notificationType: fc.oneof(fc.constantFrom('Bounce', 'Complaint', 'Delivery'), fc.jsonValue()),
    bounce: fc.record({ bounceType: fc.oneof(fc.constantFrom('Permanent', 'Transient'), fc.jsonValue()), bounceSubType: fc.jsonValue(), bouncedRecipients: sesRecipients, remoteMtaIp: fc.jsonValue() }, { requiredKeys: [] }),
    complaint: fc.oneof(fc.jsonValue(), fc.record({ complainedRecipients: sesRecipients, complaintFeedbackType: fc.jsonValue(), userAgent: fc.jsonValue() }, { requiredKeys: [] })),
    delivery: fc.record({ recipients: fc.jsonValue(), smtpResponse: fc.jsonValue() }, { requiredKeys: [] }),
    mail: fc.oneof(fc.jsonValue(), fc.record({
      source: fc.jsonValue(), commonHeaders: fc.jsonValue(),
      headers: fc.oneof(fc.jsonValue(), fc.array(fc.record({ name: fc.oneof(fc.constant('X-Mailwarden-Trace'), fc.jsonValue()), value: fc.jsonValue() }, { requiredKeys: [] }))),
    }, { requiredKeys: [] })),
  }, { requiredKeys: ['notificationType'] }),
  fc.boolean(),
).map(([doc, wrapped]) => {
  const body = wrapped ? JSON.stringify({ Type: 'Notification', Message: JSON.stringify(doc) }) : JSON.stringify(doc);
  return `From: no-reply@sns.amazonaws.com\r\nSubject: AWS Notification Message\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${body}\r\n`;
});

/** Mail-shaped bytes: generated MIME, a mutated seed, an SES notification, or plain random bytes. */
export const mailBytes: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 1, arbitrary: sesNotification.map((s) => Buffer.from(s, 'utf8')) },
  { weight: 4, arbitrary: fc.tuple(entity, edits).map(([e, m]) => mutate(Buffer.from(e, 'utf8'), m)) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...seedMessages), edits).map(([s, m]) => mutate(s, m)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)) },
);

/**
 * PDF-shaped bytes: the pieces a link reader branches on (object streams, filters, stream keywords, URI strings with
 * escapes, escaped names, encryption), some of them real compressed streams, in any order, then broken as the mail is.
 */
const pdfPiece: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom('%PDF-1.7\n', '1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\n', '/ObjStm', '/FlateDecode', '/Filter',
    'stream\r\n', 'stream\n', 'endstream\n', 'endobj\n', '/URI (', '/URI <', ')', '>', '\\', '\\(', '\\101', '/J#61vaScript',
    '#', '#zz', '/Launch', '/Encrypt 5 0 R', '<< /S /URI /URI (https://a.example/x\\)y) >>', '<< /S /URI /URI <68747470733a2f2f622e74657374> >>').map((t) => Buffer.from(t, 'latin1')),
  fc.string({ maxLength: 200 }).map((t) => deflateSync(Buffer.from(`10 0 << /A << /S /URI /URI (${t}) >> >>`))),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
);

export const pdfBytes: fc.Arbitrary<Buffer> = fc
  .tuple(fc.array(pdfPiece, { maxLength: 40 }), edits)
  .map(([pieces, m]) => mutate(Buffer.concat([Buffer.from('%PDF-1.5\n'), ...pieces]), m));

/** SMTP command lines as a client might type or garble them. */
export const smtpLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(
    fc.constantFrom('EHLO', 'HELO', 'MAIL FROM:', 'RCPT TO:', 'DATA', 'RSET', 'NOOP', 'VRFY', 'EXPN', 'HELP', 'AUTH', 'STARTTLS', 'BDAT', 'XCLIENT', 'XFORWARD', 'mail from:', 'rcpt to :', ''),
    fc.array(fc.oneof(fc.constantFrom(...tokens, 'SIZE=10', 'BODY=8BITMIME', 'SMTPUTF8', 'RET=HDRS', 'ENVID=x', 'NOTIFY=NEVER', 'ORCPT=rfc822;a@b', 'PLAIN', 'LOGIN', 'AHVzZXIAcGFzcw==', '*'), fc.string({ maxLength: 10 })), { maxLength: 5 }),
  ).map(([verb, args]) => [verb, ...args].join(' ')),
  fc.string({ unit: 'binary', maxLength: 80 }),
).map((line) => line.replace(/[\r\n]/g, ' '));

/** A message body sent through DATA, cut into the chunks the socket might deliver. */
export const chunkedData: fc.Arbitrary<Buffer[]> = fc
  .tuple(fc.oneof(mailBytes, fc.array(fc.constantFrom('a', '\r', '\n', '\r\n', '.', '\0', 'x\r\n'), { maxLength: 60 }).map((p) => Buffer.from(p.join('')))), fc.array(fc.nat(), { maxLength: 8 }))
  .map(([buf, cuts]) => {
    const at = [...new Set(cuts.map((c) => (buf.length ? c % buf.length : 0)))].sort((a, b) => a - b);
    const chunks: Buffer[] = [];
    let from = 0;
    for (const c of [...at, buf.length]) {
      chunks.push(buf.subarray(from, c));
      from = c;
    }
    return chunks;
  });

/** A remote server's reply as the delivery engine hands it to the classifier. */
export const remoteReply: fc.Arbitrary<{ text: string; phase: 'connect' | 'helo' | 'mail' | 'rcpt' | 'data' | 'eod'; mx: string; status?: string }> = fc.record(
  {
    text: fc.oneof(
      fc.array(fc.tuple(fc.constantFrom('250', '421', '450', '451', '452', '550', '552', '554', '5', '999', ''), fc.constantFrom('-', ' ', ''), value), { maxLength: 4 })
        .map((lines) => lines.map(([c, sep, v]) => `${c}${sep}${v}`).join('\r\n')),
      fc.string({ maxLength: 300 }),
    ),
    phase: fc.constantFrom('connect', 'helo', 'mail', 'rcpt', 'data', 'eod'),
    mx: fc.constantFrom('mx.google.com', 'outlook-com.olc.protection.outlook.com', 'mx.yahoo.com', '', 'x'),
    status: fc.constantFrom('5.1.1', '4.7.0', '9.9.9', 'x', ''),
  },
  { requiredKeys: ['text', 'phase', 'mx'] },
);

/** A configuration document as YAML text: keys from the real schema, values of any type, some of them misspelt. */
export const configYaml: fc.Arbitrary<string> = fc.oneof(
  fc.array(
    fc.tuple(
      fc.constantFrom('hostname', 'dataDir', 'listeners.relay.port', 'listeners.submission.port', 'limits.maxConnectionsPerIp', 'delivery.retrySchedule', 'delivery.routes', 'trustedNetworks.lan', 'identity.headers', 'identity.presets', 'policy.accounts.x.maxPerHour', 'delivery.pools.p', 'log.level', 'admin.port', 'hostnme', 'delivery.retrySchedul', '__proto__', 'constructor.prototype'),
      fc.constantFrom('1', '-1', '0', '65536', '"x"', '[]', '[0]', '{}', 'null', '~', '"10.0.0.0/33"', '["host:notaport"]', '[{header: X, pattern: "(("}]', '[{header: X, pattern: "(a+)+$"}]', '&a [*a]', '!!binary x', '"\\u0000"', '1e400', '0x10', '.inf', 'true'),
    ),
    { maxLength: 8 },
  ).map((pairs) => pairs.map(([k, v]) => k.split('.').reduceRight((inner, part, i) => (i === k.split('.').length - 1 ? `${part}: ${v}` : `${part}: {${inner}}`), '')).join('\n')),
  fc.string({ maxLength: 200 }),
);
