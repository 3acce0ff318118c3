// Production JSX runtime entry ("jsx": "react-jsx"): React's own, without source locations.
export { jsx, jsxs, Fragment } from 'react/jsx-runtime';
export type { JSX } from 'react/jsx-runtime';
