// Cells that pick the same colour set share one matcher.

import { NearestColor } from '../color/nearest';
import type { DistanceMetric } from '../color/distance';
import type { Palette } from '../palette/palette';

export class MatcherPool {
  private readonly byKey = new Map<string, number>();
  readonly matchers: NearestColor[] = [];
  constructor(private readonly palette: Palette, private readonly distance: DistanceMetric) {}

  idFor(set: readonly number[]): number {
    const sorted = [...set].sort((a, b) => a - b);
    const key = sorted.join(',');
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.matchers.length;
      this.matchers.push(new NearestColor(this.palette, { subset: sorted, distance: this.distance }));
      this.byKey.set(key, id);
    }
    return id;
  }
}
