import { useState } from "react";
import { readToken, writeToken } from "./token-store.js";

/** The bar above GraphiQL where the user pastes the bearer token; it is stored on every change. */
export function TokenField(props: { onChange(token: string): void }) {
  const [token, setToken] = useState(readToken);
  return (
    <form className="cchc-token-bar" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor="cchc-token">Bearer token</label>
      <input
        id="cchc-token"
        name="cchc-token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder="paste the token issued to you (kept in this browser only)"
        value={token}
        onChange={(event) => {
          const next = event.target.value.trim();
          setToken(next);
          writeToken(next);
          props.onChange(next);
        }}
      />
      <button
        type="button"
        onClick={() => {
          setToken("");
          writeToken("");
          props.onChange("");
        }}
      >
        Forget
      </button>
    </form>
  );
}
