import {
  AlignmentType,
  DocumentGridType,
  Paragraph,
  TextRun,
  type IParagraphStyleOptions,
  type IRunOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from 'docx';

/**
 * The page and type of every document the app writes, after GB/T 9704-2012
 * (domain.md §9): A4, margins 37/35/28/26 mm, 22 lines × 28 characters,
 * title 2号 小标宋, body 3号 仿宋 indented two characters, headings 黑体 and
 * 楷体. One module, so every document looks the same.
 *
 * Units: twips (1/20 pt) for lengths, half-points for font sizes, as OOXML
 * writes them.
 */

/** A4 and the 公文 margins, in twips. */
export const page = {
  width: 11906,
  height: 16838,
  margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
  /** From the page's edge to the header's top and the footer's bottom: 15 mm, inside the margins. */
  header: 851,
  footer: 851,
} as const;

/** Font sizes in half-points (`w:sz`): 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const sizes = { title: 44, body: 32, heading: 32, footer: 28 } as const;

export const grid = {
  linesPerPage: 22,
  charsPerLine: 28,
  /** 225 mm of type area over 22 lines. */
  linePitch: 579,
  /**
   * `w:charSpace` is the difference between the grid's character pitch and
   * the body font's size, in 1/4096 pt: the type area's 8845 twips over 28
   * characters is 15.79 pt, 0.21 pt less than 3号, so −842.
   */
  charSpace: Math.floor(((page.width - page.margin.left - page.margin.right) / 28 / 20 - sizes.body / 2) * 4096),
} as const;

export interface FontChoice {
  /** The font named in the East Asian slot (`w:eastAsia`). */
  name: string;
  /** What to use where it is missing (the 方正 fonts are commercial); the first goes into the font table's `w:altName`. */
  fallbacks: readonly string[];
}

export const fonts = {
  title: { name: '方正小标宋简体', fallbacks: ['华文中宋', '宋体'] },
  body: { name: '仿宋_GB2312', fallbacks: ['仿宋'] },
  /** 一、 headings. */
  heading1: { name: '黑体', fallbacks: [] },
  /** （一） headings. */
  heading2: { name: '楷体_GB2312', fallbacks: ['楷体'] },
  /** Latin letters and digits. */
  latin: { name: 'Times New Roman', fallbacks: [] },
} as const satisfies Record<string, FontChoice>;

/** Layout settings an office may change (domain.md §9: bold headings default off). */
export interface TypographyOptions {
  boldHeadings?: boolean;
}

/** Style ids: documents name these, never fonts or sizes directly. */
export const styleIds = {
  title: 'HdTitle',
  body: 'HdBody',
  field: 'HdField',
  heading1: 'HdHeading1',
  heading2: 'HdHeading2',
  footer: 'HdFooter',
} as const;

/** Two characters of 3号: `firstLineChars` for Word and WPS, `firstLine` in twips for any reader that ignores it. */
export const twoCharacterIndent = { firstLineChars: 200, firstLine: sizes.body * 20 } as const;

function runFonts(font: FontChoice) {
  return { ascii: fonts.latin.name, hAnsi: fonts.latin.name, cs: fonts.latin.name, eastAsia: font.name, hint: 'eastAsia' };
}

/** The styles part: defaults are the body; each kind of paragraph has a style of its own. */
export function documentStyles(options: TypographyOptions = {}): IStylesOptions {
  const bold = options.boldHeadings === true;
  const style = (
    id: string,
    name: string,
    run: IParagraphStyleOptions['run'],
    paragraph: IParagraphStyleOptions['paragraph'] = {},
  ): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: styleIds.body,
    quickFormat: true,
    run,
    paragraph,
  });
  return {
    default: {
      document: {
        run: { font: runFonts(fonts.body), size: sizes.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { alignment: AlignmentType.JUSTIFIED },
      },
    },
    paragraphStyles: [
      style(
        styleIds.title,
        'HD Title',
        { font: runFonts(fonts.title), size: sizes.title },
        { alignment: AlignmentType.CENTER, spacing: { after: grid.linePitch } },
      ),
      style(styleIds.body, 'HD Body', { font: runFonts(fonts.body), size: sizes.body }, { indent: twoCharacterIndent }),
      style(styleIds.field, 'HD Field', { font: runFonts(fonts.body), size: sizes.body }),
      style(styleIds.heading1, 'HD Heading 1', { font: runFonts(fonts.heading1), size: sizes.heading, bold }, { indent: twoCharacterIndent, keepNext: true }),
      style(styleIds.heading2, 'HD Heading 2', { font: runFonts(fonts.heading2), size: sizes.heading, bold }, { indent: twoCharacterIndent, keepNext: true }),
      style(styleIds.footer, 'HD Footer', { font: runFonts(fonts.body), size: sizes.footer }, { alignment: AlignmentType.CENTER }),
    ],
  };
}

