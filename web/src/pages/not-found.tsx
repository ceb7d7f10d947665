/** @module A page URL the app does not know. */
import { NotFound } from '../components/states.js'
import { useTitle } from '../hooks.js'

export function NotFoundPage() {
  useTitle('Not found')
  return <NotFound title="There is no page here" />
}
