import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../api.js'
import { ErrorState } from './states.js'

describe('an error state', () => {
  it('says a library not analysed yet is a step to take, not that something went wrong', () => {
    const html = renderToStaticMarkup(<ErrorState error={new ApiError('NOT_ANALYSED', 'the library has not been analysed yet; run `paperscope analyze`', 503)} />)
    expect(html).not.toContain('Something went wrong')
    expect(html).toContain('This library has not been analysed yet')
    // The command as code, not in backticks.
    expect(html).toContain('<code>paperscope analyze</code>')
    expect(html).not.toContain('`')
  })

  it('still says something went wrong when it did', () => {
    const html = renderToStaticMarkup(<ErrorState error={new ApiError('INTERNAL', 'internal error', 500)} />)
    expect(html).toContain('Something went wrong')
    expect(html).toContain('internal error')
  })
})
