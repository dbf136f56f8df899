import { describe, expect, it } from "vitest";
import type { AssigneeStats, OutstandingTask } from "../../../extension/src/api/api-types.js";
import { presentNode, type TreeNode } from "../../../extension/src/model/compliance-tree.model.js";
import {
  peopleChildren,
  personChildren,
  sortPeopleWorstFirst,
  type PeopleNode,
  type PersonNode,
} from "../../../extension/src/model/people-tree.model.js";

const now = new Date("2023-11-14T03:00:00Z");
const people: PeopleNode = { kind: "people", directiveId: "1", unitCode: "QLDT" };

function stats(assignee: string | null, tasks: number, reportedTasks: number, filedTasks: number, unit = "QLDT"): AssigneeStats {
  return { unit: { code: unit }, assignee, tasks, reportedTasks, filedTasks, outstanding: tasks - reportedTasks + (tasks - filedTasks) };
}

function task(externalId: string, assignee: string | null, assignedAt: string): OutstandingTask {
  return { externalId, title: `Việc ${externalId}`, assignee, assignedAt, dueAt: null, completionReportedAt: null, archivedAt: null, workFileCode: null };
}

const labels = (nodes: TreeNode[]) => nodes.map((n) => presentNode(n, now)).map((v) => (v.description ? `${v.label} · ${v.description}` : v.label));

describe("By person under a unit", () => {
  it("lists the unit's people who owe something, worst first, nobody-assigned last among equals", () => {
    const answer = [
      stats("An", 3, 3, 3),
      stats("Bình", 2, 1, 1),
      stats("Chi", 4, 0, 2),
      stats(null, 2, 1, 1),
      stats("Ánh", 2, 1, 1),
      stats("Dũng", 5, 0, 0, "OTHER"),
    ];
    expect(labels(peopleChildren(people, answer))).toEqual([
      "Chi · 6 items owed · 4 not reported, 2 not filed",
      "Bình · 2 items owed · 1 not reported, 1 not filed",
      "Ánh · 2 items owed · 1 not reported, 1 not filed",
      "(no assignee) · 2 items owed · 1 not reported, 1 not filed",
    ]);
    const chi = presentNode(peopleChildren(people, answer)[0], now);
    expect(chi).toMatchObject({ collapsible: "collapsed", contextValue: "person", icon: { id: "person" } });
    expect(chi.tooltip).toContain("Reported or archived: 0 of 4");
  });

  it("orders people in code points when they owe as much (not by UTF-16 units)", () => {
    const sorted = sortPeopleWorstFirst([stats("\u{1D400}", 1, 0, 0), stats("\uFF21", 1, 0, 0), stats(null, 1, 0, 0), stats("Z", 1, 0, 0)]);
    expect(sorted.map((s) => s.assignee)).toEqual(["Z", "\uFF21", "\u{1D400}", null]);
  });

  it("says so when nobody owes anything", () => {
    expect(labels(peopleChildren(people, [stats("An", 2, 2, 2)]))).toEqual(["Nobody owes a task"]);
  });

  it("shows under a person their tasks, once each, with what is missing, oldest first", () => {
    const person = peopleChildren(people, [stats("Chi", 3, 1, 1)])[0] as PersonNode;
    const unreported = [task("T3", "Chi", "2023-05-01T01:00:00Z"), task("T1", "Chi", "2023-03-01T01:00:00Z"), task("X", "An", "2023-03-01T01:00:00Z")];
    const unfiled = [task("T1", "Chi", "2023-03-01T01:00:00Z"), task("T2", "Chi", "2023-04-01T01:00:00Z"), task("Y", null, "2023-03-01T01:00:00Z")];
    expect(labels(personChildren(person, unreported, unfiled))).toEqual([
      "T1 · not reported, not filed · Việc T1",
      "T2 · not filed · Việc T2",
      "T3 · not reported · Việc T3",
    ]);
    const nobody = peopleChildren(people, [stats(null, 1, 1, 0)])[0] as PersonNode;
    expect(labels(personChildren(nobody, unreported, unfiled))).toEqual(["Y · not filed · Việc Y"]);
  });

  it("keeps node ids unique between people, the unassigned included", () => {
    const nodes = peopleChildren(people, [stats("An", 1, 0, 0), stats(null, 1, 0, 0), stats("none", 1, 0, 0)]);
    const ids = nodes.map((n) => presentNode(n, now).id);
    expect(new Set(ids).size).toBe(3);
  });
});
