/** @module The app: routes with real URLs (the server answers every page URL with index.html). */
import { BrowserRouter, Route, Routes } from 'react-router-dom'
import { Layout } from './components/layout.js'
import { ScrollAndFocus } from './navigation.js'
import { AuthorPage } from './pages/author.js'
import { ClassifyPage } from './pages/classify.js'
import { HomePage } from './pages/home.js'
import { NotFoundPage } from './pages/not-found.js'
import { PaperPage } from './pages/paper.js'
import { SearchPage } from './pages/search.js'
import { TopicPage } from './pages/topic.js'
import { ResearchersPage } from './pages/researchers.js'
import { TopicsPage } from './pages/topics.js'

export function App() {
  return (
    <BrowserRouter>
      <ScrollAndFocus />
      <Layout>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/papers/:id" element={<PaperPage />} />
          {/* A DOI pasted with its slash (`/papers/10.2139/ssrn.288970`): the rest of the path is the id. */}
          <Route path="/papers/*" element={<PaperPage />} />
          <Route path="/authors/:id" element={<AuthorPage />} />
          <Route path="/researchers" element={<ResearchersPage />} />
          <Route path="/topics" element={<TopicsPage />} />
          <Route path="/topics/:id" element={<TopicPage />} />
          <Route path="/classify" element={<ClassifyPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Layout>
    </BrowserRouter>
  )
}
