// Property-based fuzzing of every Azure policy in the registry (see suite.ts and properties.ts).
import { describeFuzz } from "./suite";

describeFuzz("azure");
