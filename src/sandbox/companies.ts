import type { FastifyInstance, FastifyReply } from "fastify";
import { compileRule, Failure, getProfile, type FieldChecker, type ProfileId } from "../core";
import type { BodyCheck } from "./contract";
import type { Db } from "./db";
import { sendInvalid, sendProblem, type FieldError } from "./problems";
import type { Registries } from "./registries/upstreams";

/**
 * POST /v1/companies/lookup: what the public registries say of up to 100 companies of the
 * partner's region. Identifiers are judged with the profile's own rules (an enterprise number
 * or a VAT number, written as people write them): a malformed one is a 422 that points at it,
 * before any registry is asked.
 */
export function registerCompanyRoutes(
  app: FastifyInstance,
  db: Db,
  options: { lookupRequest: BodyCheck; registries: Registries }
): void {
  const regionOf = db.prepare("SELECT region FROM partners WHERE id = ?");
  const readers = new Map<ProfileId, ((text: string) => string | undefined) | undefined>();
  const readerFor = (region: ProfileId) => {
    if (!readers.has(region)) readers.set(region, numberReader(region));
    return readers.get(region);
  };

  app.post("/v1/companies/lookup", async (request, reply) => {
    const errors = options.lookupRequest(request.body);
    if (errors.length > 0) return invalid(reply, errors);
    const { region } = regionOf.get(request.partnerId) as { region: ProfileId };
    const read = readerFor(region);
    if (!read)
      return sendProblem(reply, {
        status: 422,
        title: "No registry for this region",
        code: "registry_unavailable",
        detail: `No public company registry can be asked for ${getProfile(region).name.en}.`,
      });
    const { identifiers } = request.body as { identifiers: string[] };
    const numbers = identifiers.map(read);
    const malformed: FieldError[] = numbers.flatMap((number, i) =>
      number === undefined
        ? [
            {
              pointer: `/identifiers/${i}`,
              code: "identifier.invalid",
              detail: `“${identifiers[i]}” is not an enterprise number or a VAT number of ${getProfile(region).name.en}.`,
            },
          ]
        : []
    );
    if (malformed.length > 0) return invalid(reply, malformed);
    const results = await Promise.all(
      numbers.map((number, i) => options.registries.lookupBelgian(number!, identifiers[i]!))
    );
    return { results };
  });
}

/**
 * The registry number in what a caller sent, read by the profile's own lookup fields (their
 * value or certain fix, as the sheet would take it), as the registries know it: undefined when
 * it is none of them. Undefined reader: the region has no registry.
 */
function numberReader(region: ProfileId): ((text: string) => string | undefined) | undefined {
  const profile = getProfile(region);
  if (!profile.registry) return undefined;
  const checkers: FieldChecker[] = profile.registry.lookupBy.map((key) =>
    compileRule(profile.fields.find((field) => field.key === key)!.rule, { headerLang: "fr" })
  );
  return (text) => {
    for (const checker of checkers) {
      const outcome = checker.parse(text.trim(), text);
      const value = outcome instanceof Failure ? outcome.fix : outcome;
      if (typeof value !== "string") continue;
      return checker.sameIdentityAs ? checker.sameIdentityAs.key(value) : value;
    }
    return undefined;
  };
}

function invalid(reply: FastifyReply, errors: FieldError[]) {
  return sendInvalid(
    reply,
    { title: "Invalid lookup", detail: "Some identifiers are invalid: see errors." },
    errors
  );
}
