import * as vscode from "vscode";
import { ApiError } from "../api/api-error.js";
import type { DirectiveBoard } from "../api/api-types.js";
import type { Connection } from "../connection/connection.js";
import type { OutputLog } from "../logs/output-log.js";
import type { BoardState } from "../model/board-state.js";

export type { BoardState } from "../model/board-state.js";

const DIRECTIVE_KEY = "cchc.directiveId";

/**
 * The chosen directive's board (its compliance and every unit's), fetched once per refresh and shared
 * by the tree and the status bar, so both always show the same figures. Refreshes on sign-in/out,
 * on a changed connection, on demand, and every cchc.autoRefreshSeconds when that is set.
 */
export class BoardStore implements vscode.Disposable {
  private current: BoardState = { kind: "signedOut" };
  private readonly changed = new vscode.EventEmitter<BoardState>();
  readonly onDidChange = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private inFlight = 0;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly connection: Connection,
    private readonly memento: vscode.Memento,
    private readonly log: OutputLog,
  ) {
    this.subscriptions.push(
      connection.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration("cchc.autoRefreshSeconds")) this.schedule();
      }),
    );
    this.schedule();
  }

  get state(): BoardState {
    return this.current;
  }

  get board(): DirectiveBoard | null {
    return this.current.kind === "ready" ? this.current.board : null;
  }

  get directiveId(): string | undefined {
    return this.memento.get<string>(DIRECTIVE_KEY);
  }

  async selectDirective(id: string | undefined): Promise<void> {
    await this.memento.update(DIRECTIVE_KEY, id);
    await this.refresh();
  }

  /**
   * Fetches the board again; a slower earlier fetch never overwrites a newer one. A background refresh
   * (the auto-refresh timer) keeps showing what is there until the answer comes, so the tree and the
   * status bar do not flicker to "Loading…" every few seconds.
   */
  async refresh(options: { background?: boolean } = {}): Promise<BoardState> {
    const generation = ++this.generation;
    if (!this.connection.signedIn) return this.set({ kind: "signedOut" });
    if (!options.background) this.set({ kind: "loading" });
    this.inFlight++;
    try {
      const api = this.connection.api();
      let board = await api.board(this.directiveId);
      if (!board && this.directiveId) {
        this.log.warn(`Directive ${this.directiveId} is gone; showing the latest one.`);
        await this.memento.update(DIRECTIVE_KEY, undefined);
        board = await api.board(undefined);
      }
      if (generation !== this.generation) return this.current;
      // The timer's routine successes stay out of the log; a recovery from an error goes in.
      if (!options.background || this.current.kind !== "ready") {
        this.log.info(board ? `Loaded directive ${board.number}: ${board.units.length} units` : "The server has no directive yet");
      }
      return this.set({ kind: "ready", board, loadedAt: new Date() });
    } catch (error) {
      if (generation !== this.generation) return this.current;
      const message = error instanceof Error ? error.message : String(error);
      // While the server stays down the timer fails the same way every few seconds: log it, and redraw, once.
      if (options.background && this.current.kind === "error" && this.current.message === message) return this.current;
      this.log.error("Loading the compliance board", error);
      return this.set({ kind: "error", message, code: error instanceof ApiError ? error.code : undefined });
    } finally {
      this.inFlight--;
    }
  }

  private set(state: BoardState): BoardState {
    this.current = state;
    this.changed.fire(state);
    return state;
  }

  private schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const seconds = vscode.workspace.getConfiguration("cchc").get<number>("autoRefreshSeconds", 0);
    if (seconds > 0) {
      this.timer = setInterval(() => {
        // Never a second fetch on top of one still waiting for a slow or unreachable server.
        if (this.connection.signedIn && this.inFlight === 0) void this.refresh({ background: true });
      }, Math.max(5, seconds) * 1000);
    }
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
