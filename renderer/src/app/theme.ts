import type { ThemeConfig } from 'antd';

/** Government-office blue, system CJK fonts first so 汉字 render crisply on Windows, UOS and Kylin. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e9c',
    borderRadius: 6,
    fontSize: 15,
    fontFamily: "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', -apple-system, 'Segoe UI', sans-serif",
  },
  components: {
    Layout: { headerBg: '#17376e', bodyBg: '#f3f5f9', headerHeight: 64 },
  },
};
