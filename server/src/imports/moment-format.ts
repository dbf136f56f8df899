import { vietnamWallClockText } from "../domain/vietnam-time.js";

/**
 * A moment written as the import formats read it back exactly: ISO-8601 in Vietnam time with its
 * offset, milliseconds only when there are any ("2023-11-17T23:59:59+07:00").
 */
export function isoVietnamMoment(moment: Date): string {
  const wall = vietnamWallClockText(moment);
  const millis = wall.slice(19, 23);
  return `${wall.slice(0, 19)}${millis === ".000" ? "" : millis}+07:00`;
}

/** A moment as a clerk reads it in a message: "17/11/2023 23:59:59", Vietnam time. */
export function vietnameseMoment(moment: Date): string {
  const wall = vietnamWallClockText(moment);
  return `${wall.slice(8, 10)}/${wall.slice(5, 7)}/${wall.slice(0, 4)} ${wall.slice(11, 19)}`;
}
