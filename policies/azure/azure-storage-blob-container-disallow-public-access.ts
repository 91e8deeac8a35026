import { isAzureText } from "../core/azure";
import { defineResourcePolicy } from "../core/policy";
import { fail, pass, unknown } from "../core/verdict";

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
    examples: {
        pass: [
            { title: "a container that leaves `publicAccess` unset (None)", type: "azure-native:storage:BlobContainer", props: { accountName: "contoso", resourceGroupName: "rg" } },
            { title: "a private container", type: "azure-native:storage:BlobContainer", props: { accountName: "contoso", resourceGroupName: "rg", publicAccess: "None" } },
        ],
        fail: [{ title: "a container open to anonymous reads", type: "azure-native:storage:BlobContainer", props: { accountName: "contoso", resourceGroupName: "rg", publicAccess: "Container" } }],
    },
    check({ props }) {
        const access = props.get("publicAccess");
        if (access.isUnknown) return unknown(access);
        return isAzureText(access, ...PUBLIC_LEVELS) ? fail("`publicAccess` allows anonymous reads (Container or Blob); set it to None.") : pass;
    },
});
