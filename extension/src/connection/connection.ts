import * as vscode from "vscode";
import { ApiError } from "../api/api-error.js";
import { CchcApi } from "../api/cchc-api.js";
import { GraphQLClient } from "../api/graphql-client.js";
import { PlainHttpConsent } from "../model/plain-http-consent.js";
import { isTokenSecretKey } from "../model/server-address.js";
import { TokenStore } from "../model/token-store.js";
import { userSettingValue } from "../model/user-setting.js";

const SIGNED_IN_CONTEXT = "cchc.signedIn";
/** The details of the error a declined plain-http question raises, so Sign In does not blame the server. */
export const PLAIN_HTTP_DECLINED = "plain-http-declined";

export interface ConnectionSettings {
  serverUrl: string;
  rejectUnauthorized: boolean;
}

/** The connection settings from the user's settings only: a workspace cannot redirect the token. */
export function readSettings(): ConnectionSettings {
  const config = vscode.workspace.getConfiguration("cchc");
  return {
    serverUrl: userSettingValue(config.inspect<string>("serverUrl"), "http://localhost:4000"),
    rejectUnauthorized: userSettingValue(config.inspect<boolean>("rejectUnauthorized"), true),
  };
}

/** The modal question before a token goes over plain http to another machine. */
async function askPlainHttp(host: string, serverUrl: string): Promise<boolean> {
  const send = "Send over http";
  const answer = await vscode.window.showWarningMessage(
    `Send your CCHC token to ${host} over plain http?`,
    {
      modal: true,
      detail:
        `${serverUrl} is not this machine and does not use https: anyone on the network between here and ${host} ` +
        "could read the token and act as you. Prefer an https:// address (cchc.serverUrl). Your answer is " +
        "remembered for this address.",
    },
    send,
  );
  return answer === send;
}

/**
 * Who the extension talks to and with which token. Tokens live only in SecretStorage, one per server
 * address; the `cchc.signedIn` context key drives the welcome view and menus. Listeners hear about
 * sign-in, sign-out and changed connection settings alike.
 */
export class Connection implements vscode.Disposable {
  private token: string | undefined;
  private readonly tokens: TokenStore;
  private readonly consent: PlainHttpConsent;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(secrets: vscode.SecretStorage, globalState: vscode.Memento) {
    this.tokens = new TokenStore(secrets);
    this.consent = new PlainHttpConsent(globalState, askPlainHttp);
    this.subscriptions.push(
      secrets.onDidChange(async (event) => {
        if (isTokenSecretKey(event.key)) await this.load();
      }),
      vscode.workspace.onDidChangeConfiguration(async (event) => {
        // The token belongs to the address: a new address means that server's token (or none).
        if (event.affectsConfiguration("cchc.serverUrl")) await this.load();
        else if (event.affectsConfiguration("cchc.rejectUnauthorized")) this.changed.fire();
      }),
    );
  }

  async load(): Promise<void> {
    try {
      this.token = await this.tokens.get(readSettings().serverUrl);
    } catch {
      this.token = undefined; // not an address: signed out until the setting is fixed
    }
    await vscode.commands.executeCommand("setContext", SIGNED_IN_CONTEXT, Boolean(this.token));
    this.changed.fire();
  }

  get signedIn(): boolean {
    return Boolean(this.token);
  }

  /** A client for the current settings and token (the GraphiQL console uses it too). */
  client(token = this.token): GraphQLClient {
    const settings = readSettings();
    return new GraphQLClient({
      serverUrl: settings.serverUrl,
      rejectUnauthorized: settings.rejectUnauthorized,
      token,
      beforeSendingToken: async () => {
        if (await this.consent.allow(settings.serverUrl)) return;
        throw new ApiError(
          "UNAUTHENTICATED",
          `The token was not sent: you declined plain http to ${new URL(settings.serverUrl).host}. ` +
            "Use an https:// address in cchc.serverUrl, or run CCHC: Sign In to be asked again.",
          PLAIN_HTTP_DECLINED,
        );
      },
    });
  }

  /** The typed API; fails with UNAUTHENTICATED and a way out when nobody has signed in. */
  api(): CchcApi {
    if (!this.token) throw new ApiError("UNAUTHENTICATED", "Not signed in. Run CCHC: Sign In with the server's token.");
    return new CchcApi(this.client());
  }

  /** Checks the token against the server before keeping it (for this server only), so a typo never gets stored. */
  async signIn(token: string): Promise<void> {
    const { serverUrl } = readSettings();
    this.consent.forgetRefusal(serverUrl);
    await new CchcApi(this.client(token)).checkToken();
    await this.tokens.store(serverUrl, token);
    await this.load();
  }

  /** Removes the current server's token; tokens of other servers stay. */
  async signOut(): Promise<void> {
    await this.tokens.delete(readSettings().serverUrl);
    await this.load();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
