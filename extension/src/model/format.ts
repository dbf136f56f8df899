import { daysBetween, ratePercentDigits, vietnamDayOf, vietnamWallClockText } from "@cchc/domain";
import type { Compliance, ComplianceStatus, DirectiveSummary } from "../api/api-types.js";

/**
 * A rate as a percent by the one rule of the server's letters and reports (domain/rate-percent.ts),
 * so the tree and the report the clerk sends show the same figure (0.6996 read "69%" here and "70%"
 * there before): to a tenth, and a rate short of 1 never reads 100%.
 */
export function percent(rate: number): string {
  if (!Number.isFinite(rate)) return "–";
  return `${ratePercentDigits(Math.max(0, Math.min(1, rate)))}%`;
}

/** Days from today's Vietnam day to the deadline day: 0 on the deadline itself, negative after it. */
export function daysToDeadline(deadline: string, now: Date): number {
  return daysBetween(vietnamDayOf(now), deadline);
}

/** The whole deadline day counts; past it from 00:00 Vietnam time of the next day. */
export function isPastDeadline(deadline: string, now: Date): boolean {
  return daysToDeadline(deadline, now) < 0;
}

export function deadlineText(deadline: string, now: Date): string {
  const days = daysToDeadline(deadline, now);
  if (days > 1) return `${days} days left`;
  if (days === 1) return "1 day left";
  if (days === 0) return "due today";
  return days === -1 ? "1 day past deadline" : `${-days} days past deadline`;
}

const STATUS_LABELS: Record<ComplianceStatus, string> = {
  COMPLIANT: "compliant",
  IN_PROGRESS: "in progress",
  NON_COMPLIANT: "non-compliant",
};

export function statusLabel(status: ComplianceStatus): string {
  return STATUS_LABELS[status] ?? status;
}

/** `CCHC 63% · 3 days left`; the deadline part is left out once everything is done. */
export function statusBarText(board: { compliance: Compliance; deadline: string }, now: Date): string {
  const rate = percent(board.compliance.rate);
  return board.compliance.rate >= 1 ? `CCHC ${rate}` : `CCHC ${rate} · ${deadlineText(board.deadline, now)}`;
}

/** Warn once the deadline has passed with something still owed. */
export function needsWarning(board: { compliance: Compliance; deadline: string }, now: Date): boolean {
  return board.compliance.rate < 1 && isPastDeadline(board.deadline, now);
}

/** Lines of figures for a tooltip: the three obligations of the directive and the combined rate. */
export function complianceLines(c: Compliance): string[] {
  return [
    `Rate: ${percent(c.rate)} (${statusLabel(c.status)})`,
    `Apologies: ${c.apologizedCases} of ${c.overdueCases} late cases (${percent(c.apologyRate)})`,
    `Tasks reported or archived: ${c.reportedTasks} of ${c.tasks} (${percent(c.reportRate)})`,
    `Tasks with a work file: ${c.filedTasks} of ${c.tasks} (${percent(c.fileRate)})`,
  ];
}

export function directiveTitle(d: Pick<DirectiveSummary, "number" | "subject">): string {
  return `${d.number} · ${d.subject}`;
}

export function directiveLines(d: DirectiveSummary, now: Date): string[] {
  return [
    `Directive ${d.number}, issued ${d.issuedOn}`,
    d.subject,
    `Period ${d.periodStart} to ${d.periodEnd}`,
    `Deadline ${d.deadline} (${deadlineText(d.deadline, now)})`,
  ];
}

/** An ISO moment as the Vietnam wall-clock time people read it in: "2023-11-17 16:30". */
export function vietnamDateTime(iso: string | null | undefined): string {
  if (!iso) return "–";
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return vietnamWallClockText(moment).slice(0, 16).replace("T", " ");
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
