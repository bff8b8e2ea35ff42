// Where the identity below the account comes from: header sources, compiled once from the configuration. The presets
// cover what hosting servers already stamp on outgoing mail.
import type { Config } from '../config/schema.js';

export interface HeaderSource {
  /** Header name as configured (for the identity's `source`, 'header:<name>'). */
  header: string;
  /** Only the topmost occurrence is read: lower ones were added by hops we know nothing about. */
  extract(value: string): string | null;
  /** Remove every occurrence of this header before the message is stored for delivery. */
  strip: boolean;
}

type PresetName = 'exim-authuser' | 'php-script' | 'postfix-authenticated';

function firstGroup(re: RegExp): (value: string) => string | null {
  return (value) => {
    const m = re.exec(value);
    if (!m) return null;
    const found = (m[1] ?? m[0]).trim();
    return found || null;
  };
}

/** The built-in sources; a preset's header is read as its program writes it. */
function preset(name: PresetName, strip: boolean): HeaderSource {
  switch (name) {
    case 'exim-authuser':
      // Exim on cPanel: "X-AuthUser: user@example.com" (the authenticated mailbox or cPanel user).
      return { header: 'X-AuthUser', extract: firstGroup(/^\s*(\S+)\s*$/), strip };
    case 'php-script':
      // PHP's mail.add_x_header: "X-PHP-Originating-Script: <uid>:<script>". The uid is the hosting user, the
      // script tells which of their programs sent: both make up the sub-identity.
      return {
        header: 'X-PHP-Originating-Script',
        extract: (value) => {
          const m = /^\s*(\d+):(\S+)\s*$/.exec(value);
          return m ? `uid${m[1]}:${m[2]}` : null;
        },
        strip,
      };
    case 'postfix-authenticated':
      // Postfix with smtpd_sasl_authenticated_header=yes: "Received: from ... (Authenticated sender: x) by ...".
      // Never stripped: Received lines are the message's trace (RFC 5321 §4.4) and must stay.
      return { header: 'Received', extract: firstGroup(/\(Authenticated sender: ([^)\s]+)\)/i), strip: false };
    default: {
      const never: never = name;
      throw new Error(`unknown identity preset ${String(never)}`);
    }
  }
}

/** Compile the configured sources, presets first; a bad regular expression throws with its header name. */
export function compileHeaderSources(identity: Config['identity']): HeaderSource[] {
  const presets = identity.presets.map((p) => (typeof p === 'string' ? preset(p, false) : preset(p.preset, p.strip)));
  const custom = identity.headers.map((h) => {
    let re: RegExp;
    try {
      re = new RegExp(h.pattern);
    } catch (err) {
      throw new Error(`identity.headers: pattern for "${h.header}" is not a valid regular expression: ${(err as Error).message}`);
    }
    return { header: h.header, extract: firstGroup(re), strip: h.strip };
  });
  return [...presets, ...custom];
}
