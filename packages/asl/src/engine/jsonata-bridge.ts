// The interpreter's view of JSONata: "{% %}" fields evaluated with $states and variables bound.
export {
  evaluateJsonataExpression,
  evaluateJsonataTemplate,
  isJsonataExpression,
  type JsonataBindings,
} from '../jsonata/index.js';
