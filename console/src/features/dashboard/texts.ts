export const DASHBOARD_TEXT = {
  title: '监控看板',
  asOf: (at: string) => `统计时间：${at}（北京时间）`,
  openCases: '在办案件',
  overdue: '已逾期',
  escalated: '已升级督办',
  dueSoon: '即将到期',
  openByStatus: '在办案件（按类型和状态）',
  dueWithin: '未来工作日内到期',
  dueWithinLabel: (n: number) => `${n} 个工作日内`,
  count: '件数',
  chartLabel: (title: string) => `图表：${title}`,
};
