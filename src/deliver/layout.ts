// The output folder, organised for editorial (ARCHITECTURE.md):
//   film.json, manifest.json, shots/<scene>/<shot>/, audio/, editorial/, reports/, deliverables/

import path from 'node:path';

export function slug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'film';
}

export class OutputLayout {
  constructor(readonly root: string) {}
  get filmJson() {
    return path.join(this.root, 'film.json');
  }
  get manifest() {
    return path.join(this.root, 'manifest.json');
  }
  shotDir(sceneId: string, shotId: string) {
    return path.join(this.root, 'shots', sceneId, shotId);
  }
  clip(sceneId: string, shotId: string) {
    return path.join(this.shotDir(sceneId, shotId), 'clip.mp4');
  }
  /** The shot as cut into the movie: lossless FFV1 (.mkv) in final renders, else H.264 (.mp4). */
  cut(sceneId: string, shotId: string, lossless = true) {
    return path.join(this.shotDir(sceneId, shotId), lossless ? 'cut.mkv' : 'cut.mp4');
  }
  still(sceneId: string, shotId: string, jpeg = false) {
    return path.join(this.shotDir(sceneId, shotId), jpeg ? 'still.jpg' : 'still.png');
  }
  passDir(sceneId: string, shotId: string, pass: string) {
    return path.join(this.shotDir(sceneId, shotId), 'passes', pass);
  }
  get reports() {
    return path.join(this.root, 'reports');
  }
  get contactSheet() {
    return path.join(this.reports, 'contact-sheet.png');
  }
  get deliverables() {
    return path.join(this.root, 'deliverables');
  }
  get audio() {
    return path.join(this.root, 'audio');
  }
  get editorial() {
    return path.join(this.root, 'editorial');
  }
  rel(p: string) {
    return path.relative(this.root, p).split(path.sep).join('/');
  }
}
