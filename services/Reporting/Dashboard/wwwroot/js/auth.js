// Who reads the dashboard: an access token from the deployment's identity provider, got with
// the OpenID Connect authorization code flow with PKCE (oidc-client-ts), or in Development the
// token that build/run.sh puts in the link's fragment. Tokens live in this tab's sessionStorage
// only (never localStorage: they end with the tab), and never travel in a URL a server sees:
// the provider answers in the fragment (response_mode=fragment), and the fragment is cleared
// from the address bar as soon as it is read.

const DEVELOPMENT_TOKEN = "reintegration.dashboard.token";

/** The part of the address after '#', as parameters (empty when it holds none of ours). */
function fragmentParameters() {
  return new URLSearchParams(window.location.hash.startsWith("#") ? window.location.hash.slice(1) : "");
}

function clearFragment() {
  history.replaceState(history.state, "", window.location.pathname + window.location.search);
}

/** The seconds-since-epoch expiry of a JWT, or 0 when it cannot be read (then it is not kept). */
function expiryOf(token) {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), "="))).exp ?? 0;
  } catch {
    return 0;
  }
}

export class Session {
  /** @param {{authority: string|null, clientId: string|null, scope: string}} config from /dashboard/config */
  constructor(config) {
    this.config = config;
    this.manager = null;
    if (config.authority && config.clientId && window.oidc) {
      const store = new window.oidc.WebStorageStateStore({ store: window.sessionStorage });
      this.manager = new window.oidc.UserManager({
        authority: config.authority,
        client_id: config.clientId,
        redirect_uri: new URL("dashboard", document.baseURI).href,
        post_logout_redirect_uri: new URL("dashboard", document.baseURI).href,
        response_type: "code",
        response_mode: "fragment",
        scope: config.scope,
        userStore: store,
        stateStore: store,
        loadUserInfo: false,
        monitorSession: false,
        automaticSilentRenew: false,
      });
    }
  }

  /** True when the deployment has a provider for the page, so a reader can sign in. */
  get canSignIn() {
    return this.manager !== null;
  }

  /**
   * Completes a sign-in coming back from the provider, or takes a development token from the
   * link, then answers the token to read with (null when signed out). What the reader was
   * looking at before the sign-in (the filters) comes back as `returnTo`.
   */
  async start() {
    const fragment = fragmentParameters();
    let returnTo = null;
    if (fragment.has("access_token")) {
      const token = fragment.get("access_token");
      clearFragment();
      if (expiryOf(token) * 1000 > Date.now()) window.sessionStorage.setItem(DEVELOPMENT_TOKEN, token);
    } else if (this.manager && fragment.has("state") && (fragment.has("code") || fragment.has("error"))) {
      const user = await this.manager.signinRedirectCallback(window.location.href);
      clearFragment();
      returnTo = typeof user.state === "string" ? user.state : null;
    }
    return { token: await this.token(), returnTo };
  }

  async token() {
    const development = window.sessionStorage.getItem(DEVELOPMENT_TOKEN);
    if (development) {
      if (expiryOf(development) * 1000 > Date.now()) return development;
      window.sessionStorage.removeItem(DEVELOPMENT_TOKEN);
    }
    if (!this.manager) return null;
    const user = await this.manager.getUser();
    return user && !user.expired ? user.access_token : null;
  }

  /** To the provider's sign-in page; the current filters ride along in the state. */
  async signIn() {
    await this.manager.signinRedirect({ state: window.location.search });
  }

  /** Forgets the tokens in this tab (the provider's own session is the provider's). */
  async signOut() {
    window.sessionStorage.removeItem(DEVELOPMENT_TOKEN);
    if (this.manager) await this.manager.removeUser();
  }
}
