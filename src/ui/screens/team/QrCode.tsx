/**
 * A QR code drawn as inline SVG (no innerHTML, nothing the CSP would block).
 * qrcode-generator loads only when a QR code is first shown.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from './team.en.ts';

const QUIET = 4; // modules of white border the QR spec asks for

async function draw(text: string): Promise<{ d: string; size: number }> {
  const { default: qrcode } = await import('qrcode-generator');
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + QUIET} ${r + QUIET}h1v1h-1z`;
  }
  return { d, size: n + 2 * QUIET };
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const [qr, setQr] = useState<{ d: string; size: number } | null | 'failed'>(null);
  useEffect(() => {
    let live = true;
    draw(text).then(
      (q) => live && setQr(q),
      () => live && setQr('failed'),
    );
    return () => {
      live = false;
    };
  }, [text]);
  if (qr === 'failed') return <p class="secondary-text">{t('qrFailed')}</p>;
  if (!qr) return <p class="secondary-text">{t('qrDrawing')}</p>;
  return (
    <svg
      class="qr"
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  );
}
