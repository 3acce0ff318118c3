// Editorial: the edit as data (timeline) and its interchange formats, one adapter per format.
export * from './timecode';
export * from './timeline';
export { writeOtio, writeOtioFile, readOtio, readOtioWithWarnings, timelineToOtio, pathToTargetUrl, targetUrlToPath, type ReadOtioResult } from './otio';
export { writeEdl, writeEdlFile, buildEdl, formatEdl, parseEdl, edlToTimeline, readEdl, reelFromName, type EdlDocument, type EdlEvent, type EdlEdit, type EdlOptions, type ParseEdlOptions, type EdlToTimelineOptions, type BuiltEdl } from './edl';
export { writeFcpxml, writeFcpxmlFile, buildFcpxml, fcpxTime, CROSS_DISSOLVE_UID, type FcpxmlOptions, type BuiltFcpxml } from './fcpxml';
export * from './subtitles';
