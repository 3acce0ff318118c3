// Shot lists: planned from a script's dialogue (coverage per exchange, inserts, cutaways) or read
// from a film's plan; with storyboard prompts, setups and screen time; as data, CSV or tables.
export * from './schema';
export * from './prompt';
export { shotListFromScript, findCutaways, actionSeconds, MINUTES_PER_SETUP, SCRIPT_SHOTLIST_ASSUMPTIONS } from './fromScript';
export { shotListFromPlan } from './fromPlan';
export * from './format';
