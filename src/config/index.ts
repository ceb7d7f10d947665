/** @module Settings: the zod schema of the environment and its parser. */
export { EnvSchema, parseEnv, type Env } from './env.js'
