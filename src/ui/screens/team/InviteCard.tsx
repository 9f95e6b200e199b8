/**
 * The team's invite code, large enough to read across a huddle, its QR code
 * (the join link, for a phone camera) and a button to copy the link.
 */
import { useState } from 'preact/hooks';
import { QrCode } from './QrCode.tsx';

export function InviteCard({ code }: { code: string | undefined }) {
  const [copied, setCopied] = useState('');
  if (!code) {
    return (
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite your team</h2>
        <p>The invite code will appear here when this phone is next online.</p>
      </section>
    );
  }
  const link = `${window.location.origin}/join/${code}`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied. Paste it into a message to your team.');
    } catch {
      setCopied('This browser would not copy the link. Select the link above and copy it.');
    }
  }
  return (
    <section class="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite your team</h2>
      <p>Colleagues join with this code, or by scanning the QR code with their phone camera.</p>
      <p class="label">Invite code</p>
      <p class="invite-code" data-testid="invite-code">
        {code}
      </p>
      <QrCode text={link} label={`QR code for the link to join the team with code ${code}`} />
      <p>
        Join link: <span data-testid="invite-link">{link}</span>
      </p>
      <button type="button" class="button button--secondary" onClick={() => void copy()}>
        Copy link
      </button>
      <p class="success-text" role="status">
        {copied}
      </p>
    </section>
  );
}
