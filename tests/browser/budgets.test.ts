import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measurePage } from "../../src/bench/pageWeight.ts";
import { compareWithBudget, readBudgets, type Budgets } from "../../src/check/budgets.ts";
import { startBrowserSession } from "../support/browser.ts";
import { builtSite } from "../support/site.ts";

let session: Awaited<ReturnType<typeof startBrowserSession>>;
const budgets = readBudgets() as Budgets;

beforeAll(async () => {
  session = await startBrowserSession(builtSite);
}, 60_000);

afterAll(() => session?.close());

// The same measure as `npm run check` and `npm run bench`, on the site the tests built: a change that makes a page
// heavier than budgets.json allows fails here, not only in a pull request's check.
describe("the weight budgets", () => {
  it("lists every page type the benchmark measures", () => {
    expect(Object.keys(budgets.pages).length).toBeGreaterThanOrEqual(9);
  });

  for (const [name, budget] of Object.entries(budgets.pages)) {
    it(`holds « ${name} » (${budget.url}) to its budget, or to its ceiling while the budget is a target`, async () => {
      const measured = await measurePage(session.browser, `${session.url}${budget.url}`);
      expect(measured.requests).toBeGreaterThan(0);
      const errors = compareWithBudget(name, budget, measured, budgets.enforce).filter((problem) => problem.severity === "erreur");
      expect(errors.map((problem) => problem.message)).toEqual([]);
    });
  }
});
