import * as React from "react";
import type { Partner } from "../../api";
import type { PartnerConnection } from "../connection";

export type SignInState =
  | { kind: "signedOut"; error?: string; cancelled?: boolean }
  | { kind: "signingIn" }
  | { kind: "signedIn"; partner: Partner };

/**
 * Sign-in state of the pane: restored silently from stored tokens when they still work. The
 * sign-in page is asked to speak the pane's `language`.
 */
export function useConnection(connection: PartnerConnection | undefined, language: string) {
  const [state, setState] = React.useState<SignInState>({ kind: "signedOut" });

  const loadPartner = React.useCallback(async () => {
    if (!connection) return;
    const partner = await connection.client().getPartner();
    setState({ kind: "signedIn", partner });
  }, [connection]);

  React.useEffect(() => {
    if (!connection?.isSignedIn()) return;
    let mounted = true;
    setState({ kind: "signingIn" });
    connection
      .client()
      .getPartner()
      .then(
        (partner) => mounted && setState({ kind: "signedIn", partner }),
        () => mounted && setState({ kind: "signedOut" })
      );
    return () => {
      mounted = false;
    };
  }, [connection]);

  const signIn = React.useCallback(async () => {
    if (!connection) return;
    setState({ kind: "signingIn" });
    try {
      if ((await connection.signIn(language)) === "cancelled")
        setState({ kind: "signedOut", cancelled: true });
      else await loadPartner();
    } catch (error) {
      setState({ kind: "signedOut", error: (error as Error).message });
    }
  }, [connection, language, loadPartner]);

  const signOut = React.useCallback(() => {
    // Signed out here at once; the server's revocation follows (best effort).
    void connection?.signOut();
    setState({ kind: "signedOut" });
  }, [connection]);

  return { state, signIn, signOut };
}

/**
 * The connection the pane was given, or the one it loads after its first render: sign-in and
 * the API client are a chunk of their own, so the pane appears without waiting for them.
 */
export function useLoadedConnection(
  given: PartnerConnection | undefined,
  load: (() => Promise<PartnerConnection>) | undefined
): { connection: PartnerConnection | undefined; loadError?: string } {
  const [loaded, setLoaded] = React.useState<{ connection?: PartnerConnection; error?: string }>(
    {}
  );
  React.useEffect(() => {
    if (given || !load) return;
    let mounted = true;
    load().then(
      (connection) => mounted && setLoaded({ connection }),
      (error: unknown) => mounted && setLoaded({ error: (error as Error).message })
    );
    return () => {
      mounted = false;
    };
  }, [given, load]);
  return { connection: given ?? loaded.connection, loadError: loaded.error };
}
