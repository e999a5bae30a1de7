/**
 * Realistic hearing speech for the minutes benchmarks: sentences a clerk
 * types in a petition (信访) or expropriation (房屋征收) hearing, with the
 * domain's words drawn at a Zipf-like frequency, so some search words are
 * in half the entries and some in a handful. Seeded, so every run writes the
 * same text.
 */

/** The core's mulberry32, which the sample signatures draw with: good enough to make text, and the same seed gives the same corpus. */
export { seededRandom } from '../../electron/core/sample/random.js';

export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Draws index r (0-based) with weight 1 / (r + 1)^exponent. */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    size: number,
    exponent: number,
    private readonly random: () => number,
  ) {
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank += 1) {
      total += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = total;
    }
  }

  next(): number {
    const cumulative = this.cumulative;
    const target = this.random() * (cumulative[cumulative.length - 1] as number);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/**
 * The domain's words, most frequent first: a word's rank sets how often the
 * generator uses it (Zipf, exponent `termExponent`). No word repeats, and the
 * order mixes lengths so the query set can take 3–6 character words from
 * every frequency band.
 */
export const terms: readonly string[] = [
  '补偿标准',
  '房屋征收',
  '评估报告',
  '安置房',
  '信访事项',
  '补偿款',
  '办理机关',
  '征收补偿决定',
  '评估价格',
  '市场价',
  '被征收人',
  '处理意见',
  '建筑面积',
  '临时安置费',
  '复查意见',
  '评估机构',
  '产权调换',
  '货币补偿',
  '搬迁奖励',
  '装修补偿',
  '征收范围',
  '补偿协议',
  '书面答复',
  '房屋权属证书',
  '签约期限',
  '周边房价',
  '入户调查',
  '复核意见',
  '征收决定公告',
  '过渡期',
  '土地使用权',
  '评估结果',
  '停产停业损失',
  '搬迁费',
  '重新评估',
  '违法建筑',
  '实际居住',
  '家庭成员',
  '信访条例',
  '征收部门',
  '房屋用途',
  '营业执照',
  '租赁合同',
  '测绘报告',
  '现场照片',
  '不动产登记',
  '产权人',
  '附属设施',
  '行政复议',
  '行政诉讼',
  '政府信息公开',
  '会议纪要',
  '受理告知书',
  '送达回证',
  '评估时点',
  '房地产估价',
  '估价师',
  '公示期',
  '奖励期限',
  '周转房',
  '租金补贴',
  '安置面积',
  '楼层差价',
  '朝向',
  '采光条件',
  '区位因素',
  '学区',
  '配套设施',
  '维修基金',
  '共有人',
  '继承人',
  '户籍证明',
  '经营用房',
  '纳税证明',
  '水电费单据',
  '证人证言',
  '质证意见',
  '证据清单',
  '法律依据',
  '事实认定',
  '程序违法',
  '适用法律错误',
  '显失公平',
  '明显偏低',
  '专家鉴定',
  '评估复核',
  '鉴定意见',
  '注册证书',
  '资质证书',
  '利害关系',
  '公正性',
  '合理诉求',
  '矛盾纠纷',
  '调解协议',
  '协商解决',
  '听证笔录',
  '最后陈述',
  '陈述意见',
  '授权委托书',
  '身份证明',
  '阁楼面积',
  '院落面积',
  '围墙补偿',
  '厨房卫生间',
  '二次装修',
  '空调移机费',
  '燃气开户费',
  '有线电视迁移费',
  '电话移机费',
  '宽带迁移费',
  '物业费',
  '停车位',
  '储藏室',
  '地下室',
  '露台',
  '阳台封闭',
  '外墙保温',
  '电梯房',
  '步梯房',
  '房龄',
  '成新率',
  '重置价格',
  '比较法',
  '收益法',
  '成本法',
  '可比实例',
  '交易价格',
  '挂牌价格',
  '网签价格',
  '价格指数',
  '估价对象',
  '估价结果报告',
  '分户评估报告',
  '整体评估报告',
  '评估机构选定',
  '投票选定',
  '抽签确定',
  '征收实施单位',
  '房屋征收部门',
  '街道办事处',
  '社区居委会',
  '区人民政府',
  '市住建局',
  '自然资源局',
  '信访局',
  '督查室',
  '人大代表',
  '政协委员',
  '律师事务所',
  '法律援助',
  '低保户',
  '困难家庭',
  '残疾人',
  '孤寡老人',
  '优先安置',
  '就近安置',
  '异地安置',
  '现房安置',
  '期房安置',
  '交房时间',
  '逾期交房',
  '违约金',
  '利息损失',
  '先行支付',
  '提存公证',
  '强制执行',
  '申请法院',
  '补偿决定书',
  '征收决定书',
  '告知书',
  '风险评估',
  '社会稳定风险',
  '征收补偿方案',
  '征求意见',
  '修改意见',
  '公开征求',
  '听证程序',
  '回避申请',
  '陈述申辩',
  '听证权利',
  '书面意见',
  '补正材料',
  '受理期限',
  '办理期限',
  '复查期限',
  '复核期限',
  '延长期限',
  '答复意见书',
  '复查意见书',
  '复核意见书',
  '终结程序',
  '重复信访',
  '越级上访',
  '初信初访',
  '首办责任',
  '属地管理',
  '分级负责',
  '谁主管谁负责',
  '依法分类处理',
  '诉访分离',
  '领导接访',
  '包案化解',
  '案件评查',
  '满意度评价',
  '群众满意度',
  '信访积案',
  '历史遗留问题',
  '政策衔接',
  '新旧政策',
  '参照标准',
  '同等条件',
  '同类房屋',
  '相邻地块',
  '一期项目',
  '二期项目',
  '旧城改造',
  '城中村改造',
  '棚户区改造',
  '老旧小区',
  '危旧房',
  '房屋安全鉴定',
  '危房等级',
  '结构安全',
  '漏水问题',
  '墙体开裂',
  '地基下沉',
  '施工噪音',
  '扬尘污染',
  '夜间施工',
  '断水断电',
  '通行受阻',
  '临时道路',
  '拆除作业',
  '拆除公告',
  '腾空交房',
  '钥匙移交',
  '验收单',
  '水电结算',
  '物品清点',
  '搬迁公司',
  '搬家费用',
  '误工费',
  '交通费',
  '就学安排',
  '转学手续',
  '户口迁移',
  '社保衔接',
  '养老保险',
  '医疗保险',
  '失地农民',
  '集体土地',
  '宅基地',
  '青苗补偿',
  '地上附着物',
  '果树补偿',
  '鱼塘补偿',
  '坟墓迁移',
  '祖屋',
  '祠堂',
  '骑楼',
  '历史建筑',
  '文物保护',
  '古树名木',
];

/** Words for the rare tail: each turns up in a few entries in the whole corpus, never in a template. */
export const rareTerms: readonly string[] = [
  '蚁害鉴定',
  '白蚁防治',
  '骑楼廊柱',
  '天井排水',
  '石库门',
  '木质楼梯',
  '青砖墙体',
  '瓦面翻修',
  '灶台拆除',
  '神龛迁移',
  '沼气池',
  '水井填埋',
  '鸽舍补偿',
  '蜂箱搬迁',
  '苗圃损失',
  '花卉大棚',
  '药材种植',
  '蔗糖合同',
  '渔具损失',
  '榨油作坊',
  '米粉作坊',
  '豆腐作坊',
  '裁缝铺',
  '修车铺',
  '理发店租约',
  '锁匠铺',
  '钟表维修',
  '碾米机',
  '缝纫机',
  '三轮车停放',
  '电动车充电桩',
  '太阳能热水器',
  '防盗网拆除',
  '雨棚拆除',
  '晾衣架',
  '信报箱',
  '门牌号码',
  '地契原件',
  '土改证',
  '房产契约',
  '分家协议',
  '赡养协议',
  '遗嘱公证',
  '侨房政策',
  '落实侨房',
  '华侨身份',
  '港澳同胞',
  '台胞身份',
  '军产房',
  '公房承租',
  '直管公房',
  '单位自管房',
  '房改房',
  '经济适用房',
  '集资房',
  '小产权房',
  '违建认定书',
  '临时建筑',
  '规划许可证',
  '竣工验收备案',
];

/** Words that occur nowhere in the corpus: a search that finds nothing is a search too. */
export const absentTerms: readonly string[] = ['核电站选址', '海域使用权', '渔船燃油补贴', '航道疏浚', '风电场征地', '高铁噪声'];

export const regulations: readonly string[] = [
  '《国有土地上房屋征收与补偿条例》',
  '《信访工作条例》',
  '《国有土地上房屋征收评估办法》',
  '《房地产估价规范》',
  '本市房屋征收补偿实施办法',
  '征收补偿方案',
  '《行政复议法》',
];

export const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢韦覃莫陆黎蒙农'];
const givenChars = [...'建平国华明秀英志强德新立晓东海峰丽桂兰玉芳军伟红梅文斌春燕秋霞永福庆林宏光俊杰静敏雪琴爱民振兴学勇'];
export const streets = (('东葛民族朝阳新民共和人民七星中华友爱北湖明秀衡阳望州南宁秀灵鲁班大学星光青山竹溪云景'.match(/../g) ?? []) as string[]).map(
  (two) => `${two}路`,
);
export const agencies: readonly string[] = [
  '青秀区住房和城乡建设局',
  '青秀区房屋征收办公室',
  '兴宁区住房和城乡建设局',
  '西乡塘区房屋征收补偿中心',
  '江南区人民政府',
  '良庆区自然资源局',
  '东城街道办事处',
  '新竹街道办事处',
  '中山街道办事处',
  '市土地储备中心',
];

export function personName(random: () => number): string {
  const given = pick(givenChars, random) + (random() < 0.8 ? pick(givenChars, random) : '');
  return pick(surnames, random) + given;
}

/** What is particular to one hearing: its people, its street and the agency it is against. */
export interface HearingWords {
  petitioner: string;
  agent: string;
  agency: string;
  street: string;
}

export function hearingWords(random: () => number): HearingWords {
  return {
    petitioner: personName(random),
    agent: personName(random),
    agency: pick(agencies, random),
    street: `${pick(streets, random)}${1 + Math.floor(random() * 300)}号`,
  };
}

/** Sentence patterns: {T} a domain word, {P} the petitioner, {G} the agent, {A} the agency, {S} the address, {R} a regulation, {N} a figure, {D} a date. */
const templates: readonly string[] = [
  '关于{T}的问题，我方认为{T}不符合{R}的规定。',
  '{A}依据{R}作出{T}，程序合法，事实清楚。',
  '请{P}说明{T}的具体情况。',
  '我家的房子在{S}，{T}明显偏低，每平方米只给{N}元。',
  '对于{T}，我们在{D}已经提交了书面材料。',
  '评估机构出具的{T}没有送达给我，我不认可。',
  '请问{T}是怎么确定的？',
  '根据{R}，{T}应当按照{T}计算。',
  '我方对该证据的真实性无异议，但对{T}有异议。',
  '{P}提出的{T}，我局已于{D}作出书面答复。',
  '希望听证会能够公正处理{T}。',
  '现在由{A}就{T}进行说明。',
  '当时工作人员说{T}以后再谈，到现在也没有落实。',
  '我们一家五口人，{T}只给了一套六十平方米的房子，根本住不下。',
  '以上是我方的意见，请听证员予以考虑。',
  '该房屋于{D}办理了{T}，建筑面积为{N}平方米。',
  '{G}代表{P}发言：{T}和{T}都应当重新核定。',
  '经核查，{S}房屋的{T}与登记情况一致。',
  '{A}的工作人员没有向我们解释{T}。',
  '我们不是不支持{T}，而是要求{T}公平合理。',
  '主持人：请双方围绕{T}发表意见，每方发言不超过五分钟。',
  '对方提交的{T}是复印件，没有原件核对。',
  '{T}已经公示三十天，期间没有收到异议。',
  '我补充一点，{T}的计算漏掉了{T}。',
  '听证员问：{T}是否已经告知{P}？',
  '答：已经告知，{P}当时拒绝签收{T}。',
  '同一地段的{T}已经涨到每平方米{N}元。',
  '我局认为，{P}反映的{T}不属于本次{T}的处理范围。',
  '请记录员记录：{P}对{T}不予认可。',
  '我们要求{A}公开{T}的依据。',
  '这个问题涉及{T}，需要会后进一步核实。',
  '我是{D}搬进来的，一直住到现在，{T}应当认定。',
];

const figures = ['4800', '5200', '6350', '7100', '8600', '9200', '11000', '12500', '36', '58.6', '72', '89.5', '120', '15', '30', '60'];

function date(random: () => number): string {
  return `${2019 + Math.floor(random() * 8)}年${1 + Math.floor(random() * 12)}月${1 + Math.floor(random() * 28)}日`;
}

export const termExponent = 1.1;

/** Makes entry text for one hearing: 20–200 characters, most of them short, the way speech is typed. */
export class SpeechGenerator {
  private readonly zipf: Zipf;

  constructor(
    private readonly random: () => number,
    /** Chance that an entry mentions one of the rare words. */
    private readonly rareChance = 0.0015,
  ) {
    this.zipf = new Zipf(terms.length, termExponent, random);
  }

  private sentence(words: HearingWords): string {
    const random = this.random;
    return pick(templates, random).replace(/\{([TPGASRND])\}/g, (_match, slot: string) => {
      switch (slot) {
        case 'T':
          return terms[this.zipf.next()] as string;
        case 'P':
          return words.petitioner;
        case 'G':
          return words.agent;
        case 'A':
          return words.agency;
        case 'S':
          return words.street;
        case 'R':
          return pick(regulations, random);
        case 'N':
          return pick(figures, random);
        default:
          return date(random);
      }
    });
  }

  /** One entry: sentences until a length drawn between 20 and 200 characters (mean about 90), never more than 200. */
  entry(words: HearingWords): string {
    const random = this.random;
    const target = 20 + Math.floor(180 * random() ** 1.6);
    let text = random() < this.rareChance ? `另外，${pick(rareTerms, random)}的问题也请一并考虑。` : '';
    while (text.length < target) {
      const next = this.sentence(words);
      if (text.length + next.length > 200) {
        if (text.length >= 20) break;
        text = (text + next).slice(0, 199) + '。';
        break;
      }
      text += next;
    }
    return text;
  }
}
