// "Cold Coffee" — kino's demo production: two people, one kitchen at night, a rooftop at dawn.
// It is written the way a filmmaker breaks a scene down: the set and its dressing, the cast and
// their wardrobe, the lighting, the blocking and dialogue (the performance, in scene time), and
// then the camera coverage that films it. Render it with:
//
//   npx kino render films/demo/film.tsx --profile draft

import {
  Backdrop, Camera, Character, Costume, CoverageSet, Crane, Defaults, Dolly, Film, Gesture, Keyframes, Light, LightRig, LookAt,
  Mark, Orbit, Pan, Place, Prop, Say, Scene, Set, Shot, Sit, Stand, Tilt, Transition, Truck, Turn, Turntable, Walk, Wall,
  Door, Window, Zoom, template,
} from 'kino';

// House style: a close-up is an 85 on S35 at T2, shallow focus.
const CloseUp = template(Shot, { size: 'CU', camera: { focalLengthMm: 85, fStop: 2 } });

function Cast() {
  return (
    <>
      <Character id="maya" name="MAYA" height={1.68} build="slim" presentation="fem" skin="#c68863" hair="#1c1714" hairStyle="ponytail" voice={{ variant: 'f2', pitch: 58 }}>
        <Costume jacket={{ kind: 'leather', color: '#3b4a36' }} top={{ kind: 't-shirt', color: '#d9d2c3' }} bottom={{ kind: 'jeans', color: '#2a3550' }} shoes={{ kind: 'boots', color: '#2a1d14' }} />
      </Character>
      <Character id="leo" name="LEO" height={1.82} build="average" presentation="masc" skin="#e0ac88" hair="#5a3220" hairStyle="side-part" voice={{ variant: 'm3', pitch: 40 }}>
        <Costume top={{ kind: 'sweater', color: '#6d2f3a' }} bottom={{ kind: 'trousers', color: '#333840' }} shoes="#2a2420" />
      </Character>
    </>
  );
}

/** A small kitchen: three walls (the fourth is where the camera lives), a door, a window. */
function Kitchen() {
  return (
    <Set id="kitchen-set" floor={{ material: 'wood', color: '#6b4a2e' }} ceiling={{ height: 2.7 }} wallHeight={2.7} wallColor="#8a9a8c">
      <Wall id="back" from={[-3, -2.5]} to={[3, -2.5]}>
        <Window id="window" at={2.1} width={1.4} height={1.2} sill={0.95} />
      </Wall>
      <Wall id="left" from={[-3, 2.5]} to={[-3, -2.5]} />
      <Wall id="right" from={[3, -2.5]} to={[3, 2.5]}>
        <Door id="door" at={1.0} open={70} hinge="right" color="#5a3a22" />
      </Wall>
      <Prop id="table" kind="table" position={[0, 0, -0.6]} />
      <Prop id="leoChair" kind="chair" position={[-1.05, 0, -0.6]} rotation={90} />
      <Prop id="mayaChair" kind="chair" position={[1.05, 0, -0.6]} rotation={-90} />
      <Prop id="counter" kind="counter" position={[-1.6, 0, -2.1]} />
      <Prop id="lamp" kind="floor-lamp" position={[-2.5, 0, 0.6]} />
      <Prop id="shelf" kind="bookshelf" position={[2.6, 0, -2.3]} />
      <Prop id="plant" kind="plant" position={[-2.6, 0, -2.0]} />
      <Prop id="mug" kind="mug" position={[0.25, 0.75, -0.45]} rotation={-30} color="#e8e2d0" material={{ roughness: 0.35 }} />
      <Prop id="vase" model="assets/vase.gltf" position={[-0.3, 0.75, -0.75]} scale={1.2} />
      <Mark id="doorway" position={[3.4, 0, -1.5]} facing={-90} />
      <Mark id="inside" position={[2.3, 0, -1.3]} />
      <Mark id="byTable" position={[1.6, 0, 0.1]} />
      <Mark id="byWindow" position={[-0.9, 0, -1.95]} facing={180} />
    </Set>
  );
}

