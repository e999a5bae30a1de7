import {
  AlignmentType,
  BorderStyle,
  DocumentGridType,
  ImageRun,
  Footer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  HeightRule,
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

/** Font sizes in half-points (`w:sz`): 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt (a form's table, where 3号 leaves too few characters a column). */
export const sizes = { title: 44, body: 32, heading: 32, footer: 28, table: 24 } as const;

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
  /** 公文 page numbers: half-width 宋体 digits. */
  pageNumber: { name: '宋体', fallbacks: [] },
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
  cell: 'HdCell',
  cellHead: 'HdCellHead',
} as const;

/** Two characters of 3号: `firstLineChars` for Word and WPS, `firstLine` in twips for any reader that ignores it. */
export const twoCharacterIndent = { firstLineChars: 200, firstLine: sizes.body * 20 } as const;

/** Styles other than the body start at the margin. */
const noIndent = { firstLineChars: 0, firstLine: 0 } as const;

function runFonts(font: FontChoice) {
  return { ascii: fonts.latin.name, hAnsi: fonts.latin.name, cs: fonts.latin.name, eastAsia: font.name, hint: 'eastAsia' };
}

/**
 * The styles part: the document's defaults are the body (3号 仿宋, justified,
 * indented two characters), so a record's thousands of entry paragraphs need
 * no style of their own; every other kind of paragraph has a style, which
 * states its indent since it would otherwise inherit the body's.
 */
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
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: twoCharacterIndent },
      },
    },
    paragraphStyles: [
      style(
        styleIds.title,
        'HD Title',
        { font: runFonts(fonts.title), size: sizes.title },
        { alignment: AlignmentType.CENTER, spacing: { after: grid.linePitch }, indent: noIndent },
      ),
      style(styleIds.body, 'HD Body', { font: runFonts(fonts.body), size: sizes.body }, { indent: twoCharacterIndent }),
      style(styleIds.field, 'HD Field', { font: runFonts(fonts.body), size: sizes.body }, { indent: noIndent }),
      style(styleIds.heading1, 'HD Heading 1', { font: runFonts(fonts.heading1), size: sizes.heading, bold }, { indent: twoCharacterIndent, keepNext: true }),
      style(styleIds.heading2, 'HD Heading 2', { font: runFonts(fonts.heading2), size: sizes.heading, bold }, { indent: twoCharacterIndent, keepNext: true }),
      style(styleIds.footer, 'HD Footer', { font: runFonts(fonts.body), size: sizes.footer }, { alignment: AlignmentType.CENTER, indent: noIndent }),
      style(styleIds.cell, 'HD Table Cell', { font: runFonts(fonts.body), size: sizes.table }, { indent: noIndent }),
      style(
        styleIds.cellHead,
        'HD Table Heading',
        { font: runFonts(fonts.heading1), size: sizes.table, bold },
        { alignment: AlignmentType.CENTER, indent: noIndent },
      ),
    ],
  };
}

/**
 * The one section's page: size, margins, header/footer distances and the 22 × 28 grid.
 * A document of several pieces (a notice per addressee, a catalogue per side)
 * gives each its own section that counts its pages from 1, since each is
 * handed over on its own.
 */
export function sectionProperties(options: { restartPageNumbers?: boolean } = {}): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: page.width, height: page.height },
      margin: { ...page.margin, header: page.header, footer: page.footer, gutter: 0 },
      ...(options.restartPageNumbers ? { pageNumbers: { start: 1 } } : {}),
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

/** Text as typed: a line broken with Shift+Enter stays broken in the document. */
export function linesOf(text: string): TextRun[] {
  return text.split(/\r?\n/).map((line, index) => (index === 0 ? run(line) : new TextRun({ text: line, break: 1 })));
}

/** Text, or runs: text and, where a document embeds one, a picture (a signature, a QR code). */
type Content = string | readonly (TextRun | ImageRun)[];

function runsOf(content: Content): Array<TextRun | ImageRun> {
  return typeof content === 'string' ? [run(content)] : [...content];
}

export interface ParagraphOptions {
  align?: 'left' | 'center' | 'right';
  keepNext?: boolean;
  /** Space before, in grid lines. */
  linesBefore?: number;
  /** Indent from the right, in grid characters (a 落款's date sits four in, domain.md §9). */
  rightIndent?: number;
}

/** One character of the 28-character grid, in twips. */
const charPitch = (page.width - page.margin.left - page.margin.right) / grid.charsPerLine;

