/**
 * A catalogue sentence with a link inside it: the message holds `{link}` where
 * the language puts it ("{link} first.", "{link} yn gyntaf."), so the sentence
 * is never built from pieces.
 */
import type { ComponentChildren } from 'preact';

const MARK = '\u0000';

/** `say` formats the message with the given value for `{link}`. */
export function Sentence({
  say,
  children,
}: {
  say: (link: string) => string;
  children: ComponentChildren;
}) {
  const [before = '', after = ''] = say(MARK).split(MARK);
  return (
    <>
      {before}
      {children}
      {after}
    </>
  );
}
