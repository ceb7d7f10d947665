/** @module A page URL the app does not know. */
import { Link } from 'react-router-dom'
import { Empty } from '../components/states.js'
import { useTitle } from '../hooks.js'

export function NotFoundPage() {
  useTitle('Not found')
  return (
    <Empty title="There is no page here">
      <p>
        The link may be old or mistyped. Go to the <Link to="/">feed</Link> or <Link to="/search">search</Link>.
      </p>
    </Empty>
  )
}
