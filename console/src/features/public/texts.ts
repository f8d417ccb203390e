export const PUBLIC_TEXT = {
  title: '政务失信记录公示',
  intro: '以下为正在公示期内的政务失信记录。公职人员仅显示所在单位，可按所在单位查询。',
  columns: { subject: '失信主体', creditCode: '统一社会信用代码', authority: '认定机关', document: '文书编号', title: '事项', window: '公示期', objection: '异议' },
  underObjection: '异议处理中',
  login: '工作人员登录',
  search: '按单位名称或统一社会信用代码查询',
  complaintLookup: '投诉举报进度查询',
  servantOf: (org: string | null) => `公职人员（${org ?? '单位未登记'}）`,
};
