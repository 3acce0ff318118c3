export {
  AMBIENCE_TYPES,
  TIMES_OF_DAY,
  AmbienceSchema,
  AmbienceBedSchema,
  AmbienceLoopSchema,
  AmbienceStream,
  ambienceBed,
  ambienceLoop,
  type AmbienceType,
  type TimeOfDay,
  type AmbienceParams,
  type AmbienceBedParams,
  type AmbienceLoopParams,
} from './bed';
export { AMBIENCE_SAMPLE_RATE } from './layers';
