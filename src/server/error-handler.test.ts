import { describe, expect, it } from 'vitest'
import { PaperscopeError, SearchRefusedError, type ErrorCode } from '../core/index.js'
import { clientErrorResponse, frameworkErrorBody, nearestParameter, ParameterError, parseJsonBody, STATUS_BY_CODE, toErrorResponse } from './error-handler.js'

describe('toErrorResponse', () => {
  it.each(Object.entries(STATUS_BY_CODE) as Array<[ErrorCode, number]>)('maps %s to HTTP %i', (code, status) => {
    const { status: got, body } = toErrorResponse(new PaperscopeError(code, `a ${code} at /home/me/x.db`, { field: 'q' }))
    expect(got).toBe(status)
    if (status < 500) expect(body.error).toEqual({ code, message: `a ${code} at /home/me/x.db`, field: 'q' })
    // 5xx messages are never the internal one; "not analysed" is said in the server's own words.
    else expect(body.error.message).not.toContain('/home/me')
    if (code === 'NOT_ANALYSED') expect(body.error).toEqual({ code, message: 'the library has not been analysed yet; run `paperscope analyze`' })
  })

  it('names the parameter of a validation error', () => {
    const err = Object.assign(new Error('querystring/page must be >= 1'), {
      statusCode: 400,
      validation: [{ instancePath: '/page', keyword: 'minimum', message: 'must be >= 1', params: { limit: 1 } }],
    })
    expect(toErrorResponse(err)).toMatchObject({ status: 400, body: { error: { code: 'INVALID_ARGUMENT', field: 'page', message: 'parameter "page" must be >= 1' } } })
  })

  it('names a missing parameter', () => {
    const err = Object.assign(new Error('x'), { validation: [{ instancePath: '', keyword: 'required', params: { missingProperty: 'q' } }] })
    expect(toErrorResponse(err).body.error).toEqual({ code: 'INVALID_ARGUMENT', message: 'parameter "q" is required', field: 'q', issue: { kind: 'required' } })
  })

  it("turns the store's refusal of a search's words into the 400 with its issue, from the reason it carries", () => {
    const body = (err: SearchRefusedError) => {
      const res = toErrorResponse(err)
      expect(res.status).toBe(400)
      return res.body.error
    }
    expect(body(new SearchRefusedError('empty', 'the query has no words to search for'))).toEqual({ code: 'INVALID_ARGUMENT', message: 'parameter "q" must contain words', field: 'q', issue: { kind: 'empty' } })
    expect(body(new SearchRefusedError('no-words', 'the query has no words to search for'))).toEqual({ code: 'INVALID_QUERY', message: 'the query has no words to search for', field: 'q', issue: { kind: 'no_words' } })
    expect(body(new SearchRefusedError('only-left-out', 'nothing to find'))).toEqual({ code: 'INVALID_QUERY', message: 'nothing to find', field: 'q', issue: { kind: 'only_left_out' } })
    // The word as data, cut as every value an error repeats is (200 characters).
    const long = `c${'+'.repeat(300)}`
    expect(body(new SearchRefusedError('letter-and-symbols', 'cannot', long))).toEqual({ code: 'INVALID_QUERY', message: 'cannot', field: 'q', issue: { kind: 'letter_and_symbols', value: long.slice(0, 200) } })
  })

  it("gives a refused parameter's fault as data beside the sentence", () => {
    const refused = toErrorResponse(new ParameterError('source', 'parameter "source": no source "nope" in this library; it has arxiv', { kind: 'unknown_value', value: 'nope', known: ['arxiv'] }))
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'INVALID_ARGUMENT', field: 'source', issue: { kind: 'unknown_value', value: 'nope', known: ['arxiv'] } } } })
    const validation = (keyword: string, params: Record<string, unknown>) => toErrorResponse(Object.assign(new Error('x'), { validation: [{ instancePath: '/page', keyword, message: 'm', params }] })).body.error.issue
    expect(validation('maximum', { comparison: '<=', limit: 10_000 })).toEqual({ kind: 'too_large', limit: 10_000 })
    expect(validation('maxLength', { limit: 100 })).toEqual({ kind: 'too_long', limit: 100 })
    expect(validation('enum', { allowedValues: ['recent', 'trending'] })).toEqual({ kind: 'not_one_of', known: ['recent', 'trending'] })
    expect(validation('type', { type: 'integer' })).toEqual({ kind: 'not_integer' })
    // A fault no kind says has none: the message alone says it.
    expect(validation('format', { format: 'date' })).toBeUndefined()
    expect(validation('minLength', { limit: 3 })).toBeUndefined()
  })

  it('names an unknown query parameter before a missing one, with the parameters the route takes', () => {
    const err = Object.assign(new Error('x'), {
      validationContext: 'querystring',
      validation: [
        { instancePath: '', keyword: 'required', params: { missingProperty: 'q' } },
        { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'Q' } },
      ],
    })
    expect(toErrorResponse(err, { query: ['q', 'limit'] })).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'INVALID_ARGUMENT',
          field: 'Q',
          message: 'unknown query parameter "Q"; did you mean "q"? This route takes: q, limit',
          issue: { kind: 'unknown_parameter', value: 'Q', known: ['q', 'limit'], other: 'q' },
        },
      },
    })
  })

  it('answers a request Node refuses (a head over 16 KB, a timeout, no HTTP) with the same error body', () => {
    const raw = clientErrorResponse(Object.assign(new Error('Header overflow'), { code: 'HPE_HEADER_OVERFLOW' }))
    const [head, body] = raw.split('\r\n\r\n') as [string, string]
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large')
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body)}`)
    expect(head).toContain('x-content-type-options: nosniff')
    expect(head).toContain("content-security-policy: default-src 'none'")
    expect(JSON.parse(body)).toEqual({ error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('send a long text in a JSON body') } })
    expect(clientErrorResponse(Object.assign(new Error('t'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }))).toMatch(/^HTTP\/1\.1 408 /)
    expect(clientErrorResponse(new Error('parse'))).toMatch(/^HTTP\/1\.1 400 /)
  })

  it('says a text of only spaces is empty, and that a body must be a JSON object', () => {
    const spaces = Object.assign(new Error('x'), { validation: [{ instancePath: '/text', keyword: 'pattern', message: 'must match pattern "\\S"', params: { pattern: '\\S' } }] })
    expect(toErrorResponse(spaces).body.error).toEqual({ code: 'INVALID_ARGUMENT', message: 'parameter "text" must not be empty or only spaces', field: 'text', issue: { kind: 'empty' } })
    const notObject = Object.assign(new Error('x'), { validation: [{ instancePath: '', keyword: 'type', message: 'must be object', params: { type: 'object' } }] })
    expect(toErrorResponse(notObject).body.error).toEqual({ code: 'INVALID_ARGUMENT', message: 'the request body must be a JSON object', issue: { kind: 'not_object' } })
  })

  it("gives a body's and a URL's faults as data with no field: empty, not JSON (where), a refused key, a bad escape", () => {
    const issueOf = (body: string) => {
      const parsed = parseJsonBody(body)
      return parsed instanceof PaperscopeError ? toErrorResponse(parsed).body.error : parsed
    }
    expect(issueOf(' ')).toEqual({ code: 'INVALID_ARGUMENT', message: 'the request body is empty; send a JSON object, e.g. {"text": "…"}', issue: { kind: 'body_empty' } })
    expect(issueOf('{"text": "x" "title": "y"}')).toMatchObject({ issue: { kind: 'not_json', position: 13 } })
    expect(issueOf('{"text": ')).toMatchObject({ message: expect.stringContaining('Unexpected end of JSON input'), issue: { kind: 'not_json', position: 9 } })
    expect(issueOf('{"__proto__": 1}')).toMatchObject({ issue: { kind: 'refused_key', value: '__proto__' } })
    expect(issueOf('{"text": "grokking"}')).toEqual({ value: { text: 'grokking' } })
    expect(frameworkErrorBody({ code: 'FST_ERR_BAD_URL' }).error.issue).toEqual({ kind: 'bad_percent_encoding' })
    expect(frameworkErrorBody({ code: 'FST_ERR_MAX_PARAM_LENGTH' }).error.issue).toEqual({ kind: 'too_long', limit: 4096 })
    // Fastify's own 4xx, by its code: the fault as data beside the words it had.
    const fastify = (code: string, statusCode: number, contentType?: string) => toErrorResponse(Object.assign(new Error('x'), { code, statusCode }), contentType === undefined ? {} : { contentType }).body.error.issue
    expect(fastify('FST_ERR_CTP_BODY_TOO_LARGE', 413)).toEqual({ kind: 'body_too_large', limit: 256 * 1024 })
    expect(fastify('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'text/csv')).toEqual({ kind: 'wrong_content_type', value: 'text/csv', known: ['application/json'] })
    expect(fastify('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, ' ')).toEqual({ kind: 'wrong_content_type', known: ['application/json'] })
    expect(fastify('FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400)).toEqual({ kind: 'length_mismatch' })
    expect(fastify('FST_ERR_SOMETHING_ELSE', 400)).toBeUndefined()
  })

  it('turns an unknown error into a plain 500', () => {
    const r = toErrorResponse(new TypeError("Cannot read properties of undefined (reading 'x')"))
    expect(r).toMatchObject({ status: 500, unexpected: true, body: { error: { code: 'INTERNAL' } } })
    expect(r.body.error.message).not.toContain('undefined')
  })
})

describe('nearestParameter', () => {
  const known = ['q', 'topic', 'year_from', 'year_to', 'page', 'page_size']

  it('guesses the parameter meant when only case, underscores, hyphens or a letter or two differ', () => {
    expect(nearestParameter('pageSize', known)).toBe('page_size')
    expect(nearestParameter('Page-Size', known)).toBe('page_size')
    expect(nearestParameter('Q', known)).toBe('q')
    expect(nearestParameter('yearfrom', known)).toBe('year_from')
    expect(nearestParameter('tpoic', known)).toBe('topic')
    expect(nearestParameter('year_t', known)).toBe('year_to')
  })

  it('guesses nothing for a name far from every one, or as near to two', () => {
    for (const name of ['year', 'limit', 'k', 'x', 'sort', '']) expect(nearestParameter(name, known), name).toBeUndefined()
    expect(nearestParameter('sorts', ['sort', 'sorta'])).toBeUndefined()
    expect(nearestParameter(`page_size${'x'.repeat(10_000)}`, known)).toBeUndefined()
  })
})
