import { parseUnitList } from "../../../src/core/plan/parseUnitList";

// The rules are documented on parseUnitList; each case names the rule it shows.
describe("parseUnitList", () => {
  it.each([
    // 5. the shared 市 prefix is distributed; 1. a trailing 等 sets andOthers
    ["市住房城乡建设局、工业和信息化局等", ["市住房城乡建设局", "市工业和信息化局"], true],
    ["市生态环境局", ["市生态环境局"], false],
    // 2. "，" separates groups; a named organ (柳州…) keeps its own name
    ["柳州海事局，市生态环境局、交通运输局等", ["柳州海事局", "市生态环境局", "市交通运输局"], true],
    ["市应急局、水利局，柳州海事局等", ["市应急局", "市水利局", "柳州海事局"], true],
    ["市生态环境局、住房城乡建设局、柳州海事局等", ["市生态环境局", "市住房城乡建设局", "柳州海事局"], true],
    // 5. 市场监管局 still takes the city's 市
    ["市发展改革委、市场监管局等", ["市发展改革委", "市市场监管局"], true],
    // 4. "和" inside a name is not a separator outside government groups
    ["市发展改革委、自然资源和规划局等", ["市发展改革委", "市自然资源和规划局"], true],
    // 3. "各…" is one collective subject; 6. the shared 管委会 is distributed
    [
      "各县、区人民政府，柳东新区、北部生态新区（阳和工业新区）管委会",
      ["各县、区人民政府", "柳东新区管委会", "北部生态新区（阳和工业新区）管委会"],
      false,
    ],
    // 6. named governments keep their own level
    [
      "鹿寨县、柳江区、鱼峰区人民政府，北部生态新区（阳和工业新区）管委会",
      ["鹿寨县人民政府", "柳江区人民政府", "鱼峰区人民政府", "北部生态新区（阳和工业新区）管委会"],
      false,
    ],
    // 4. + 6. "和" separates governments; bare place names take the shared level 市
    ["南宁、柳州和桂林市人民政府", ["南宁市人民政府", "柳州市人民政府", "桂林市人民政府"], false],
    ["相关设区市人民政府", ["相关设区市人民政府"], false],
    // references to the plan's own lists stand on their own
    ["市委组织部、本计划中所有牵头单位", ["市委组织部", "本计划中所有牵头单位"], false],
    ["本计划中所有配合单位", ["本计划中所有配合单位"], false],
    // duplicates are the source's, and kept
    [
      "市交通运输局、水利局、农业农村局、水利局，柳州海事局等",
      ["市交通运输局", "市水利局", "市农业农村局", "市水利局", "柳州海事局"],
      true,
    ],
  ])("reads %s", (text, units, andOthers) => {
    expect(parseUnitList(text)).toEqual({ text, units, andOthers });
  });

  it("reads an empty cell as no units", () => {
    expect(parseUnitList("")).toEqual({ text: "", units: [], andOthers: false });
  });
});
