// Lens maths: focal length and sensor → field of view; depth of field. Reference values in
// shared/reference/editorial-sound-camera.md §5 (FOV = 2·atan(d/2f); Greenleaf DOF).

export interface Sensor {
  widthMm: number;
  heightMm: number;
}

/** Horizontal field of view in degrees across the sensor's width. */
export function horizontalFov(focalMm: number, sensor: Sensor): number {
  return (2 * Math.atan(sensor.widthMm / (2 * focalMm)) * 180) / Math.PI;
}

/**
 * Vertical FOV of the delivered frame. Cinema cameras extract the delivery aspect from the full
 * sensor width (a 16:9 frame from a 4:3 S35 gate keeps the width), so for frames wider than the
 * sensor the effective height is width / aspect. This matches three.js's filmGauge convention.
 */
export function verticalFovForAspect(focalMm: number, sensor: Sensor, aspect: number): number {
  const sensorAspect = sensor.widthMm / sensor.heightMm;
  const h = aspect >= sensorAspect ? sensor.widthMm / aspect : sensor.heightMm;
  return (2 * Math.atan(h / (2 * focalMm)) * 180) / Math.PI;
}

/** Effective gate height (mm) used for the delivered frame. */
export function gateHeight(sensor: Sensor, aspect: number): number {
  return aspect >= sensor.widthMm / sensor.heightMm ? sensor.widthMm / aspect : sensor.heightMm;
}

/** Focal length (mm) that frames `frameHeightM` metres at `distanceM`. */
export function focalForFrame(frameHeightM: number, distanceM: number, sensor: Sensor, aspect: number): number {
  return (gateHeight(sensor, aspect) * distanceM) / frameHeightM;
}

/** Circle of confusion (mm) as DOF tables use it: 0.03 full frame, 0.025 Super 35, else scaled by the diagonal. */
export function circleOfConfusion(sensor: Sensor): number {
  if (Math.abs(sensor.widthMm - 36) < 0.5) return 0.03;
  if (Math.abs(sensor.widthMm - 24.89) < 0.5) return 0.025;
  return 0.03 * (Math.hypot(sensor.widthMm, sensor.heightMm) / Math.hypot(36, 24));
}

export interface DepthOfField {
  hyperfocal: number;
  near: number;
  far: number;
}

/** Greenleaf: H = f²/(N·c) + f; near = s(H−f)/(H+s−2f); far = s(H−f)/(H−s), ∞ when s ≥ H. Metres. */
export function depthOfField(focalMm: number, fStop: number, cocMm: number, focusM: number): DepthOfField {
  const f = focalMm / 1000;
  const c = cocMm / 1000;
  const H = (f * f) / (fStop * c) + f;
  const s = focusM;
  const near = (s * (H - f)) / (H + s - 2 * f);
  const far = s >= H ? Infinity : (s * (H - f)) / (H - s);
  return { hyperfocal: H, near, far };
}
