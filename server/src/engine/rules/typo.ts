import type { Rule } from './rule';
import { localize } from '../i18n';
import type { Model } from '../model/types';
import { insideAny } from '../text/content';
import { tokensOf } from '../text/tokens';
import { wordPattern } from '../text/wordPattern';

// Misspelt words of official writing: 别字 (a wrong character of the same sound or shape) in set
// phrases — 典型案列, 再接再励, 弛而不息. Misspellings are what a trained model cannot supply (it learns
// from reports that are spelt right), so this confusion list is written by hand. Each wrong form was
// chosen so that it cannot occur inside a correct text: a word boundary would have to fall inside
// it ("方案列入" holds 案列, so 案列 is matched only before 库/集 or after 典型/优秀/示范 …). The model
// can still overrule an entry: a "wrong" form that its phrases show in at least two documents is
// taken as the house style and not flagged.

interface Confusion {
  wrong: string;
  right: string;
  /** The wrong form counts only with this text before it (a look-behind anchor), if given. */
  after?: RegExp;
}

const CONFUSIONS: Confusion[] = [
  { wrong: '案列', right: '案例', after: /(?:典型|优秀|经典|示范|成功|先进|创新|实践|精品|具体)$/ },
  { wrong: '再接再励', right: '再接再厉' },
  { wrong: '弛而不息', right: '驰而不息' },
  { wrong: '锲而不含', right: '锲而不舍' },
  { wrong: '契而不舍', right: '锲而不舍' },
  { wrong: '砥励前行', right: '砥砺前行' },
  { wrong: '抵砺前行', right: '砥砺前行' },
  { wrong: '踔励奋发', right: '踔厉奋发' },
  { wrong: '卓厉奋发', right: '踔厉奋发' },
  { wrong: '笃行不殆', right: '笃行不怠' },
  { wrong: '一以惯之', right: '一以贯之' },
  { wrong: '一如继往', right: '一如既往' },
  { wrong: '按步就班', right: '按部就班' },
  { wrong: '按部就搬', right: '按部就班' },
  { wrong: '坚苦奋斗', right: '艰苦奋斗' },
  { wrong: '艰苦朴索', right: '艰苦朴素' },
  { wrong: '克尽职守', right: '恪尽职守' },
  { wrong: '鞠躬尽粹', right: '鞠躬尽瘁' },
  { wrong: '兢兢叶叶', right: '兢兢业业' },
  { wrong: '竞竞业业', right: '兢兢业业' },
  { wrong: '迫不急待', right: '迫不及待' },
  { wrong: '一股作气', right: '一鼓作气' },
  { wrong: '相辅相承', right: '相辅相成' },
  { wrong: '变本加利', right: '变本加厉' },
  { wrong: '精兵减政', right: '精兵简政' },
  { wrong: '融汇贯通', right: '融会贯通' },
  { wrong: '提纲携领', right: '提纲挈领' },
  { wrong: '明查暗访', right: '明察暗访' },
  { wrong: '既往不究', right: '既往不咎' },
  { wrong: '出奇不意', right: '出其不意' },
  { wrong: '穿流不息', right: '川流不息' },
  { wrong: '鼎立相助', right: '鼎力相助' },
  { wrong: '默守成规', right: '墨守成规' },
  { wrong: '走头无路', right: '走投无路' },
  { wrong: '天翻地复', right: '天翻地覆' },
  { wrong: '声名雀起', right: '声名鹊起' },
  { wrong: '不径而走', right: '不胫而走' },
  { wrong: '脍灸人口', right: '脍炙人口' },
  { wrong: '针贬时弊', right: '针砭时弊' },
  { wrong: '一愁莫展', right: '一筹莫展' },
  { wrong: '美仑美奂', right: '美轮美奂' },
  { wrong: '委屈求全', right: '委曲求全' },
  { wrong: '谈笑风声', right: '谈笑风生' },
  { wrong: '世外桃园', right: '世外桃源' },
  { wrong: '心心相映', right: '心心相印' },
  { wrong: '消声匿迹', right: '销声匿迹' },
  { wrong: '全神惯注', right: '全神贯注' },
  { wrong: '再所不辞', right: '在所不辞' },
  { wrong: '贯澈', right: '贯彻' },
  { wrong: '贯切落实', right: '贯彻落实' },
  { wrong: '部暑', right: '部署' },
  { wrong: '布署', right: '部署' },
  { wrong: '毕竞', right: '毕竟' },
  { wrong: '幅射', right: '辐射' },
  { wrong: '辐员', right: '幅员' },
  { wrong: '急燥', right: '急躁' },
  { wrong: '松驰', right: '松弛' },
  { wrong: '装璜', right: '装潢' },
  { wrong: '重迭', right: '重叠' },
  { wrong: '粗旷', right: '粗犷' },
  { wrong: '凋蔽', right: '凋敝' },
  { wrong: '编篡', right: '编纂' },
  { wrong: '膺品', right: '赝品' },
  { wrong: '寒喧', right: '寒暄' },
  { wrong: '侯选人', right: '候选人' },
  { wrong: '亲睐', right: '青睐' },
  { wrong: '赋于', right: '赋予' },
  { wrong: '取谛', right: '取缔' },
  { wrong: '锻练', right: '锻炼' },
  { wrong: '训炼', right: '训练' },
  { wrong: '演译', right: '演绎' },
  { wrong: '帐户', right: '账户' },
  { wrong: '帐目', right: '账目' },
  { wrong: '防碍', right: '妨碍' },
  { wrong: '庚续', right: '赓续' },
  { wrong: '宏扬', right: '弘扬' },
];

