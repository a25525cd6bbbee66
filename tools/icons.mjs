// Draws the app's mark (assets/favicon.svg: four blocks from secure to lost on
// a dark square) as the PNG icons the web app manifest needs, with Node's
// built-in modules only, so no image tool has to be installed. The output is
// committed; run this again only when the mark changes:
//
//   node tools/icons.mjs        (writes assets/icons/*.png)
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BACKGROUND = [0x1f, 0x3a, 0x5f];
// The blocks of favicon.svg, in its 64-unit grid: x, y, width, height, colour.
const BLOCKS = [
  [10, 27, 11, 10, [0x5f, 0xb3, 0x8a]],
  [22, 27, 10, 10, [0xd8, 0xb2, 0x4a]],
  [33, 27, 10, 10, [0xe0, 0x7b, 0x4c]],
  [44, 27, 10, 10, [0xb8, 0xc2, 0xcf]],
];

/** Whether grid point (px, py) lies in a rectangle with rounded corners. */
function inRoundedRect(px, py, x, y, w, h, r) {
  if (px < x || py < y || px > x + w || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

/**
 * The colour at a grid point, or null (transparent). A maskable icon fills
 * the whole square (the platform cuts its own shape) and keeps the blocks
 * inside the central safe zone, which they already are.
 */
function colourAt(px, py, maskable) {
  if (!maskable && !inRoundedRect(px, py, 0, 0, 64, 64, 14)) return null;
  for (const [x, y, w, h, colour] of BLOCKS) {
    if (inRoundedRect(px, py, x, y, w, h, 3)) return colour;
  }
  return BACKGROUND;
}

/** RGBA pixels, 4x4 supersampled so the edges are smooth. */
function render(size, maskable) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sj = 0; sj < n; sj++) {
        for (let si = 0; si < n; si++) {
          const c = colourAt(((i + (si + 0.5) / n) * 64) / size, ((j + (sj + 0.5) / n) * 64) / size, maskable);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const o = (j * size + i) * 4;
      if (a) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
      }
      pixels[o + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file (8-bit RGBA, no filtering) of square RGBA pixels. */
export function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let j = 0; j < size; j++) {
    pixels.copy(rows, j * (size * 4 + 1) + 1, j * size * 4, (j + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const ICONS = [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["maskable-512.png", 512, true],
  ["apple-touch-icon.png", 180, true],
];

mkdirSync("assets/icons", { recursive: true });
for (const [name, size, maskable] of ICONS) {
  writeFileSync(`assets/icons/${name}`, png(size, render(size, maskable)));
  console.log(`assets/icons/${name} (${size}x${size}${maskable ? ", maskable" : ""})`);
}
