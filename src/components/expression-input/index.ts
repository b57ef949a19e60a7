export { ExpressionInput } from './expression-input';
