import { describe, expect, it } from "vitest";
import { originalMethod, replaceMethodOnce } from "../../src/patches/replaceMethod.ts";

describe("replacing a library's internal method", () => {
  it("replaces it once, keeps the original findable, and names the module to adapt when the method is gone", () => {
    class Library {
      lookup(): string {
        return "balayage";
      }
    }
    const own = Library.prototype.lookup;
    let made = 0;
    const make = () => {
      made++;
      return () => "index";
    };
    replaceMethodOnce(Library.prototype, "lookup", make, "adaptez mon-module.ts");
    replaceMethodOnce(Library.prototype, "lookup", make, "adaptez mon-module.ts");
    expect(made).toBe(1);
    expect(new Library().lookup()).toBe("index");
    expect(originalMethod(Library.prototype, "lookup")).toBe(own);
    expect(() => replaceMethodOnce(Library.prototype, "absente", make, "adaptez mon-module.ts")).toThrow("adaptez mon-module.ts");
  });
});
