import { compareCodePoints } from "@cchc/domain";
import type {
  Compliance,
  ComplianceStatus,
  DirectiveBoard,
  OutstandingCase,
  OutstandingTask,
  Page,
  UnitCompliance,
  UnitForecast,
} from "../api/api-types.js";
import type { BoardState } from "./board-state.js";
import { expectedText, forecastOfUnit, forecastTooltip } from "./forecast.js";
import { complianceLines, deadlineText, directiveLines, percent, plural, statusLabel, vietnamDateTime } from "./format.js";
import { presentPeopleNode, type PeopleNode, type PersonNode, type PersonTaskNode } from "./people-tree.model.js";

/**
 * The compliance tree as plain data, built from the API's answers: the directive, its units worst
 * first, and under each unit what it still owes. The vscode TreeDataProvider only maps NodeView to
 * TreeItem, so everything people read here is tested without an editor.
 */
export type GroupKind = "lateCases" | "unreportedTasks" | "unfiledTasks";

export interface DirectiveNode {
  kind: "directive";
  board: DirectiveBoard;
}
export interface UnitNode {
  kind: "unit";
  directiveId: string;
  entry: UnitCompliance;
  /** The unit's forecast, shown when it is at risk of missing the deadline. */
  forecast?: UnitForecast;
  deadline?: string;
}
export interface GroupNode {
  kind: "group";
  directiveId: string;
  unitCode: string;
  group: GroupKind;
  count: number;
}
export interface CaseNode {
  kind: "case";
  parent: GroupNode;
  item: OutstandingCase;
}
export interface TaskNode {
  kind: "task";
  parent: GroupNode;
  item: OutstandingTask;
}
export interface MoreNode {
  kind: "more";
  parent: GroupNode;
  loaded: number;
}
export interface MessageNode {
  kind: "message";
  key: string;
  text: string;
  tooltip?: string;
  severity: "info" | "error";
}
export type TreeNode =
  | DirectiveNode
  | UnitNode
  | GroupNode
  | CaseNode
  | TaskNode
  | MoreNode
  | MessageNode
  | PeopleNode
  | PersonNode
  | PersonTaskNode;

export interface NodeIcon {
  id: string;
  color?: string;
}

export interface NodeView {
  id: string;
  label: string;
  description?: string;
  tooltip: string;
  icon: NodeIcon;
  contextValue: string;
  collapsible: "none" | "collapsed" | "expanded";
}

const SEVERITY: Record<ComplianceStatus, number> = { NON_COMPLIANT: 0, IN_PROGRESS: 1, COMPLIANT: 2 };

/** Worst first: lowest rate, then the more serious status, then by code (code points, as the server orders). */
export function sortUnitsWorstFirst(units: readonly UnitCompliance[]): UnitCompliance[] {
  return [...units].sort(
    (a, b) =>
      a.compliance.rate - b.compliance.rate ||
      SEVERITY[a.compliance.status] - SEVERITY[b.compliance.status] ||
      compareCodePoints(a.unit.code, b.unit.code),
  );
}

/**
 * The top of the tree for the board's state. Signed out it is empty, so VS Code shows the welcome view
 * (Sign In); loading and failures are one row that says so, never an empty view or stale units.
 */
export function stateRootNodes(state: BoardState): TreeNode[] {
  switch (state.kind) {
    case "signedOut":
      return [];
    case "loading":
      return [{ kind: "message", key: "loading", text: "Loading…", severity: "info" }];
    case "error":
      return [{ kind: "message", key: "error", text: state.message, tooltip: `${state.message}\nRefresh to try again; details in CCHC: Show Logs.`, severity: "error" }];
    case "ready":
      return rootNodes(state.board);
  }
}

export function rootNodes(board: DirectiveBoard | null): TreeNode[] {
  if (!board) {
    return [{ kind: "message", key: "no-directive", text: "No directive yet", severity: "info", tooltip: "The server has no directive to track." }];
  }
  return [{ kind: "directive", board }];
}

