// The weight budgets, read from budgets.json at the project's root (one file for the checks and this site).
import { readFileSync } from "node:fs";

export default JSON.parse(readFileSync(new URL("../budgets.json", import.meta.url), "utf8"));
