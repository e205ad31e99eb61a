/**
 * The offline manifest check. `npm run validate` (office-addin-manifest) downloads Microsoft's
 * schemas and asks a web service, so CI cannot rely on it; this suite checks what that validation
 * would catch and what Office would reject at sideload, without the network.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { buildAddIn } from "../taskpane/buildAddIn";

const repoRoot = path.resolve(__dirname, "..", "..");
const manifestXml = readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");

/** A node as fast-xml-parser's `preserveOrder` output gives it: one tag key, attributes under ":@". */
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  commentPropName: "#comment",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

function tagOf(node: XmlNode): string {
  const tag = Object.keys(node).find((key) => key !== ":@");
  if (tag === undefined) throw new Error("node without a tag");
  return tag;
}

/** The element children (comments and text left out). */
function childrenOf(node: XmlNode): XmlNode[] {
  const children = node[tagOf(node)];
  if (!Array.isArray(children)) return [];
  return (children as XmlNode[]).filter((child) => !tagOf(child).startsWith("#"));
}

function attrsOf(node: XmlNode): Record<string, string> {
  return (node[":@"] as Record<string, string> | undefined) ?? {};
}

function textOf(node: XmlNode): string {
  const children = node[tagOf(node)];
  if (!Array.isArray(children)) return "";
  return (children as XmlNode[])
    .map((child) => (typeof child["#text"] === "string" ? child["#text"] : ""))
    .join("");
}

/** The local name: "bt:Image" → "Image". */
function localName(tag: string): string {
  return tag.slice(tag.indexOf(":") + 1);
}

function child(node: XmlNode, name: string): XmlNode {
  const found = childrenOf(node).find((c) => localName(tagOf(c)) === name);
  if (!found) throw new Error(`<${tagOf(node)}> has no <${name}>`);
  return found;
}

function* walk(node: XmlNode, ancestors: readonly string[] = []): Generator<[XmlNode, readonly string[]]> {
  yield [node, ancestors];
  for (const c of childrenOf(node)) yield* walk(c, [...ancestors, localName(tagOf(node))]);
}

function parseManifest(xml: string): XmlNode {
  const document = parser.parse(xml) as XmlNode[];
  const root = document.find((node) => tagOf(node) === "OfficeApp");
  if (!root) throw new Error("no <OfficeApp> root");
  return root;
}

/**
 * Checks that the children of `node` appear in the schema's order: each known name after the one
 * before it (repeats of the same element allowed), no unknown element, every required one present.
 */
function expectSchemaOrder(node: XmlNode, order: readonly string[], required: readonly string[] = []): void {
  const names = childrenOf(node).map((c) => localName(tagOf(c)));
  const unknown = names.filter((name) => !order.includes(name));
  expect({ parent: tagOf(node), unknown }).toEqual({ parent: tagOf(node), unknown: [] });
  const positions = names.map((name) => order.indexOf(name));
  const outOfOrder = names.filter((_, i) => i > 0 && positions[i]! < positions[i - 1]!);
  expect({ parent: tagOf(node), outOfOrder }).toEqual({ parent: tagOf(node), outOfOrder: [] });
  const missing = required.filter((name) => !names.includes(name));
  expect({ parent: tagOf(node), missing }).toEqual({ parent: tagOf(node), missing: [] });
}

/** The OfficeApp sequence of the TaskPaneApp schema (offappmanifest 1.1), optional elements included. */
const officeAppOrder = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dependencies",
  "VersionOverrides",
  "ExtendedOverrides",
] as const;

const officeAppRequired = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];

