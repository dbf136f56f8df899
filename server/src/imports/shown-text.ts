/**
 * A file's text as an error message quotes it. A message repeats what it quotes on every row it
 * is about: a header cell of 2 MB, named in each of 1,000 row errors, made an answer of 2 GB that
 * held the event loop for 12 s and then failed. So a quote keeps its first characters and says
 * that it was cut, and no message is longer than MAX_MESSAGE_LENGTH (error-list.ts applies it).
 */
export const SHOWN_CHARACTERS = 60;
export const MAX_MESSAGE_LENGTH = 1_000;

export function shownText(text: string, max = SHOWN_CHARACTERS): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Not between the two halves of a surrogate pair (an emoji, a rare Hán Nôm character).
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
