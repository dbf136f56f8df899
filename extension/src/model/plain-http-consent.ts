import { normaliseServerUrl, plainHttpHost } from "./server-address.js";

/** Where the consents are remembered: VS Code's globalState (a Memento), or a Map in a test. */
export interface ConsentState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** Asks the person (a modal dialog naming the host); true means "send it". */
export type AskConsent = (host: string, serverUrl: string) => PromiseLike<boolean>;

const CONSENTED_KEY = "cchc.plainHttpConsent";

/**
 * Before a token goes over plain http to a host other than this machine, the person is asked once per
 * server address; a yes is remembered (globalState, not a setting: a workspace cannot pre-approve it).
 * A no holds until the next sign-in (`forgetRefusal`), so auto-refresh does not ask again and again.
 * Concurrent requests share one question.
 */
export class PlainHttpConsent {
  private readonly refused = new Set<string>();
  private readonly pending = new Map<string, Promise<boolean>>();

  constructor(
    private readonly state: ConsentState,
    private readonly ask: AskConsent,
  ) {}

  /** May a token be sent to this address? Asks when it has to. */
  async allow(serverUrl: string): Promise<boolean> {
    const host = plainHttpHost(serverUrl);
    if (host === undefined) return true;
    const key = normaliseServerUrl(serverUrl)!;
    if (this.consented().includes(key)) return true;
    if (this.refused.has(key)) return false;
    let question = this.pending.get(key);
    if (!question) {
      question = this.decide(key, host);
      this.pending.set(key, question);
    }
    try {
      return await question;
    } finally {
      this.pending.delete(key);
    }
  }

  /** Sign In asks again even after a no. */
  forgetRefusal(serverUrl: string): void {
    const key = normaliseServerUrl(serverUrl);
    if (key) this.refused.delete(key);
  }

  private async decide(key: string, host: string): Promise<boolean> {
    const yes = await this.ask(host, key);
    if (yes) await this.state.update(CONSENTED_KEY, [...this.consented(), key]);
    else this.refused.add(key);
    return yes;
  }

  private consented(): string[] {
    const value = this.state.get<unknown>(CONSENTED_KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  }
}
