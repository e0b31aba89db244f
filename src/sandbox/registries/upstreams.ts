import { ConcurrencyLimit } from "../../api/limiter";
import type { components } from "../../api/generated/openapi";
import { parseServiceGroup, receivesInvoices, type ServiceGroup } from "./smp";
import { IceBatches, type IceAnswer, type IceVerdict } from "./ice-batches";

/**
 * The two public registries the partner API asks, in their own wire formats: the EU's VIES
 * REST service for VAT numbers and the Peppol Directory's REST search for participants. Their
 * base URLs are configuration: the sandbox's fixtures by default, the real services unchanged
 * on a machine with internet (VIES_URL, PEPPOL_DIRECTORY_URL).
 */
export type CompanyLookupResult = components["schemas"]["CompanyLookupResult"];
type RegistryAddress = components["schemas"]["RegistryAddress"];
type PeppolEntry = components["schemas"]["PeppolEntry"];

/** A Belgian enterprise number as a Peppol participant (ICD 0208, the KBO/BCE number). */
export const PEPPOL_SCHEME_PREFIX = "iso6523-actorid-upis::0208:";

export interface RegistryOptions {
  viesUrl: string;
  peppolUrl: string;
  /**
   * The SMP asked for participants' service groups (the sandbox skips the SML's DNS: one SMP
   * answers for all); unset, reachability is not asked.
   */
  smpUrl?: string;
  /**
   * The Moroccan company register, asked whether an ICE belongs to a company (its search:
   * `GET {iceUrl}/companies?ice=…,…`, up to 100 ICEs, answering the companies found); unset,
   * no ICE is checked.
   */
  iceUrl?: string;
  /** Requests in flight to each upstream at once (VIES refuses more per member state). */
  concurrency: number;
  /** Attempts after the first, for faults that pass (too many requests, a member state down). */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** One request's longest wait. */
  timeoutMs: number;
  fetch?: typeof fetch;
  random?: () => number;
}

export const DEFAULT_REGISTRY_OPTIONS: Omit<RegistryOptions, "viesUrl" | "peppolUrl"> = {
  concurrency: 4,
  retries: 4,
  baseDelayMs: 200,
  maxDelayMs: 3_000,
  timeoutMs: 10_000,
};

/**
 * VIES's `userError` codes that pass with time: worth another try after a wait. The others
 * (INVALID_INPUT, VAT_BLOCKED, IP_BLOCKED) will not change by asking again.
 */
const VIES_PASSING = new Set([
  "MS_UNAVAILABLE",
  "MS_MAX_CONCURRENT_REQ",
  "MS_MAX_CONCURRENT_REQ_TIME",
  "GLOBAL_MAX_CONCURRENT_REQ",
  "GLOBAL_MAX_CONCURRENT_REQ_TIME",
  "SERVICE_UNAVAILABLE",
  "TIMEOUT",
]);

/** What one attempt got: an answer, or a fault and whether it may pass. */
type Attempt<T> = { answer: T } | { fault: string; passing: boolean };

interface ViesAnswer {
  isValid: boolean;
  name: string | null;
  address: string | null;
  requestDate: string;
}

/** VIES writes "---" for what a member state does not give. */
const given = (text: unknown) =>
  typeof text === "string" && text.trim() !== "" && text.trim() !== "---" ? text.trim() : null;

/**
 * A Belgian address as VIES writes it ("Rue de la Loi 16 bte 3\n1000 Bruxelles") split into
 * the template's fields. An address of another shape keeps its lines only: guessing its parts
 * would fill cells with wrong values.
 */
export function splitBelgianAddress(text: string): RegistryAddress {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const address: RegistryAddress = { lines, country: "BE" };
  // Only a last line "1000 Bruxelles" makes it a Belgian address; otherwise the lines are all.
  const place = /^(\d{4})\s+(.+)$/.exec(lines.at(-1) ?? "");
  if (!place) return address;
  address.postalCode = place[1]!;
  address.city = place[2]!;
  const streetLine = lines.slice(0, -1).join(", ");
  const parts =
    /^(.*?\D)[\s,]+(\d+[A-Za-z]?)(?:\s*(?:bte|bus|boîte|box|b\.?|\/)\s*([\w-]{1,10}))?$/i.exec(
      streetLine
    );
  if (parts) {
    address.street = parts[1]!.trim();
    address.houseNumber = parts[2]!;
    if (parts[3]) address.postalBox = parts[3];
  } else if (streetLine) address.street = streetLine;
  return address;
}