export default function ColdCoffee() {
  return (
    <Film title="Cold Coffee" fps={24} resolution="1280x720" author="kino" outputs={[{ name: 'cold-coffee', format: 'h264' }]}>
      <Cast />
      <Defaults camera={{ sensor: 'S35' }}>
        <Scene id="kitchen" heading="INT. KITCHEN - NIGHT" mood="tense" storyDay={1} tail="2.5s">
          <Kitchen />
          <Backdrop kind="solid" color="#0b1020" />
          <LightRig preset="rembrandt" subject="maya" keySide="left" temperatureK={3200} fill={{ intensity: 0.22 }} />
          <Light id="moon" kind="directional" position={[-2, 4, -6]} target={[0, 0.8, 0]} intensity={0.35} temperatureK={7500} gel="moonlight-blue" />
          <Light id="room" kind="environment" intensity={0.12} color="#8fa3c8" />

          <Place who="leo" position="byWindow" />
          <Place who="maya" position="doorway" />
          <Walk id="entrance" who="maya" path={['inside']} to="byTable" pace="walk" />
          <Turn who="leo" toward="maya" at="with:entrance+1.2s" />
          <Say id="l1" who="leo" to="maya" at="after:entrance+0.3s">You're late.</Say>
          <Say id="l2" who="maya">The last train never came. I walked from Halsey Street.</Say>
          <Gesture who="leo" kind="shrug" at="with:l3" />
          <Say id="l3" who="leo" parenthetical="flat">In this rain?</Say>
          <Sit who="maya" on="mayaChair" />
          <Say id="l4" who="maya">It stopped an hour ago. Is that coffee still warm?</Say>
          <Walk who="leo" to="leoChair" pace="stroll" />
          <Sit who="leo" on="leoChair" />
          <Say id="l5" who="leo">Nothing in this house stays warm.</Say>
          <LookAt who="maya" target="mug" duration="0.6s" />
          <Say id="l6" who="maya" parenthetical="a small smile">Then we'll drink it cold.</Say>
          <Gesture who="leo" kind="nod" />
          <Stand who="maya" />

          <Shot id="arrival" size="WS" name="Maya arrives">
            <Camera position={[0.6, 1.65, 5.2]} target={[1.4, 1.25, -1.2]} focalLengthMm={24} rig="steadicam" />
            <Dolly distance="1.1m" duration="4s" />
            <Pan to="maya" at="1s" duration="3s" />
          </Shot>
          <CoverageSet id="talk" characters={['leo', 'maya']} from="with:l1-0.4s" side="right" inserts={[{ subject: 'mug', at: 'with:l4+1.2s', duration: '1.5s' }]} />
          <Shot id="closing" from="after:l6+0.2s" size="WS" name="Wide, rising">
            <Camera position={[0, 1.5, 3.6]} target={[0, 1.0, -0.6]} focalLengthMm={28} rig="crane" />
            <Crane rise="1.1m" />
            <Orbit degrees={-18} />
          </Shot>
        </Scene>

        <Transition kind="dissolve" duration="1s" />

        <Scene id="rooftop" heading="EXT. ROOFTOP - DAWN" mood="warm" storyDay={2} tail="2s">
          <Set id="roof" floor={{ material: 'concrete', color: '#77736b', size: [14, 10] }}>
            <Prop id="railing" shape="box" size={[8, 1.0, 0.06]} position={[0, 0, -2.2]} color="#3a3d40" />
            <Prop id="tank" shape="cylinder" size={[2.2, 3, 2.2]} position={[-4.5, 0, -3.8]} color="#6b4a2e" />
            <Prop id="vent" shape="box" size={[1, 1.2, 1]} position={[3.5, 0, 1.5]} color="#9a958c" />
            <Prop id="sign" shape="box" size={[2, 0.6, 0.1]} position={[2.6, 2.4, -3]} color="#222222" material={{ emissive: '#ff5a3c', emissiveIntensity: 1.5 }} />
            <Mark id="rail" position={[0.4, 0, -1.6]} facing={180} />
            <Mark id="city" position={[1, 6, -40]} />
          </Set>
          <Backdrop kind="sky" colors={['#5f86b8', '#f2b27a']} />
          <Light id="sun" kind="sun" position={[-30, 6, -40]} target={[0, 0, 0]} intensity={1.6} temperatureK={3600} />
          <Light id="skyfill" kind="hemisphere" intensity={0.45} color="#b8cde8" groundColor="#6b5a4a" />
          <Light id="neon" kind="point" position={[2.6, 2.2, -2.7]} intensity={0.6} color="#ff5a3c">
            <Keyframes property="intensity" interpolation="step" keys={[[0, 0.6], [1.1, 0.1], [1.25, 0.6], [3.2, 0.05], [3.3, 0.6]]} />
          </Light>

          <Place who="maya" position="rail" />
          <Place who="leo" position={[-1.6, 0, 0.6]} facing={20} />
          <LookAt who="maya" target="city" duration="0.5s" />
          <Walk who="leo" to={[-0.5, 0, -1.4]} pace="stroll" />
          <Turn who="maya" toward="leo" />
          <LookAt who="maya" target={null} />
          <Say id="r1" who="maya">Same time tomorrow?</Say>
          <Say id="r2" who="leo" parenthetical="beat">If the trains run.</Say>
          <Gesture who="maya" kind="point" toward="city" />
          <Gesture who="leo" kind="cross-arms" />

          <Shot id="dawn" size="EWS" duration="3s" name="Dawn over the roofs">
            <Camera position={[4, 2.2, 6]} target={[0, 4.5, -6]} focalLengthMm={20} />
            <Tilt degrees={-18} />
            <Truck distance="-1m" />
          </Shot>
          <CloseUp id="maya-cu" subject="maya" lines={['r1']}>
            <Zoom to="100mm" />
          </CloseUp>
          <Shot id="two" subject={['maya', 'leo']} size="MWS" from="with:r2-0.3s" name="Two-shot, turning">
            <Turntable degrees={25} />
          </Shot>
        </Scene>

        <Transition kind="fade-out" duration="1.5s" />
      </Defaults>
    </Film>
  );
}
