import { XMLParser } from "fast-xml-parser";
import { participantParts } from "./sml";

/**
 * What a Peppol SMP says of a participant, in its own wire format: the `ServiceGroup` of the
 * Peppol SMP specification (OASIS BDXR SMP 1.0's namespace), which lists one
 * `ServiceMetadataReference` per document type the participant receives, its identifier
 * percent-encoded at the end of the reference's address. Whether a client can receive
 * invoices is whether the BIS Billing 3.0 invoice is among them; the Peppol Directory, a
 * voluntary listing, cannot say so.
 */
const SMP_NAMESPACE = "http://busdox.org/serviceMetadata/publishing/1.0/";
const IDENTIFIERS_NAMESPACE = "http://busdox.org/transport/identifiers/1.0/";

/** The Peppol BIS Billing 3.0 invoice's document type: its scheme and its value. */
export const BIS_BILLING_INVOICE_ID = {
  scheme: "busdox-docid-qns",
  value:
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1",
} as const;

/** The same, as an SMP's references name it (scheme::value). */
export const BIS_BILLING_INVOICE = `${BIS_BILLING_INVOICE_ID.scheme}::${BIS_BILLING_INVOICE_ID.value}`;

export interface ServiceGroup {
  /** The participant, scheme::value. */
  participant: string;
  /** The document types it receives, scheme::value, as the references name them. */
  documentTypes: string[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // SMPs write the namespaces with prefixes of their choosing (ids:, ns2:, none).
  removeNSPrefix: true,
  isArray: (name) => name === "ServiceMetadataReference",
  // A participant such as 0208:0403019261 stays text, its zero kept.
  parseTagValue: false,
  parseAttributeValue: false,
});

interface ParsedGroup {
  ParticipantIdentifier?: string | { "#text"?: string; "@scheme"?: string };
  ServiceMetadataReferenceCollection?: { ServiceMetadataReference?: { "@href"?: string }[] } | "";
}

/** A service group answered by an SMP; throws when the answer is none. */
export function parseServiceGroup(xml: string): ServiceGroup {
  let document: { ServiceGroup?: ParsedGroup };
  try {
    document = parser.parse(xml) as { ServiceGroup?: ParsedGroup };
  } catch (error) {
    throw new Error(`The SMP's answer is not XML: ${(error as Error).message}`);
  }
  const group = document.ServiceGroup;
  if (!group || typeof group !== "object")
    throw new Error("The SMP's answer is not a ServiceGroup.");
  const id = group.ParticipantIdentifier;
  const participant =
    typeof id === "object" && id["#text"] && id["@scheme"]
      ? `${id["@scheme"]}::${id["#text"]}`
      : "";
  const collection = group.ServiceMetadataReferenceCollection;
  const references =
    typeof collection === "object" ? (collection.ServiceMetadataReference ?? []) : [];
  const documentTypes = references.flatMap((reference) => {
    const type = documentTypeOf(reference["@href"] ?? "");
    return type ? [type] : [];
  });
  return { participant, documentTypes };
}

/**
 * The document type a reference names: what follows "/services/" in its address, decoded.
 * A reference of another shape names none (it is skipped, never guessed at).
 */
function documentTypeOf(href: string): string | undefined {
  const at = href.lastIndexOf("/services/");
  if (at < 0) return undefined;
  const encoded = href.slice(at + "/services/".length);
  if (!encoded) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/** Whether a service group says the participant receives Peppol BIS Billing 3.0 invoices. */
export function receivesInvoices(group: ServiceGroup): boolean {
  return group.documentTypes.some(
    (type) => type.toLowerCase() === BIS_BILLING_INVOICE.toLowerCase()
  );
}

/** A service group as an SMP writes it (the sandbox's SMP fixture answers with this). */
export function serviceGroupXml(
  smpUrl: string,
  participant: string,
  documentTypes: readonly string[]
): string {
  const { scheme, value } = participantParts(participant);
  const base = `${smpUrl.replace(/\/$/, "")}/${encodeURIComponent(participant)}/services/`;
  const references = documentTypes
    .map(
      (type) => `<ServiceMetadataReference href="${escapeXml(base + encodeURIComponent(type))}"/>`
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<ServiceGroup xmlns="${SMP_NAMESPACE}" xmlns:ids="${IDENTIFIERS_NAMESPACE}">` +
    `<ids:ParticipantIdentifier scheme="${escapeXml(scheme)}">${escapeXml(value)}</ids:ParticipantIdentifier>` +
    `<ServiceMetadataReferenceCollection>${references}</ServiceMetadataReferenceCollection>` +
    `</ServiceGroup>`
  );
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
