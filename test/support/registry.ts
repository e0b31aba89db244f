import type { RegistryAnswer } from "../../src/core";

/** An active company as the registries describe it, with an address in the template's fields. */
export function registryAnswer(
  name: string,
  changes: Partial<RegistryAnswer> = {}
): RegistryAnswer {
  return {
    checked: true,
    known: true,
    active: true,
    name,
    address: { street: "Rue Haute", houseNumber: "12", postalCode: "1000", city: "Bruxelles" },
    checkedAt: "2026-11-29T10:00:00.000Z",
    peppol: null,
    ...changes,
  };
}
