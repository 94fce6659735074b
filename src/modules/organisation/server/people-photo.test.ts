import { describe, expect, it } from 'vitest';
import { cleanPhoto, photoMaxBytes, photoTypeOf } from './people-photo.js';
import { jpegWithExif, pngWithText, webpWithExif } from './people-photo.fixtures.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('a photo from the HR feed', () => {
  it('is typed by its bytes, not its name: JPEG, PNG and WebP only', () => {
    expect(photoTypeOf(pngWithText())).toBe('image/png');
    expect(photoTypeOf(jpegWithExif())).toBe('image/jpeg');
    expect(photoTypeOf(webpWithExif())).toBe('image/webp');
    expect(photoTypeOf(Buffer.from('GIF89a……'))).toBeNull();
    expect(photoTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(cleanPhoto(Buffer.from('%PDF-1.7 not a photo'))).toEqual({ refused: 'not_image' });
  });

  it('is refused when larger than the limit', () => {
    const big = Buffer.concat([pngWithText(), Buffer.alloc(photoMaxBytes)]);
    expect(cleanPhoto(big)).toEqual({ refused: 'too_large' });
  });

  it('loses its metadata (place, camera, comments) and keeps the picture', () => {
    for (const image of [pngWithText(), jpegWithExif(), webpWithExif()]) {
      expect(text(image)).toContain('GPS 59.74');
      const clean = cleanPhoto(image);
      if ('refused' in clean) throw new Error(clean.refused);
      expect(text(clean.bytes)).not.toContain('GPS');
      expect(text(clean.bytes)).not.toContain('Kamera');
      expect(clean.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const png = cleanPhoto(pngWithText());
    if ('refused' in png) throw new Error(png.refused);
    expect(text(png.bytes)).toContain('IDAT');
    const jpeg = cleanPhoto(jpegWithExif());
    if ('refused' in jpeg) throw new Error(jpeg.refused);
    expect(text(jpeg.bytes)).toContain('JFIF');
    expect(Buffer.from(jpeg.bytes).subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    const webp = cleanPhoto(webpWithExif());
    if ('refused' in webp) throw new Error(webp.refused);
    expect(Buffer.from(webp.bytes).readUInt32LE(4)).toBe(webp.bytes.length - 8);
    expect(webp.bytes[20]! & 0x08).toBe(0); // VP8X no longer says it has EXIF
  });

  it('is refused when cut short', () => {
    expect(cleanPhoto(pngWithText().subarray(0, 40))).toEqual({ refused: 'damaged' });
    expect(cleanPhoto(jpegWithExif().subarray(0, 30))).toEqual({ refused: 'damaged' });
  });
});
