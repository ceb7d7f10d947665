/** @module The app: routes with real URLs (the server answers every page URL with index.html). */
import { useEffect, useRef } from 'react'
import { BrowserRouter, Route, Routes, useLocation } from 'react-router-dom'
import { Layout } from './components/layout.js'
import { AuthorPage } from './pages/author.js'
import { ClassifyPage } from './pages/classify.js'
import { HomePage } from './pages/home.js'
import { NotFoundPage } from './pages/not-found.js'
import { PaperPage } from './pages/paper.js'
import { SearchPage } from './pages/search.js'
import { TopicPage } from './pages/topic.js'
import { TopicsPage } from './pages/topics.js'

/** On a new page (not a new query on the same page): scroll up and move focus to the content. */
function FocusOnNavigate() {
  const { pathname } = useLocation()
  const previous = useRef(pathname)
  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    window.scrollTo(0, 0)
    document.getElementById('main')?.focus({ preventScroll: true })
  }, [pathname])
  return null
}

export function App() {
  return (
    <BrowserRouter>
      <FocusOnNavigate />
      <Layout>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/papers/:id" element={<PaperPage />} />
          <Route path="/authors/:id" element={<AuthorPage />} />
          <Route path="/topics" element={<TopicsPage />} />
          <Route path="/topics/:id" element={<TopicPage />} />
          <Route path="/classify" element={<ClassifyPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Layout>
    </BrowserRouter>
  )
}
