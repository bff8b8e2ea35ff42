// Generalisation check: replies that are not in the development corpus, written after providers' published error
// lists (Gmail's SMTP error table, Yahoo's and Microsoft's NDR pages) and common MTA wording, each with the reason and
// blame a postmaster would give. A rule change that breaks one of these has lost a wording family.
import { describe, expect, it } from 'vitest';
import { classifyReply, type Blame, type Phase, type Reason } from './index.js';

const CASES: Array<[string, Phase | undefined, Reason, Blame]> = [
  ["550 5.7.1 Service unavailable; client [192.0.2.4] blocked using Spamhaus", undefined, 'blocked', 'sender-ip'],
  ["554 5.7.1 Spam message rejected", undefined, 'spamdetected', 'content'],
  ["552 5.2.2 Mailbox size limit exceeded", undefined, 'mailboxfull', 'recipient'],
  ["450 4.1.8 <a@b.example>: Sender address rejected: Domain not found", undefined, 'rejected', 'sender-domain'],
  ["550 5.7.1 Message rejected as spam by Content Filtering.", undefined, 'spamdetected', 'content'],
  // (Google's table: a Denial of Service protection at the HELO stage, a deferral of the sending host)
  ["421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp", undefined, 'blocked', 'sender-ip'],
  ["550 5.7.350 Remote server returned message detected as spam", undefined, 'spamdetected', 'content'],
  ["550 5.7.520 Access denied, Your organization does not allow external forwarding.", undefined, 'policyviolation', 'content'],
  ["554 5.4.14 Hop count exceeded - possible mail loop", undefined, 'networkerror', 'remote'],
  ["451 4.4.0 DNS query failed", undefined, 'networkerror', 'remote'],
  ["550 5.1.8 Access denied, bad outbound sender", undefined, 'rejected', 'sender-domain'],
  ["452 4.5.3 Too many recipients", undefined, 'ratelimited', 'sender-volume'],
  ["550 High probability of spam", undefined, 'spamdetected', 'content'],
  ["550 5.7.1 Unauthenticated email is not accepted from this domain.", undefined, 'authfailure', 'sender-domain'],
  ["550-Verification failed for <a@b.example>\n550-Unrouteable address\n550 Sender verify failed", undefined, 'rejected', 'sender-domain'],
  ["451 Temporary local problem - please try later", undefined, 'systemerror', 'remote'],
  ["550 Message rejected because it contains malware", undefined, 'virusdetected', 'content'],
  ["550 5.7.1 Message rejected due to content restrictions", undefined, 'policyviolation', 'content'],
  ["554 5.7.1 Rejected due to high probability of spam", undefined, 'spamdetected', 'content'],
  ["550 5.7.1 TLS is required but was not negotiated", undefined, 'failedstarttls', 'sender-config'],
  ["421 4.7.0 Temporary System Problem. Try again later (10).", undefined, 'systemerror', 'remote'],
  // RFC 3463 §3.4: a transient X.3.2 is a host shutting down or overloaded, not a destination that takes no mail.
  ["421 4.3.2 Service shutting down", undefined, 'systemerror', 'remote'],
  // Gmail's domain-rate wording without the word Gmail: "DKIM" names the domain, no authentication failed.
  ["421 4.7.0 Our system has detected an unusual rate of unsolicited mail originating from your DKIM domain", undefined, 'blocked', 'sender-domain'],
  // Exchange Online's directory-based edge blocking (the AS(…) code names Microsoft): the address does not exist there.
  ["550 5.4.1 Recipient address rejected: Access denied. AS(201806281)", undefined, 'userunknown', 'recipient'],
  ["421 4.7.27 This mail has been rate limited because SPF does not pass. Gmail requires all bulk senders to authenticate with SPF.", undefined, 'authfailure', 'sender-domain'],
  ["550 5.7.30 This mail has been blocked because DKIM does not pass.", undefined, 'authfailure', 'sender-domain'],
  ["554 IP address is black listed.", undefined, 'blocked', 'sender-ip'],
  ["554 IP address is block listed.", undefined, 'blocked', 'sender-ip'],
  ["554 Sender IP address is on a global reject list.", undefined, 'blocked', 'sender-ip'],
  ["550 5.7.1 Sender ID (PRA) not permitted", undefined, 'authfailure', 'sender-domain'],
  // A bare 550 means a missing mailbox only when the text says nothing else; words of refusal do not name one.
  // This list of "(address:blocked)" is Barracuda's own refusal after DATA: its spam verdict (session 21).
  ["550 permanent failure for one or more recipients (user@example.com:blocked)", undefined, 'spamdetected', 'content'],
  ["550 mailbox unavailable", undefined, 'userunknown', 'recipient'],
  ["550 5.7.1 Your message looks like SPAM or has been reported as SPAM please read https://example.com", undefined, 'spamdetected', 'content'],
  ["554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using b.barracudacentral.org", undefined, 'blocked', 'sender-ip'],
  ["550 Administrative prohibition", undefined, 'policyviolation', 'remote'],
  ["550 5.0.350 Remote server returned an error -> 550 5.7.1 Recipient not authorized", undefined, 'filtered', 'remote'],
  ["554 Message refused", undefined, 'undefined', 'remote'],
  ["553 5.7.1 Sender address rejected: not owned by user", undefined, 'rejected', 'sender-config'],
  ["550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy", undefined, 'authfailure', 'sender-domain'],
  ["421 4.7.1 Intrusion prevention active for [192.0.2.1]", undefined, 'blocked', 'sender-ip'],
  ["550 No such recipient", undefined, 'userunknown', 'recipient'],
  ["550 Unrouteable address", undefined, 'hostunknown', 'recipient'],
  ["550 5.1.1 Recipient address rejected: undeliverable address: host mx.example.com said: 550 No such user", undefined, 'userunknown', 'recipient'],
  ["452 4.2.2 Quota exceeded", undefined, 'mailboxfull', 'recipient'],
  // X.7.9 is "authentication mechanism is too weak" (IANA registry): a policy refusal with it blames the From: domain's authentication
  ["554 5.7.9 Message not accepted for policy reasons.", undefined, 'policyviolation', 'sender-domain'],
  ["550 5.7.1 Email rejected per SPAM policy", undefined, 'spamdetected', 'content'],
  ["421 Service not available, closing transmission channel", undefined, 'systemerror', 'remote'],
  ["550 Rejected by recipient", undefined, 'filtered', 'remote'],
  ["550 5.7.606-649 Access denied, banned sending IP", undefined, 'blocked', 'sender-ip'],
  ["554 5.7.0 Your message could not be sent. The limit on the number of allowed outgoing messages was exceeded. Try again later.", undefined, 'ratelimited', 'sender-volume'],
  ["451 4.7.1 Please try again later (greylisted)", undefined, 'onhold', 'remote'],
  ["550 5.1.0 Sender rejected", undefined, 'rejected', 'sender-domain'],
  ["550 5.7.1 Connection refused - Your IP is listed on UCEPROTECT", undefined, 'blocked', 'sender-ip'],
  ["554 rejecting banned content", undefined, 'policyviolation', 'content'],
  ["421 Max message per connection reached, closing transmission channel", undefined, 'ratelimited', 'sender-config'],
  ["450 User is receiving mail too quickly", undefined, 'ratelimited', 'recipient'],
  ["451 mta1234.mail.gq1.yahoo.com Resources temporarily unavailable. Please try again later [#4.16.1].", undefined, 'systemerror', 'remote'],
  ["451 VS1-MF Excessive unknown recipients - possible Open Relay (#4.4.5)", undefined, 'blocked', 'sender-ip'],
  ["553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.4, because the ip is in Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html", undefined, 'blocked', 'sender-ip'],
  ["421 4.7.0 [TS01] Messages from 192.0.2.4 temporarily deferred due to user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", undefined, 'badreputation', 'sender-ip'],
  ["421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, closing transmission channel", undefined, 'ratelimited', 'sender-config'],
  // The bracketed object is an IP address: the IP is banned, whatever "sender" suggests.
  ["550 5.7.511 Access denied, banned sender[192.0.2.4]. To request removal from this list please forward this message to delist@microsoft.com.", undefined, 'blocked', 'sender-ip'],
  ["550 5.7.1 Service unavailable, Client host [192.0.2.4] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.4 AS(1430)", undefined, 'blocked', 'sender-ip'],
  ["451 4.7.500 Server busy. Please try again later from [192.0.2.4]. (S77714)", undefined, 'ratelimited', 'sender-volume'],
  ["550 5.7.1 Mail from 192.0.2.4 refused - see http://www.spamcop.net/bl.shtml?192.0.2.4", undefined, 'blocked', 'sender-ip'],
  ["554 5.7.1 Service unavailable; Client host [192.0.2.4] blocked using dnsbl.sorbs.net; Currently Sending Spam See: http://www.sorbs.net/lookup.shtml?192.0.2.4", undefined, 'blocked', 'sender-ip'],
  ["421 4.7.1 Connection refused by psbl.surriel.com", undefined, 'blocked', 'sender-ip'],
  ["550 5.7.1 [192.0.2.4] Message rejected due to high spam score", undefined, 'spamdetected', 'content'],
  ["554 5.7.1 Message rejected because of unacceptable content. For help, please quote incident ID 12345.", undefined, 'spamdetected', 'content'],
  ["550 5.7.1 Your email was rejected due to poor sender reputation", undefined, 'badreputation', 'sender-ip'],
  ["550 Sender Policy Framework (SPF) fail", undefined, 'authfailure', 'sender-domain'],
  ["550 5.7.1 Sender domain does not have valid DKIM signature", undefined, 'authfailure', 'sender-domain'],
  // (a transient X.7.1 with no cause but "unavailable": the sending host deferred, as two outside writers read it)
  ["451 4.7.1 Service unavailable - try again later", undefined, 'blocked', 'sender-ip'],
  ["550 5.1.1 <a@example.com>: Recipient address rejected: User unknown in virtual alias table", undefined, 'userunknown', 'recipient'],
  ["550 5.1.1 <a@example.com>: Recipient address rejected: example.com", undefined, 'userunknown', 'recipient'],
  // At RCPT TO no content has been sent: a policy refusal there judges the sender.
  ["450 4.7.1 <a@example.com>: Recipient address rejected: Policy Rejection- Abuse. Go away", "rcpt", 'policyviolation', 'sender-domain'],
  ["550 5.7.1 Client host rejected: Access denied", undefined, 'blocked', 'sender-ip'],
  ["554 5.7.1 <unknown[192.0.2.4]>: Client host rejected: Your IP is on a blacklist", undefined, 'blocked', 'sender-ip'],
  ["421 Too many concurrent SMTP connections from this IP address; please try again later.", undefined, 'ratelimited', 'sender-config'],
  ["554 Your access to this mail system has been rejected due to the sending MTA's poor reputation.", "connect", 'badreputation', 'sender-ip'],
  ["550 5.2.2 The email account that you tried to reach is over quota.", undefined, 'mailboxfull', 'recipient'],
  ["552 Message size exceeds maximum permitted", undefined, 'emailtoolarge', 'content'],
  ["550 5.7.1 Relaying denied", undefined, 'norelaying', 'remote'],
  ["550 Invalid HELO name", "helo", 'blocked', 'sender-config'],
  // (501 and 504 say the argument is what the server could not take: a syntax matter, whoever the name offends)
  ["501 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname", "helo", 'syntaxerror', 'sender-config'],
  ["550 5.7.1 Untrusted TLS certificate", undefined, 'failedstarttls', 'sender-config'],
  // Postfix smtpd's answer when its own TLS set-up failed: the receiver's fault
  ["454 4.7.0 TLS not available due to local problem", undefined, 'failedstarttls', 'remote'],
  ["550 5.7.367 Remote server returned not permitted to relay -> 550 5.7.1 Relaying denied", undefined, 'norelaying', 'remote'],
  ["550 Mailbox unavailable or access denied", undefined, 'userunknown', 'recipient'],
  ["450 4.2.1 The user you are trying to contact is receiving email too quickly. Please resend your message at a later time.", undefined, 'ratelimited', 'recipient'],
  ["450 4.2.1 Peak SMTP relay limit exceeded for this customer. This is a temporary error.", undefined, 'ratelimited', 'sender-volume'],
  ["421 4.4.5 Server busy, try again later.", undefined, 'systemerror', 'remote'],
  ["452 4.5.3 Domain policy size per transaction exceeded, please try this recipient in a separate transaction.", undefined, 'ratelimited', 'sender-volume'],
  ["421 4.7.0 Connection expired, try reconnecting.", undefined, 'networkerror', 'remote'],
  ["421 4.7.0 IP not in whitelist for RCPT domain, closing connection.", undefined, 'blocked', 'sender-ip'],
  ["421 4.7.0 This message is suspicious due to the nature of the content or the links within. To best protect our users from spam, the message has been blocked.", undefined, 'spamdetected', 'content'],
  ["451 4.7.24 The SPF record of the sending domain has one or more suspicious entries. To protect our users from spam, email sent from your IP address has been temporarily rate limited.", undefined, 'authfailure', 'sender-domain'],
  ["421 4.7.26 This email has been rate limited because it is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.", undefined, 'authfailure', 'sender-domain'],
  ["421 4.7.30 Your email has been rate limited because DKIM authentication didn't pass for this message.", undefined, 'authfailure', 'sender-domain'],
  ["421 4.7.40 Your email has been rate limited because the sending domain doesn't have a DMARC record, or the DMARC record doesn't specify a DMARC policy.", undefined, 'authfailure', 'sender-domain'],
  ["421 4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain.", undefined, 'authfailure', 'sender-domain'],
  ["553 5.1.2 We weren't able to find the recipient domain. Please check for any spelling errors.", undefined, 'hostunknown', 'recipient'],
  ["550 5.4.5 Daily user sending limit exceeded.", undefined, 'ratelimited', 'sender-volume'],
  ["554 5.4.6 Message exceeded 50 hops, this may indicate an email loop.", undefined, 'networkerror', 'remote'],
  ["501 5.5.4 HELO/EHLO argument mail invalid, closing connection.", undefined, 'syntaxerror', 'sender-config'],
  ["554 5.6.0 Email message is malformed. Not accepted.", undefined, 'notcompliantrfc', 'content'],
  ["550 5.7.1 Messages missing a valid Message-ID: header are not accepted.", undefined, 'notcompliantrfc', 'content'],
  ["550 5.7.1 Messages missing a valid address in the From: header, or having no From: header, are not accepted.", undefined, 'notcompliantrfc', 'content'],
  ["550 5.7.1 The IP you're using to send email is not authorized to send email directly to our servers. Use the SMTP relay at your service provider instead.", undefined, 'blocked', 'sender-ip'],
  ["550 5.7.1 Encoded-word syntax is not permitted in message header Subject. To reduce the amount of spam sent to Gmail, this message has been blocked.", undefined, 'notcompliantrfc', 'content'],
  ["550 5.7.1 This message is not RFC 5322 compliant. There is a malformed Date header.", undefined, 'notcompliantrfc', 'content'],
  ["550 5.7.1 This email has been rate limited.", undefined, 'ratelimited', 'sender-volume'],
  ["421 4.7.28 Gmail has detected this sender exceeded the quota for sending messages that have the same Message-ID:. To best protect our users, the message has been temporarily rejected.", undefined, 'ratelimited', 'sender-volume'],
  ["550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found", undefined, 'userunknown', 'recipient'],
  ["550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients", undefined, 'ratelimited', 'sender-volume'],
  ["554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded", undefined, 'mailboxfull', 'recipient'],
  ["550 5.4.1 Relay Access Denied", undefined, 'norelaying', 'remote'],
  ["550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group", undefined, 'filtered', 'remote'],
  ["550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA", undefined, 'notcompliantrfc', 'content'],
  ["554 5.6.211 Invalid MIME Content: Single text value size (32768) limit exceeded", undefined, 'contenterror', 'content'],
  ["550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains", undefined, 'blocked', 'sender-ip'],
  ["550 5.7.23 The message was rejected because of Sender Policy Framework violation", undefined, 'authfailure', 'sender-domain'],
  ["550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Customer Block list (AS16012607)", undefined, 'blocked', 'sender-ip'],
  ["550 5.7.510 Access denied, example.com does not accept email over IPv6", undefined, 'blocked', 'sender-config'],
  ["451 4.4.397 Error communicating with target host. -> 421 4.4.2 Connection dropped due to SocketError", undefined, 'networkerror', 'remote'],
  ["550 5.7.124 Sender not in allowed-senders list", undefined, 'filtered', 'remote'],
  ["550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant", undefined, 'notcompliantrfc', 'content'],
  ["550 5.7.1 Header From: address is invalid", undefined, 'rejected', 'sender-domain'],
  ["Deferred: Connection refused by mail.example.org.", undefined, 'blocked', 'sender-ip'],
  ["550 5.4.1 All recipient addresses rejected: Access denied. AS(201806271) [AM4PEPF00027A5F.eurprd04.prod.outlook.com]", undefined, 'rejected', 'sender-domain'],
  // MTA source texts and provider documentation (session 16): qmail-smtpd, Postfix smtpd/smtp, Sendmail, Gmail and
  // Google Workspace error references, SPF explanations.
  ["553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", 'rcpt', 'norelaying', 'remote'],
  ["553 sorry, your envelope sender domain must exist (#5.7.1)", 'mail', 'rejected', 'sender-domain'],
  ["450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.1]", 'rcpt', 'requireptr', 'sender-config'],
  ["Cannot start TLS: handshake failure", undefined, 'failedstarttls', 'sender-config'],
  ["550 5.7.1 Sender domain example.org does not designate 192.0.2.1 as permitted sender", 'mail', 'authfailure', 'sender-domain'],
  ["450 4.7.1 Error: too much mail from 192.0.2.1", 'mail', 'ratelimited', 'sender-volume'],
  ["550 5.4.5 Daily sending quota exceeded.", undefined, 'ratelimited', 'sender-volume'],
  ["Cannot send message for 5 days", undefined, 'expired', 'remote'],
  ["550-5.7.1 Messages missing a valid messageId header are not accepted.", 'eod', 'notcompliantrfc', 'content'],
  ["554 5.7.1 Executable attachments are not allowed", 'eod', 'policyviolation', 'content'],
  ["552-5.7.0 This message was blocked because its content presents a potential security issue.", 'eod', 'policyviolation', 'content'],
  // Session 18, from how each kind of refusal is worded (a second public collection's development half showed them
  // missing): the reporting MTA's "host … said:" names a host, not a cause; a content filter's "blocked using" is not
  // a DNSBL zone; SURBL and URIBL list only links; a full mailbox counted in messages; size and relay refusals put
  // from the server's side.
  ["host mx.example.net[192.0.2.4] said: 550 5.7.1 Blocked by SpamAssassin (in reply to end of DATA command)", undefined, 'spamdetected', 'content'],
  ["SMTP error from remote mail server after RCPT TO:<bob@example.net>: host mx.example.net [192.0.2.1]: 550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown", undefined, 'userunknown', 'recipient'],
  ["553 Blocked using spam pattern, your message may contain the spam contents", 'eod', 'spamdetected', 'content'],
  ["554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org", 'rcpt', 'blocked', 'sender-ip'],
  ["550 5.7.1 Your email breaches local URIBL policy.", 'eod', 'spamdetected', 'content'],
  ["550 5.7.1 Rejected - bulk email", 'eod', 'spamdetected', 'content'],
  ["554 5.7.1 Your message failed several antispam checks. Please be sure your mail server is configured correctly (spf, HELO, PTR).", 'eod', 'spamdetected', 'content'],
  ["550 <user@example.de> User has too many messages on the server.", 'rcpt', 'mailboxfull', 'recipient'],
  ["450 4.7.1 Too many messages from your IP, slow down", 'rcpt', 'ratelimited', 'sender-volume'],
  ["The recipient mailbox has exceeded its disk space limit.", undefined, 'mailboxfull', 'recipient'],
  ["552 RCPT TO:<user@example.org> max message size exceeded", 'rcpt', 'emailtoolarge', 'content'],
  ["550 5.2.3 RESOLVER.RST.SendSizeLimit.Org; message too large for this organization", undefined, 'emailtoolarge', 'content'],
  ["550 5.7.124 RESOLVER.RST.SenderNotAllowed; Sender not in allowed-senders list", undefined, 'filtered', 'remote'],
  ["553 you are trying to use me [mx.example.net] as a relay, but I have not been configured to let you [192.0.2.1] do this.", 'rcpt', 'norelaying', 'remote'],
  ["Name service error for name=example.org type=MX: Malformed name server reply", undefined, 'networkerror', 'network'],
  ["554 Rcpt <bob@example.net> does not exist", 'rcpt', 'userunknown', 'recipient'],
  // The collection's second half, read after its never-read measurement: a missing mailbox in other words, a gateway's
  // size class, bulk mailers and named content filters, "spamming", the resolver's "Name or service not known", and
  // "recipient rejected" as the server's refusal of the RCPT, not the recipient's choice.
  ["553 sorry, badrcptto(user mail-box not found) (#5.7.1)", 'rcpt', 'userunknown', 'recipient'],
  ["550 5.7.1 No mailbox found", 'rcpt', 'userunknown', 'recipient'],
  ["550 Recipient Rejected: No account by that name here", 'rcpt', 'userunknown', 'recipient'],
  ["554 5.7.1 Message Rejected Class=size limit=15728640 Subclass=reject size=18571048", 'eod', 'emailtoolarge', 'content'],
  ["550 5.7.1 Message rejected: mailbox size limit exceeded", 'rcpt', 'mailboxfull', 'recipient'],
  ["550 5.7.1 You are using a mass mailer, therefore you are bounced.", 'eod', 'spamdetected', 'content'],
  ["553 5.7.3 CONTENT REJECT: dspam check", 'eod', 'spamdetected', 'content'],
  ["550 Message refused by MailMarshal SpamProfiler", 'eod', 'spamdetected', 'content'],
  ["550 Spamming not allowed", 'eod', 'spamdetected', 'content'],
  ["[mx.example.org]: Name or service not known", undefined, 'hostunknown', 'recipient'],
  ["550 5.7.1 Sender blocked by recipient", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 <team@lists.example.org>: Recipient address rejected: this group only accepts messages from its members", 'rcpt', 'rejected', 'remote'],
  // A Chinese webmail server's published reply list (short English texts): size "too long", a relay or a sender
  // address the host denies, a looping message.
  ["552 message is too long.", 'eod', 'emailtoolarge', 'content'],
  ["554 attachment is too long.", 'eod', 'emailtoolarge', 'content'],
  ["553 host denies relay.", 'rcpt', 'norelaying', 'remote'],
  ["554 Black mail address.", 'mail', 'rejected', 'sender-domain'],
  ["554 sender is unvalidated.", 'mail', 'rejected', 'sender-domain'],
  ["552 looping message.", 'eod', 'networkerror', 'remote'],
  ["550 Your server requires confirmation. Visit http://www.example.net/allow?IP=192.0.2.1 to confirm this mail server.", 'rcpt', 'blocked', 'sender-ip'],
  // Session 20, from MTA sources and how replies are built: Postfix postscreen's and smtpd's fixed texts, the SPF policy
  // servers' explanation link, a host name that merely starts with "ip-", a transient X.7.1 with no words, a queue's
  // quota, a header or attachment kind a filter refuses.
  ["550 5.5.1 Protocol error", 'connect', 'syntaxerror', 'sender-config'],
  ["451 4.3.5 <user@example.net>: Recipient address rejected: Server configuration error", 'rcpt', 'systemerror', 'remote'],
  ["550 5.7.1 <user@example.net>: Sender address rejected: Please see http://www.openspf.org/Why?s=mfrom;id=a@example.org;ip=192.0.2.3;r=mx.example.net", 'rcpt', 'authfailure', 'sender-domain'],
  ["450 4.1.8 <cron@ip-10-20-30-40.eu-central-1.compute.internal>: Sender address rejected: Domain not found", 'rcpt', 'rejected', 'sender-domain'],
  ["451 4.7.1 Please try again later", 'rcpt', 'blocked', 'sender-ip'],
  ["452 4.3.1 Queue quota exceeded for this domain", undefined, 'systemfull', 'remote'],
  ["552 5.2.2 Quota exceeded (mailbox for user is full)", undefined, 'mailboxfull', 'recipient'],
  ["554 5.7.1 Blocked file type in attachment (.exe)", 'eod', 'policyviolation', 'content'],
  ["550 5.7.1 Message contains inappropriate language", 'eod', 'spamdetected', 'content'],
  ["550 5.7.1 <bulk@example.org>: sender is banned", 'mail', 'rejected', 'sender-domain'],
  // The receiver's own filter failing, a size in bytes, a pending verification probe, a smarthost's login check, a
  // recipient's hourly limit, an address that is no address: wordings of MTA sources and provider tables.
  ["451 4.3.0 Temporary failure: could not connect to the anti-virus daemon", 'eod', 'systemerror', 'remote'],
  ["450 4.7.1 Content filter engine timed out, try again later", 'eod', 'systemerror', 'remote'],
  ["552 5.3.4 Message is bigger than 26214400 bytes", 'eod', 'emailtoolarge', 'content'],
  ["450 4.1.1 <a@example.net>: Recipient address rejected: unverified address: Address verification in progress", 'rcpt', 'onhold', 'remote'],
  ["553 5.7.1 <news@example.org>: Sender address rejected: not owned by authenticated user", 'mail', 'rejected', 'sender-config'],
  ["550 5.2.121 The recipient is receiving too many messages; try again later", undefined, 'ratelimited', 'recipient'],
  ["553 5.1.3 Bad recipient address syntax", 'rcpt', 'userunknown', 'recipient'],
  ["550 5.7.1 Delivery is not allowed to this address.", 'rcpt', 'norelaying', 'remote'],
  ["552 5.2.2 <a@example.net> Quota violation for this mailbox", 'rcpt', 'mailboxfull', 'recipient'],
  // Exim's SPF ACL example text, Outlook.com's authentication level, a mailbox another process holds, Exim's command
  // time-out, a relay refused in other words, a gateway's URL list, amavis's banned file, a callout's answer naming
  // the sender address's own MX.
  ["550 192.0.2.61 is not allowed to send mail from example.org", 'mail', 'authfailure', 'sender-domain'],
  ["550 5.7.515 Access denied, sending domain EXAMPLE.ORG does not meet the required authentication level.", 'eod', 'authfailure', 'sender-domain'],
  ["451 4.2.0 Mailbox is locked by another session, try again later", 'rcpt', 'systemerror', 'remote'],
  ["421 mx.example.net: SMTP data timeout - closing connection", undefined, 'networkerror', 'remote'],
  ["550 Relaying rejected for this destination", 'rcpt', 'norelaying', 'remote'],
  ["554 5.7.1 Message refused: it contains blocked URLs", 'eod', 'spamdetected', 'content'],
  ["554 5.7.0 Reject, id=11111-01 - BANNED: P=p002,L=1,M=application/x-msdos-program", 'eod', 'policyviolation', 'content'],
  ["450 4.1.7 <news@example.org>: Sender address rejected: unverified address: host mx.example.org[198.51.100.9] said: 550 5.1.1 unknown user", 'rcpt', 'rejected', 'sender-domain'],
  // A blind set of bounces written from MTA templates: Sendmail's relay refusal that adds "Proper authentication
  // required" (Sisimai: norelaying), Exchange Online's sending limit, an attachment kind named by its extension.
  ["550 5.7.1 <q@example.net>... Relaying denied. Proper authentication required.", 'rcpt', 'norelaying', 'sender-config'],
  ["554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message", undefined, 'ratelimited', 'sender-volume'],
  ["550 5.7.1 Message rejected: attachment type .js not permitted", 'eod', 'policyviolation', 'content'],
  // A fourth blind set: a hosting server's or smarthost's sending limits, a relay that "requires authentication",
  // a refusal of the connection by policy, a moved user, Exim's synchronization error, Exchange's store quota.
  ["550 Domain example.org has exceeded the max emails per hour (500/500 (100%)) allowed", undefined, 'ratelimited', 'sender-volume'],
  ["451 4.7.1 Hourly sending limit exceeded for account news@example.org", 'mail', 'ratelimited', 'sender-volume'],
  ["530 5.7.1 This server requires authentication before relaying to remote domains", 'rcpt', 'securityerror', 'sender-config'],
  ["554 Connection refused due to local policy", 'connect', 'blocked', 'sender-ip'],
  ["550 5.1.6 <a@example.com>: Recipient address rejected: Mailbox has moved to a@example.org", 'rcpt', 'hasmoved', 'recipient'],
  ["554 SMTP synchronization error", undefined, 'syntaxerror', 'sender-config'],
  ["554 5.2.2 STOREDRV.Deliver.Exception:QuotaExceededException; Failed to process message", undefined, 'mailboxfull', 'recipient'],
  // session 21 (a fifth set of replies written from memory of 60 systems)
  ["451 4.7.0 Temporary server error. Please try again later. PRX2", undefined, 'systemerror', 'remote'],
  ["550 5.7.1 Odrzucone przez filtr antyspamowy. Rejected by antispam filter.", undefined, 'spamdetected', 'content'],
  ["550 5.7.1 Message refused by the antispam policy of this server", undefined, 'spamdetected', 'content'],
  ["550 A URL in this message (promo.example) is listed on a URI blocklist", undefined, 'spamdetected', 'content'],
  ["550 5.3.2 Service currently unavailable", 'rcpt', 'blocked', 'sender-ip'],
  ["421 4.3.2 Service currently unavailable", 'rcpt', 'systemerror', 'remote'],
  ["501 Syntactically invalid EHLO argument(s)", 'helo', 'syntaxerror', 'sender-config'],
  ["451 Could not complete sender verify callout", 'rcpt', 'rejected', 'sender-domain'],
  ["550 5.7.1 Unconfigured Sending Domain <mail.example.org>", 'mail', 'rejected', 'sender-config'],
  ["451 Authentication failed: Maximum credits exceeded", 'mail', 'ratelimited', 'sender-volume'],
  // session 21, a sixth set (regional providers, RFC-format refusals, hosting limits)
  ["521 5.5.2 mx.example.net Error: bare <LF> received", 'data', 'notcompliantrfc', 'content'],
  ["451 See http://pobox.com/~djb/docs/smtplf.html.", 'data', 'notcompliantrfc', 'content'],
  ["550 5.7.1 Message rejected: missing Date: header", undefined, 'notcompliantrfc', 'content'],
  ["554 5.6.0 Message rejected: message contains 2 Message-ID header fields", undefined, 'notcompliantrfc', 'content'],
  ["550-There is a syntax error in the From: header line\n550 missing or malformed local part", undefined, 'notcompliantrfc', 'content'],
  ["554 5.6.0 Reject, id=04711-09 - BAD-HEADER-0", undefined, 'notcompliantrfc', 'content'],
  ["554 5.6.1 Message contains 8-bit characters in the body but 8BITMIME was not declared in MAIL FROM", undefined, 'notcompliantrfc', 'content'],
  ["554 5.7.1 Message refused: contains a link to a known malicious site", undefined, 'spamdetected', 'content'],
  ["550 5.7.1 <k@example.org>: Recipient address rejected: sender is on the recipient's personal block list", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 <a@example.com>: Recipient address rejected: the recipient has screened out mail from this sender", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 <h@example.jp>: Recipient rejected by receiving filter settings", 'rcpt', 'filtered', 'remote'],
  ["451 Internal resource temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451", 'rcpt', 'onhold', 'remote'],
  ["550 Domain shop.example has exceeded the max defers and failures per hour (5/5 (100%)) allowed.", 'rcpt', 'ratelimited', 'sender-volume'],
  ["550 5.4.6 Unusual sending activity detected. Please try after sometime.", 'mail', 'ratelimited', 'sender-volume'],
  ["554 5.7.1 Service unavailable; Client host [192.0.2.12] blocked using zen.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/203.0.113.1", 'rcpt', 'blocked', 'remote'],
  ["550 5.7.1 This sender is not authorized to send from shop.example. See https://bit.ly/domain-lockdown.", 'mail', 'authfailure', 'sender-domain'],
  ["550 A URL in this email (deals.example) is listed on https://spamrl.com/. Please resolve and retry", undefined, 'spamdetected', 'content'],
  // the recipient's choice named, beside words that alone would read as the sender's address or as spam
  ["550 5.7.1 Message rejected by recipient's reception settings (sender domain refused)", 'rcpt', 'filtered', 'remote'],
  ["The recipient has refused to receive your mail by the reception filter (Spam filter / Blocked sender list) setting.", undefined, 'filtered', 'remote'],
  // a provider's wrapper phrase does not outrank the check it names ("Reject due to policy restrictions" heads GMX's
  // refusals of every kind)
  ["554-Transaction failed\n554-Reject due to policy restrictions.\n554 Sender domain fails DMARC policy (p=reject).", undefined, 'authfailure', 'sender-domain'],
  ["451 Internal resources are temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451", 'rcpt', 'onhold', 'remote'],
  // session 22, from blind reply sets 9 and 10: what is said at connect of the destination is no refusal of the sender
  ["521 5.3.2 mail.example.net does not accept mail", 'connect', 'notaccept', 'remote'],
  ["Host or domain name not found. Name service error for name=shop.example type=MX: Host not found", 'connect', 'hostunknown', 'recipient'],
  // at HELO a refusal about a name is about the relay's greeting
  ["501 5.0.0 Invalid domain name", 'helo', 'syntaxerror', 'sender-config'],
  ["550 \"REJECTED - Bad HELO - Host impersonating [shop.example]\"", 'helo', 'blocked', 'sender-config'],
  ["501 5.1.7 Bad sender address syntax", 'mail', 'rejected', 'sender-config'],
  // a loop is the receiving side's routing
  ["554 5.4.0 Error: too many hops", 'eod', 'networkerror', 'remote'],
  // Exim's callout names the MX it called, not the sending IP
  ["550-Verification failed for <bounce@shop.example>\n550-Called:   198.51.100.20\n550-Sent:     RCPT TO:<bounce@shop.example>\n550-Response: 550 5.1.1 No such user\n550 Sender verify failed", 'rcpt', 'rejected', 'sender-domain'],
  ["421 IP=192.0.2.33 - Too many messages from your IP, slow down. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)", 'mail', 'ratelimited', 'sender-volume'],
  ["554 Message not allowed - [PH01] Email not accepted for policy reasons. Please visit https://senders.yahooinc.com/smtp-error-codes", 'eod', 'policyviolation', 'content'],
  ["451 MI:SFQ 163 mx2,QsCowAAnd2Bc 1545785001, please see http://mail.163.com/help/help_spam_16.htm", 'mail', 'ratelimited', 'sender-volume'],
  // the cause named in the receiver's own language, under a status that names none
  ["421 4.7.0 Zu viele gleichzeitige Verbindungen von 192.0.2.50, bitte später erneut versuchen", 'connect', 'ratelimited', 'sender-config'],
  ["421 4.7.0 Zbyt wiele jednoczesnych połączeń z adresu 192.0.2.51", 'connect', 'ratelimited', 'sender-config'],
  ["450 4.7.1 Trop de messages envoyés depuis votre adresse, réessayez plus tard", 'rcpt', 'ratelimited', 'sender-volume'],
  ["450 4.7.1 送信元 192.0.2.61 の逆引きに失敗したため一時的に受信を拒否しました", 'rcpt', 'requireptr', 'sender-config'],
  ["554 5.7.1 Su servidor figura en una lista negra", 'rcpt', 'blocked', 'sender-ip'],
  ["554 5.7.1 Сообщение содержит вирус", 'eod', 'virusdetected', 'content'],
  ["550 Verbindung abgelehnt", 'connect', 'blocked', 'sender-ip'],
  // a network fault the answering server reports is that system's trouble; the sending MTA's own observation, without
  // a reply, stays the network's
  ["421 4.4.2 mail.example.com.au Error: timeout exceeded", 'data', 'networkerror', 'remote'],
  ["connect to mx.example.net[198.51.100.7]:25: Connection timed out", undefined, 'networkerror', 'network'],
  // a TLS handshake or certificate that failed, as the sending MTA reports it without a reply
  ["TLS Negotiation failed, the certificate doesn't match the host.", undefined, 'failedstarttls', 'remote'],
  // SpamAssassin as the judge, not a delivery program's missing Perl module
  ["550 5.7.1 Message rejected by SpamAssassin (score 9.2)", 'eod', 'spamdetected', 'content'],
  // set 13: a relay refusal worded "disallowed" (Zoho), NetEase's empty-HELO code
  ["553 Relaying disallowed. Invalid Domain - shop.example", 'rcpt', 'norelaying', 'remote'],
  ["550 MI:NHD HELO命令不能为空 http://mail.163.com/help/help_spam_16.htm", 'helo', 'syntaxerror', 'sender-config'],
  // Korean: too many messages in a short time
  ["421 4.7.0 [192.0.2.105] 짧은 시간에 너무 많은 메일을 보내 수신이 일시적으로 제한되었습니다", 'mail', 'ratelimited', 'sender-volume'],
  // a phishing verdict is the filter's judgement of fraud in the content, not malware
  ["554 5.7.1 Message rejected: classified as phishing", 'eod', 'spamdetected', 'content'],
  ["554-5.7.1 Bounce, id=20877-11 - BAD_HEADER", 'eod', 'notcompliantrfc', 'content'],
  // NetEase help_spam_16: HL:ICC too many simultaneous connections, HL:IFC too many messages from one IP
  ["421 HL:ICC 126 mx7,D8CowAC1 1733900000 http://mail.163.com/help/help_spam_16.htm?ip=198.51.100.3&hostid=mx7", 'connect', 'ratelimited', 'sender-config'],
  ["451 HL:IFC 163 mx1,GtxpCgB2 1733900000 http://mail.163.com/help/help_spam_16.htm?ip=198.51.100.3&hostid=mx1", 'mail', 'ratelimited', 'sender-volume'],
  // GMX's newer error links ("case?c=…") name the cause as the older "error-messages?ip=…&c=…" did
  ["554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation visit https://postmaster.web.de/en/case?c=hi&i=ip&v=198.51.100.4&r=1MfYQx", 'eod', 'notcompliantrfc', 'content'],
  ["554-gmx.net (mxgmx114) Nemesis ESMTP Service not available 554-No SMTP service 554 For explanation visit https://postmaster.gmx.net/en/case?c=bl&i=ip&v=198.51.100.4", 'connect', 'blocked', 'sender-ip'],
  // a list that takes posts from members only: the list's choice, not a fault of the sender's address
  ["550 5.7.1 <board@lists.example.net>: only members of this list may post", 'rcpt', 'rejected', 'remote'],
  ["553 Non-members cannot post to this group", 'eod', 'rejected', 'remote'],
  // the sender's own count over a limit, also behind a wrapper phrase ("Sender address rejected: … quota exceeded")
  ["452 4.7.1 <info@example.com>: Sender address rejected: Message count limit reached", 'rcpt', 'ratelimited', 'sender-volume'],
  ["450 4.4.2 Sending rate for this account has exceeded its hourly maximum", 'mail', 'ratelimited', 'sender-volume'],
  ["421 4.7.0 Too many active connections from 198.51.100.6, try later", 'connect', 'ratelimited', 'sender-config'],
  ["550 5.7.1 EHLO argument is not a fully-qualified domain name", 'helo', 'blocked', 'sender-config'],
  ["550 5.7.1 bad karma, connection refused", 'connect', 'badreputation', 'sender-ip'],
  // the IP's mail held back for its recipients' complaints, with no provider named
  ["421 4.7.0 Your messages are temporarily deferred due to unexpected volume or user complaints", 'connect', 'badreputation', 'sender-ip'],
  // a recipient who takes no mail from this sender is not a domain without mail service (RFC 7505's null MX)
  ["550 5.7.1 <lea@example.org>: the recipient does not accept e-mail from this sender", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 Le destinataire n'accepte pas les messages de cet expéditeur", 'rcpt', 'filtered', 'remote'],
  ["556 5.1.10 Domain example.org does not accept mail", 'rcpt', 'notaccept', 'recipient'],
  // the sender's sending limit in other languages
  ["451 4.7.1 Límite de envíos superado para esta cuenta, inténtelo más tarde", 'mail', 'ratelimited', 'sender-volume'],
  ["450 4.7.1 Limite di invio raggiunto per questo mittente", 'rcpt', 'ratelimited', 'sender-volume'],
  // GMX's German replies name the same causes as its English ones
  ["554-mx.example.net (mxgmx009) Nemesis ESMTP Service not available 554-Kein SMTP-Dienst verfügbar 554-Die IP-Adresse 198.51.100.12 steht auf einer Sperrliste", 'connect', 'blocked', 'sender-ip'],
  // a server's reply that refuses the connecting client by its address is no TCP "connection refused"
  ["554 mx2.example.net ESMTP connection refused from [198.51.100.31]", 'connect', 'blocked', 'sender-ip'],
  // Spamhaus's Domain Block List lists domains: named in a reply, it is the domain's listing, not the IP's
  ["550 5.7.1 Mail refused: sender domain present in the Spamhaus DBL, see https://www.spamhaus.org/dbl/", 'eod', 'blocked', 'sender-domain'],
  // a policy that applies to the recipient's address, and a recipient who says plainly that it wants no mail
  ["550 5.7.1 Policy restriction for the destination mailbox", 'rcpt', 'policyviolation', 'recipient'],
  ["550 5.7.1 The recipient doesn't want these messages", 'rcpt', 'filtered', 'remote'],
  // an attachment's content refused by a gateway
  ["554 5.7.1 Mail blocked due to the content of its attachment", 'eod', 'policyviolation', 'content'],
  // RFC 7489 calls DMARC's publisher the Domain Owner: its policy named is DMARC's verdict
  ["550 5.7.1 Message from 198.51.100.4 for example.org refused by domain owner policy", 'eod', 'authfailure', 'sender-domain'],
  // a terminated user is a closed mailbox, even in a reply that also calls it invalid
  ["550 Invalid recipient: the account was terminated", 'eod', 'suspend', 'recipient'],
  // an unknown recipient in the languages of Europe's and Asia's providers (the sender's own address is not one)
  ["550 Der Benutzer existiert nicht", 'rcpt', 'userunknown', 'recipient'],
  ["550 Adresse de destinataire inconnue: la boîte aux lettres n'existe pas", 'rcpt', 'userunknown', 'recipient'],
  ["550 La cuenta de correo no existe", 'rcpt', 'userunknown', 'recipient'],
  ["550 Odbiorca nieznany", 'rcpt', 'userunknown', 'recipient'],
  ["550 Получатель не найден", 'rcpt', 'userunknown', 'recipient'],
  ["550 收件人不存在", 'rcpt', 'userunknown', 'recipient'],
  ["550 5.1.7 Absenderadresse unbekannt", 'mail', 'rejected', 'sender-domain'],
  // a receiving store damaged on the remote side
  ["451 4.3.0 Mail store is corrupted, try later", 'rcpt', 'systemerror', 'remote'],
  // written after a multilingual set of regional replies was measured (85 % / 88 % before reading)
  ["552 Mailbox of the user has exhausted its storage quota", 'rcpt', 'mailboxfull', 'recipient'],
  ["552 Der Speicherplatz des Empfängers ist überschritten", 'rcpt', 'mailboxfull', 'recipient'],
  ["421 4.3.2 Your IP (198.51.100.8) has been blocked, this connection will be closed", 'connect', 'blocked', 'sender-ip'],
  ["550 5.7.1 Forged sender address: example.org does not send from here", 'mail', 'authfailure', 'sender-domain'],
  ["454 4.7.0 Messages from this network must be sent using an encrypted connection", 'mail', 'failedstarttls', 'sender-config'],
  ["450 4.2.1 Sender address rejected: you send to many mails in a short time", 'rcpt', 'ratelimited', 'sender-volume'],
  ["554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation visit https://postmaster.web.de/en/case?c=r0735&i=ip&v=198.51.100.2", 'eod', 'policyviolation', 'content'],
  // "mail quota" alone is the mailbox's; a sending or outgoing quota is the sender's
  ["552 <kim@example.net>... Mail quota exceeded", 'rcpt', 'mailboxfull', 'recipient'],
  ["451 4.7.1 Outgoing mail quota exceeded for this account", 'mail', 'ratelimited', 'sender-volume'],
  // written after a set of MTA defaults and regional providers was measured (85 % / 92 % before reading)
  // the receiver's filter named, no verdict on the message: what the reply names was refused
  ["550 5.7.1 Mail from 198.51.100.7 refused by our anti-spam system", 'rcpt', 'blocked', 'sender-ip'],
  ["553 Sending address refused by the spam filter", 'mail', 'rejected', 'sender-domain'],
  ["550 5.7.1 Message failed our anti-spam checks", 'eod', 'spamdetected', 'content'],
  // a reputation named in another language, of the object the reply names
  ["550 5.7.1 Odrzucono: zła reputacja domeny nadawcy example.net", 'eod', 'badreputation', 'sender-domain'],
  ["554 5.7.1 Réputation insuffisante de votre adresse IP 203.0.113.9", 'connect', 'badreputation', 'sender-ip'],
  // a header RFC 5322 requires, missing; a message or header size over a limit; the receiver's own disk full
  ["550 The From: header field is missing", 'eod', 'notcompliantrfc', 'content'],
  ["552 Header size exceeds the limit of this server", 'eod', 'emailtoolarge', 'content'],
  ["550 Delivery failed: not enough disk space on the server", 'eod', 'systemfull', 'remote'],
  // a recipient deferred with no cause at all, as greylisting servers word it; a recipient access map's refusal
  ["450 Please try again later", 'rcpt', 'onhold', 'remote'],
  ["451 4.7.1 Please try again later", 'rcpt', 'blocked', 'sender-ip'],
  ["550 5.7.1 <all-staff@example.net>: Recipient address rejected: Access denied", 'rcpt', 'filtered', 'remote'],
  // written after a set of big providers, hosting companies and regional ISPs was measured (98 % / 97 % before reading)
  ["550 5.7.1 Filtr antyspamowy: domena nadawcy example.org nie istnieje", 'mail', 'rejected', 'sender-domain'],
  ["550 5.7.1 Recipient address rejected: you have been blocked by the recipient", 'rcpt', 'filtered', 'remote'],
  // written after a set of texts written by admins of self-hosted servers was measured (83 % / 80 % before reading)
  // an attachment refused for its type, in the receiver's language
  ["550 5.7.1 Anhänge mit Makros werden hier nicht angenommen", 'eod', 'policyviolation', 'content'],
  ["550 5.7.1 Nie przyjmujemy zaszyfrowanych archiwów", 'eod', 'policyviolation', 'content'],
  ["554 5.7.1 Fichiers .scr et .exe refusés", 'eod', 'policyviolation', 'content'],
  // an address or group open to its own organisation only: samples of internal-senders-only (recipient-choice.yaml)
  // the country a connection comes from; a policy or compliance rule cited with no other cause
  ["554 5.7.1 Connections from your country are not accepted", 'connect', 'blocked', 'sender-ip'],
  ["550 5.7.1 Rejected by our compliance policy", 'eod', 'policyviolation', 'content'],
  // a permanent code with words that say the trouble passes: the receiver's own fault
  ["550 5.0.0 The mail store is briefly offline, this is temporary", 'rcpt', 'systemerror', 'remote'],
  ["451 4.7.1 För många meddelanden från din server", 'mail', 'ratelimited', 'sender-volume'],
  // the sender's greeting name, the sender's address, and a spam score of the connecting host before any message
  ["550 Your EHLO is not a real host name", 'helo', 'blocked', 'sender-config'],
  ["550 5.7.1 Your address is on our blacklist", 'mail', 'blocked', 'sender-domain'],
  ["550 5.7.1 Host 198.51.100.4 looks like a spam source (score 9.2)", 'rcpt', 'blocked', 'sender-ip'],
  ["550 5.7.1 Spam URL found in the message body (198.51.100.4)", 'rcpt', 'spamdetected', 'sender-ip'],
  // written after a set of admin-written texts and logged replies from four continents was measured (87 % / 88 %)
  ["host mx.example.net[192.0.2.8] refused to talk to me: 521 5.3.2 mx.example.net does not accept mail", 'connect', 'notaccept', 'remote'],
  ["550 EHLO name 'localhost' refused, configure a real FQDN", 'helo', 'blocked', 'sender-config'],
  ["550 5.7.1 Mail from example.com is no longer accepted here", 'eod', 'rejected', 'sender-domain'],
  ["554 5.7.1 ข้อความนี้ถูกจัดเป็นสแปม", 'eod', 'spamdetected', 'content'],
  ["554 5.7.1 <info@example.com>: Sender address rejected: o destinatário bloqueou este remetente", 'rcpt', 'filtered', 'remote'],
  // written after two more sets were measured (admin texts in 21 languages: 80 % / 78 %; localised bounces: 87 %)
  ["550 5.7.1 Client host rejected: keine Rückwärtsauflösung für 203.0.113.4", 'rcpt', 'requireptr', 'sender-config'],
  ["550 I do not talk to 'localhost', use a real name", 'helo', 'blocked', 'sender-config'],
  ["550 5.7.1 Nachricht abgelehnt: Spamwert 11,2 Punkte, Grenzwert 5", 'eod', 'spamdetected', 'content'],
  ["554 5.7.1 Odrzucono: filtr antyspamowy, 9 pkt (próg 5)", 'eod', 'spamdetected', 'content'],
  ["550 5.7.1 Messages with shortened links are refused here", 'eod', 'policyviolation', 'content'],
  ["550 5.7.1 Your mail contains phrases our filter does not allow", 'eod', 'policyviolation', 'content'],
  ["554 5.7.1 Relaying nicht erlaubt: dieser Server nimmt nur Post für eigene Domains an", 'rcpt', 'norelaying', 'remote'],
  ["450 4.7.1 发送速度过快，请降低发信频率", 'rcpt', 'ratelimited', 'sender-volume'],
  ["550 5.7.1 送信ドメイン example.com の評判が低いため受信を拒否しました", 'mail', 'badreputation', 'sender-domain'],
  ["550 5.7.1 Учётная запись отключена", 'rcpt', 'suspend', 'recipient'],
  ["451 4.7.1 Zu viele Nachrichten pro Stunde von Ihrem Server", 'rcpt', 'ratelimited', 'sender-volume'],
  ["554 5.6.0 Headers with raw 8-bit text break RFC 2047", 'eod', 'notcompliantrfc', 'content'],
  ["554 No mail service on this host", 'connect', 'notaccept', 'remote'],
  ["550 Benutzer ist nicht im Domino-Verzeichnis aufgeführt", 'rcpt', 'userunknown', 'recipient'],
  // written after the session's last reply set was measured (92 % / 95 % before reading)
  ["550 5.7.1 <team@example.org>: Recipient address rejected: diese Gruppe ist nur intern erreichbar", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 Votre domaine example.com est sur notre liste noire", 'mail', 'blocked', 'sender-domain'],
  ["553 5.7.1 Sorry, no mail from no-reply addresses here", 'mail', 'rejected', 'sender-domain'],
  ["454 4.7.0 TLS 1.1 is no longer accepted here", 'helo', 'failedstarttls', 'sender-config'],
  ["550 5.7.1 This recipient has chosen not to receive mail from you", 'rcpt', 'filtered', 'remote'],
  ["554 5.6.0 Message with no Message-ID header refused", 'eod', 'notcompliantrfc', 'content'],
  ["551 5.1.1 Recipient not local; please try <ana@example.net>", 'rcpt', 'hasmoved', 'recipient'],
  // written after the session's final build was measured on one more set (90 % / 92 % before reading)
  ["550 5.7.1 <news@example.org>: odesílatel je na naší černé listině", 'mail', 'blocked', 'sender-domain'],
  ["550 5.7.1 社外からのメールは受け付けておりません", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 Получатель заблокировал этого отправителя", 'rcpt', 'filtered', 'remote'],
  ["454 4.7.0 We require TLS 1.2 at least, sorry", 'mail', 'failedstarttls', 'sender-config'],
  ["550 5.1.2 <kim@sales.example.com>: Recipient address rejected: domain sales.example.com not found", 'rcpt', 'hostunknown', 'recipient'],
  // written after the last set of the session met its bar (95 % / 97 % before reading)
  ["550 5.7.1 Příjemce zablokoval vaši adresu", 'rcpt', 'filtered', 'remote'],
  // session 26, written after four sets were measured (reason 90-100 %, blame 87-93 % before reading)
  ["550 5.1.2 <ops@example.net>: Recipient address rejected: this domain has no mail exchanger", 'rcpt', 'hostunknown', 'recipient'],
  ["421 4.4.5 Connection refused for 198.51.100.4, try later", 'connect', 'blocked', 'sender-ip'],
  ["554 5.7.1 Connection refused (policy 17)", 'connect', 'blocked', 'sender-ip'],
  ["555 5.5.4 Unsupported option: REQUIRETLS", 'mail', 'syntaxerror', 'sender-config'],
  ["503 5.5.1 Bad sequence of commands", 'rcpt', 'syntaxerror', 'sender-config'],
  ["451 4.7.1 Slow down: max 20 msgs per 5 min from your host", 'rcpt', 'ratelimited', 'sender-volume'],
  ["550 5.7.1 You have been blocked permanently. Contact abuse@example.net", 'rcpt', 'blocked', 'sender-ip'],
  ["553 5.7.1 Null sender not accepted here", 'mail', 'rejected', 'remote'],
  ["550 5.7.1 <>: Absender abgelehnt: leerer Absender wird nicht angenommen", 'mail', 'rejected', 'remote'],
  ["550 5.7.0 Sender domains under .zip are not accepted", 'mail', 'rejected', 'sender-domain'],
  ["550 5.6.0 The Message-ID header is invalid", 'eod', 'notcompliantrfc', 'content'],
  ["553 5.7.1 <pat@example.org>: Sender address rejected: not logged in", 'mail', 'rejected', 'sender-config'],
  ["521 5.5.1 I can break rules, too. Goodbye.", 'connect', 'syntaxerror', 'sender-config'],
  ["550 Administrative prohibition", 'rcpt', 'policyviolation', 'remote'],
  ["550 5.7.1 Only members of the list may post here", 'rcpt', 'rejected', 'remote'],
  // written after an unread set of admins' own texts in 24 languages was measured (83 % / 87 % before reading)
  ["450 4.7.1 Client host rejected: pas de nom inverse pour 192.0.2.44", 'rcpt', 'requireptr', 'sender-config'],
  ["550 5.7.1 O destinatário desta mensagem bloqueou o seu endereço", 'rcpt', 'filtered', 'remote'],
  ["530 5.7.0 Сначала пройдите аутентификацию", 'mail', 'securityerror', 'sender-config'],
  ["421 4.7.0 大量送信のため一時的に受信を制限しています", 'mail', 'ratelimited', 'sender-volume'],
  ["550 5.7.1 反垃圾网关判定为广告邮件", 'eod', 'spamdetected', 'content'],
  ["550 5.7.1 Bu adres yalnızca şirket içi göndericilerden posta alır", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 عنوان المرسل ممنوع هنا", 'mail', 'rejected', 'sender-domain'],
  ["553 Requested action not taken: Local user only", 'rcpt', 'filtered', 'remote'],
  ["550 Unacceptable executable attachment found", 'eod', 'policyviolation', 'content'],
  ["554 5.7.1 Newly registered domain, mail refused for now", 'mail', 'rejected', 'sender-domain'],
  // written after an unread bounce set was measured (95 % before reading): qmail's "Giving up on <IP>" closes a
  // permanent reply, other MTAs' "giving up on the message" ends the retries
  ["550 5.1.1 Mailbox unknown. Giving up on 198.51.100.9.", 'rcpt', 'userunknown', 'recipient'],
  ["Giving up on this message after 5 days of retries", undefined, 'expired', 'remote'],
  // written after the unread set r37 was measured (93 % / 97 % before reading)
  ["501 5.5.2 Missing EHLO hostname", 'helo', 'syntaxerror', 'sender-config'],
  ["421 4.7.0 Limit wiadomości z Twojego serwera został wyczerpany", 'mail', 'ratelimited', 'sender-volume'],
  ["451 4.7.0 Превышен лимит сообщений с вашего адреса", 'mail', 'ratelimited', 'sender-volume'],
  ["554 5.7.1 <ken@example.jp>: Recipient address rejected: ERS-DUL", 'rcpt', 'blocked', 'sender-ip'],
  // written after the unread set r36 was measured (93 % / 97 % before reading)
  ["554 Refused: the reputation of the sending domain is too low", 'mail', 'badreputation', 'sender-domain'],
  ["550 5.7.1 Dominio registrado hace menos de una semana, inténtelo más tarde", 'mail', 'rejected', 'sender-domain'],
  ["550 5.7.1 Домен отправителя в чёрном списке", 'mail', 'rejected', 'sender-domain'],
  ["550 5.7.1 Отправитель заблокирован администратором", 'mail', 'rejected', 'sender-domain'],
  ["550 5.7.1 This recipient really does not want your mail", 'eod', 'filtered', 'remote'],
  ["550 5.1.10 <sam@example.org>: Recipient address rejected: no mail is accepted for this domain", 'rcpt', 'notaccept', 'recipient'],
  // written after the unread set r40 (admins' texts in 30 languages) was measured (87 % / 90 % before reading)
  ["450 4.7.1 Client host rejected: IP 198.51.100.3 nemá záznam (PTR)", 'rcpt', 'requireptr', 'sender-config'],
  ["550 5.7.1 Your IP has no reverse name, sorry", 'rcpt', 'requireptr', 'sender-config'],
  ["451 4.7.1 Szara lista: spróbuj ponownie za kilka minut", 'rcpt', 'onhold', 'remote'],
  ["421 4.7.0 Liiga palju samaaegseid ühendusi", 'connect', 'ratelimited', 'sender-config'],
  ["421 4.7.0 Terlalu banyak pesan dari server Anda", 'mail', 'ratelimited', 'sender-volume'],
  ["550 5.7.1 Viesti hylätty: roskapostia", 'eod', 'spamdetected', 'content'],
  ["554 5.3.0 Delivery failed: dovecot-lda exited 75", 'eod', 'mailererror', 'remote'],
  ["554 5.3.0 Lỗi hệ thống nội bộ, vui lòng thử lại sau", 'eod', 'systemerror', 'remote'],
  // written after the unread set r41 was measured (97 % / 97 % before reading)
  ["550 5.7.1 Rejected: the From domain example.net is in the DBL", 'mail', 'blocked', 'sender-domain'],
  ["554 5.7.1 <li@example.mx>: Recipient address rejected due to local policy", 'rcpt', 'policyviolation', 'remote'],
  ["all hosts for 'example.net' have been failing for a long time (and retry time not reached)", undefined, 'expired', 'remote'],
  ["status=expired, returned to sender (connect to mx.example.net[192.0.2.5]:25: Connection refused)", undefined, 'expired', 'remote'],
  // written after the unread sets r39 and r44 were measured (98 % / 97 % and 97 % / 95 % before reading)
  ["550 5.7.0 Local Policy Violation", 'mail', 'policyviolation', 'sender-ip'],
  ["421 4.7.0 mx2.example.org Error: too many errors", 'rcpt', 'ratelimited', 'sender-config'],
  ["554 5.3.0 <desk@example.ac.nz>: delivery via pipe to the helpdesk program failed", 'eod', 'mailererror', 'remote'],
  ["421 4.7.0 Demasiadas ligações a partir do seu IP", 'connect', 'ratelimited', 'sender-config'],
  ["550 5.7.1 התיבה מקבלת דואר רק משולחים פנימיים", 'rcpt', 'filtered', 'remote'],
  // written after the unread set r42 was measured (97 % / 97 % before reading)
  ["550 MIME defects found in this message: nested boundaries", 'eod', 'contenterror', 'content'],
  ["550 5.7.1 <team@example.org>: this group takes messages from subscribers only", 'rcpt', 'rejected', 'remote'],
  // written after the unread set r43 was measured (90 % / 93 % before reading), from Vade's and NetEase's code tables
  ["550 5.7.1 Connection refused OXSEU0002_108", 'connect', 'requireptr', 'sender-config'],
  ["421 4.2.1 Connection deferred OXSUS0001_110", 'connect', 'ratelimited', 'sender-config'],
  ["550 5.7.1 Connection refused - 198.51.100.9 - https://check.spamhaus.org/results?query=198.51.100.9 OXSUS0001_111", 'connect', 'blocked', 'sender-ip'],
  ["450 MI:CEL http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.3", 'mail', 'syntaxerror', 'sender-config'],
  ["451 4.3.0 Directory lookup failure, try later", 'rcpt', 'systemerror', 'remote'],
  ["550 Rejected by header based Anti-Spoofing policy: ann@example.com", 'eod', 'policyviolation', 'sender-domain'],
  // written after the unread set r45 was measured (97 % / 98 % before reading)
  ["421 4.7.1 Service temporarily unavailable", 'rcpt', 'blocked', 'sender-ip'],
  // written after the unread set r46 was measured (93 % / 95 % before reading)
  ["504 5.5.2 <box>: Helo command rejected: need fully-qualified hostname", 'helo', 'syntaxerror', 'sender-config'],
  ["550 5.7.1 Helo command rejected: need fully-qualified hostname", 'helo', 'blocked', 'sender-config'],
  ["421 Your EHLO name mail.example.net does not match the DNS of 192.0.2.4", 'helo', 'requireptr', 'sender-config'],
  // written after the unread set r49 was measured (97 % / 97 % before reading)
  ["550 This mailbox only accepts mail from customers with a support contract", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 This server only accepts mail from authenticated users", 'rcpt', 'securityerror', 'sender-config'],
  ["554 5.7.1 Relay neni povolen", 'rcpt', 'norelaying', 'remote'],
  // written after the unread set r47 was measured (97 % / 98 % before reading)
  ["550 5.7.1 Mail from noreply/no-reply sender addresses is refused", 'mail', 'rejected', 'sender-domain'],
  ["554 5.7.1 Sender domain was created 3 days ago, try again next week", 'mail', 'rejected', 'sender-domain'],
  // written after the unread set r48 was measured (85 % / 87 % before reading)
  ["503 5.5.0 Protocol violation: commands pipelined before the greeting", 'helo', 'syntaxerror', 'sender-config'],
  ["550 Protocol violation", 'data', 'policyviolation', 'content'],
  ["550 permanent failure for one or more recipients (li@example.org:quarantined)", 'eod', 'spamdetected', 'content'],
  ["554 5.7.0 MailPolicy violation, message not delivered", 'eod', 'policyviolation', 'content'],
  ["554 Refused: sender MX does not exist", 'mail', 'rejected', 'sender-domain'],
  ["550 5.7.1 Rejected: your address is on the user's blocklist", 'rcpt', 'filtered', 'remote'],
  // written after the unread set r52 (admins' texts in 25 languages) was measured (90 % / 92 % before reading)
  ["550 5.7.1 <staff@example.org>: Recipient address rejected: internal mailbox", 'rcpt', 'filtered', 'remote'],
  ["554 5.7.1 <a@example.net>: Recipient address rejected: please log in first", 'rcpt', 'securityerror', 'sender-config'],
  ["550 5.7.1 <news@example.es>: Remitente rechazado por política local", 'mail', 'rejected', 'sender-domain'],
  ["550 5.7.1 Dieses Postfach nimmt nur Nachrichten von registrierten Absendern an", 'rcpt', 'filtered', 'remote'],
  ["554 5.7.1 Relay nepovolen", 'rcpt', 'norelaying', 'remote'],
  ["550 5.7.23 Remitente rechazado: fallo SPF para example.es", 'mail', 'authfailure', 'sender-domain'],
  // written after the unread set r51 was measured (92 % / 93 % before reading)
  ["554 delivery error: dd This user doesn't have an aol.com account (x@aol.com) [0]", 'eod', 'userunknown', 'recipient'],
  ["550 5.7.1 The billing inbox only accepts orders from approved vendors", 'rcpt', 'filtered', 'remote'],
  ["421 4.7.0 At most 3 concurrent sessions per host", 'connect', 'ratelimited', 'sender-config'],
  ["550 5.7.1 Questa casella riceve solo posta interna", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.23 ドメイン example.jp の SPF 認証に失敗しました", 'mail', 'authfailure', 'sender-domain'],
  // written after the unread set r50 was measured (90 % / 90 % before reading)
  ["503 5.5.1 EHLO first, please", 'helo', 'syntaxerror', 'sender-config'],
  ["421 4.4.2 198.51.100.7: network congestion, try later", 'connect', 'networkerror', 'remote'],
  ["452 <ann@example.in> Mailbox delivery restricted by policy", 'rcpt', 'policyviolation', 'remote'],
  ["450 4.7.1 <jo@example.br>: Recipient address rejected: XK-17[a81f]", 'rcpt', 'blocked', 'sender-ip'],
  // written after the unread sets r53 (60 / 60, 60 / 60) and r54 (58 / 60, 58 / 60) were measured with c702d5e
  ["501 Syntax error in parameters or arguments. See https://postmaster.example.net/case?c=hi", 'helo', 'syntaxerror', 'sender-config'],
  ["503 Administrative prohibition -- authorization required", 'data', 'securityerror', 'sender-config'],
  // written after the sets r55 and r57, measured with the final build, were read (57 / 57 and 54 / 56 before)
  ["550 5.7.1 Sorry, we don't relay for other domains", 'rcpt', 'norelaying', 'remote'],
  ["554 5.7.1 Relay ditolak untuk domain ini", 'rcpt', 'norelaying', 'remote'],
  ["550 5.7.1 발신자 주소가 거부되었습니다", 'mail', 'rejected', 'sender-domain'],
  ["554 5.7.1 Afvist: afsenderdomænet har dårligt omdømme", 'eod', 'badreputation', 'sender-domain'],
  ["550 5.7.1 Mail from example.net is not wanted here", 'mail', 'rejected', 'sender-domain'],
  ["550 5.7.1 Questa casella accetta esclusivamente posta dai dipendenti", 'rcpt', 'filtered', 'remote'],
  ["554 5.6.0 ترويسة Date مفقودة", 'eod', 'notcompliantrfc', 'content'],
  ["451 4.7.1 Service unavailable: virus scanner not responding", 'eod', 'systemerror', 'remote'],
  ["550 5.7.1 <board@example.org>: Recipient address rejected: this list only accepts mail from example.org addresses", 'rcpt', 'filtered', 'remote'],
  // RFC 7372's X.7.25 names the reverse DNS check behind an admin's "Client host rejected" in any language
  ["450 4.7.25 Client host rejected: nie można ustalić nazwy hosta dla adresu IP", 'rcpt', 'requireptr', 'sender-config'],
  ["554 5.7.1 Повідомлення містить вірус і не може бути доставлене", 'eod', 'virusdetected', 'content'],
  ["452 4.7.0 Ihr Versandlimit für heute ist erreicht", 'mail', 'ratelimited', 'sender-volume'],
  ["421 4.7.0 Günlük gönderim limitiniz doldu, daha sonra deneyin", 'mail', 'ratelimited', 'sender-volume'],
  // a members-only list in Polish; an address for internal users in Serbian and Greek
  ["550 5.7.1 <grupa@example.pl>: Recipient address rejected: na tę listę mogą pisać tylko członkowie", 'rcpt', 'rejected', 'remote'],
  ["550 5.7.1 Adresa <tim@example.rs> prima poštu samo od internih korisnika", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 Αυτή η διεύθυνση δέχεται αλληλογραφία μόνο από εσωτερικούς αποστολείς", 'rcpt', 'filtered', 'remote'],
  ["554 5.7.1 Nachricht wegen unerwünschtem Inhalt abgelehnt", 'eod', 'spamdetected', 'content'],
  // a challenge-response filter holds the message until the sender confirms
  ["451 4.7.1 Sua mensagem ficou retida aguardando a confirmação do remetente", 'eod', 'onhold', 'remote'],
  ["451 4.7.1 Message held pending sender authorization, please reply to the challenge we sent", 'rcpt', 'onhold', 'remote'],
  // RFC 5321's own 421 text behind a transient X.7.1 names no cause: a deferral of the sending host
  ["421 4.7.1 Service not available, closing transmission channel", 'connect', 'blocked', 'sender-ip'],
  ["Server certificate not trusted", 'helo', 'failedstarttls', 'remote'],
  // a line over the limit is a size, as Sisimai reads Exim's "500 Line limit exceeded"; the SMTP command line's is syntax
  ["500 5.5.2 Line limit exceeded", 'eod', 'emailtoolarge', 'content'],
  ["501 5.5.2 Syntax error: command line too long", 'mail', 'syntaxerror', 'sender-config'],
  ["451 4.5.0 SMTP protocol violation, see RFC 2821 x12si99.1 - gsmtp", 'data', 'syntaxerror', 'sender-config'],
  // iRedAPD: its greylisting plugin's words, and a list's access policy
  ["451 4.7.1 <a@example.org>: Recipient address rejected: Intentional policy rejection, please try again later", 'rcpt', 'onhold', 'remote'],
  ["554 5.7.1 <list@example.org>: Recipient address rejected: Permission denied, sender is not allowed to send mail to this mailing list", 'rcpt', 'rejected', 'remote'],
  ["550 5.7.1 Your message was blocked by the alias owner", 'eod', 'filtered', 'remote'],
  ["550 5.7.1 <equipo@example.cl>: Recipient address rejected: lista de uso interno, no recibe correo externo", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 O destinatário bloqueou as mensagens deste remetente", 'rcpt', 'filtered', 'remote'],
  ["451 4.7.1 Temporarily deferred [203.0.113.45]", 'connect', 'blocked', 'sender-ip'],
  ["553 5.7.1 <a@au.com>: 受信者の迷惑メールフィルター設定により受信を拒否しました", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 <s@example.co.jp>: External mail from this sender is not allowed by this domain", 'rcpt', 'filtered', 'remote'],
  ["553 Mail content refused by AISP, rule [20331]", 'eod', 'spamdetected', 'content'],
  ["451 Later", 'rcpt', 'onhold', 'remote'],
  ["451 4.7.1 Limita de 150 de mesaje pe oră a fost depășită", 'rcpt', 'ratelimited', 'sender-volume'],
  ["Host or domain name not found. Name service error for name=example.org type=MX: Host not found, try again", undefined, 'networkerror', 'network'],
  ["550 5.7.1 Rejecting harmful e-mail: Unix.Test.Sample-42 found", 'eod', 'virusdetected', 'content'],
  ["451 4.7.1 Sending rate exceeded: 30 messages per 10m allowed", 'rcpt', 'ratelimited', 'sender-volume'],
  ["553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)", 'rcpt', 'rejected', 'sender-domain'],
  ["550 5.7.1 <segreteria@example.it>: casella per uso interno, non riceve posta dall'esterno", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 Письма на этот адрес принимаются только от сотрудников", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 השולח נחסם על ידי הנמען", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 הכתובת שלך חסומה על ידי הנמען", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 Sender blocked by recipient", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 <bureau@listes.example.fr>: Recipient address rejected: seuls les abonnés peuvent poster sur cette liste", 'rcpt', 'rejected', 'remote'],
  ["554 5.7.1 Rejected: spam detected by Acme Spam and Malware Protection", 'eod', 'spamdetected', 'content'],
  ["451 4.3.0 Our spam filter crashed, try again later", 'eod', 'systemerror', 'remote'],
  ["553 5.7.1 <deals@example.org>... No spammers allowed", 'mail', 'rejected', 'sender-domain'],
  // the technical word kept in brackets by an admin writing in Galician; a ClamAV signature name; virus in Hindi
  ["554 5.7.1 <a@example.es>: Destinatario rexeitado: non se permite o reenvío (relay) desde este servidor", 'rcpt', 'norelaying', 'remote'],
  ["554 5.7.1 Rejected: Win.Trojan.Agent-12345 FOUND", 'eod', 'virusdetected', 'content'],
  ["550 5.7.1 संदेश अस्वीकृत: वायरस मिला", 'eod', 'virusdetected', 'content'],
  ["450 4.2.0 <a@example.ru>: Адрес временно отклонён: грейлистинг, повторите через 5 минут", 'rcpt', 'onhold', 'remote'],
  ["550 5.7.1 Adresa prima poštu samo od internih pošiljalaca", 'rcpt', 'filtered', 'remote'],
  ["550 5.7.1 Wanachama pekee wanaweza kutuma ujumbe kwenye orodha hii", 'rcpt', 'rejected', 'remote'],
  ["451 4.7.1 Umefikia kikomo cha kutuma barua kwa saa hii", 'mail', 'ratelimited', 'sender-volume'],
];

describe('wording families beyond the development corpus', () => {
  for (const [text, phase, reason, blame] of CASES) {
    it(`${reason}/${blame}: ${text.slice(0, 80)}`, () => {
      expect(classifyReply({ text, phase })).toMatchObject({ reason, blame });
    });
  }
});

describe('a time-out is one failed attempt, not the end of the retries', () => {
  it('retries a live "451 4.4.2 Connection timed out" instead of returning the message', () => {
    expect(classifyReply({ text: '451 4.4.2 Connection timed out' })).toMatchObject({ reason: 'networkerror', permanent: false, action: 'retry' });
    expect(classifyReply({ text: 'connect to mx.example.net[192.0.2.1]:25: Connection timed out' })).toMatchObject({ reason: 'networkerror', permanent: false });
  });
});

describe('how a reply is written does not change what it says', () => {
  it('reads a reply quoted whole as the reply inside the quotes', () => {
    for (const q of ['"%"', "'%'", '\u201c%\u201d']) {
      expect(classifyReply({ text: q.replace('%', '553 mail.example.com does not exist') })).toMatchObject({ code: 553, reason: 'hostunknown' });
      expect(classifyReply({ text: q.replace('%', '550 5.1.1 <a@example.com>: Recipient address rejected: User unknown') })).toMatchObject({ status: '5.1.1', reason: 'userunknown' });
    }
  });
});

