// Property-based fuzzing of every AWS policy in the registry (see suite.ts and properties.ts).
import { describeFuzz } from "./suite";

describeFuzz("aws");
