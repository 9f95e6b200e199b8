/**
 * A message with links (or code) inside its sentence: the sentence stays one
 * message, and each `{name}` placeholder given here is drawn as the element.
 */
import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import { t, type en } from './legal.en.ts';

const MARK = '\u0001';

export function Words({
  id,
  values = {},
  parts = {},
}: {
  id: keyof typeof en & string;
  values?: Readonly<Record<string, string | number>>;
  parts?: Readonly<Record<string, ComponentChildren>>;
}) {
  const marks = Object.fromEntries(Object.keys(parts).map((k) => [k, `${MARK}${k}${MARK}`]));
  const pieces = t(id, { ...values, ...marks }).split(MARK);
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>{i % 2 === 1 ? parts[piece] : piece}</Fragment>
      ))}
    </>
  );
}

/** The value, or a visible placeholder naming what the trust must fill in. */
export const toComplete = (value: string | number | null, what: keyof typeof en & string) =>
  value === null ? t('toComplete', { what: t(what) }) : String(value);
