// The react-reconciler host config: thin glue that translates React's calls into operations on
// plain instance objects (nodes.ts). Validation, timing and evaluation are separate passes over
// the snapshot and never import React. Checklist and pitfalls: shared/reference/reconciler.md.

import { createContext } from 'react';
import { DefaultEventPriority, NoEventPriority } from 'react-reconciler/constants';
import { appendChildNode, createInstance, createTextNode, insertBeforeNode, removeChildNode, updateInstance, type Container, type Instance, type TextInstance } from './nodes';

let currentUpdatePriority: number = NoEventPriority;

// Non-null host context: 0.31+ logs "Expected host context to exist" on every render for null.
const ROOT_CONTEXT = { inFilm: true };

export const hostConfig = {
  rendererPackageName: 'kino',
  rendererVersion: '0.1.0',
  extraDevToolsConfig: null,

  supportsMutation: true,
  supportsPersistence: false,
  supportsHydration: false,
  // react-dom or R3F may share the page in the studio.
  isPrimaryRenderer: false,
  warnsIfNotActing: false,
  noTimeout: -1,
  scheduleTimeout: setTimeout,
  cancelTimeout: clearTimeout,
  supportsMicrotasks: true,
  scheduleMicrotask: queueMicrotask,
  NotPendingTransition: null,
  HostTransitionContext: createContext(null),

  createInstance(type: string, props: Record<string, unknown>, _root: Container, _ctx: unknown, fiber: unknown): Instance {
    return createInstance(type, props, fiber);
  },
  createTextInstance(text: string, _root: Container, _ctx: unknown, fiber: unknown): TextInstance {
    // Text outside <Say> is kept as a node so validation can report it with its location,
    // together with every other problem, instead of aborting the render.
    return createTextNode(text, fiber);
  },
  appendInitialChild: appendChildNode,
  finalizeInitialChildren: () => false,
  // <Say>Hello</Say>: the text arrives in props.children instead of as text instances.
  shouldSetTextContent: (type: string) => type === 'say',
  getRootHostContext: () => ROOT_CONTEXT,
  getChildHostContext: (parent: object) => parent,
  getPublicInstance: (instance: Instance) => instance,

  appendChild: appendChildNode,
  appendChildToContainer(container: Container, child: Instance) {
    appendChildNode(container.top, child);
  },
  insertBefore: insertBeforeNode,
  insertInContainerBefore(container: Container, child: Instance, before: Instance) {
    insertBeforeNode(container.top, child, before);
  },
  removeChild: removeChildNode,
  removeChildFromContainer(container: Container, child: Instance) {
    removeChildNode(container.top, child);
  },
  clearContainer(container: Container) {
    container.top.children.length = 0;
  },
  commitUpdate(instance: Instance, _type: string, oldProps: Record<string, unknown>, newProps: Record<string, unknown>, fiber: unknown) {
    updateInstance(instance, oldProps, newProps, fiber);
  },
  commitTextUpdate(text: TextInstance, _old: string, next: string) {
    text.text = next;
  },
  commitMount() {},
  resetTextContent() {},
  hideInstance(i: Instance) {
    i.hidden = true;
  },
  unhideInstance(i: Instance) {
    i.hidden = false;
  },
  hideTextInstance(i: TextInstance) {
    i.hidden = true;
  },
  unhideTextInstance(i: TextInstance) {
    i.hidden = false;
  },
  detachDeletedInstance() {},

  prepareForCommit: () => null,
  resetAfterCommit(container: Container) {
    container.version += 1;
  },
  preparePortalMount() {},

  setCurrentUpdatePriority(p: number) {
    currentUpdatePriority = p;
  },
  getCurrentUpdatePriority: () => currentUpdatePriority,
  resolveUpdatePriority: () => (currentUpdatePriority !== NoEventPriority ? currentUpdatePriority : DefaultEventPriority),
  resolveEventType: () => null,
  resolveEventTimeStamp: () => -1.1,
  trackSchedulerEvent() {},
  requestPostPaintCallback() {},
  resetFormInstance() {},
  shouldAttemptEagerTransition: () => false,

  maySuspendCommit: () => false,
  maySuspendCommitOnUpdate: () => false,
  maySuspendCommitInSyncRender: () => false,
  preloadInstance: () => true,
  startSuspendingCommit: () => null,
  suspendInstance() {},
  waitForCommitToBeReady: () => null,
  getSuspendedCommitReason: () => null,
  // 0.34 calls this on every transition commit; without it startTransition throws.
  suspendOnActiveViewTransition() {},

  getInstanceFromNode: () => null,
  getInstanceFromScope: () => null,
  beforeActiveInstanceBlur() {},
  afterActiveInstanceBlur() {},
  prepareScopeUpdate() {},

  // View transitions and fragment instances: not meaningful for a film document.
  applyViewTransitionName() {},
  restoreViewTransitionName() {},
  cancelViewTransitionName() {},
  cancelRootViewTransitionName() {},
  restoreRootViewTransitionName() {},
  cloneRootViewTransitionContainer() {},
  removeRootViewTransitionClone() {},
  measureInstance: () => null,
  measureClonedInstance: () => null,
  wasInstanceInViewport: () => true,
  hasInstanceChanged: () => false,
  hasInstanceAffectedParent: () => false,
  startViewTransition: () => null,
  startGestureTransition: () => null,
  stopViewTransition() {},
  addViewTransitionFinishedListener() {},
  getCurrentGestureOffset: () => 0,
  createViewTransitionInstance: () => null,
  createFragmentInstance: () => null,
  updateFragmentInstanceFiber() {},
  commitNewChildToFragmentInstance() {},
  deleteChildFromFragmentInstance() {},
};