/** The nested sequences of VersionOverrides 1.0 for a task pane add-in. */
const nestedOrders: Record<string, { order: readonly string[]; required?: readonly string[] }> = {
  VersionOverrides: {
    order: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
    required: ["Hosts", "Resources"],
  },
  Host: { order: ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"] },
  DesktopFormFactor: { order: ["GetStarted", "FunctionFile", "ExtensionPoint"], required: ["FunctionFile"] },
  GetStarted: { order: ["Title", "Description", "LearnMoreUrl"], required: ["Title", "Description"] },
  Group: { order: ["Label", "Icon", "Control"], required: ["Label", "Icon", "Control"] },
  Control: {
    order: ["Label", "Supertip", "Icon", "Action"],
    required: ["Label", "Supertip", "Icon", "Action"],
  },
  Supertip: { order: ["Title", "Description"], required: ["Title", "Description"] },
  Action: { order: ["TaskpaneId", "SourceLocation", "Title", "FunctionName"] },
  Resources: { order: ["Images", "Urls", "ShortStrings", "LongStrings"], required: ["Images", "Urls"] },
};

/** Which resource list a `resid` must point into, by the referring element. */
function resourceKindFor(element: string, ancestors: readonly string[]): string {
  if (element === "Image") return "Images";
  if (
    element === "SourceLocation" ||
    element === "FunctionFile" ||
    element === "LearnMoreUrl" ||
    element === "Runtime"
  ) {
    return "Urls";
  }
  if (element === "Label" || element === "Title") return "ShortStrings";
  if (element === "Description") return "LongStrings";
  throw new Error(`no resource kind known for <${element}> under ${ancestors.join(" > ")}`);
}

/** Reads a PNG's pixel size from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml (offline check)", () => {
  const root = parseManifest(manifestXml);
  const versionOverrides = child(root, "VersionOverrides");
  const resources = child(versionOverrides, "Resources");

  /** Resource ids by list: Images, Urls, ShortStrings, LongStrings. */
  const resourceIds = new Map<string, Map<string, XmlNode>>(
    childrenOf(resources).map((list) => [
      localName(tagOf(list)),
      new Map(childrenOf(list).map((entry) => [attrsOf(entry).id ?? "", entry])),
    ]),
  );

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(manifestXml)).toBe(true);
  });

  it("is a task pane add-in for Excel workbooks that asks only to read and write the document", () => {
    expect(attrsOf(root)["xsi:type"]).toBe("TaskPaneApp");
    expect(childrenOf(child(root, "Hosts")).map((host) => attrsOf(host).Name)).toEqual(["Workbook"]);
    expect(textOf(child(root, "Permissions"))).toBe("ReadWriteDocument");
    expect(attrsOf(versionOverrides)["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  it("lists its top-level elements in the schema's order", () => {
    expectSchemaOrder(root, officeAppOrder, officeAppRequired);
  });

  it("lists the elements inside VersionOverrides in the schema's order", () => {
    let checked = 0;
    for (const [node] of walk(versionOverrides)) {
      const rule = nestedOrders[localName(tagOf(node))];
      if (!rule) continue;
      expectSchemaOrder(node, rule.order, rule.required);
      checked += 1;
    }
    // VersionOverrides, Host, DesktopFormFactor, GetStarted, Group, 2 × (Control, Supertip, Action), Resources.
    expect(checked).toBe(12);
  });

  it("would catch an element out of the schema's order, or a missing one", () => {
    const swapped = parseManifest(
      "<OfficeApp><Id>x</Id><Version>1.0.0.0</Version><Permissions>ReadWriteDocument</Permissions><Hosts /></OfficeApp>",
    );
    expect(() => {
      expectSchemaOrder(swapped, officeAppOrder);
    }).toThrow(/outOfOrder/);
    const inOrder = parseManifest("<OfficeApp><Id>x</Id><Version>1.0.0.0</Version></OfficeApp>");
    expect(() => {
      expectSchemaOrder(inOrder, officeAppOrder, officeAppRequired);
    }).toThrow(/missing/);
  });

  it("has a GUID for Id and an n.n.n.n Version", () => {
    expect(textOf(child(root, "Id"))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(textOf(child(root, "Version"))).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
  });

  it("declares the ExcelApi requirement set the code needs", () => {
    const sets = childrenOf(child(child(root, "Requirements"), "Sets")).map(attrsOf);
    expect(sets).toContainEqual({ Name: "ExcelApi", MinVersion: "1.9" });
  });

  it("resolves every resid to a resource of the right kind, with ids of at most 32 characters", () => {
    const references: string[] = [];
    for (const [node, ancestors] of walk(versionOverrides)) {
      const resid = attrsOf(node).resid;
      if (resid === undefined) continue;
      const element = localName(tagOf(node));
      const kind = resourceKindFor(element, ancestors);
      references.push(resid);
      expect({ resid, kind, resolves: resourceIds.get(kind)?.has(resid) ?? false }).toEqual({
        resid,
        kind,
        resolves: true,
      });
      expect(resid.length).toBeLessThanOrEqual(32);
    }
    for (const ids of resourceIds.values()) {
      for (const id of ids.keys()) {
        expect(id.length).toBeGreaterThan(0);
        expect(id.length).toBeLessThanOrEqual(32);
        // A resource nobody refers to is a leftover that hides renamed references.
        expect({ id, referenced: references.includes(id) }).toEqual({ id, referenced: true });
      }
    }
    expect(references.length).toBeGreaterThan(10);
  });

  it("runs the pane and the ribbon's 校验 in one shared runtime, the pane's page", () => {
    const sets = childrenOf(child(child(root, "Requirements"), "Sets")).map(attrsOf);
    expect(sets).toContainEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
    const host = childrenOf(child(versionOverrides, "Hosts"))[0]!;
    const runtimes = childrenOf(child(host, "Runtimes")).map(attrsOf);
    expect(runtimes).toEqual([{ resid: "Taskpane.Url", lifetime: "long" }]);
    const desktop = child(host, "DesktopFormFactor");
    expect(attrsOf(child(desktop, "FunctionFile")).resid).toBe("Taskpane.Url");
    // Office loads one runtime only when every page of the add-in is the same resource.
    for (const [node] of walk(versionOverrides)) {
      if (localName(tagOf(node)) === "SourceLocation") expect(attrsOf(node).resid).toBe("Taskpane.Url");
    }
  });

  it("makes 校验 a function command whose name the ribbon's code associates", () => {
    const controls = [...walk(versionOverrides)]
      .map(([node]) => node)
      .filter((node) => localName(tagOf(node)) === "Control");
    const validate = controls.find((control) => attrsOf(control).id === "WaterPlan.Validate");
    if (!validate) throw new Error("no 校验 control");
    const action = child(validate, "Action");
    expect(attrsOf(action)["xsi:type"]).toBe("ExecuteFunction");
    const name = textOf(child(action, "FunctionName"));
    expect(name).toBe("validateFromRibbon");
    const commands = readFileSync(path.join(repoRoot, "src", "commands", "commands.ts"), "utf8");
    expect(commands).toContain(`Office.actions.associate("${name}"`);
  });

  it("uses HTTPS for every URL", () => {
    const urls: string[] = [];
    for (const [node] of walk(root)) {
      for (const [name, value] of Object.entries(attrsOf(node))) {
        // Namespace names are identifiers, never fetched.
        if (name.startsWith("xmlns")) continue;
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
      }
      const text = textOf(node);
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) urls.push(text);
    }
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith("https://"))).toEqual([]);
  });

  it("is in Chinese by default and overrides every user-visible string in en-US", () => {
    expect(textOf(child(root, "DefaultLocale"))).toBe("zh-CN");
    const visible: XmlNode[] = [
      child(root, "DisplayName"),
      child(root, "Description"),
      ...(resourceIds.get("ShortStrings")?.values() ?? []),
      ...(resourceIds.get("LongStrings")?.values() ?? []),
    ];
    expect(visible.length).toBeGreaterThan(4);
    for (const node of visible) {
      const defaultValue = attrsOf(node).DefaultValue ?? "";
      const overrides = childrenOf(node).filter((c) => localName(tagOf(c)) === "Override");
      const english = overrides.find((o) => attrsOf(o).Locale === "en-US");
      expect({ defaultValue, hasChinese: /\p{Script=Han}/u.test(defaultValue) }).toEqual({
        defaultValue,
        hasChinese: true,
      });
      expect({ defaultValue, english: english ? attrsOf(english).Value : undefined }).toEqual({
        defaultValue,
        english: expect.stringMatching(/^[\x20-\x7e]+$/) as unknown,
      });
    }
  });

  it("keeps strings within Office's length limits", () => {
    const lengths = (node: XmlNode) => [
      attrsOf(node).DefaultValue ?? "",
      ...childrenOf(node).map((o) => attrsOf(o).Value ?? ""),
    ];
    for (const value of lengths(child(root, "DisplayName"))) expect(value.length).toBeLessThanOrEqual(125);
    for (const value of lengths(child(root, "Description"))) expect(value.length).toBeLessThanOrEqual(2000);
    for (const node of resourceIds.get("ShortStrings")?.values() ?? []) {
      for (const value of lengths(node)) expect(value.length).toBeLessThanOrEqual(125);
    }
    for (const node of resourceIds.get("LongStrings")?.values() ?? []) {
      for (const value of lengths(node)) expect(value.length).toBeLessThanOrEqual(250);
    }
  });

  it("puts 显示任务窗格 (opens the pane) and 校验 (validates in one click) on the Home tab", () => {
    const shortStrings = resourceIds.get("ShortStrings");
    const tab = [...walk(versionOverrides)].find(([node]) => localName(tagOf(node)) === "OfficeTab")?.[0];
    expect(tab && attrsOf(tab).id).toBe("TabHome");
    const controls = [...walk(tab!)]
      .filter(([node]) => localName(tagOf(node)) === "Control")
      .map(([node]) => node);
    const buttons = controls.map((control) => ({
      label: attrsOf(shortStrings!.get(attrsOf(child(control, "Label")).resid ?? "")!).DefaultValue,
      action: attrsOf(child(control, "Action"))["xsi:type"],
    }));
    expect(buttons).toEqual([
      { label: "显示任务窗格", action: "ShowTaskpane" },
      { label: "校验", action: "ExecuteFunction" },
    ]);
  });

  it("names icons that exist in assets/ at the size the manifest states", () => {
    const icons = [
      { url: attrsOf(child(root, "IconUrl")).DefaultValue ?? "", size: 32 },
      { url: attrsOf(child(root, "HighResolutionIconUrl")).DefaultValue ?? "", size: 64 },
      ...[...(resourceIds.get("Images")?.values() ?? [])].map((image) => {
        const id = attrsOf(image).id ?? "";
        return { url: attrsOf(image).DefaultValue ?? "", size: Number(/(\d+)x\1$/.exec(id)?.[1]) };
      }),
    ];
    const sizes = new Set<number>();
    for (const { url, size } of icons) {
      const relative = url.replace("https://localhost:3000/", "");
      expect(relative).toMatch(/^assets\/icon-\d+\.png$/);
      expect(pngSize(path.join(repoRoot, relative))).toEqual({ width: size, height: size });
      sizes.add(size);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
    // Every <bt:Image size="n"> names the icon of that size.
    for (const [node] of walk(versionOverrides)) {
      if (tagOf(node) !== "bt:Image" || attrsOf(node).size === undefined) continue;
      expect(attrsOf(node).resid).toBe(`Icon.${attrsOf(node).size}x${attrsOf(node).size}`);
    }
  });

  describe("in the production build", () => {
    let productionXml = "";

    beforeAll(async () => {
      // The manifest is the CopyWebpackPlugin transform's work, whatever the entries; bundling none
      // keeps this check fast (CI's `npm run build` bundles everything).
      const outDir = await buildAddIn({ mode: "production", entries: [] });
      productionXml = readFileSync(path.join(outDir, "manifest.xml"), "utf8");
    }, 300_000);

    it("points at the production URL, never at localhost", () => {
      expect(productionXml).not.toMatch(/localhost/i);
      expect(productionXml).toContain("https://water-plan.example.invalid/taskpane.html");
    });

    it("is the same manifest otherwise, still well-formed", () => {
      expect(XMLValidator.validate(productionXml)).toBe(true);
      expect(productionXml).toBe(
        manifestXml.replaceAll("https://localhost:3000/", "https://water-plan.example.invalid/"),
      );
    });
  });
});
