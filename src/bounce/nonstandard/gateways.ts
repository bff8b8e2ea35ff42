// Bounce formats of filtering gateways and hosted filters that quote the final reply of the next server but never
// say which SMTP command it answered (no transcript, no "in reply to RCPT TO"). Sisimai's decoders for these
// formats never learn the command either, and Sisimai then trusts "user unknown" as a missing mailbox only when
// the status says so (X.1.x); otherwise the reply may have come after DATA, where such filters refuse content with
// the same words, and it calls the refusal "filtered". We follow that reading for these formats (judge.ts).
import { type MimePart } from '../../shared/mime/reader.js';

interface GatewayFormat {
  name: string;
  test: (root: MimePart, text: string) => boolean;
}

const GATEWAY_FORMATS: GatewayFormat[] = [
  // Active!Hunter (Japanese filtering gateway) names itself in the MIME boundary of its notices.
  { name: 'Active!Hunter', test: (root) => root.header('content-type').includes('Active!Hunter') },
  // MXLogic (McAfee's hosted filter, an Exim derivative) sends from *.mxlogic.net or tags its notices.
  { name: 'MXLogic', test: (root) => /\bmxlogic\.net\b/i.test(root.header('from')) || root.header('x-mxl-notehash') !== '' },
  // Zoho Mail's notices: "addr Invalid Address, ERROR_CODE :550, ERROR_CODE :reply".
  { name: 'Zoho Mail', test: (root, text) => root.header('x-zohomail') !== '' || /\bERROR_CODE :\s*\d{3}\b/.test(text) },
  // Two unnamed gateway formats (Sisimai's "X1" and "X2"), known by their fixed headings.
  { name: 'X1', test: (_root, text) => /^-{3}The following addresses had delivery errors-{3}\s*$/m.test(text) },
  { name: 'X2', test: (_root, text) => /^Unable to deliver message to the following address\(es\)\.\s*$/m.test(text) },
  // McAfee Email Gateway marks what it sends with its X-NAI-Header ("Modified by McAfee …").
  { name: 'McAfee', test: (root) => root.header('x-nai-header').includes('McAfee') },
  // BIGLOBE (Japanese ISP): "----- Non-delivered information -----" under the address list, the cause in the ISP's
  // own words ("Mail Delivery Failed... User unknown") and never the SMTP exchange.
  { name: 'BIGLOBE', test: (_root, text) => /^\s*-{5} Non-delivered information -{5}\s*$/m.test(text) },
];

/** The gateway format of a non-DSN bounce whose replies never name their SMTP command, or null. */
export function commandlessGateway(root: MimePart, text: string): string | null {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  return GATEWAY_FORMATS.find((f) => f.test(root, head))?.name ?? null;
}