const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function paragraph(style: string, content: Content, options: ParagraphOptions = {}): Paragraph {
  return new Paragraph({
    style,
    children: runsOf(content),
    ...(options.align ? { alignment: alignments[options.align] } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
    ...(options.linesBefore ? { spacing: { before: options.linesBefore * grid.linePitch } } : {}),
    ...(options.rightIndent ? { indent: { right: Math.round(options.rightIndent * charPitch) } } : {}),
  });
}

/** The document's title: 2号 小标宋, centred. */
export const titleParagraph = (content: Content, options?: ParagraphOptions) => paragraph(styleIds.title, content, options);
/** Body text: 3号 仿宋, first line indented two characters. */
export const bodyParagraph = (content: Content, options?: ParagraphOptions) => paragraph(styleIds.body, content, options);

/** A body paragraph as the document's defaults set it: for text repeated thousands of times, where a style reference per paragraph costs. */
export function plainParagraph(runs: readonly TextRun[]): Paragraph {
  return new Paragraph({ children: [...runs] });
}
/** A form line (label：value, signatures): 3号 仿宋, flush left. */
export const fieldParagraph = (content: Content, options?: ParagraphOptions) => paragraph(styleIds.field, content, options);
/** 一、 heading: 黑体. */
export const heading1Paragraph = (content: Content, options?: ParagraphOptions) => paragraph(styleIds.heading1, content, options);
/** （一） heading: 楷体. */
export const heading2Paragraph = (content: Content, options?: ParagraphOptions) => paragraph(styleIds.heading2, content, options);
/** A footer line: 4号 仿宋, centred. */
export const footerParagraph = (content: Content, options?: ParagraphOptions) => paragraph(styleIds.footer, content, options);

/** One character of 4号, the page number's indent from the edge of the type area. */
const pageNumberIndent = sizes.footer * 10;

function pageNumberFooter(side: 'left' | 'right'): Footer {
  const font = { ascii: fonts.pageNumber.name, hAnsi: fonts.pageNumber.name, eastAsia: fonts.pageNumber.name };
  return new Footer({
    children: [
      new Paragraph({
        style: styleIds.footer,
        alignment: alignments[side],
        indent: { [side]: pageNumberIndent },
        children: [new TextRun({ font, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/**
 * The 公文 page number (domain.md §9): "— 1 —" in 4号 宋体, odd pages right and
 * even pages left, each one character in from the type area's edge. The
 * document must set `evenAndOddHeaderAndFooters`, or Word shows the odd
 * pages' footer on every page.
 */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter('right'), even: pageNumberFooter('left') };
}

/**
 * A form's footer: 第 X 页 共 Y 页, counted within the section, so each
 * piece handed over on its own says how many pages it has.
 */
export function sectionPagesFooter(words: readonly [string, string, string]): Footer {
  return new Footer({
    children: [footerParagraph([new TextRun({ children: [words[0], PageNumber.CURRENT, words[1], PageNumber.TOTAL_PAGES_IN_SECTION, words[2]] })])],
  });
}

export interface TableColumn {
  header: string;
  /** The column's share of the type area's width. */
  weight: number;
  align?: 'left' | 'center';
}

const typeAreaWidth = page.width - page.margin.left - page.margin.right;
const thinLine = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
/** 1 mm either side: narrow columns such as 序号 keep their few characters on one line. */
const cellMargins = { left: 57, right: 57, top: 0, bottom: 0 } as const;

/**
 * A ruled form table across the type area: a heading row in 黑体 that
 * repeats on every page, then the rows in 仿宋, 小四. Rows never break
 * across pages, so a signature is never split from its name.
 */
export function formTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: { minRowHeight?: number } = {}): Table {
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => Math.floor((typeAreaWidth * column.weight) / total));
  // The rounding's remainder goes to the last column, so the table fills the type area exactly.
  widths[widths.length - 1]! += typeAreaWidth - widths.reduce((sum, width) => sum + width, 0);
  const cell = (text: string, index: number, style: string, align: 'left' | 'center') =>
    new TableCell({
      width: { size: widths[index]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [new Paragraph({ style, alignment: alignments[align], children: text ? [run(text)] : [] })],
    });
  return new Table({
    width: { size: typeAreaWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: cellMargins,
    borders: { top: thinLine, bottom: thinLine, left: thinLine, right: thinLine, insideHorizontal: thinLine, insideVertical: thinLine },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((column, index) => cell(column.header, index, styleIds.cellHead, 'center')),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            ...(options.minRowHeight ? { height: { value: options.minRowHeight, rule: HeightRule.ATLEAST } } : {}),
            children: columns.map((column, index) => cell(row[index] ?? '', index, styleIds.cell, column.align ?? 'left')),
          }),
      ),
    ],
  });
}

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
