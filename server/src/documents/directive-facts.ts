import type { VietnamDay } from "../domain/vietnam-time.js";

/** What the reminder letter and the consolidated report say about their directive: one shape, filled once. */
export interface DirectiveFacts {
  number: string;
  subject: string;
  issuedOn: VietnamDay;
  periodStart: VietnamDay;
  periodEnd: VietnamDay;
  deadline: VietnamDay;
}
