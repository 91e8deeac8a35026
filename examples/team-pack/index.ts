// Entry of the example team pack (package.json "main" is its compiled dist/index.js). Only this file starts a server.
// Published like srguard's own pack: `pulumi policy publish <org>` in this folder, after `npm run build` at the root.
import { PolicyPack } from "@pulumi/policy";
import { teamPackArgs } from "./policies";

new PolicyPack("team-pack", teamPackArgs);
