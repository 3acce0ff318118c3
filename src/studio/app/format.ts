// Display helpers: SMPTE-style timecode labels (non-drop-frame, at the nominal rate) and paths.

/** "HH:MM:SS:FF" for an edit frame. */
export function timecode(frame: number, fps: number): string {
  const nominal = Math.max(1, Math.round(fps));
  const f = Math.max(0, Math.floor(frame));
  const ff = f % nominal;
  const s = Math.floor(f / nominal);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}:${p(ff)}`;
}

/** Seconds with one decimal: "3.5 s". */
export function seconds(frames: number, fps: number): string {
  return `${(frames / fps).toFixed(1)} s`;
}

/** A file path shown relative to the film's folder when it is inside it. */
export function shortPath(file: string | undefined, dir: string | undefined): string {
  if (!file) return '';
  if (dir && file.startsWith(dir + '/')) return file.slice(dir.length + 1);
  return file;
}