export class Registries {
  private readonly vies: ConcurrencyLimit;
  private readonly peppol: ConcurrencyLimit;
  private readonly smp: ConcurrencyLimit;
  private readonly ice: ConcurrencyLimit;
  private readonly iceBatches: IceBatches;
  private readonly fetchImpl: typeof fetch;
  private readonly random: () => number;

  constructor(private readonly options: RegistryOptions) {
    this.vies = new ConcurrencyLimit(options.concurrency);
    this.peppol = new ConcurrencyLimit(options.concurrency);
    this.smp = new ConcurrencyLimit(options.concurrency);
    this.ice = new ConcurrencyLimit(options.concurrency);
    this.iceBatches = new IceBatches(async (ices): Promise<IceAnswer> => {
      const attempt = await this.withRetries(this.ice, () => this.askIce(ices));
      return "answer" in attempt ? { held: attempt.answer } : { fault: attempt.fault };
    });
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.random = options.random ?? Math.random;
  }

  /** What the registries say of a Belgian enterprise number (10 digits): both asked at once. */
  async lookupBelgian(number: string, identifier: string): Promise<CompanyLookupResult> {
    const [vies, peppol, smp] = await Promise.all([
      this.withRetries(this.vies, () => this.askVies("BE", number)),
      this.withRetries(this.peppol, () => this.askPeppol(number)),
      this.options.smpUrl ? this.withRetries(this.smp, () => this.askSmp(number)) : undefined,
    ]);
    // What the participant's SMP lists: the authority on what it receives (null: not asked).
    const reach =
      smp && "answer" in smp
        ? { reachable: receivesInvoices(smp.answer), documentTypes: smp.answer.documentTypes }
        : { reachable: null };
    const peppolEntry: PeppolEntry =
      "answer" in peppol
        ? {
            participantId: `${PEPPOL_SCHEME_PREFIX}${number}`,
            checked: true,
            ...peppol.answer,
            ...reach,
          }
        : {
            participantId: `${PEPPOL_SCHEME_PREFIX}${number}`,
            checked: false,
            registered: false,
            businessCardName: null,
            registeredOn: null,
            fault: peppol.fault,
            ...reach,
          };
    if (!("answer" in vies)) {
      return {
        identifier,
        checked: false,
        fault: vies.fault,
        known: false,
        active: false,
        name: null,
        address: null,
        source: "vies",
        checkedAt: new Date().toISOString(),
        peppol: peppolEntry,
      };
    }
    const answer = vies.answer;
    // VIES only says whether a number is valid for VAT today. A business card in the Peppol
    // Directory shows that a company VIES does not validate exists all the same: known, inactive.
    const card = peppolEntry.registered ? peppolEntry.businessCardName : null;
    return {
      identifier,
      checked: true,
      known: answer.isValid || card !== null,
      active: answer.isValid,
      name: answer.name ?? (answer.isValid ? null : (card ?? null)),
      address: answer.address ? splitBelgianAddress(answer.address) : null,
      source: "vies",
      checkedAt: answer.requestDate,
      peppol: peppolEntry,
    };
  }

  /** What the register says of each ICE (all "unchecked" when no register is configured). */
  async iceVerdicts(ices: readonly string[]): Promise<Map<string, IceVerdict>> {
    if (!this.options.iceUrl) return new Map(ices.map((ice) => [ice, "unchecked" as const]));
    return this.iceBatches.verdicts(ices);
  }

  private async askIce(ices: readonly string[]): Promise<Attempt<ReadonlySet<string>>> {
    const response = await this.get(`${this.options.iceUrl}/companies?ice=${ices.join(",")}`);
    if ("fault" in response) return response;
    const companies = (response.answer as { companies?: { ice?: unknown }[] } | undefined)
      ?.companies;
    if (response.status !== 200 || !Array.isArray(companies))
      return {
        fault: `HTTP_${response.status}`,
        passing: response.status === 429 || response.status >= 500,
      };
    return { answer: new Set(companies.map((company) => String(company.ice))) };
  }