export function directiveChildren(board: DirectiveBoard): TreeNode[] {
  const units = sortUnitsWorstFirst(board.units);
  if (units.length === 0) return [{ kind: "message", key: `${board.id}:no-units`, text: "No units", severity: "info" }];
  return units.map((entry) => ({
    kind: "unit",
    directiveId: board.id,
    entry,
    forecast: forecastOfUnit(board, entry.unit.code),
    deadline: board.deadline,
  }));
}

/** What a unit still owes, from its counts; groups with nothing owed are left out. */
export function owedCounts(c: Compliance): Record<GroupKind, number> {
  return {
    lateCases: Math.max(0, c.overdueCases - c.apologizedCases),
    unreportedTasks: Math.max(0, c.tasks - c.reportedTasks),
    unfiledTasks: Math.max(0, c.tasks - c.filedTasks),
  };
}

export function unitChildren(node: UnitNode): TreeNode[] {
  const counts = owedCounts(node.entry.compliance);
  const groups = (Object.keys(counts) as GroupKind[])
    .filter((group) => counts[group] > 0)
    .map((group): GroupNode => ({ kind: "group", directiveId: node.directiveId, unitCode: node.entry.unit.code, group, count: counts[group] }));
  if (groups.length === 0) {
    return [{ kind: "message", key: `${node.directiveId}:${node.entry.unit.code}:done`, text: "Nothing outstanding", severity: "info" }];
  }
  // Who owes the unit's HpNet tasks, when it owes any.
  const people: PeopleNode[] =
    counts.unreportedTasks + counts.unfiledTasks > 0 ? [{ kind: "people", directiveId: node.directiveId, unitCode: node.entry.unit.code }] : [];
  return [...groups, ...people];
}

export function groupKey(node: GroupNode): string {
  return `${node.directiveId}:${node.unitCode}:${node.group}`;
}

/** The items of one group loaded so far, page by page; the tree never holds more than was asked for. */
export class GroupPages<T extends OutstandingCase | OutstandingTask> {
  private readonly items: T[] = [];
  private cursor: string | null = null;
  private more = true;
  total: number | undefined;

  get loaded(): number {
    return this.items.length;
  }

  get hasMore(): boolean {
    return this.more;
  }

  get after(): string | null {
    return this.cursor;
  }

  append(page: Page<T>): void {
    this.items.push(...page.items);
    this.cursor = page.endCursor;
    this.more = page.hasNextPage;
    this.total = page.totalCount;
  }

  children(parent: GroupNode): TreeNode[] {
    const nodes: TreeNode[] = this.items.map((item) =>
      "code" in item ? { kind: "case", parent, item: item as OutstandingCase } : { kind: "task", parent, item: item as OutstandingTask },
    );
    if (this.more && this.items.length > 0) nodes.push({ kind: "more", parent, loaded: this.items.length });
    if (this.items.length === 0 && !this.more) {
      nodes.push({ kind: "message", key: `${groupKey(parent)}:empty`, text: "Nothing left (refresh to update the counts)", severity: "info" });
    }
    return nodes;
  }
}

const GROUP_TEXT: Record<GroupKind, { label: string; one: string; icon: string; why: string }> = {
  lateCases: { label: "Late cases without an apology", one: "case", icon: "mail", why: "Late or overdue cases in the directive's scope with no apology issued yet." },
  unreportedTasks: { label: "Tasks not reported", one: "task", icon: "tasklist", why: "HpNet tasks in scope whose completion was neither reported nor archived." },
  unfiledTasks: { label: "Tasks not filed", one: "task", icon: "folder", why: "HpNet tasks in scope without a work file (hồ sơ công việc, Decree 30/2020)." },
};

export function statusIcon(status: ComplianceStatus): NodeIcon {
  switch (status) {
    case "COMPLIANT":
      return { id: "pass-filled", color: "testing.iconPassed" };
    case "IN_PROGRESS":
      return { id: "clock", color: "list.warningForeground" };
    default:
      return { id: "error", color: "list.errorForeground" };
  }
}

