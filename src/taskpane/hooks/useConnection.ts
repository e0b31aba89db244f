import * as React from "react";
import { SignInFailed, type Partner } from "../../api";
import { DialogClosed } from "../../excel";
import type { PartnerConnection } from "../connection";

export type SignInState =
  | { kind: "signedOut"; error?: string; cancelled?: boolean }
  | { kind: "signingIn" }
  | { kind: "signedIn"; partner: Partner };

/** Sign-in state of the pane: restored silently from stored tokens when they still work. */
export function useConnection(connection: PartnerConnection | undefined) {
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
      await connection.signIn();
      await loadPartner();
    } catch (error) {
      const cancelled =
        error instanceof DialogClosed || (error instanceof SignInFailed && error.cancelled);
      setState({
        kind: "signedOut",
        cancelled,
        error: cancelled ? undefined : (error as Error).message,
      });
    }
  }, [connection, loadPartner]);

  const signOut = React.useCallback(() => {
    connection?.signOut();
    setState({ kind: "signedOut" });
  }, [connection]);

  return { state, signIn, signOut };
}
