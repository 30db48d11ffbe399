import { Fragment } from 'react';

/**
 * Running text in which amounts ("150 000 kr"), ISO dates ("2027-02-28") and
 * § numbers ("§ 46") never break inside (issue #15 item 9): each is set in a
 * no-wrap span; the text itself (what is read, copied and searched) is unchanged.
 */
const WHOLE = /(\d{1,3}(?: \d{3})+(?: kr)?|\d+ kr|\d{4}-\d{2}-\d{2}|§ \d+)/g;

export function Unbroken({ text }: { text: string }) {
  const parts = text.split(WHOLE);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="nobreak">{part}</span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
