import * as vscode from "vscode";
import { ApiError } from "../api/api-error.js";
import { CchcApi } from "../api/cchc-api.js";
import { GraphQLClient } from "../api/graphql-client.js";

const TOKEN_KEY = "cchc.token";
const SIGNED_IN_CONTEXT = "cchc.signedIn";

export interface ConnectionSettings {
  serverUrl: string;
  rejectUnauthorized: boolean;
}

export function readSettings(): ConnectionSettings {
  const config = vscode.workspace.getConfiguration("cchc");
  return {
    serverUrl: config.get<string>("serverUrl", "http://localhost:4000"),
    rejectUnauthorized: config.get<boolean>("rejectUnauthorized", true),
  };
}

/**
 * Who the extension talks to and with which token. The token lives only in SecretStorage; the
 * `cchc.signedIn` context key drives the welcome view and menus. Listeners hear about sign-in,
 * sign-out and changed connection settings alike.
 */
export class Connection implements vscode.Disposable {
  private token: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscriptions.push(
      secrets.onDidChange(async (event) => {
        if (event.key === TOKEN_KEY) await this.load();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration("cchc.serverUrl") || event.affectsConfiguration("cchc.rejectUnauthorized")) {
          this.changed.fire();
        }
      }),
    );
  }

  async load(): Promise<void> {
    this.token = await this.secrets.get(TOKEN_KEY);
    await vscode.commands.executeCommand("setContext", SIGNED_IN_CONTEXT, Boolean(this.token));
    this.changed.fire();
  }

  get signedIn(): boolean {
    return Boolean(this.token);
  }

  /** A client for the current settings and token (the GraphiQL console uses it too). */
  client(token = this.token): GraphQLClient {
    const settings = readSettings();
    return new GraphQLClient({ serverUrl: settings.serverUrl, rejectUnauthorized: settings.rejectUnauthorized, token });
  }

  /** The typed API; fails with UNAUTHENTICATED and a way out when nobody has signed in. */
  api(): CchcApi {
    if (!this.token) throw new ApiError("UNAUTHENTICATED", "Not signed in. Run CCHC: Sign In with the server's token.");
    return new CchcApi(this.client());
  }

  /** Checks the token against the server before keeping it, so a typo never gets stored. */
  async signIn(token: string): Promise<void> {
    await new CchcApi(this.client(token)).checkToken();
    await this.secrets.store(TOKEN_KEY, token);
    await this.load();
  }

  async signOut(): Promise<void> {
    await this.secrets.delete(TOKEN_KEY);
    await this.load();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
