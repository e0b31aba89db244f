import * as React from "react";
import type { LiveSession, TemplateInfo } from "../../excel";

export interface TemplateCatalog {
  /** Undefined when not signed in: the pane says how to get the templates. */
  refresh?: () => Promise<void>;
  refreshing: boolean;
  failure?: string;
}

/**
 * The partner's configuration templates: fetched as soon as they can be (on sign-in, or when
 * the client area opens signed in), and again on request. The sheet's template names are
 * judged against them, so waiting for "Refresh" would leave every name unjudged.
 */
export function useTemplateCatalog(
  session: LiveSession | undefined,
  fetchTemplates: (() => Promise<TemplateInfo[]>) | undefined
): TemplateCatalog {
  const [refreshing, setRefreshing] = React.useState(false);
  const [failure, setFailure] = React.useState<string>();

  const refresh = React.useMemo(() => {
    if (!session || !fetchTemplates) return undefined;
    return async () => {
      setRefreshing(true);
      setFailure(undefined);
      try {
        await session.setCatalog(await fetchTemplates());
      } catch (error) {
        setFailure(error instanceof Error ? error.message : String(error));
      } finally {
        setRefreshing(false);
      }
    };
  }, [session, fetchTemplates]);

  React.useEffect(() => {
    void refresh?.();
  }, [refresh]);

  return { refresh, refreshing, failure };
}
