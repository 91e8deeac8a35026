// The storage encryption of a database cluster that says so with `storageEncrypted` (DocumentDB and Neptune clusters
// and global clusters, whose APIs default it to false): true passes, false fails, and an unset flag is judged by what
// the cluster takes its encryption from instead (a global cluster's source cluster, the global cluster a member joins).

import { isUnsetFlag } from "./encryption";
import type { Value } from "./read";
import { fail, pass, unknown, type Verdict } from "./verdict";

/** `storageEncrypted` must be true; when it is unset, `whenUnset` judges what the cluster inherits. */
export function storageEncryption(encrypted: Value, whenUnset: () => Verdict): Verdict {
    if (encrypted.isTrue()) return pass;
    if (encrypted.isUnknown) return unknown(encrypted);
    if (!isUnsetFlag(encrypted)) return fail("`storageEncrypted` is not true; set it to true.");
    return whenUnset();
}

/**
 * The verdict on a cluster that leaves `storageEncrypted` unset: it passes when it takes its encryption from
 * `inheritsFrom` (a global cluster it joins, a source cluster), else it is unencrypted (`what` names the resource).
 * A cluster restored from `snapshot` takes the snapshot's encryption, which a policy cannot see: it fails with a
 * message that says so (declaring `storageEncrypted: true` is harmless for an encrypted snapshot).
 */
export function unsetStorageEncryption(inheritsFrom: Value, what: string, snapshot?: Value): Verdict {
    if (inheritsFrom.isUnknown) return unknown(inheritsFrom);
    if (inheritsFrom.isText()) return pass;
    if (snapshot?.isUnknown) return unknown(snapshot);
    if (snapshot?.isText()) {
        return fail(
            "`storageEncrypted` is not set, so the cluster takes the encryption of the snapshot it is restored from " +
                "(`snapshotIdentifier`), which this policy cannot see; set `storageEncrypted` to true.",
        );
    }
    return fail(`\`storageEncrypted\` is not set and ${what} is not encrypted by default; set it to true.`);
}
