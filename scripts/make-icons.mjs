// Draws the app icons (a white seedling on NHS blue) into public/ with Node
// built-ins only: PNGs for the manifest and iOS, a PNG-in-ICO favicon (a missing
// /favicon.ico is a console 404 that costs Lighthouse points) and an SVG.
// Run: node scripts/make-icons.mjs   (the outputs are committed)
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../public/', import.meta.url));
const BLUE = [0x00, 0x5e, 0xb8];
const WHITE = [0xff, 0xff, 0xff];
const DEG = Math.PI / 180;

// The seedling, in a unit box centred on 0,0 (y down).
const ground = { ax: -0.34, ay: 0.3, bx: 0.34, by: 0.3, r: 0.05 };
const stem = { ax: 0, ay: 0.3, bx: 0, by: -0.1, r: 0.045 };
const leaf = (x, y, angle) => ({
  a: 0.2,
  b: 0.09,
  angle,
  cx: x + 0.2 * Math.cos(angle),
  cy: y + 0.2 * Math.sin(angle),
});
const leaves = [leaf(0, -0.06, 205 * DEG), leaf(0, -0.12, -35 * DEG)];

function inCapsule(px, py, c) {
  const dx = c.bx - c.ax,
    dy = c.by - c.ay;
  const t = Math.max(0, Math.min(1, ((px - c.ax) * dx + (py - c.ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - c.ax - t * dx, py - c.ay - t * dy) <= c.r;
}

function inEllipse(px, py, e) {
  const x = px - e.cx,
    y = py - e.cy;
  const u = x * Math.cos(-e.angle) - y * Math.sin(-e.angle);
  const v = x * Math.sin(-e.angle) + y * Math.cos(-e.angle);
  return (u / e.a) ** 2 + (v / e.b) ** 2 <= 1;
}

const inFigure = (x, y) =>
  inCapsule(x, y, ground) || inCapsule(x, y, stem) || leaves.some((e) => inEllipse(x, y, e));

/** RGBA pixels; `scale` is the figure's size as a share of the icon. */
function draw(size, scale) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4; // 4×4 supersampling for smooth edges
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let hits = 0;
      for (let sj = 0; sj < n; sj++) {
        for (let si = 0; si < n; si++) {
          const x = ((i + (si + 0.5) / n) / size - 0.5) / scale;
          const y = ((j + (sj + 0.5) / n) / size - 0.5) / scale;
          if (inFigure(x, y)) hits++;
        }
      }
      const a = hits / (n * n);
      const o = (j * size + i) * 4;
      for (let k = 0; k < 3; k++) px[o + k] = Math.round(BLUE[k] * (1 - a) + WHITE[k] * a);
      px[o + 3] = 255;
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, scale) {
  const rgba = draw(size, scale);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO holding PNG images (every current browser reads PNG-in-ICO). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

function svg() {
  const f = (n) => Number(n.toFixed(3));
  const cap = (c) =>
    `<line x1="${f(c.ax)}" y1="${f(c.ay)}" x2="${f(c.bx)}" y2="${f(c.by)}" stroke="#fff" stroke-linecap="round" stroke-width="${f(c.r * 2)}"/>`;
  const ell = (e) =>
    `<ellipse cx="${f(e.cx)}" cy="${f(e.cy)}" rx="${e.a}" ry="${e.b}" transform="rotate(${f(e.angle / DEG)} ${f(e.cx)} ${f(e.cy)})"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-0.5 -0.5 1 1"><rect x="-0.5" y="-0.5" width="1" height="1" fill="#005eb8"/><g transform="scale(0.72)" fill="#fff">${cap(ground)}${cap(stem)}${leaves.map(ell).join('')}</g></svg>\n`;
}

const ANY = 0.72; // the figure fills most of an ordinary icon
const MASKABLE = 0.5; // and stays inside the 80% safe zone of a maskable one
writeFileSync(`${OUT}icon-192.png`, png(192, ANY));
writeFileSync(`${OUT}icon-512.png`, png(512, ANY));
writeFileSync(`${OUT}icon-maskable-512.png`, png(512, MASKABLE));
writeFileSync(`${OUT}apple-touch-icon.png`, png(180, 0.6));
writeFileSync(
  `${OUT}favicon.ico`,
  ico([16, 32, 48].map((size) => ({ size, data: png(size, 0.9) }))),
);
writeFileSync(`${OUT}icon.svg`, svg());
console.log('icons written to', OUT);
