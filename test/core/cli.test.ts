// The real CLI, run as users run it: `kino validate` and `kino inspect`.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FilmPlanSchema } from '../../src/plan/schema';
import { kino, repoRoot } from './helpers';

const demo = 'films/demo/film.tsx';

describe('kino validate', () => {
  it('accepts the demo film (exit 0)', () => {
    const r = kino(['validate', demo]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Cold Coffee: 2 scenes, \d+ shots, \d+ frames/);
  });

  it('rejects two bad props with two errors naming file, line, component and prop (exit 1)', () => {
    const r = kino(['validate', 'test/fixtures/films/bad-props.tsx']);
    expect(r.code).toBe(1);
    const errs = r.stderr.split('\n').filter((l) => / - error /.test(l));
    expect(errs).toHaveLength(2);
    expect(r.stderr).toMatch(/test\/fixtures\/films\/bad-props\.tsx:8:9 - error prop\/invalid: <Shot> prop "duration": a duration cannot be negative/);
    expect(r.stderr).toMatch(/test\/fixtures\/films\/bad-props\.tsx:10:11 - error prop\/invalid: <Camera> prop "focalLengthMm": .*"fifty"/);
    expect(r.stderr).toMatch(/at Film > Scene#s1 > Shot#a > Camera/);
    expect(r.stderr).toMatch(/Found 2 errors\./);
  });

  it('reports a syntax error with its location instead of a stack trace', () => {
    const r = kino(['validate', 'test/fixtures/films/syntax-error.tsx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/syntax-error\.tsx:\d+:\d+ - error film\/syntax/);
    expect(r.stderr).not.toMatch(/\n\s+at .*node_modules/);
  });

  it('compiles a film that lives outside the kino checkout with kino\'s JSX runtime (file:line intact)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-user-'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'my-film', type: 'module' }));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(repoRoot, path.join(dir, 'node_modules', 'kino'));
    fs.writeFileSync(
      path.join(dir, 'film.tsx'),
      "import { Camera, Film, Scene, Shot } from 'kino';\nexport default function Mine() {\n  return (\n    <Film title=\"Mine\">\n      <Scene id=\"s\">\n        <Shot duration=\"1s\"><Camera focalLengthMm={-5} position={[0, 1.6, 3]} /></Shot>\n      </Scene>\n    </Film>\n  );\n}\n",
    );
    const r = kino(['validate', 'film.tsx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^film\.tsx:6:29 - error prop\/invalid: <Camera> prop "focalLengthMm"/m);
  });

  it('explains a missing file and prints JSON with --json', () => {
    const r = kino(['validate', 'films/nope.tsx', '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(false);
    expect(j.issues[0].code).toBe('film/not-found');
  });

  it('has --help on every command and rejects unknown flags', () => {
    for (const cmd of ['validate', 'inspect']) {
      const r = kino([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`kino ${cmd}`);
    }
    const bad = kino(['validate', demo, '--frobnicate']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Unknown option '--frobnicate'/);
  });
});

describe('kino inspect --json', () => {
  it('prints the plan: every shot has id, startFrame, endFrame and camera; frames add up', () => {
    const r = kino(['inspect', demo, '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(FilmPlanSchema.safeParse(plan).success).toBe(true);
    let sum = 0;
    let expectStart = 0;
    for (const scene of plan.scenes) {
      for (const shot of scene.shots) {
        expect(typeof shot.id).toBe('string');
        expect(shot.startFrame).toBe(expectStart);
        expect(shot.endFrame).toBeGreaterThan(shot.startFrame);
        expect(shot.camera.position).toHaveLength(3);
        expect(shot.camera.focalLengthMm).toBeGreaterThan(0);
        sum += shot.endFrame - shot.startFrame;
        expectStart = shot.endFrame;
      }
    }
    expect(plan.totalFrames).toBe(sum);
    expect(plan.file).toBe(path.join(repoRoot, demo));
  });
});