/** The one section's page: size, margins, header/footer distances and the 22 × 28 grid. */
export function sectionProperties(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: page.width, height: page.height },
      margin: { ...page.margin, header: page.header, footer: page.footer, gutter: 0 },
    },
    grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: grid.linePitch, charSpace: grid.charSpace },
  };
}

/** A run of text; a font given here goes into the East Asian slot. */
export function run(text: string, options: { font?: FontChoice; bold?: boolean; underline?: boolean } = {}): TextRun {
  const runOptions: IRunOptions = {
    text,
    ...(options.font ? { font: runFonts(options.font) } : {}),
    ...(options.bold ? { bold: true } : {}),
    ...(options.underline ? { underline: {} } : {}),
  };
  return new TextRun(runOptions);
}

type Content = string | readonly TextRun[];

function runsOf(content: Content): TextRun[] {
  return typeof content === 'string' ? [run(content)] : [...content];
}

export interface ParagraphOptions {
  align?: 'left' | 'center' | 'right';
  keepNext?: boolean;
  /** Space before, in grid lines. */
  linesBefore?: number;
}

const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function paragraph(style: string, content: Content, options: ParagraphOptions = {}): Paragraph {
  return new Paragraph({
    style,
    children: runsOf(content),
    ...(options.align ? { alignment: alignments[options.align] } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
    ...(options.linesBefore ? { spacing: { before: options.linesBefore * grid.linePitch } } : {}),
  });
}

/** The document's title: 2号 小标宋, centred. */
export const titleParagraph = (content: Content, options?: ParagraphOptions) => paragraph(styleIds.title, content, options);
/** Body text: 3号 仿宋, first line indented two characters. */
export const bodyParagraph = (content: Content, options?: ParagraphOptions) => paragraph(styleIds.body, content, options);
/** A form line (label：value, signatures): 3号 仿宋, flush left. */
export const fieldParagraph = (content: Content, options?: ParagraphOptions) => paragraph(styleIds.field, content, options);
/** 一、 heading: 黑体. */
export const heading1Paragraph = (content: Content, options?: ParagraphOptions) => paragraph(styleIds.heading1, content, options);
/** （一） heading: 楷体. */
export const heading2Paragraph = (content: Content, options?: ParagraphOptions) => paragraph(styleIds.heading2, content, options);
/** A footer line: 4号 仿宋, centred. */
export const footerParagraph = (content: Content, options?: ParagraphOptions) => paragraph(styleIds.footer, content, options);

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The font table (`word/fontTable.xml`), which `docx` leaves empty: each
 * font the styles name, with GB2312's charset and its first fallback as
 * `w:altName`, so Word and WPS substitute sensibly where the 方正 or _GB2312
 * fonts are not installed.
 */
export function fontTableXml(): string {
  const entries = Object.values(fonts)
    .map((font: FontChoice) => {
      const latin = font.name === fonts.latin.name;
      const altName = font.fallbacks[0] ? `<w:altName w:val="${escapeXml(font.fallbacks[0])}"/>` : '';
      const charset = latin ? '00' : '86';
      const family = latin ? 'roman' : 'modern';
      return `<w:font w:name="${escapeXml(font.name)}">${altName}<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${latin ? 'variable' : 'fixed'}"/></w:font>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    entries +
    '</w:fonts>'
  );
}
