// Every content rule, in the order they are reported. Adding a rule: one module, one line here, one test.
import { attachDoubleExtension } from './attach-double-extension.js';
import { attachEncryptedArchive } from './attach-encrypted-archive.js';
import { attachExecutable } from './attach-executable.js';
import { attachHtmlForm } from './attach-html-form.js';
import { attachMacroOffice } from './attach-macro-office.js';
import { attachScript } from './attach-script.js';
import { badDate } from './bad-date.js';
import { brandDisplayName } from './brand-display-name.js';
import { brandDisguisedSpelling } from './brand-disguised-spelling.js';
import { disguisedWords } from './disguised-words.js';
import { displayNameDomain } from './display-name-domain.js';
import { fakeSafetyBanner } from './fake-safety-banner.js';
import { fromAuthMismatch } from './from-auth-mismatch.js';
import { fromEnvelopeMismatch } from './from-envelope-mismatch.js';
import { fromSeveral } from './from-several.js';
import { greetingByAddress } from './greeting-by-address.js';
import { htmlPasswordField } from './html-password-field.js';
import { htmlHiddenText } from './html-hidden-text.js';
import { htmlWordSplit } from './html-word-split.js';
import { htmlImageOnly } from './html-image-only.js';
import { htmlTinyFont } from './html-tiny-font.js';
import { linkBrandMismatch } from './link-brand-mismatch.js';
import { linkFreeHosting } from './link-free-hosting.js';
import { lookalikeDomain } from './lookalike-domain.js';
import { missingFrom } from './missing-from.js';
import { nameFieldBait } from './name-field-bait.js';
import { mixedScripts } from './mixed-scripts.js';
import { phishAdvanceFee } from './phish-advance-fee.js';
import { phishCredentials } from './phish-credentials.js';
import { phishCallback } from './phish-callback.js';
import { phishExtortion } from './phish-extortion.js';
import { phishGiftCard } from './phish-gift-card.js';
import { phishWireRequest } from './phish-wire-request.js';
import { phishLure } from './phish-lure.js';
import { phishPayment } from './phish-payment.js';
import { phishNewAccountAbroad } from './phish-new-account-abroad.js';
import { phishCousinReplyTo } from './phish-cousin-reply-to.js';
import { phishQrCode } from './phish-qr-code.js';
import { phishUrgency } from './phish-urgency.js';
import { punycodeDomain } from './punycode-domain.js';
import { recipientInLink } from './recipient-in-link.js';
import { replyToFreemail } from './replyto-freemail.js';
import { replyToOtherDomain } from './replyto-other-domain.js';
import type { ContentRule } from './rule.js';
import { styledLetters } from './styled-letters.js';
import { subjectAllCaps } from './subject-all-caps.js';
import { textAllCaps } from './text-all-caps.js';
import { unfilledPlaceholder } from './unfilled-placeholder.js';
import { urlAnchorMismatch } from './url-anchor-mismatch.js';
import { urlIpLiteral } from './url-ip-literal.js';
import { urlRedirect } from './url-redirect.js';
import { urlScriptScheme } from './url-script-scheme.js';
import { urlShortener } from './url-shortener.js';
import { urlUserInfo } from './url-userinfo.js';
import { zeroWidth } from './zero-width.js';

export type { ContentRule } from './rule.js';

export const contentRules: readonly ContentRule[] = [
  // headers and identity
  missingFrom, fromSeveral, badDate, fromEnvelopeMismatch, fromAuthMismatch, replyToFreemail,
  replyToOtherDomain, brandDisplayName, displayNameDomain,
  // links
  urlShortener, urlIpLiteral, urlUserInfo, urlAnchorMismatch, urlRedirect, urlScriptScheme,
  linkBrandMismatch, lookalikeDomain, punycodeDomain, linkFreeHosting, recipientInLink,
  // HTML
  htmlHiddenText, htmlWordSplit, htmlTinyFont, htmlImageOnly, htmlPasswordField,
  // attachments
  attachExecutable, attachScript, attachMacroOffice, attachEncryptedArchive, attachHtmlForm, attachDoubleExtension,
  // language
  greetingByAddress, nameFieldBait, fakeSafetyBanner, phishLure, phishQrCode, phishGiftCard, phishWireRequest, phishCallback, phishExtortion, phishCredentials, phishPayment, phishNewAccountAbroad, phishCousinReplyTo, phishUrgency, phishAdvanceFee, subjectAllCaps, textAllCaps, unfilledPlaceholder, disguisedWords, brandDisguisedSpelling,
  // encoding
  mixedScripts, zeroWidth, styledLetters,
];
