export const LOGIN_TEXT = {
  title: '登录',
  product: '信用异议与修复办理平台',
  userId: '用户名',
  password: '密码',
  userIdRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  submit: '登录',
  publicLink: '不登录，查看信用公示',
  hint: '演示账户见启动时打印的列表（npm start）。',
};
