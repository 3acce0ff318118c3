// The custom renderer: hooks, context, fragments, keyed lists, conditionals and error boundaries
// all work; errors name the component and the user's file:line.

import { Component, createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { Camera, Character, Film, Say, Scene, Shot } from 'kino';
import { createFilmRoot, renderToDoc } from '../../reconciler';
import { validateDoc } from '../../src/doc/validate';
import type { DocNode } from '../../src/doc/node';

const here = new URL(import.meta.url).pathname;

function shotIds(root: DocNode | null): string[] {
  return root?.children.find((c) => c.type === 'scene')?.children.filter((c) => c.type === 'shot').map((c) => c.id) ?? [];
}

describe('reconciler', () => {
  it('renders synchronously to plain, serialisable nodes with stable ids', () => {
    const r = renderToDoc(
      <Film title="T">
        <Scene id="a">
          <Shot duration="1s" />
          <Shot id="named" duration="1s" />
        </Scene>
      </Film>,
    );
    expect(r.failed).toBe(false);
    expect(r.doc.root?.type).toBe('film');
    expect(shotIds(r.doc.root)).toEqual(['shot1', 'named']);
    expect(JSON.parse(JSON.stringify(r.doc))).toEqual(r.doc);
  });

  it('supports hooks, context, fragments, keyed lists and conditionals', () => {
    const Lens = createContext(35);
    function Coverage({ ids, wide }: { ids: string[]; wide: boolean }) {
      const lens = useContext(Lens);
      const [n] = useState(2);
      const list = useMemo(() => ids.slice(0, n + 1), [ids, n]);
      return (
        <>
          {wide && <Shot id="wide" size="WS" duration="1s" />}
          {list.map((id) => (
            <Shot key={id} id={id} duration="1s">
              <Camera focalLengthMm={lens} position={[0, 1.6, 3]} />
            </Shot>
          ))}
        </>
      );
    }
    const root = createFilmRoot();
    const film = (ids: string[], wide: boolean) => (
      <Film title="T">
        <Lens.Provider value={85}>
          <Scene id="s">
            <Coverage ids={ids} wide={wide} />
          </Scene>
        </Lens.Provider>
      </Film>
    );
    const a = root.render(film(['x', 'y', 'z'], true));
    expect(shotIds(a.doc.root)).toEqual(['wide', 'x', 'y', 'z']);
    const cam = a.doc.root!.children[0].children[1].children[0];
    expect(cam.props.focalLengthMm).toBe(85);
    // Keyed reorder: React moves existing nodes (appendChild on attached nodes must move them).
    const b = root.render(film(['z', 'x', 'y'], false));
    expect(shotIds(b.doc.root)).toEqual(['z', 'x', 'y']);
    // The first snapshot is immutable.
    expect(shotIds(a.doc.root)).toEqual(['wide', 'x', 'y', 'z']);
    root.unmount();
  });

  it('reports a component that throws, with its name, the component path and the file:line', () => {
    function Broken(): ReactNode {
      throw new Error('the grip dropped the light');
    }
    const r = renderToDoc(
      <Film title="T">
        <Scene id="s">
          <Broken />
        </Scene>
      </Film>,
    );
    expect(r.failed).toBe(true);
    const i = r.issues[0];
    expect(i.code).toBe('component/threw');
    expect(i.message).toContain('<Broken> threw: the grip dropped the light');
    expect(i.componentPath).toContain('Broken');
    expect(i.location?.file).toBe(here);
    expect(i.location?.line).toBeGreaterThan(60);
  });

  it('lets error boundaries catch and render a fallback, recording the error', () => {
    class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
      override state = { failed: false };
      static getDerivedStateFromError() {
        return { failed: true };
      }
      override render() {
        return this.state.failed ? <Shot id="fallback" duration="1s" /> : this.props.children;
      }
    }
    function Bad(): ReactNode {
      throw new Error('nope');
    }
    const r = renderToDoc(
      <Film title="T">
        <Scene id="s">
          <Boundary>
            <Bad />
          </Boundary>
        </Scene>
      </Film>,
    );
    expect(r.failed).toBe(false);
    expect(shotIds(r.doc.root)).toEqual(['fallback']);
    expect(r.issues.map((i) => i.code)).toContain('component/caught');
  });

  it('keeps the last good doc when a later render throws', () => {
    const root = createFilmRoot();
    const good = root.render(
      <Film title="Good">
        <Scene id="s">
          <Shot duration="1s" />
        </Scene>
      </Film>,
    );
    function Boom(): ReactNode {
      throw new Error('boom');
    }
    const bad = root.render(
      <Film title="Bad">
        <Boom />
      </Film>,
    );
    expect(bad.failed).toBe(true);
    expect(bad.doc).toBe(good.doc);
    expect(root.lastGood?.root?.props.title).toBe('Good');
  });

  it('reports every invalid prop at once with file, line, component and prop', () => {
    const r = renderToDoc(
      <Film title="T">
        <Scene id="s">
          <Shot duration="-3s">
            {/* Millimetres accept "50mm" strings, so "fifty" type-checks: validation catches it. */}
            <Camera focalLengthMm="fifty" position={[0, 1.6, 3]} />
          </Shot>
        </Scene>
      </Film>,
    );
    const v = validateDoc(r.doc);
    const errors = v.issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(2);
    const [dur, lens] = [errors.find((e) => e.prop === 'duration')!, errors.find((e) => e.prop === 'focalLengthMm')!];
    expect(dur.message).toMatch(/<Shot> prop "duration"/);
    expect(dur.message).toMatch(/negative/);
    expect(lens.message).toMatch(/<Camera> prop "focalLengthMm".*"fifty"/);
    for (const e of errors) {
      expect(e.location?.file).toBe(here);
      expect(e.location?.line).toBeGreaterThan(0);
    }
    expect(lens.location!.line!).toBe(dur.location!.line! + 2);
    expect(lens.componentPath).toBe('Film > Scene#s > Shot > Camera');
  });

  it('suggests the prop you meant, and rejects text outside <Say> and misplaced elements', () => {
    const r = renderToDoc(
      <Film title="T">
        <Character id="ana" />
        <Scene id="s">
          {/* @ts-expect-error: misspelt prop */}
          <Shot duraton="2s" />
          stray words
          <Say who="ana">Hello</Say>
        </Scene>
        <Shot duration="1s" />
      </Film>,
    );
    const v = validateDoc(r.doc);
    const codes = v.issues.map((i) => i.code);
    expect(codes).toContain('prop/unknown');
    expect(v.issues.find((i) => i.code === 'prop/unknown')!.hint).toBe('Did you mean "duration"?');
    expect(codes).toContain('doc/stray-text');
    expect(codes).toContain('doc/misplaced');
    expect(v.issues.find((i) => i.code === 'doc/misplaced')!.hint).toContain('<Scene>');
  });

  it('carries <Say> text as a prop and names the owning user component', () => {
    function Line({ who }: { who: string }) {
      return <Say who={who}>Two {'parts'}</Say>;
    }
    const r = renderToDoc(
      <Film title="T">
        <Scene id="s">
          <Line who="ana" />
        </Scene>
      </Film>,
    );
    const say = r.doc.root!.children[0].children[0];
    expect(say.type).toBe('say');
    expect(say.owner).toBe('Line');
    expect(say.props.children).toEqual(['Two ', 'parts']);
  });
});
