export const LAYOUT_TEXT = {
  product: '信用异议与修复办理平台',
  nav: { records: '我的记录', inbox: '待办任务', commitments: '我的承诺', complaint: '登记投诉举报', proposals: '失信记录建议', dashboard: '监控看板', calendar: '工作日历', audit: '审计日志', outbox: '消息发件箱', public: '信用公示' },
  pending: (n: number) => `待办 ${n} 件`,
  signedInAs: '当前用户',
  logout: '退出登录',
  loggedOut: '已退出登录',
  loading: '加载中…',
  forbidden: '您的角色无权访问此页面。',
  mainNav: '主导航',
};
