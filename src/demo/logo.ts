import { crc32, deflateSync } from 'node:zlib';

/**
 * The demo gemeenten's logos, drawn here as small PNGs so the demo needs no image files: Demodorp a
 * tree in a circle, Tweestad two towers. Each pixel is decided by a shape function.
 */
type Rgba = [number, number, number, number];

function hex(h: string, a = 255): Rgba {
  return [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];
}

function png(breedte: number, hoogte: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const rijen = Buffer.alloc((breedte * 4 + 1) * hoogte);
  for (let y = 0; y < hoogte; y++) {
    const start = y * (breedte * 4 + 1);
    rijen[start] = 0; // filter: none
    for (let x = 0; x < breedte; x++) Buffer.from(pixel(x, y)).copy(rijen, start + 1 + x * 4);
  }
  const stuk = (soort: string, data: Buffer) => {
    const lengte = Buffer.alloc(4);
    lengte.writeUInt32BE(data.length);
    const inhoud = Buffer.concat([Buffer.from(soort, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(inhoud));
    return Buffer.concat([lengte, inhoud, crc]);
  };
  const kop = Buffer.alloc(13);
  kop.writeUInt32BE(breedte, 0);
  kop.writeUInt32BE(hoogte, 4);
  kop.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), stuk('IHDR', kop), stuk('IDAT', deflateSync(rijen)), stuk('IEND', Buffer.alloc(0))]);
}

const LEEG: Rgba = [0, 0, 0, 0];

/** Demodorp: a white disc with a green tree and a yellow sun. */
export function demodorpLogo(): Buffer {
  const [wit, groen, stam, zon] = [hex('#ffffff'), hex('#1f6f4a'), hex('#6b4a2b'), hex('#f2b705')];
  return png(64, 64, (x, y) => {
    const d = Math.hypot(x - 31.5, y - 31.5);
    if (d > 31) return LEEG;
    if (Math.hypot(x - 46, y - 17) < 7) return zon;
    if (Math.hypot(x - 31.5, y - 26) < 14) return groen;
    if (Math.abs(x - 31.5) < 3.5 && y >= 34 && y < 52) return stam;
    if (y >= 52) return groen;
    return wit;
  });
}

/** Tweestad: two orange towers on a white square. */
export function tweestadLogo(): Buffer {
  const [wit, oranje, paars] = [hex('#ffffff'), hex('#e07a1f'), hex('#5b2a86')];
  return png(64, 64, (x, y) => {
    if (x < 2 || y < 2 || x > 61 || y > 61) return paars;
    const toren = (links: number, top: number) => x >= links && x < links + 16 && y >= top && y < 56
      && !(y < top + 5 && (x - links) % 6 >= 3);
    if (toren(12, 14) || toren(36, 22)) return oranje;
    return wit;
  });
}
