import { defineResourcePolicy } from "../core/policy-legacy";
import { sameText } from "../core/values";

/** `publicAccess` levels that allow anonymous reads (the enum's third value is None). */
const PUBLIC_LEVELS = ["Container", "Blob"] as const;

export default defineResourcePolicy({
    name: "azure-storage-blob-container-disallow-public-access",
    title: "Blob containers do not allow anonymous reads",
    cloud: "azure",
    control: "public-access",
    severity: "high",
    description:
        "A blob container with `publicAccess` Container or Blob serves its blobs (and, with Container, its listing) to " +
        "anyone on the internet without credentials, whenever its account allows blob public access.",
    remediation: "Remove `publicAccess` or set it to None; share data with SAS tokens or Microsoft Entra ID roles instead.",
    frameworks: [{ framework: "iso27001", version: "2022", id: "A.8.3" }],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:storage:BlobContainer"],
    config: {},
    check({ props }, _config, report) {
        if (PUBLIC_LEVELS.some((level) => sameText(props.publicAccess, level))) {
            report("`publicAccess` allows anonymous reads (Container or Blob); set it to None.");
        }
    },
});
