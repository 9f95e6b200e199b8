/**
 * The footer on every screen: the pages a trust and the public sector
 * accessibility regulations ask for. The pages themselves load on first visit.
 */
export const FOOTER_LINKS = [
  { href: '/accessibility', label: 'Accessibility statement' },
  { href: '/privacy', label: 'Privacy notice' },
  { href: '/on-this-device', label: 'What this app keeps on your phone' },
] as const;

export function Footer() {
  return (
    <footer class="app-footer">
      <div class="width-container">
        <h2 class="visually-hidden">Support links</h2>
        <ul class="app-footer__links">
          {FOOTER_LINKS.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      </div>
    </footer>
  );
}
