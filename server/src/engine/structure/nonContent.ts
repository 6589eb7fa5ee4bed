import type { Span } from '../types';
import type { Paragraph } from '../text/segment';

// Lines that are part of the page, not of the report: web-page leftovers of scraped reports
// (下载 打印 【字号：】), newspaper page markers ((上接第一版)), the subtitle with the meeting date,
// source and byline lines. Rules and target extraction skip them; the outline shows only the title.

const WEB_LEFTOVER = new RegExp(
  '^(?:下载|打印|全屏|收藏|分享|分享到|加大|还原|减小|关闭|【|】|【字号[：:].*|字号[：:]?.*|【打印本页】|【关闭窗口】|' +
    '来源[：:].*|时间[：:].*|发布时间[：:].*|作者[：:].*|责任编辑[：:].*|编辑[：:].*|相关报道[：:]?|' +
    '相关链接[：:]?|扫一扫.*|.*本报记者.*摄|false|true|Public|公有领域|[0-9０-９.．]+)$',
);

/** (上接第一版) (下转第四版) in full- or half-width brackets. */
export const PAGE_MARKER = /[（(]\s*(?:上接|下转)第?[一二三四五六七八九十\d]+版\s*[）)]/g;

/**
 * The subtitle under the title: ——2026年1月14日在…会议上 (also written with ----); old reports drop the
 * dash ("1957年6月26日在第一届全国人民代表大会第四次会議上", with the traditional 議).
 */
const SUBTITLE = /^(?:(?:——|--+|—|－－)\s*\S*(?:(?:\d{4}|[〇一二三四五六七八九]{4})年.*(?:会议|大会)上|\d{4}年\d{1,2}月\d{1,2}日)|(?:\d{4}|[〇一二三四五六七八九]{4})年\d{1,2}月\d{1,2}日在.*(?:会议|会議|大会)上$)/;

/** A byline: 北京市市长 殷勇 / 海拉尔区人民政府区长　　杜联合. */
const BYLINE = /(?:省长|市长|区长|县长|州长|旗长|盟长|总理|主席|主任)[\s\u3000]+\S{2,4}$/;

/** Titles name the kind of document. */
const TITLE_WORDS = /报\s*告|规\s*划|纲\s*要|工作安排|工作要点|建议|计划/;

export function isWebLeftover(text: string): boolean {
  return WEB_LEFTOVER.test(text);
}

export function isSubtitle(text: string): boolean {
  return SUBTITLE.test(text);
}

export interface FrontMatter {
  /** Index of the title paragraph, if any. */
  title: number | null;
  /** Paragraphs that are not content (leftovers, subtitle, byline, other head lines). */
  nonContent: Set<number>;
}

/**
 * The head of a report runs until the first paragraph that reads as prose (ends with 。！？：) or
 * opens with an ordinal. Its first real line is the title; the rest are subtitle, source, byline.
 */
/** What a paragraph's text alone says about it: web leftover or subtitle, and its page markers (relative). */
export interface LineFacts {
  leftover: boolean;
  pageMarkers: Span[];
}
/** The facts of paragraphs that have no record (no editor's memo): the outline and the rules ask several times. */
const factsOf = new WeakMap<Paragraph, LineFacts>();

function lineFacts(p: Paragraph): LineFacts {
  let facts = p.record ? p.record.facts : factsOf.get(p);
  if (!facts) {
    // A fresh copy of the pattern: a shared /g pattern carries lastIndex from one text to the next.
    // Every marker names a 版 (page): a native search for it settles most paragraphs.
    const pageMarkers = p.text.includes('版') ? [...p.text.matchAll(new RegExp(PAGE_MARKER))].map((m) => ({ start: m.index!, end: m.index! + m[0].length })) : [];
    facts = { leftover: isWebLeftover(p.text) || (p.text.length < 80 && isSubtitle(p.text)), pageMarkers };
    if (p.record) p.record.facts = facts;
    else factsOf.set(p, facts);
  }
  return facts;
}

/** The page markers of a paragraph ((上接第一版), (下转第四版)), as document spans. */
export function pageMarkersOf(p: Paragraph): Span[] {
  return lineFacts(p).pageMarkers.map((m) => ({ start: p.start + m.start, end: p.start + m.end }));
}

export function findFrontMatter(paragraphs: readonly Paragraph[], opensWithHeading: (p: Paragraph) => boolean): FrontMatter {
  const nonContent = new Set<number>();
  let title: number | null = null;
  let inHead = true;
  for (const p of paragraphs) {
    if (lineFacts(p).leftover) {
      nonContent.add(p.index);
      continue;
    }
    if (!inHead) continue;
    if (/[。！？：:!?]$/.test(p.text) || opensWithHeading(p) || p.text.length > 60) {
      inHead = false;
      continue;
    }
    if (title === null && !BYLINE.test(p.text) && (TITLE_WORDS.test(p.text) || p.text.length <= 40)) {
      title = p.index;
    } else {
      nonContent.add(p.index);
    }
  }
  return { title, nonContent };
}
