/**
 * The team's invite code, large enough to read across a huddle, its QR code
 * (the join link, for a phone camera) and a button to copy the link.
 */
import { useState } from 'preact/hooks';
import { QrCode } from './QrCode.tsx';
import { t } from './team.en.ts';

export function InviteCard({ code }: { code: string | undefined }) {
  const [copied, setCopied] = useState('');
  if (!code) {
    return (
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('inviteHeading')}</h2>
        <p>{t('inviteLater')}</p>
      </section>
    );
  }
  const link = `${window.location.origin}/join/${code}`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(t('linkCopied'));
    } catch {
      setCopied(t('noCopy'));
    }
  }
  return (
    <section class="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('inviteHeading')}</h2>
      <p>{t('inviteIntro')}</p>
      <p class="label">{t('inviteCode')}</p>
      <p class="invite-code" data-testid="invite-code">
        {code}
      </p>
      <QrCode text={link} label={t('qrLabel', { code })} />
      <p>
        {t('joinLink')} <span data-testid="invite-link">{link}</span>
      </p>
      <button type="button" class="button button--secondary" onClick={() => void copy()}>
        {t('copyLink')}
      </button>
      <p class="success-text" role="status">
        {copied}
      </p>
    </section>
  );
}
