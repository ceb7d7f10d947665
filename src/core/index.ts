/** @module The domain: types, schemas and errors. Imports nothing else of ours. */
export * from './errors.js'
export * from './partial-date.js'
export * from './source-record.js'
export * from './import-issue.js'
export * from './import-report.js'
export * from './paper.js'
export * from './author.js'
export * from './reported-metrics.js'
