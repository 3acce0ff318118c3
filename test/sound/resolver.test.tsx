// The sound resolver: each scene's cues derived from the performance (footsteps on the planned
// footfalls over the floor they land on, sits, stands, cloth, doors), ambience from location and
// time of day, music from the mood; explicit <Music>/<Ambience>/<Foley> override them; every
// unknown name is an error at its element's file:line.

import { describe, expect, it } from 'vitest';
import { Ambience, Character, Door, Film, Foley, Gesture, Keyframes, Music, Place, Prop, Say, Scene, Set, Shot, Sit, Stand, Walk, Wall } from 'kino';
import { DEPARTMENTS } from '../../src/pipeline/departments';
import { filmSound, sceneSound, soundResolver, FilmSoundSchema, SceneSoundSchema } from '../../src/sound/film';
import { errorsOf, must, planWithSound } from './plan';

const cast = (
  <>
    <Character id="ana" build="slim" costume={{ jacket: { kind: 'leather', color: '#333333' }, shoes: { kind: 'sneakers', color: '#ffffff' } }} />
    <Character id="ben" build="heavy" height={1.9} costume={{ top: { kind: 'sweater', color: '#884422' } }} voice={{ variant: 'm3' }} />
  </>
);

describe('sound resolver', () => {
  it('is one of the planning departments', () => {
    expect(DEPARTMENTS).toContain(soundResolver);
  });

  it('writes zod-typed cue sheets: dialogue with distinct cast voices, the mix settings', () => {
    const plan = must(
      <Film title="T" mix={{ targetLufs: -16, duck: { depthDb: 9 }, levels: { music: -2 } }}>
        {cast}
        <Scene id="s" heading="INT. KITCHEN - NIGHT">
          <Place who="ana" position={[0, 0, 0]} />
          <Place who="ben" position={[2, 0, 0]} />
          <Say id="l1" who="ana">Hello there.</Say>
          <Say id="l2" who="ben" volume="whisper">Quiet now.</Say>
          <Say id="l3" who="ana" volume="shout">Why?</Say>
        </Scene>
      </Film>,
    );
    const s = plan.scenes[0];
    expect(SceneSoundSchema.safeParse(s.ext?.sound).success).toBe(true);
    expect(FilmSoundSchema.safeParse(plan.ext?.sound).success).toBe(true);
    const sound = sceneSound(s);
    expect(sound.dialogue.map((d) => [d.key, d.who, d.text])).toEqual([
      ['s/l1', 'ana', 'Hello there.'],
      ['s/l2', 'ben', 'Quiet now.'],
      ['s/l3', 'ana', 'Why?'],
    ]);
    // Line times are the timing pass's.
    expect(sound.dialogue.map((d) => [d.t0, d.t1])).toEqual(s.lines.map((l) => [l.t0, l.t1]));
    const film = filmSound(plan)!;
    expect(film.voices.ben.variant).toBe('m3');
    expect(film.voices.ana.variant).not.toBe(film.voices.ben.variant);
    // Delivery: a whisper is whispered and quieter, a shout higher and louder.
    const [l1, l2, l3] = sound.dialogue;
    expect(l1.voice).toEqual(film.voices.ana);
    expect(l2.voice!.variant).toBe('whisper');
    expect(l2.gainDb).toBeLessThan(0);
    expect(l3.voice!.pitch).toBeGreaterThan(film.voices.ana.pitch);
    expect(l3.gainDb).toBeGreaterThan(0);
    expect(film.mix).toMatchObject({ targetLufs: -16, truePeakDb: -1, duck: { depthDb: 9, attackMs: 20, releaseMs: 300 }, layers: { dialogue: true, music: true, ambience: true, foley: true } });
    expect(film.mix.levels.music).toBe(-6);
  });

  it('puts a footstep on every planned footfall, on the surface of the floor it lands on', () => {
    const plan = must(
      <Film title="T">
        {cast}
        <Set id="hall" floor={{ material: 'tile', size: [4, 4] }} />
        <Scene id="s" heading="INT. HALL - DAY">
          <Set id="porch" floor={{ material: 'gravel', size: [20, 20] }} />
          <Place who="ana" position={[-6, 0, 0]} />
          <Walk who="ana" to={[1, 0, 0]} pace="run" />
          <Walk who="ana" to={[1, 0, 1.2]} pace="stroll" />
        </Scene>
      </Film>,
    );
    const s = plan.scenes[0];
    const perf = s.performances.ana;
    const steps = sceneSound(s).foley.filter((f) => f.kind === 'footsteps');
    // Every footfall inside a walk (not the two feet set down by <Place>) gets its step, at its landing time.
    const falls = perf.steps.filter((st) => st.lift - st.land >= 0.02 && !perf.steps.some((o) => o !== st && Math.abs(o.land - st.land) < 0.01));
    expect(falls.length).toBeGreaterThan(6);
    expect(steps.map((f) => f.t)).toEqual(falls.map((st) => st.land));
    for (const [k, f] of steps.entries()) {
      const st = falls[k];
      const onTile = Math.abs(st.position[0]) <= 2 && Math.abs(st.position[2]) <= 2;
      expect(f.sound).toMatchObject({ kind: 'footstep', surface: onTile ? 'tile' : 'gravel', shoe: 'soft' });
    }
    expect(steps.some((f) => f.sound?.kind === 'footstep' && f.sound.surface === 'gravel')).toBe(true);
    expect(steps.some((f) => f.sound?.kind === 'footstep' && f.sound.surface === 'tile')).toBe(true);
    // Run and stroll paces carry through.
    expect(steps.some((f) => f.sound?.kind === 'footstep' && f.sound.pace === 'run')).toBe(true);
  });

  it('hears sits, stands and gestures, and doors whose `open` is keyframed', () => {
    const plan = must(
      <Film title="T">
        {cast}
        <Scene id="s" heading="INT. OFFICE - DAY">
          <Set id="room" floor={{ material: 'carpet' }}>
            <Wall id="w" from={[-3, -2]} to={[3, -2]}>
              <Door id="door" at={1} />
            </Wall>
            <Prop id="arm" kind="armchair" position={[1, 0, 0]} />
          </Set>
          <Keyframes target="door" property="open" keys={[[0.5, 0], [1.5, 80], [3, 80], [3.6, 0]]} />
          <Place who="ben" position={[1, 0, 0.7]} />
          <Sit who="ben" on="arm" />
          <Gesture who="ben" kind="shrug" />
          <Gesture who="ben" kind="nod" />
          <Stand who="ben" />
        </Scene>
      </Film>,
    );
    const s = plan.scenes[0];
    const foley = sceneSound(s).foley;
    const perf = s.performances.ben;
    const sit = foley.find((f) => f.kind === 'sit')!;
    const stand = foley.find((f) => f.kind === 'stand')!;
    const [sitPost, standPost] = perf.posture;
    // The body lands 0.42 s into the sit sound, 90 % of the way through the move.
    expect(sit.t + 0.42).toBeCloseTo(sitPost.t0 + 0.9 * (sitPost.t1 - sitPost.t0), 9);
    expect(sit.sound).toMatchObject({ kind: 'sit', chair: 'upholstered', fabric: 'wool' });
    expect(stand.t).toBeCloseTo(standPost.t0, 9);
    const cloth = foley.filter((f) => f.kind === 'cloth');
    expect(cloth).toHaveLength(1); // the shrug; a nod moves no cloth
    expect(cloth[0].t).toBeCloseTo(perf.gestures.find((g) => g.kind === 'shrug')!.t0, 9);
    const doors = foley.filter((f) => f.kind === 'door');
    expect(doors.map((d) => d.sound?.kind === 'door' && d.sound.action)).toEqual(['open', 'close']);
    // The open's latch comes just before the door starts to swing.
    expect(doors[0].t).toBeCloseTo(0.48, 9);
    expect(doors[0].sound).toMatchObject({ kind: 'door', swingSeconds: 1 });
    // The close's thud (0.6 × swing into the sound) lands on the key where the door shuts.
    const close = doors[1];
    expect(close.sound?.kind === 'door' && close.t + 0.6 * close.sound.swingSeconds).toBeCloseTo(3.6, 9);
  });

  it('chooses ambience from the location and time of day, and music from the scene mood', () => {
    const plan = must(
      <Film title="T">
        {cast}
        <Scene id="a" heading="INT. KITCHEN - NIGHT" mood="suspense">
          <Place who="ana" position={[0, 0, 0]} />
        </Scene>
        <Scene id="b" heading="EXT. MAIN STREET - DAY" mood="happy">
          <Place who="ana" position={[0, 0, 0]} />
        </Scene>
        <Scene id="c" heading="INT. JOE'S DINER - CONTINUOUS">
          <Place who="ana" position={[0, 0, 0]} />
        </Scene>
        <Scene id="d" heading="EXT. PINE FOREST - DAWN" mood="bittersweet-ish">
          <Place who="ana" position={[0, 0, 0]} />
        </Scene>
      </Film>,
    );
    const amb = plan.scenes.map((s) => sceneSound(s).ambience.map((a) => [a.type, a.timeOfDay]));
    expect(amb).toEqual([[['room-tone', 'night']], [['city', 'day']], [['diner', 'day']], [['nature', 'dawn']]]);
    const mus = plan.scenes.map((s) => sceneSound(s).music.map((m) => m.mood));
    expect(mus).toEqual([['tense'], ['playful'], [], []]);
    const { issues } = planWithSound(
      <Film title="T">
        <Scene id="d" heading="EXT. PINE FOREST - DAWN" mood="tens">
          <Character id="ana" />
          <Place who="ana" position={[0, 0, 0]} />
        </Scene>
      </Film>,
    );
    const w = issues.find((i) => i.code === 'sound/unknown-mood')!;
    expect(w.severity).toBe('warning');
    expect(w.hint).toMatch(/Did you mean "tense"/);
    expect(w.location?.line).toBeGreaterThan(0);
  });

  it('lets explicit <Music>, <Ambience> and <Foley> override the automatic cues', () => {
    const plan = must(
      <Film title="T">
        {cast}
        <Scene id="s" heading="INT. KITCHEN - NIGHT" mood="tense">
          <Set id="k" floor={{ material: 'wood' }} />
          <Place who="ana" position={[-2, 0, 0]} />
          <Place who="ben" position={[2, 0, 0]} />
          <Walk id="w1" who="ana" to={[0, 0, 0]} />
          <Walk who="ben" to={[1, 0, 1]} />
          <Say id="l1" who="ana">Rain again.</Say>
          <Music mood="noir" tonic="Db" tempo={80} at="with:l1" volume={-3} carry />
          <Ambience type="rain" intensity={0.8} />
          <Foley kind="footsteps" who="ana" surface="asphalt" volume={2} />
          <Foley kind="footsteps" who="ben" replace />
          <Foley id="knock" kind="door" action="knock" at="after:l1+0.5s" />
          <Foley id="thud" kind="impact" material="glass" intensity={0.9} at="2s" />
        </Scene>
      </Film>,
    );
    const s = plan.scenes[0];
    const sound = sceneSound(s);
    expect(sound.music).toEqual([expect.objectContaining({ origin: 'explicit', mood: 'noir', key: 'C#', tempoBpm: 80, carry: true, gainDb: -3, at: s.lines[0].t0 })]);
    expect(sound.ambience).toEqual([expect.objectContaining({ origin: 'explicit', type: 'rain', timeOfDay: 'night', intensity: 0.8 })]);
    const steps = sound.foley.filter((f) => f.kind === 'footsteps');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((f) => f.who === 'ana')).toBe(true); // ben's replaced by nothing
    for (const f of steps) expect(f.sound).toMatchObject({ kind: 'footstep', surface: 'concrete' }); // asphalt sounds like concrete
    expect(steps.every((f) => f.gainDb >= 2 - 5 - 3)).toBe(true);
    const knock = sound.foley.find((f) => f.id === 'knock')!;
    expect(knock.t).toBeCloseTo(s.lines[0].t1 + 0.5, 9);
    expect(knock.sound).toMatchObject({ kind: 'door', action: 'knock' });
    expect(sound.foley.find((f) => f.id === 'thud')).toMatchObject({ t: 2, sound: { kind: 'impact', material: 'glass', strength: 0.9 } });
  });

  it('reports every unknown sound name at its element with a suggestion', () => {
    const errs = errorsOf(
      <Film title="T">
        <Character id="ana" voice={{ variant: 'f9' }} />
        <Scene id="s">
          <Place who="ana" position={[0, 0, 0]} />
          <Say id="l1" who="ana">Hi.</Say>
          <Music mood="noire" />
          <Ambience type="forrest" />
          <Foley kind="footstepz" />
          <Foley kind="footsteps" who="anna" at="1s" />
          <Foley kind="footstep" surface="marbel" at="1s" />
          <Foley kind="door" action="slamm" at="with:l9" />
          <Foley kind="door" src="no-such-file.wav" />
          <Music tonic="H" />
        </Scene>
      </Film>,
    );
    const byCode = (c: string) => errs.filter((e) => e.code === c);
    const msg = errs.map((e) => `${e.code} ${e.message} ${e.hint ?? ''}`).join('\n');
    expect(msg).toMatch(/mood="noire".*Did you mean "noir"/);
    expect(msg).toMatch(/type="forrest".*Did you mean "forest"/);
    expect(msg).toMatch(/kind="footstepz".*Did you mean "footsteps"/);
    expect(msg).toMatch(/who="anna".*Did you mean "ana"/);
    expect(msg).toMatch(/surface="marbel"/);
    expect(msg).toMatch(/action="slamm".*Did you mean "slam"/);
    expect(msg).toMatch(/with:l9.*Did you mean "l1"/);
    expect(msg).toMatch(/tonic="H"/);
    expect(byCode('asset/missing')).toHaveLength(1);
    expect(byCode('sound/unknown-voice')[0].hint).toMatch(/Did you mean "f[1-5]"/);
    // Each at its element's line in this file.
    for (const e of errs) {
      expect(e.location?.file, e.message).toBe(import.meta.filename);
      expect(e.location?.line, e.message).toBeGreaterThan(0);
    }
    expect(errs.map((e) => e.location!.line).filter((l, i, a) => a.indexOf(l) === i).length).toBeGreaterThanOrEqual(9);
  });
});
