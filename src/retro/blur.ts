// Separable Gaussian blur of a linear RGB float image (clamp-to-edge), for bloom and halation.

export function gaussianBlurRgb(src: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(sigma * 3));
  const k = new Float32Array(2 * r + 1);
  let sum = 0;
  for (let i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
  for (let i = 0; i < k.length; i++) k[i] /= sum;
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let a = 0, b = 0, c = 0;
      for (let i = -r; i <= r; i++) {
        const xx = x + i < 0 ? 0 : x + i >= w ? w - 1 : x + i;
        const o = (y * w + xx) * 3;
        const kw = k[i + r];
        a += src[o] * kw;
        b += src[o + 1] * kw;
        c += src[o + 2] * kw;
      }
      const o = (y * w + x) * 3;
      tmp[o] = a;
      tmp[o + 1] = b;
      tmp[o + 2] = c;
    }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let a = 0, b = 0, c = 0;
      for (let i = -r; i <= r; i++) {
        const yy = y + i < 0 ? 0 : y + i >= h ? h - 1 : y + i;
        const o = (yy * w + x) * 3;
        const kw = k[i + r];
        a += tmp[o] * kw;
        b += tmp[o + 1] * kw;
        c += tmp[o + 2] * kw;
      }
      const o = (y * w + x) * 3;
      out[o] = a;
      out[o + 1] = b;
      out[o + 2] = c;
    }
  return out;
}