/** The wrong forms by their first character's code. */
const BY_FIRST = new Map<number, Confusion[]>();
for (const c of CONFUSIONS) {
  const code = c.wrong.charCodeAt(0);
  const list = BY_FIRST.get(code) ?? [];
  list.push(c);
  BY_FIRST.set(code, list);
}
/** Where a wrong form starts: a native search, where a loop would test every character. */
const WRONG_FORM = wordPattern(CONFUSIONS.map((c) => c.wrong));

const accepted = new WeakMap<Model, Set<string>>();
/** Wrong forms that the model's phrases (each from two or more documents) contain. */
function acceptedByModel(model: Model): Set<string> {
  let set = accepted.get(model);
  if (!set) {
    set = new Set(CONFUSIONS.filter((c) => model.phrases.some((p) => p.sources.length >= 2 && p.text.includes(c.wrong))).map((c) => c.wrong));
    accepted.set(model, set);
  }
  return set;
}

export const typo: Rule = {
  meta: {
    id: 'typo',
    category: 'wording',
    description: {
      zh: '常见别字（混淆表中的误写）',
      en: 'A common misspelling from the confusion list',
    },
    defaultSeverity: 'warning',
    fixable: true,
    safeFix: false,
    examples: [
      { wrong: '“赤峰农村养老新路子”入选第五批全国农村公共服务典型案列。', right: '“赤峰农村养老新路子”入选第五批全国农村公共服务典型案例。', source: 'seeds' },
      { wrong: '驰而不息纠治“四风”，再接再励推动作风建设。', right: '驰而不息纠治“四风”，再接再厉推动作风建设。' },
    ],
  },
  check({ analysis, lang, report }) {
    const { text } = analysis;
    const skip = acceptedByModel(analysis.lexicon.model);
    for (const paragraph of tokensOf(analysis)) {
      const base = paragraph.content.start;
      WRONG_FORM.lastIndex = 0;
      for (let m = WRONG_FORM.exec(paragraph.text); m !== null; m = WRONG_FORM.exec(paragraph.text)) {
        // Forms may overlap (one may start inside another): the next search starts one further.
        WRONG_FORM.lastIndex = m.index + 1;
        const at = base + m.index;
        const t = paragraph.tokenAround(at);
        if (t.kind !== 'han') continue;
        for (const c of BY_FIRST.get(text.charCodeAt(at))!) {
          if (!text.startsWith(c.wrong, at) || at + c.wrong.length > t.end || skip.has(c.wrong)) continue;
          if (c.after && !c.after.test(text.slice(Math.max(t.start, at - 4), at))) continue;
          if (insideAny(paragraph.quoted, at) && c.wrong.length < 4) continue;
          const span = { start: at, end: at + c.wrong.length };
          report({
            span,
            message: localize(MESSAGES.message, lang, { wrong: c.wrong, right: c.right }),
            fixes: [{ title: localize(MESSAGES.fix, lang, { right: c.right }), edits: [{ span, newText: c.right }], preferred: true }],
          });
        }
      }
    }
  },
};

const MESSAGES = {
  message: { zh: '“{wrong}”疑为别字，应为“{right}”', en: '“{wrong}” looks misspelt; did you mean “{right}”?' },
  fix: { zh: '改为“{right}”', en: 'Replace with “{right}”' },
};
