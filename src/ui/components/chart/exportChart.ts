/**
 * A chart as a file for a board paper: the drawn SVG (MeasureChartSvg) with
 * the measure's name above it and Making Data Count's icons beside the name,
 * styles written onto the elements (a file has no stylesheet), as an .svg, or
 * drawn onto a canvas at twice the size and saved as a .png.
 */
import { H, W } from './scale.ts';
import { saveFile } from '../../saveFile.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const HEADER = 56;
const ICON = 40;

/** What the page's stylesheet gives the chart's text (improvement.css). */
const CLASS_STYLES: Readonly<Record<string, Record<string, string>>> = {
  chart__axis: { 'font-size': '12px', fill: '#4c6272' },
  chart__label: { 'font-size': '12px', 'font-weight': '700', fill: '#212b32' },
};

/** The standalone SVG text of the chart in `figure`, titled `title`. */
export function chartSvgText(figure: Element, title: string): string {
  const chart = figure.querySelector('svg.chart');
  if (!chart) throw new Error('no chart to export');
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(W));
  out.setAttribute('height', String(H + HEADER));
  out.setAttribute('viewBox', `0 0 ${W} ${H + HEADER}`);
  out.setAttribute('font-family', 'Arial, sans-serif');
  const bg = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ width: W, height: H + HEADER, fill: '#fff' }))
    bg.setAttribute(k, String(v));
  out.appendChild(bg);
  const heading = document.createElementNS(SVG_NS, 'text');
  for (const [k, v] of Object.entries({ x: 8, y: 34, 'font-size': 18, 'font-weight': 700 }))
    heading.setAttribute(k, String(v));
  heading.setAttribute('fill', '#212b32');
  heading.textContent = title;
  out.appendChild(heading);
  const icons = [...figure.querySelectorAll('svg.mdc-icon')];
  icons.forEach((icon, k) => {
    const copy = icon.cloneNode(true) as SVGElement;
    copy.setAttribute('x', String(W - (icons.length - k) * (ICON + 8)));
    copy.setAttribute('y', '8');
    copy.setAttribute('width', String(ICON));
    copy.setAttribute('height', String(ICON));
    out.appendChild(copy);
  });
  const body = chart.cloneNode(true) as SVGElement;
  body.removeAttribute('class');
  body.setAttribute('y', String(HEADER));
  body.setAttribute('width', String(W));
  body.setAttribute('height', String(H));
  for (const [cls, style] of Object.entries(CLASS_STYLES)) {
    for (const el of body.querySelectorAll(`.${cls}`)) {
      for (const [k, v] of Object.entries(style)) el.setAttribute(k, v);
      el.removeAttribute('class');
    }
  }
  out.appendChild(body);
  return new XMLSerializer().serializeToString(out);
}

/** A file name from the measure's name: "Falls per 1,000 bed days" → "falls-per-1-000-bed-days". */
export function fileName(name: string, ext: 'svg' | 'png'): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chart';
  return `${base}.${ext}`;
}

export function downloadSvg(figure: Element, title: string): void {
  const text = chartSvgText(figure, title);
  saveFile(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), fileName(title, 'svg'));
}

/** Draws the SVG on a canvas at `scale` times its size and saves it as a PNG. */
export async function downloadPng(figure: Element, title: string, scale = 2): Promise<void> {
  const text = chartSvgText(figure, title);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = W * scale;
    canvas.height = (H + HEADER) * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('the picture could not be made');
    saveFile(png, fileName(title, 'png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
