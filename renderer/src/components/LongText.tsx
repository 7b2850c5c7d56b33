// A message that may run long (an error quoting a server, a page's own sentence): a few sentences are shown
// whole, a longer one is cut to three lines with an ellipsis, its full text in the tooltip and behind
// "Show all", so a narrow window neither clips it nor turns into a wall of text.
import { useState } from 'react';

/** Longer than this, a message is cut to three lines until the user asks for all of it. */
export const LONG_TEXT_CHARS = 240;

export function LongText({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  if (text.length <= LONG_TEXT_CHARS) return <span className="long-text">{text}</span>;
  return (
    <>
      <span className={open ? 'long-text' : 'long-text long-text--cut'} title={text}>
        {text}
      </span>
      <button
        type="button"
        className="long-text__toggle"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {open ? 'Show less' : 'Show all'}
      </button>
    </>
  );
}
