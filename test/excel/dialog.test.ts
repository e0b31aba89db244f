import { dialogAnswer, DialogMessageRefused } from "../../src/excel";

describe("the sign-in dialog's answer", () => {
  const own = "https://localhost:3000";
  it("is read when it comes from the add-in's own origin, or from a host that gives none", () => {
    expect(
      dialogAnswer(
        { message: "https://localhost:3000/auth-callback.html?code=x", origin: own },
        own
      )
    ).toBe("https://localhost:3000/auth-callback.html?code=x");
    expect(dialogAnswer({ message: "answer" }, own)).toBe("answer");
  });
  it("is refused from any other origin", () => {
    expect(() =>
      dialogAnswer(
        {
          message: "https://localhost:3000/auth-callback.html?code=x",
          origin: "https://evil.example",
        },
        own
      )
    ).toThrow(DialogMessageRefused);
  });
});