export function presentNode(node: TreeNode, now: Date): NodeView {
  switch (node.kind) {
    case "directive": {
      const { board } = node;
      return {
        id: `directive:${board.id}`,
        label: board.number,
        description: `${percent(board.compliance.rate)} · ${deadlineText(board.deadline, now)}`,
        tooltip: [...directiveLines(board, now), "", "All units together:", ...complianceLines(board.compliance)].join("\n"),
        icon: statusIcon(board.compliance.status),
        contextValue: "directive",
        collapsible: "expanded",
      };
    }
    case "unit": {
      const { unit, compliance } = node.entry;
      const risk = node.forecast?.atRisk ? node.forecast : undefined;
      const description = `${percent(compliance.rate)} · ${statusLabel(compliance.status)}`;
      return {
        id: `unit:${node.directiveId}:${unit.code}`,
        label: unit.name,
        description: risk ? `${description} · ${expectedText(risk)}` : description,
        tooltip: [`${unit.name} (${unit.code})`, ...complianceLines(compliance), ...(risk ? [forecastTooltip(risk, node.deadline ?? "")] : [])].join("\n"),
        // Still in progress but heading past the deadline: the warning shows it before the deadline does.
        icon: risk && compliance.status !== "NON_COMPLIANT" ? { id: "warning", color: "list.warningForeground" } : statusIcon(compliance.status),
        contextValue: "unit",
        collapsible: compliance.rate >= 1 ? "none" : "collapsed",
      };
    }
    case "group": {
      const text = GROUP_TEXT[node.group];
      return {
        id: `group:${groupKey(node)}`,
        label: text.label,
        description: plural(node.count, text.one),
        tooltip: text.why,
        icon: { id: text.icon },
        contextValue: `group.${node.group}`,
        collapsible: "collapsed",
      };
    }
    case "case": {
      const { item } = node;
      const late = item.workingDaysLate > 0 ? `${plural(item.workingDaysLate, "working day")} late` : item.timeliness.toLowerCase();
      return {
        id: `case:${groupKey(node.parent)}:${item.code}`,
        label: item.code,
        description: `${late} · ${item.procedureName}`,
        tooltip: [
          `Case ${item.code}`,
          item.procedureName,
          `Due ${vietnamDateTime(item.dueAt)}`,
          item.resolvedAt ? `Resolved ${vietnamDateTime(item.resolvedAt)}` : "Not resolved yet",
          `${item.timeliness}, ${late}; no apology yet`,
        ].join("\n"),
        icon: { id: "file", color: "list.errorForeground" },
        contextValue: "case",
        collapsible: "none",
      };
    }
    case "task": {
      const { item } = node;
      return {
        id: `task:${groupKey(node.parent)}:${item.externalId}`,
        label: item.externalId,
        description: item.assignee ? `${item.title} · ${item.assignee}` : item.title,
        tooltip: [
          `HpNet task ${item.externalId}`,
          item.title,
          `Assigned ${vietnamDateTime(item.assignedAt)}${item.assignee ? ` to ${item.assignee}` : ""}`,
          item.dueAt ? `Due ${vietnamDateTime(item.dueAt)}` : "No due date",
          node.parent.group === "unreportedTasks" ? "Completion not reported, not archived" : "No work file yet",
        ].join("\n"),
        icon: { id: node.parent.group === "unreportedTasks" ? "circle-large-outline" : "file-directory" },
        contextValue: node.parent.group === "unreportedTasks" ? "task.unreported" : "task.unfiled",
        collapsible: "none",
      };
    }
    case "more":
      return {
        id: `more:${groupKey(node.parent)}:${node.loaded}`,
        label: "Load more…",
        description: `${node.loaded} of ${node.parent.count} shown`,
        tooltip: "Fetch the next page",
        icon: { id: "ellipsis" },
        contextValue: "more",
        collapsible: "none",
      };
    case "people":
    case "person":
    case "personTask":
      return presentPeopleNode(node);
    case "message":
      return {
        id: `message:${node.key}`,
        label: node.text,
        tooltip: node.tooltip ?? node.text,
        icon: node.severity === "error" ? { id: "warning", color: "list.errorForeground" } : { id: "info" },
        contextValue: "message",
        collapsible: "none",
      };
  }
}
