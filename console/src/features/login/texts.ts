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
  oidc: '使用统一身份认证登录',
  or: '或',
  /** Why a sign-in at the identity provider did not sign in (the callback's oidcError). */
  oidcErrors: {
    state: '统一身份认证登录已失效或不是从本页面发起的，请重新登录。',
    denied: '统一身份认证平台拒绝了本次登录。',
    exchange: '统一身份认证平台未能确认本次登录（授权码无效或已使用），请重新登录。',
    'id-token': '统一身份认证平台返回的身份凭证无效，请联系管理员。',
    'unknown-user': '您在统一身份认证平台的账户尚未在本平台开通，请联系信用办管理员。',
    unavailable: '暂时无法连接统一身份认证平台，请稍后再试或使用本地账户登录。',
  } as Record<string, string>,
  oidcErrorOther: '统一身份认证登录未成功，请重新登录。',
};
