import { isoDateToSerial, serialToIsoDate } from "../../src/core/excelDate";

describe("Excel date serials", () => {
  // Excel counts 1900 as a leap year (Lotus 1-2-3's mistake): serial 60 is 1900-02-29, which never
  // was, so serials below it are one day later than a plain count from 1899-12-30 gives.
  it.each([
    [1, "1900-01-01"],
    [2, "1900-01-02"],
    [31, "1900-01-31"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [45047, "2023-05-01"],
    [45291, "2023-12-31"],
    [2_958_465, "9999-12-31"],
  ] as const)("serial %p is %s, both ways", (serial, iso) => {
    expect(serialToIsoDate(serial)).toBe(iso);
    expect(isoDateToSerial(iso)).toBe(serial);
  });

  it("shows serial 60 as Excel does, 1900-02-29, and no real day gives 60", () => {
    expect(serialToIsoDate(60)).toBe("1900-02-29");
    expect(isoDateToSerial("1900-02-28")).toBe(59);
    expect(isoDateToSerial("1900-03-01")).toBe(61);
  });

  it("drops the time of day", () => {
    expect(serialToIsoDate(59.99)).toBe("1900-02-28");
    expect(serialToIsoDate(45047.75)).toBe("2023-05-01");
  });

  it("gives back every day of 1900–1901 it was given", () => {
    for (let serial = 1; serial <= 800; serial += 1) {
      if (serial === 60) continue;
      expect(isoDateToSerial(serialToIsoDate(serial))).toBe(serial);
    }
  });
});
