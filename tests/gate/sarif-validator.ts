// A structural validator for the SARIF 2.1.0 the gate emits (the JSON schema cannot be downloaded here). It checks
// every object and property srguard writes against the OASIS Standard "Static Analysis Results Interchange Format
// (SARIF) Version 2.1.0"; section numbers refer to that document. Returns the problems found (empty: valid).

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

const LEVELS = ["none", "note", "warning", "error"];

export function validateSarif(doc: unknown): string[] {
    const problems: string[] = [];
    const need = (cond: boolean, where: string, what: string) => {
        if (!cond) problems.push(`${where}: ${what}`);
    };
    const nonEmptyString = (v: unknown) => typeof v === "string" && v !== "";

    // §3.12 multiformatMessageString: `text` is required.
    const multiformat = (v: unknown, where: string) => need(isObj(v) && typeof v["text"] === "string", where, "needs text (§3.12.3)");
    // §3.8 property bag; §3.8.2 `tags`: an array of unique strings.
    const propertyBag = (v: unknown, where: string) => {
        if (v === undefined) return;
        need(isObj(v), where, "must be an object (§3.8)");
        if (!isObj(v) || v["tags"] === undefined) return;
        const tags = v["tags"];
        need(Array.isArray(tags) && tags.every((t) => typeof t === "string"), `${where}.tags`, "must be strings (§3.8.2)");
        need(Array.isArray(tags) && new Set(tags).size === tags.length, `${where}.tags`, "must be unique (§3.8.2)");
    };
    // §3.4 artifactLocation: `uri` a URI reference (§3.4.3); a relative one comes with `uriBaseId` (§3.4.4).
    const artifactLocation = (v: unknown, where: string) => {
        if (!isObj(v)) return need(false, where, "must be an object (§3.4)");
        need(nonEmptyString(v["uri"]), `${where}.uri`, "must be a URI reference (§3.4.3)");
        const uri = String(v["uri"] ?? "");
        need(!uri.includes("\\"), `${where}.uri`, "must use / separators (a URI, §3.4.3)");
        if (!/^[a-z][a-z0-9+.-]*:/i.test(uri)) need(nonEmptyString(v["uriBaseId"]), `${where}.uriBaseId`, "must be given for a relative uri (§3.4.4)");
    };

    if (!isObj(doc)) return ["sarifLog: must be an object (§3.13)"];
    // §3.13.3 version, §3.13.2 $schema, §3.13.4 runs.
    need(doc["version"] === "2.1.0", "sarifLog.version", 'must be "2.1.0" (§3.13.3)');
    if (doc["$schema"] !== undefined) need(nonEmptyString(doc["$schema"]), "sarifLog.$schema", "must be a URI (§3.13.2)");
    const runs = doc["runs"];
    if (!Array.isArray(runs)) return [...problems, "sarifLog.runs: must be an array (§3.13.4)"];
    runs.forEach((run: unknown, ri) => {
        const rw = `runs[${ri}]`;
        if (!isObj(run)) return need(false, rw, "must be an object (§3.14)");
        // §3.14.6 tool (required) → §3.18.2 driver (required) → §3.19 toolComponent.
        const tool = run["tool"];
        const driver = isObj(tool) ? tool["driver"] : undefined;
        need(isObj(driver), `${rw}.tool.driver`, "is required (§3.18.2)");
        const rules: unknown[] = [];
        if (isObj(driver)) {
            need(nonEmptyString(driver["name"]), `${rw}.tool.driver.name`, "is required (§3.19.8)");
            if (driver["version"] !== undefined) need(typeof driver["version"] === "string", `${rw}.tool.driver.version`, "must be a string (§3.19.13)");
            if (driver["fullDescription"] !== undefined) multiformat(driver["fullDescription"], `${rw}.tool.driver.fullDescription`);
            const rs = driver["rules"];
            if (rs !== undefined) {
                need(Array.isArray(rs), `${rw}.tool.driver.rules`, "must be an array (§3.19.23)");
                if (Array.isArray(rs)) rules.push(...rs);
            }
        }
        // §3.49 reportingDescriptor.
        const ids = new Set<string>();
        rules.forEach((rule, i) => {
            const w = `${rw}.tool.driver.rules[${i}]`;
            if (!isObj(rule)) return need(false, w, "must be an object (§3.49)");
            need(nonEmptyString(rule["id"]), `${w}.id`, "is required (§3.49.3)");
            if (typeof rule["id"] === "string") {
                need(!ids.has(rule["id"]), `${w}.id`, "must be unique among the rules (§3.19.23)");
                ids.add(rule["id"]);
            }
            for (const k of ["shortDescription", "fullDescription", "help"]) if (rule[k] !== undefined) multiformat(rule[k], `${w}.${k}`);
            if (rule["helpUri"] !== undefined) need(nonEmptyString(rule["helpUri"]), `${w}.helpUri`, "must be a URI (§3.49.12)");
            // §3.49.14 defaultConfiguration → §3.50 reportingConfiguration; §3.50.3 level.
            const dc = rule["defaultConfiguration"];
            if (dc !== undefined) {
                need(isObj(dc), `${w}.defaultConfiguration`, "must be an object (§3.50)");
                if (isObj(dc) && dc["level"] !== undefined) need(LEVELS.includes(String(dc["level"])), `${w}.defaultConfiguration.level`, "must be none|note|warning|error (§3.50.3)");
            }
            propertyBag(rule["properties"], `${w}.properties`);
        });
        // §3.14.14 originalUriBaseIds: artifactLocations whose uri is absolute and ends with "/".
        const bases = run["originalUriBaseIds"];
        if (bases !== undefined) {
            need(isObj(bases), `${rw}.originalUriBaseIds`, "must be an object (§3.14.14)");
            if (isObj(bases)) {
                for (const [k, v] of Object.entries(bases)) {
                    const uri = isObj(v) ? String(v["uri"] ?? "") : "";
                    need(/^[a-z][a-z0-9+.-]*:/i.test(uri) && uri.endsWith("/"), `${rw}.originalUriBaseIds.${k}`, "uri must be absolute and end with / (§3.14.14)");
                }
            }
        }
        // §3.14.23 results → §3.27 result.
        const results = run["results"];
        need(Array.isArray(results), `${rw}.results`, "must be an array (§3.14.23)");
        if (!Array.isArray(results)) return;
        results.forEach((res: unknown, i) => {
            const w = `${rw}.results[${i}]`;
            if (!isObj(res)) return need(false, w, "must be an object (§3.27)");
            // §3.27.11 message (required) → §3.11 message: text or id.
            const msg = res["message"];
            need(isObj(msg) && (typeof msg["text"] === "string" || typeof msg["id"] === "string"), `${w}.message`, "is required, with text or id (§3.27.11, §3.11)");
            // §3.27.5 ruleId, §3.27.6 ruleIndex: an index into the rules, naming the same rule.
            const ruleId = res["ruleId"];
            need(nonEmptyString(ruleId), `${w}.ruleId`, "must name the rule (§3.27.5)");
            const ri2 = res["ruleIndex"];
            if (ri2 !== undefined) {
                need(Number.isInteger(ri2) && Number(ri2) >= 0 && Number(ri2) < rules.length, `${w}.ruleIndex`, "must index tool.driver.rules (§3.27.6)");
                const rule = rules[Number(ri2)];
                need(isObj(rule) && rule["id"] === ruleId, `${w}.ruleIndex`, "must point at the rule named by ruleId (§3.27.6)");
            }
            // §3.27.10 level.
            if (res["level"] !== undefined) need(LEVELS.includes(String(res["level"])), `${w}.level`, "must be none|note|warning|error (§3.27.10)");
            // §3.27.12 locations → §3.28 location.
            const locs = res["locations"];
            if (locs !== undefined) {
                need(Array.isArray(locs), `${w}.locations`, "must be an array (§3.27.12)");
                if (Array.isArray(locs)) {
                    locs.forEach((loc: unknown, li) => {
                        const lw = `${w}.locations[${li}]`;
                        if (!isObj(loc)) return need(false, lw, "must be an object (§3.28)");
                        // §3.28.3 physicalLocation → §3.29: artifactLocation (§3.29.3), region (§3.29.4 → §3.30).
                        const pl = loc["physicalLocation"];
                        if (pl !== undefined) {
                            if (!isObj(pl)) need(false, `${lw}.physicalLocation`, "must be an object (§3.29)");
                            else {
                                artifactLocation(pl["artifactLocation"], `${lw}.physicalLocation.artifactLocation`);
                                const region = pl["region"];
                                if (region !== undefined) {
                                    need(isObj(region), `${lw}.physicalLocation.region`, "must be an object (§3.30)");
                                    if (isObj(region)) {
                                        need(Number.isInteger(region["startLine"]) && Number(region["startLine"]) >= 1, `${lw}.physicalLocation.region.startLine`, "must be an integer ≥ 1 (§3.30.5)");
                                        if (region["startColumn"] !== undefined) {
                                            need(Number.isInteger(region["startColumn"]) && Number(region["startColumn"]) >= 1, `${lw}.physicalLocation.region.startColumn`, "must be an integer ≥ 1 (§3.30.6)");
                                        }
                                    }
                                }
                            }
                        }
                        // §3.28.4 logicalLocations → §3.33 logicalLocation: name (§3.33.4), fullyQualifiedName
                        // (§3.33.5), kind (§3.33.7).
                        const lls = loc["logicalLocations"];
                        if (lls !== undefined) {
                            need(Array.isArray(lls), `${lw}.logicalLocations`, "must be an array (§3.28.4)");
                            if (Array.isArray(lls)) {
                                lls.forEach((ll: unknown, k) => {
                                    const llw = `${lw}.logicalLocations[${k}]`;
                                    if (!isObj(ll)) return need(false, llw, "must be an object (§3.33)");
                                    for (const key of ["name", "fullyQualifiedName", "kind"]) {
                                        if (ll[key] !== undefined) need(typeof ll[key] === "string", `${llw}.${key}`, "must be a string (§3.33)");
                                    }
                                });
                            }
                        }
                    });
                }
            }
            // §3.27.17 partialFingerprints: string values.
            const pf = res["partialFingerprints"];
            if (pf !== undefined) need(isObj(pf) && Object.values(pf).every((v) => typeof v === "string"), `${w}.partialFingerprints`, "must map to strings (§3.27.17)");
            // §3.27.23 suppressions: an array of suppression objects, each with `kind` inSource|external (required),
            // `status` accepted|underReview|rejected and `justification` a string.
            const sups = res["suppressions"];
            if (sups !== undefined) {
                need(Array.isArray(sups), `${w}.suppressions`, "must be an array (§3.27.23)");
                if (Array.isArray(sups)) {
                    sups.forEach((sup: unknown, k) => {
                        const sw = `${w}.suppressions[${k}]`;
                        if (!isObj(sup)) return need(false, sw, "must be a suppression object");
                        need(sup["kind"] === "inSource" || sup["kind"] === "external", `${sw}.kind`, "is required: inSource or external");
                        if (sup["status"] !== undefined) need(["accepted", "underReview", "rejected"].includes(String(sup["status"])), `${sw}.status`, "must be accepted|underReview|rejected");
                        if (sup["justification"] !== undefined) need(typeof sup["justification"] === "string", `${sw}.justification`, "must be a string");
                        for (const key of Object.keys(sup)) {
                            need(["kind", "status", "justification", "location", "guid", "properties"].includes(key), `${sw}.${key}`, "is not a property of a suppression");
                        }
                    });
                }
            }
            propertyBag(res["properties"], `${w}.properties`);
        });
    });
    return problems;
}
