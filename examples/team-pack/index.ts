// Entry of the example team pack (`pulumi preview --policy-pack examples/team-pack`). Only this file starts a server.
import { PolicyPack } from "@pulumi/policy";
import { teamPackArgs } from "./policies";

new PolicyPack("team-pack", teamPackArgs);
