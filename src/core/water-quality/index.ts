/** The water-quality engine: GB 3838-2002 classification as monitoring centres apply it. */
export * from "./parameters";
export * from "./resolveParameterHeader";
export * from "./waterClass";
export * from "./parseMeasuredValue";
export * from "./waterQualityIssue";
export * from "./formatWaterQualityIssue";
