/** Policies as code: plan and apply policy files from git. The route is loaded by the app's router. */
export { ApplyRoute } from './routes/apply-route';
