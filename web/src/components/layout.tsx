/** @module The frame of every page: skip link, header with search, main, footer. */
import { useState, type FormEvent, type ReactNode } from 'react'
import { Link, NavLink, useLocation, useNavigate } from 'react-router-dom'

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" className="logo-bg" />
      <circle cx="16" cy="16" r="9" fill="none" stroke="#fff" strokeWidth="2.5" />
      <circle cx="16" cy="16" r="3.2" fill="#fff" />
      <path d="M16 16 L23 9" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  )
}

function HeaderSearch() {
  const navigate = useNavigate()
  const [q, setQ] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const text = q.trim()
    navigate(text ? `/search?q=${encodeURIComponent(text)}` : '/search')
    setQ('')
  }
  return (
    <form className="header-search" role="search" onSubmit={submit}>
      <label htmlFor="header-q" className="visually-hidden">
        Search papers
      </label>
      <input id="header-q" type="search" placeholder="Search papers…" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
    </form>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const location = useLocation()
  // The search page and the home page have their own big search box.
  const ownSearch = location.pathname === '/search' || location.pathname === '/'
  return (
    <>
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          // Focus the content without a history entry: a `#main` entry would share its key with every other one.
          event.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        Skip to content
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <Logo />
            <span>Paperscope</span>
          </Link>
          <nav aria-label="Main" className="main-nav">
            <NavLink to="/" end>
              Feed
            </NavLink>
            <NavLink to="/search">Search</NavLink>
            <NavLink to="/topics">Topics</NavLink>
            <NavLink to="/researchers">Researchers</NavLink>
            <NavLink to="/classify">Classify</NavLink>
            <a href="/docs">API</a>
          </nav>
          {!ownSearch && <HeaderSearch />}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          Paperscope — papers from many sources, merged into one library. Every number says where it comes from. ·{' '}
          <a href="/api/v1/openapi.json">OpenAPI</a>
        </div>
      </footer>
    </>
  )
}
