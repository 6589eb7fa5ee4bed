// The seed lexicon that training starts from: statutory units (GB 3100-1993) and the measure words
// of Chinese official writing, the verbs and qualifiers of targets. Training counts how the corpus
// uses each entry and adds the measure words it finds after numbers (model/train.ts); the model,
// not this file, is what the analyser reads.

/** Magnitudes written between a number and its unit (3.8万人, 1.2万亿元). */
export const MAGNITUDES = ['万亿', '千亿', '百亿', '十亿', '千万', '百万', '十万', '亿', '万', '千', '百'];

export const BASE_UNITS = [
  // percent and changes of a rate
  '%', '％', '‰', '个百分点', '百分点', '倍', '成',
  // money
  '元', '毛', '美元', '欧元', '港元', '元/吨', '元/人', '元/月', '元/亩', '元/平方米',
  // people and households
  '人', '人次', '名', '户', '户次', '位', '家', '对', '例',
  // things
  '个', '项', '件', '座', '所', '处', '条', '宗', '批', '套', '间', '栋', '幢', '大', '斤', '亿斤', '台', '辆', '架', '艘', '列',
  '张', '部', '类', '支', '只', '头', '株', '棵', '片', '块', '场', '场次', '次', '车次', '架次', '班次', '批次', '期', '门', '种',
  '款', '本', '册', '份', '篇', '首', '标准箱', '标箱', '吨', '千克', '公斤',
  '克', '担', '头猪', '羽', '只羊',
  // length, area, volume
  '公里', '千米', '米', '厘米', '毫米', '延米', '平方公里', '平方千米', '平方米', '平米', '公顷', '亩', '立方米', '方',
  // non-statutory symbols still read as units (the nonstandard-unit rule asks for 平方米 etc.)
  '㎡', 'm²', 'm2', '㎞', 'km', '㎏', 'kg', '㎥', 'm³',
  '升', '毫升', '标方',
  // energy, power, data
  '千瓦', '瓦', '兆瓦', '吉瓦', '千瓦时', '度', '吨标准煤', '吨标煤', '标准煤', '千伏', '伏', '千伏安', '伏安', 'GB', 'TB',
  'PB', 'EB', 'Gbps', 'Mbps', 'P', 'EFLOPS', 'PFLOPS',
  // time spans that quantify a target (平均停留时间2.6天, 办理时限3个工作日)
  '天', '个工作日', '工作日', '小时', '分钟', '秒', '周', '个月', '岁', '周岁',
  // environment
  '微克/立方米', '毫克/立方米', '毫克/升', '分贝', '℃',
  // per-unit compounds
  '吨/公顷', '公斤/亩', '千克/亩', '张/千人', '人/万人', '床/千人', '平方米/人',
  // beds, seats, posts
  '张床位', '床', '个床位', '个学位', '个岗位', '席', '座位', '个车位', '车位', '根', '盏', '口', '眼', '孔',
];

/** Verbs that state what a target does with its number, most specific first. */
export const BASE_VERBS = [
  '控制在', '保持在', '稳定在', '提高到', '提升到', '提高至', '提升至', '下降到', '降低到', '降至', '增长到', '增加到', '达到',
  '达', '突破', '超过', '增长', '增加', '提高', '提升', '下降', '降低', '减少', '压减', '新增', '新建', '改建', '扩建', '新改建',
  '新建改造', '改造', '改扩建', '建设', '建成', '打造', '培育', '引进', '实施', '开展', '完成', '开工', '新开工', '投产',
  '竣工', '培训', '招引', '签约', '落地', '创建', '认定', '扶持', '带动', '吸纳', '安置', '帮扶', '发放', '筹集', '筹建',
  '提供', '举办', '承办', '推出', '组织', '创作', '种植', '造林', '治理', '修复', '整治', '改善', '推广', '覆盖', '惠及',
  '解决', '回迁', '征收', '拆除', '修建', '铺设', '敷设', '植树', '绿化', '补贴', '奖励', '投入', '投资', '融资', '争取',
  '储备', '盘活', '处置', '化解', '推进', '建立', '设立', '布局', '开通', '开行', '新开', '延伸', '增设', '配置', '配备',
  '招聘', '招录', '培养', '扩大到', '拿出', '安排', '下达', '发行', '启动', '抓好', '打通', '设置', '引入', '新培育', '引育', '扩招', '新招', '选派', '救助', '资助', '减免', '缩短', '压缩', '压降', '节约', '办好', '做好', '保持', '稳定', '控制',
];

/** Qualifiers written after the quantity. */
export const POST_QUALIFIERS = ['以上', '以内', '以下', '左右', '上下', '之内', '之上', '内', '多', '余'];
/** Qualifiers written before the number. */
export const PRE_QUALIFIERS = ['不低于', '不少于', '不超过', '不高于', '不到', '超过', '高于', '低于', '约', '近', '逾'];

/**
 * Nouns that follow a number which is a name, not a quantity: 12345热线, 3.0改革, 2号线 — a number
 * before them needs no unit.
 */
export const IDENTIFIER_SUFFIXES = [
  '号线', '号', '热线', '版', '届', '周年', '世纪', '年代', '代', '级', '型', '条例', '国道', '省道', '高速', '线', '路', '强', '国集团',
];

/**
 * Units that count things (3个, 5家): "1000个以上省重点项目" is a count, while a measure followed by a
 * noun ("150万吨以上的物流园区", "700万吨露天矿") describes the thing's size, not a target.
 */
export const COUNT_UNITS = [
  '%', '％', '个', '家', '所', '项', '座', '处', '条', '名', '人', '人次', '户', '套', '批', '件', '宗', '台', '辆', '张', '场', '次',
  '例', '栋', '间', '类', '种', '支', '款', '部', '位', '只', '头', '株', '棵', '片', '门', '期', '大',
];