  private async askVies(country: string, number: string): Promise<Attempt<ViesAnswer>> {
    const url = `${this.options.viesUrl}/ms/${country}/vat/${encodeURIComponent(number)}`;
    const response = await this.get(url);
    if ("fault" in response) return response;
    const body = response.answer as Record<string, unknown> | undefined;
    // The REST service answers 200 with the fault in `userError`; some faults come as an error
    // body (`errorWrappers`) under a 4xx/5xx.
    const wrapped = (body?.errorWrappers as { error?: string }[] | undefined)?.[0]?.error;
    const code = String(body?.userError ?? wrapped ?? "");
    if (body && typeof body.isValid === "boolean" && (code === "VALID" || code === "INVALID"))
      return {
        answer: {
          isValid: body.isValid,
          name: given(body.name),
          address: given(body.address),
          requestDate:
            typeof body.requestDate === "string" ? body.requestDate : new Date().toISOString(),
        },
      };
    const fault = code || `HTTP_${response.status}`;
    return {
      fault,
      passing:
        code === "" ? response.status >= 500 || response.status === 429 : VIES_PASSING.has(code),
    };
  }

  private async askPeppol(
    number: string
  ): Promise<Attempt<Pick<PeppolEntry, "registered" | "businessCardName" | "registeredOn">>> {
    const participant = encodeURIComponent(`${PEPPOL_SCHEME_PREFIX}${number}`);
    const response = await this.get(
      `${this.options.peppolUrl}/search/1.0/json?participant=${participant}`
    );
    if ("fault" in response) return response;
    if (response.status !== 200 || !response.answer)
      return {
        fault: `HTTP_${response.status}`,
        passing: response.status === 429 || response.status >= 500,
      };
    const body = response.answer as {
      "total-result-count"?: number;
      matches?: { entities?: { name?: { name?: string }[]; regDate?: string }[] }[];
    };
    const entity = body.matches?.[0]?.entities?.[0];
    const registered = (body["total-result-count"] ?? body.matches?.length ?? 0) > 0;
    return {
      answer: {
        registered,
        businessCardName: registered ? given(entity?.name?.[0]?.name) : null,
        registeredOn: registered ? (entity?.regDate ?? null) : null,
      },
    };
  }

  /**
   * The participant's service group from its SMP: no service group (404) is a participant
   * not on Peppol, listing nothing; an answer that is none is a fault that passes.
   */
  private async askSmp(number: string): Promise<Attempt<ServiceGroup>> {
    const participant = `${PEPPOL_SCHEME_PREFIX}${number}`;
    const response = await this.getText(
      `${this.options.smpUrl}/${encodeURIComponent(participant)}`,
      "application/xml"
    );
    if ("fault" in response) return response;
    if (response.status === 404) return { answer: { participant, documentTypes: [] } };
    if (response.status !== 200)
      return {
        fault: `HTTP_${response.status}`,
        passing: response.status === 429 || response.status >= 500,
      };
    try {
      return { answer: parseServiceGroup(response.text) };
    } catch {
      return { fault: "SMP_ANSWER", passing: true };
    }
  }

  /** One GET: its status and JSON body, or a fault that may pass (network, timeout). */
  private async get(
    url: string
  ): Promise<{ status: number; answer: unknown } | { fault: string; passing: true }> {
    const response = await this.getText(url, "application/json");
    if ("fault" in response) return response;
    let answer: unknown;
    try {
      answer = response.text ? JSON.parse(response.text) : undefined;
    } catch {
      answer = undefined;
    }
    return { status: response.status, answer };
  }

  /** One GET: its status and body, or a fault that may pass (network, timeout). */
  private async getText(
    url: string,
    accept: string
  ): Promise<{ status: number; text: string } | { fault: string; passing: true }> {
    try {
      const response = await this.fetchImpl(url, {
        headers: { Accept: accept },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError";
      return { fault: timedOut ? "TIMEOUT" : "UNREACHABLE", passing: true };
    }
  }

  /**
   * Asks within the upstream's limit; a fault that may pass is asked again after a wait
   * (exponential, full jitter), with the slot given back while waiting.
   */
  private async withRetries<T>(
    limit: ConcurrencyLimit,
    ask: () => Promise<Attempt<T>>
  ): Promise<Attempt<T>> {
    for (let attempt = 0; ; attempt++) {
      const result = await limit.run(ask);
      if ("answer" in result || !result.passing || attempt >= this.options.retries) return result;
      const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.round(this.random() * ceiling)));
    }
  }
}
