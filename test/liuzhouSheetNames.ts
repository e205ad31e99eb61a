/** The sheets generating the Liuzhou 2023 plan makes, in tab order, as a Chinese-speaking user sees them. */
export const liuzhouSheetNames: readonly string[] = [
  "附件1 任务清单",
  "附件2 国控断面",
  "附件3 区控断面",
  "附件4 市级水源",
  "附件5 县级水源",
  "附件6 排查河流",
  "监测数据",
  "指标填报",
];
