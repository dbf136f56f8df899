import { compareCodePoints } from "@cchc/domain";
import type { AssigneeStats, OutstandingTask } from "../api/api-types.js";
import type { NodeView, TreeNode } from "./compliance-tree.model.js";
import { plural, vietnamDateTime } from "./format.js";

/**
 * "By person" under a unit: its people with outstanding HpNet tasks (Directive.assignees), worst
 * first, and under each person the tasks still lacking a report or a work file. Plain data, as the
 * rest of the tree, so what people read is tested without an editor.
 */
export interface PeopleNode {
  kind: "people";
  directiveId: string;
  unitCode: string;
}
export interface PersonNode {
  kind: "person";
  parent: PeopleNode;
  stats: AssigneeStats;
}
export interface PersonTaskNode {
  kind: "personTask";
  parent: PersonNode;
  item: OutstandingTask;
  reported: boolean;
  filed: boolean;
}

export const NO_ASSIGNEE_LABEL = "(no assignee)";

/** Worst first: most outstanding, then assignee in code points, the tasks with nobody assigned last. */
export function sortPeopleWorstFirst(people: readonly AssigneeStats[]): AssigneeStats[] {
  return [...people].sort((a, b) => {
    if (a.outstanding !== b.outstanding) return b.outstanding - a.outstanding;
    if (a.assignee === null || b.assignee === null) return a.assignee === b.assignee ? 0 : a.assignee === null ? 1 : -1;
    return compareCodePoints(a.assignee, b.assignee);
  });
}

export function peopleKey(node: PeopleNode): string {
  return `${node.directiveId}:${node.unitCode}`;
}

function personKey(node: PersonNode): string {
  return `${peopleKey(node.parent)}:${node.stats.assignee === null ? "\u0000none" : `=${node.stats.assignee}`}`;
}

/** The unit's people who still owe something; the others are left out. */
export function peopleChildren(parent: PeopleNode, stats: readonly AssigneeStats[]): TreeNode[] {
  const owing = sortPeopleWorstFirst(stats.filter((s) => s.unit.code === parent.unitCode && s.outstanding > 0));
  if (owing.length === 0) return [{ kind: "message", key: `${peopleKey(parent)}:people:none`, text: "Nobody owes a task", severity: "info" }];
  return owing.map((s) => ({ kind: "person", parent, stats: s }));
}

/**
 * A person's outstanding tasks, from the unit's tasks not reported and not filed (a task may be in
 * both lists): one row per task, oldest assignment first.
 */
export function personChildren(parent: PersonNode, unreported: readonly OutstandingTask[], unfiled: readonly OutstandingTask[]): TreeNode[] {
  const mine = (t: OutstandingTask) => t.assignee === parent.stats.assignee;
  const byId = new Map<string, PersonTaskNode>();
  for (const item of unreported.filter(mine)) byId.set(item.externalId, { kind: "personTask", parent, item, reported: false, filed: true });
  for (const item of unfiled.filter(mine)) {
    const node = byId.get(item.externalId);
    if (node) node.filed = false;
    else byId.set(item.externalId, { kind: "personTask", parent, item, reported: true, filed: false });
  }
  const nodes = [...byId.values()].sort(
    (a, b) => Date.parse(a.item.assignedAt) - Date.parse(b.item.assignedAt) || compareCodePoints(a.item.externalId, b.item.externalId),
  );
  if (nodes.length === 0) return [{ kind: "message", key: `${personKey(parent)}:empty`, text: "Nothing left (refresh to update the counts)", severity: "info" }];
  return nodes;
}

function missing(node: PersonTaskNode): string {
  return [node.reported ? null : "not reported", node.filed ? null : "not filed"].filter(Boolean).join(", ");
}

export function presentPeopleNode(node: PeopleNode | PersonNode | PersonTaskNode): NodeView {
  switch (node.kind) {
    case "people":
      return {
        id: `people:${peopleKey(node)}`,
        label: "By person",
        tooltip: "HpNet statistics per person (Thống kê công việc trên HpNet): the people of this unit with tasks not reported or not filed, worst first.",
        icon: { id: "organization" },
        contextValue: "people",
        collapsible: "collapsed",
      };
    case "person": {
      const s = node.stats;
      const name = s.assignee ?? NO_ASSIGNEE_LABEL;
      const notReported = s.tasks - s.reportedTasks;
      const notFiled = s.tasks - s.filedTasks;
      return {
        id: `person:${personKey(node)}`,
        label: name,
        description: `${plural(s.outstanding, "item")} owed · ${notReported} not reported, ${notFiled} not filed`,
        tooltip: [
          s.assignee === null ? "Tasks with no assignee on HpNet" : s.assignee,
          `HpNet tasks in scope: ${s.tasks}`,
          `Reported or archived: ${s.reportedTasks} of ${s.tasks}`,
          `With a work file: ${s.filedTasks} of ${s.tasks}`,
          `Outstanding: ${s.outstanding} (not reported + not filed)`,
        ].join("\n"),
        icon: { id: "person", color: "list.warningForeground" },
        contextValue: "person",
        collapsible: "collapsed",
      };
    }
    case "personTask": {
      const { item } = node;
      return {
        id: `personTask:${personKey(node.parent)}:${item.externalId}`,
        label: item.externalId,
        description: `${missing(node)} · ${item.title}`,
        tooltip: [
          `HpNet task ${item.externalId}`,
          item.title,
          `Assigned ${vietnamDateTime(item.assignedAt)}${item.assignee ? ` to ${item.assignee}` : ""}`,
          item.dueAt ? `Due ${vietnamDateTime(item.dueAt)}` : "No due date",
          `Still ${missing(node)}`,
        ].join("\n"),
        icon: { id: node.reported ? "file-directory" : "circle-large-outline" },
        contextValue: "task.byPerson",
        collapsible: "none",
      };
    }
  }
}
