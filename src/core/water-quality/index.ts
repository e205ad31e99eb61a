/** The water-quality engine: GB 3838-2002 classification as monitoring centres apply it. */
export * from "./parameters";
export * from "./resolveParameterHeader";
export * from "./waterClass";
export * from "./parseMeasuredValue";
export * from "./waterQualityIssue";
export * from "./formatWaterQualityIssue";
export * from "./classifyParameter";
export * from "./judgeParameter";
export * from "./classifyPeriod";
export * from "./createSampleClassifier";
export * from "./computeExceedances";
export * from "./findMainPollutants";
export * from "./judgeAttainment";
export * from "./countClasses";
export * from "./judgeDrinkingWaterSource";
export * from "./coreItems";
