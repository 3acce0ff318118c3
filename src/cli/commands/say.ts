import { KinoError, issue } from '../../doc/errors';
import type { Command } from '../command';
import { synthesizeLine } from '../../sound/dialogue/synthesize';
import { VOICE_GENDERS, VOICE_VARIANTS, type VoiceSpec } from '../../sound/dialogue/voice';
import { writeWav, WAV_FORMATS, type WavFormat } from '../../sound/wav';

function num(values: Record<string, unknown>, name: string): number | undefined {
  const v = values[name];
  if (typeof v !== 'string') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new KinoError(issue('cli/bad-value', `kino say: --${name} must be a number; got "${v}".`));
  return n;
}

export const command: Command = {
  name: 'say',
  summary: "Speak a line offline in a character's voice (eSpeak NG) and write it as a 48 kHz WAV.",
  usage: '<text>',
  options: {
    character: { type: 'string', short: 'c', value: '<id>', default: 'narrator', description: 'Character id; the voice is derived from it.' },
    out: { type: 'string', short: 'o', value: '<file.wav>', description: 'Where to write the line (omit to only print timing).' },
    variant: { type: 'string', choices: VOICE_VARIANTS, value: '<variant>', description: 'eSpeak NG voice variant (overrides the derived one).' },
    gender: { type: 'string', choices: VOICE_GENDERS, description: 'Pick the derived variant from this gender\'s pool.' },
    pitch: { type: 'string', value: '<0-99>', description: 'Base pitch on eSpeak\'s 0–99 scale.' },
    rate: { type: 'string', value: '<wpm>', description: 'Speaking rate, words per minute (80–450).' },
    language: { type: 'string', value: '<tag>', description: 'eSpeak language/accent, e.g. en-us, en-gb, en-gb-scotland.' },
    cache: { type: 'string', value: '<dir>', description: 'Cache rendered lines in this directory.' },
    format: { type: 'string', choices: WAV_FORMATS, default: 'pcm24', description: 'Sample format of --out.' },
    json: { type: 'boolean', description: 'Print voice, duration, onsets and the mouth envelope as JSON.' },
  },
  details: `
Examples:
  kino say "You were at the diner last night." --character detective -o line.wav
  kino say "Somebody always does." -c waitress --variant f3 --rate 150 --json`,
  async run({ positionals, values }) {
    const text = positionals.join(' ').trim();
    if (!text) throw new KinoError(issue('cli/usage', 'kino say needs the text to speak: kino say "Hello there." -o hello.wav'));
    const voice: VoiceSpec = {};
    if (typeof values.variant === 'string') voice.variant = values.variant as VoiceSpec['variant'];
    if (typeof values.gender === 'string') voice.gender = values.gender as VoiceSpec['gender'];
    if (typeof values.language === 'string') voice.language = values.language;
    const pitch = num(values, 'pitch');
    const rate = num(values, 'rate');
    if (pitch !== undefined) voice.pitch = pitch;
    if (rate !== undefined) voice.rate = rate;
    const line = await synthesizeLine({ text, characterId: String(values.character), voice, cacheDir: typeof values.cache === 'string' ? values.cache : undefined });
    if (typeof values.out === 'string') await writeWav(values.out, [line.samples], line.sampleRate, values.format as WavFormat);
    if (values.json) {
      const out = { text: line.text, characterId: line.characterId, voice: line.voice, durationSeconds: line.durationSeconds, onsetsSeconds: line.onsetsSeconds, mouth: { frameRate: line.mouth.frameRate, values: Array.from(line.mouth.values, (v) => Math.round(v * 1000) / 1000) }, out: values.out ?? null, cached: line.cached };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return 0;
    }
    const v = line.voice;
    process.stdout.write(
      `${line.characterId}: ${v.language}+${v.variant} (${v.gender}), pitch ${v.pitch}, ${v.rate} wpm — ${line.durationSeconds.toFixed(2)} s, ${line.onsetsSeconds.length} syllable onsets${values.out ? ` → ${values.out}` : ''}\n`,
    );
    return 0;
  },
};
