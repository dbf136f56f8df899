import { Column, type ColumnOptions } from "typeorm";

/** Every moment is a UTC datetime with milliseconds (MariaDB drops them without precision 3). */
export const MomentColumn = (options: ColumnOptions = {}) =>
  Column({ type: "datetime", precision: 3, ...options });

/** A Vietnam day, "YYYY-MM-DD"; both drivers hand it back as that string. */
export const DayColumn = (options: ColumnOptions = {}) => Column({ type: "date", ...options });

export const TextColumn = (length: number, options: ColumnOptions = {}) =>
  Column({ type: "varchar", length, ...options });
