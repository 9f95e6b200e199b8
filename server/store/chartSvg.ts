/**
 * The chart a shared change carries (decision 0021, issue 14): an SVG that the
 * sharing phone drew with the chart engine and exported (exportChart.ts), kept
 * whole so other teams see the evidence offline. It comes from a member's phone,
 * so the server accepts only what such a chart is made of: an <svg> of shapes
 * and text, with presentation attributes. No script, style sheet, foreign
 * object, link, image or anything that fetches; no event handler; no
 * reference outside the file (href, url(…)); no DOCTYPE or entities. Anything
 * else is refused in words (the push's rule asks here, through its facts), and
 * phones show the chart only as an image (<img>), which runs nothing anyway.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What a chart is drawn with (MeasureChartSvg.tsx, MdcIcons.tsx, exportChart.ts). */
const ELEMENTS = new Set([
  'svg',
  'g',
  'line',
  'polyline',
  'polygon',
  'path',
  'rect',
  'circle',
  'ellipse',
  'text',
  'tspan',
  'title',
  'desc',
]);

/** Presentation and geometry attributes; nothing that names a script, a style sheet or a link. */
const ATTRIBUTES = new Set([
  'xmlns',
  'version',
  'width',
  'height',
  'viewBox',
  'preserveAspectRatio',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'dx',
  'dy',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'd',
  'points',
  'transform',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'role',
  'aria-label',
  'aria-labelledby',
  'aria-describedby',
  'class',
  'aria-hidden',
  'id',
  'focusable',
]);

const REFUSED = 'The chart must be a picture of the measure as this app draws it';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: false,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
});

/** Why this SVG may not travel as a shared chart, in words; null when it may. */
export function chartSvgProblem(svg: string): string | null {
  const text = svg.trim();
  if (!text.startsWith('<svg')) return `${REFUSED}: an SVG image, starting <svg.`;
  if (/<!|<\?/.test(text)) return `${REFUSED}: no DOCTYPE, entities, comments or instructions.`;
  if (XMLValidator.validate(text) !== true) return `${REFUSED}: it is not well-formed SVG.`;
  const roots = parser.parse(text) as Node[];
  if (roots.length !== 1) return `${REFUSED}: one <svg> and nothing beside it.`;
  return walk(roots, true);
}

function walk(nodes: readonly Node[], root: boolean): string | null {
  for (const node of nodes) {
    const attrs = (node[':@'] ?? {}) as Record<string, unknown>;
    const name = Object.keys(node).find((k) => k !== ':@') ?? '';
    if (name === '#text') continue;
    if (name.startsWith('#')) return `${REFUSED}: no comments or CDATA.`;
    if (!ELEMENTS.has(name)) return `${REFUSED}: it holds <${name}>, which a chart never does.`;
    if (root && name !== 'svg') return `${REFUSED}: an SVG image, starting <svg.`;
    for (const [attr, value] of Object.entries(attrs)) {
      if (!ATTRIBUTES.has(attr))
        return `${REFUSED}: its ${attr} attribute is not one a chart uses (no scripts, styles or links).`;
      if (typeof value !== 'string' || /url\s*\(|javascript:|[<>]/i.test(value))
        return `${REFUSED}: its ${attr} attribute refers to something outside the picture.`;
      if (attr === 'xmlns' && value !== SVG_NS)
        return `${REFUSED}: only the SVG namespace is allowed.`;
    }
    const children = node[name];
    if (Array.isArray(children)) {
      const problem = walk(children as Node[], false);
      if (problem) return problem;
    }
  }
  return null;
}
