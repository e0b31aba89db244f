import { DialogMessageRefused, readDialogMessage } from "../../src/excel";

describe("the sign-in dialog's messages", () => {
  const own = "https://localhost:3000";
  const api = "https://localhost:4000";
  const answer = "https://localhost:3000/auth-callback.html?code=x";
  const notice = JSON.stringify({ signInFailed: "Wrong e-mail or password." });

  it("reads the answer from the add-in's own origin, or from a host that gives none", () => {
    expect(readDialogMessage({ message: answer, origin: own }, own, [api])).toEqual({ answer });
    expect(readDialogMessage({ message: answer }, own, [api])).toEqual({ answer });
  });
  it("refuses an answer from any other origin, the API's included", () => {
    for (const origin of ["https://evil.example", api])
      expect(() => readDialogMessage({ message: answer, origin }, own, [api])).toThrow(
        DialogMessageRefused
      );
  });
  it("takes a failed attempt's notice from the sign-in page's origin, and from no other", () => {
    expect(readDialogMessage({ message: notice, origin: api }, own, [api])).toEqual({
      failure: "Wrong e-mail or password.",
    });
    expect(() =>
      readDialogMessage({ message: notice, origin: "https://evil.example" }, own, [api])
    ).toThrow(DialogMessageRefused);
  });
});
