import * as vscode from "vscode";
import type { OutstandingCase, OutstandingTask, Page } from "../api/api-types.js";
import type { Connection } from "../connection/connection.js";
import type { OutputLog } from "../logs/output-log.js";
import {
  GroupPages,
  directiveChildren,
  groupKey,
  presentNode,
  stateRootNodes,
  unitChildren,
  type GroupNode,
  type TreeNode,
} from "../model/compliance-tree.model.js";
import { peopleChildren, peopleKey, personChildren, type PeopleNode } from "../model/people-tree.model.js";
import type { BoardStore } from "./board-store.js";

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

/**
 * The `cchc.compliance` view: directive → units worst first → what each owes → the items, a page at a
 * time. All text comes from the vscode-free tree model; this class only fetches pages and maps nodes.
 */
export class ComplianceTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private pages = new Map<string, GroupPages<OutstandingCase | OutstandingTask>>();
  /** Per unit, its outstanding tasks for the "By person" rows, fetched on first expansion; cleared on refresh. */
  private unitTasks = new Map<string, Promise<{ unreported: OutstandingTask[]; unfiled: OutstandingTask[] }>>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: BoardStore,
    private readonly connection: Connection,
    private readonly log: OutputLog,
  ) {
    this.subscription = store.onDidChange((state) => {
      if (state.kind !== "loading") {
        this.pages = new Map();
        this.unitTasks = new Map();
        this.changed.fire(undefined);
      }
    });
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const view = presentNode(node, new Date());
    const item = new vscode.TreeItem(view.label, COLLAPSIBLE[view.collapsible]);
    item.id = view.id;
    item.description = view.description;
    item.tooltip = view.tooltip;
    item.contextValue = view.contextValue;
    item.iconPath = new vscode.ThemeIcon(view.icon.id, view.icon.color ? new vscode.ThemeColor(view.icon.color) : undefined);
    if (node.kind === "more") item.command = { command: "cchc.loadMore", title: "Load more", arguments: [node] };
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return stateRootNodes(this.store.state);
    switch (node.kind) {
      case "directive":
        return directiveChildren(node.board);
      case "unit":
        return unitChildren(node);
      case "group":
        try {
          const pages = this.pagesOf(node);
          if (pages.loaded === 0 && pages.hasMore) await this.fetchPage(node, pages);
          return pages.children(node);
        } catch (error) {
          this.log.error(`Loading ${node.group} of ${node.unitCode}`, error);
          const message = error instanceof Error ? error.message : String(error);
          return [{ kind: "message", key: `${groupKey(node)}:error`, text: message, severity: "error" }];
        }
      case "people":
        return this.orMessage(`${peopleKey(node)}:people`, `people of ${node.unitCode}`, async () =>
          peopleChildren(node, await this.connection.api().assignees(node.directiveId, node.unitCode)),
        );
      case "person":
        return this.orMessage(`${peopleKey(node.parent)}:person`, `tasks of a person in ${node.parent.unitCode}`, async () => {
          const { unreported, unfiled } = await this.tasksOfUnit(node.parent);
          return personChildren(node, unreported, unfiled);
        });
      default:
        return [];
    }
  }

  private async orMessage(key: string, what: string, load: () => Promise<TreeNode[]>): Promise<TreeNode[]> {
    try {
      return await load();
    } catch (error) {
      this.log.error(`Loading the ${what}`, error);
      return [{ kind: "message", key: `${key}:error`, text: error instanceof Error ? error.message : String(error), severity: "error" }];
    }
  }

  private tasksOfUnit(people: PeopleNode): Promise<{ unreported: OutstandingTask[]; unfiled: OutstandingTask[] }> {
    const key = peopleKey(people);
    let tasks = this.unitTasks.get(key);
    if (!tasks) {
      const api = this.connection.api();
      tasks = Promise.all([
        api.allTasksWith("unreported", people.directiveId, people.unitCode),
        api.allTasksWith("unfiled", people.directiveId, people.unitCode),
      ]).then(([unreported, unfiled]) => ({ unreported, unfiled }));
      // A failed fetch is tried again on the next expansion rather than remembered.
      tasks.catch(() => this.unitTasks.delete(key));
      this.unitTasks.set(key, tasks);
    }
    return tasks;
  }

  /** Parents for TreeView.reveal (the progress chart reveals a unit); ids match the nodes getChildren gives. */
  getParent(node: TreeNode): TreeNode | undefined {
    const board = this.store.board;
    switch (node.kind) {
      case "unit":
        return board ? { kind: "directive", board } : undefined;
      case "group":
        return this.unitNode(node.unitCode);
      case "case":
      case "task":
      case "more":
        return node.parent;
      default:
        return undefined;
    }
  }

  /** The unit's row of the current board, as getChildren gives it. */
  unitNode(unitCode: string): TreeNode | undefined {
    const board = this.store.board;
    return board ? directiveChildren(board).find((n) => n.kind === "unit" && n.entry.unit.code === unitCode) : undefined;
  }

  /** Fetches the next page of a group and shows it under the ones already loaded. */
  async loadMore(group: GroupNode): Promise<void> {
    const pages = this.pagesOf(group);
    if (!pages.hasMore) return;
    await this.fetchPage(group, pages);
    this.changed.fire(undefined);
  }

  private pagesOf(group: GroupNode): GroupPages<OutstandingCase | OutstandingTask> {
    const key = groupKey(group);
    let pages = this.pages.get(key);
    if (!pages) {
      pages = new GroupPages();
      this.pages.set(key, pages);
    }
    return pages;
  }

  private async fetchPage(group: GroupNode, pages: GroupPages<OutstandingCase | OutstandingTask>): Promise<void> {
    const api = this.connection.api();
    const size = vscode.workspace.getConfiguration("cchc").get<number>("pageSize", 50);
    let page: Page<OutstandingCase> | Page<OutstandingTask>;
    if (group.group === "lateCases") {
      page = await api.casesWithoutApology(group.directiveId, group.unitCode, size, pages.after);
    } else {
      page = await api.tasksWith(group.group === "unreportedTasks" ? "unreported" : "unfiled", group.directiveId, group.unitCode, size, pages.after);
    }
    pages.append(page as Page<OutstandingCase | OutstandingTask>);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
