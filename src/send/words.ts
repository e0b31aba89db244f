/** The statuses sending, loading and refreshing write, by the key of their words. */
type SendWord =
  | "statusBothChanged"
  | "statusCancelled"
  | "statusEdited"
  | "statusExists"
  | "statusInvalid"
  | "statusInviteFailed"
  | "statusInvited"
  | "statusLoaded"
  | "statusMerged"
  | "statusRefreshed"
  | "statusSimilarEmail"
  | "statusSimilarName"
  | "statusUnchecked"
  | "statusUpdateFailed"
  | "statusUpdated";

/** Turns a status's key and its values into the words written in the sheet. */
export type SendSay = (key: SendWord, params?: Record<string, string | number>) => string;
