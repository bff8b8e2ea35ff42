// Gmail's feedback loop aggregates complaints by the `Feedback-ID: a:b:c:SenderId` header and shows the rates per
// field value in Postmaster Tools. We fill it from the identity (most specific first), the account and the mail type,
// so that a complaint spike there points at one identity as it does here. Fields are percent-encoded, because a ':'
// inside one would shift the others.
import type { SenderIdentity } from '../shared/types.js';

const field = (s: string) => encodeURIComponent(s);

export function feedbackIdValue(identity: Pick<SenderIdentity, 'account' | 'sub'>, senderId: string): string {
  return `${field(identity.sub || identity.account)}:${field(identity.account)}:relay:${senderId}`;
}
