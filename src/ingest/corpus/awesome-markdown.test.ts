import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SourceRecord } from '../../core/index.js'
import { runCliCaptured } from '../../../test/support/run-cli.js'
import { splitTextInput } from '../text-input.js'
import { awesomeListFormat } from './awesome-list.js'
import {
  isMarkdownSource,
  isPaperUrl,
  renderAwesomeMarkdown,
  surveyAwesomeMarkdown,
} from './awesome-markdown.js'
import { looksLikePersonName } from './author-names.js'
import { MIN_DETECT_CONFIDENCE, detectFormat } from './index.js'

const render = (markdown: string) => renderAwesomeMarkdown(splitTextInput(markdown, 'list.md'))

describe('renderAwesomeMarkdown', () => {
  it('renders line for line into the shape of the page as text', () => {
    const rendered = render(
      [
        '# Awesome Things [![Awesome](https://badge.svg)](https://awesome.re)',
        '- [Topic](#topic)',
        '## Topic',
        '![avatar](https://x.org/a.png)',
        '### Topic: 2023',
        '- A Title That',
        'Wraps. [[paper]](https://arxiv.org/abs/2301.00001) [[code]](https://github.com/a/b)',
        '  - Ann Lee, Bo Chen. *ICML 2023*',
        '  - <details><summary>Digest</summary> First line',
        '  second line.',
        '  </details>',
        '',
        'A paragraph after the list.',
      ].join('\n'),
    )
    expect(rendered.input.lines).toEqual([
      'Awesome Things Awesome',
      '',
      'Topic',
      'avatar',
      'Topic: 2023',
      '  • A Title That',
      '      Wraps. [paper] [code]',
      '    • Ann Lee, Bo Chen. ICML 2023',
      '    • Digest First line',
      '      second line.',
      '',
      '',
      'A paragraph after the list.',
    ])
    expect(rendered.links.get(7)).toEqual([
      { label: 'paper', url: 'https://arxiv.org/abs/2301.00001' },
      { label: 'code', url: 'https://github.com/a/b' },
    ])
    expect(rendered.links.has(2)).toBe(false)
  })

  it('blanks comments and code, keeping the line numbers and the line issues', () => {
    const input = splitTextInput(
      '<!-- a\nnote -->\n```\n- not an entry\n```\n\u0000\u0001\n- Entry',
      'list.md',
    )
    const rendered = renderAwesomeMarkdown(input)
    expect(rendered.input.lines).toEqual(['', '', '', '', '', '', '  • Entry'])
    expect(rendered.input.rejectedLines.get(6)?.code).toBe('BINARY_CONTENT')
    expect(rendered.input.issues).toBe(input.issues)
  })

  it('drops an item that is only links with nothing under it (a link list), and keeps one with details', () => {
    const rendered = render(
      '- [A blog](https://blog.org) ![ ](https://stars.svg)\n- [A Paper](https://arxiv.org/abs/2301.00001)\n  - Ann Lee',
    )
    expect(rendered.input.lines).toEqual(['', '  • A Paper', '    • Ann Lee'])
  })

  it('decodes the HTML entities a README writes, as GitHub shows them', () => {
    expect(
      render('  - Marin Dujmovi&#263;, Ann L&eacute;e. &ldquo;Bits &amp; Bytes&rdquo; &notanentity;').input
        .lines,
    ).toEqual(['    • Marin Dujmović, Ann Lée. “Bits & Bytes” &notanentity;'])
  })

  it('drops emphasis and escapes but keeps an underscore inside a word', () => {
    expect(render('  - Laurent_Viennot, Ann Lee. _ICLR 2019_ **best** 5 * 3 \\*x\\*').input.lines).toEqual([
      '    • Laurent_Viennot, Ann Lee. ICLR 2019 best 5 * 3 *x*',
    ])
  })
})

describe('isMarkdownSource', () => {
  it('tells the source from its rendered text', () => {
    expect(isMarkdownSource(['## Topic: 2023', '- Title. [[paper]](u)', '  - Ann Lee'])).toBe(true)
    expect(isMarkdownSource(['Topic: 2023', '  • Title. [paper]', '    • Ann Lee'])).toBe(false)
  })
})

describe('a title written as the link to its paper', () => {
  // The shapes awesome lists write an entry's title link in, each under an author line as the entry parser reads
  // them: the review's repro (`* [Title](arxiv abs)`), a bold title to an arXiv PDF with its version and its code
  // beside it, a DOI, an OpenReview page with an `[[arXiv]]` link beside it or on the next line, an OpenReview page
  // alone, a title linked to its code or to its project page, a title that opens with a link to another paper, a
  // short name in code before a bold title.
  const LIST = [
    '### Grokking: 2022',
    '',
    '* [Deep Residual Learning](https://arxiv.org/abs/1512.03385)',
    '  - Kaiming He, Xiangyu Zhang',
    '- **[Grokking: Generalization Beyond Overfitting on Small Algorithmic Datasets](https://arxiv.org/pdf/2201.02177v2.pdf)** [[code]](https://github.com/openai/grok)',
    '  - Alethea Power, Yuri Burda, Harri Edwards, Igor Babuschkin, Vedant Misra',
    '- [Highly accurate protein structure prediction with AlphaFold](https://doi.org/10.1038/S41586-021-03819-2) ![](https://img.shields.io/badge/Nature-2021-blue)',
    '  - John Jumper, Richard Evans. *Nature*',
    '- [Towards Understanding Grokking: An Effective Theory of Representation Learning](https://openreview.net/forum?id=6at6rB3IZm) [[arXiv]](https://arxiv.org/abs/2205.10343)',
    '  - Ziming Liu, Ouail Kitouni, Niklas Nolte, Eric J. Michaud, Max Tegmark, Mike Williams. *NeurIPS 2022*',
    '- [Omnigrok: Grokking Beyond Algorithmic Data](https://openreview.net/forum?id=zDiHoIWa0q1)',
    '  [[arXiv]](https://arxiv.org/abs/2210.01117)',
    '  - Ziming Liu, Eric J. Michaud, Max Tegmark. *ICLR 2023*',
    '- [A Tale of Two Circuits: Grokking as Competition of Sparse and Dense Subnetworks](https://openreview.net/forum?id=8GZxtu46Kx)',
    '  - William Merrill, Nikolaos Tsilivis, Aman Shukla',
    '- [Progress measures for grokking via mechanistic interpretability](https://github.com/mechanistic-interpretability-grokking/progress-measures-paper) [[paper]](https://arxiv.org/abs/2301.05217)',
    '  - Neel Nanda, Lawrence Chan, Tom Lieberum, Jess Smith, Jacob Steinhardt. *ICLR 2023*',
    '- [Deformable Neural Radiance Fields](https://nerfies.github.io/) [[code]](https://github.com/google/nerfies)',
    '  - Keunhong Park, Utkarsh Sinha. *ICCV 2021*',
    '- [BERT](https://arxiv.org/abs/1810.04805) Rediscovers the Classical NLP Pipeline. [[paper]](https://aclanthology.org/P19-1452)',
    '  - Ian Tenney, Dipanjan Das, Ellie Pavlick. *ACL 2019*',
    '- `Novae` **[Novae: a graph-based foundation model for spatial transcriptomics data](https://doi.org/10.1038/s41592-025-02899-6)** [[code]](https://github.com/MICS-Lab/novae)',
    '  - Quentin Blampey, Hakim Benkirane. *Nature Methods*',
  ].join('\n')
  const ctx = { input: 'lists/grokking.md', fetchedAt: '2026-06-01T10:00:00.000Z' }
  const parsed = awesomeListFormat.parse(LIST, ctx)
  const lineOf = (start: string): number => LIST.split('\n').findIndex((line) => line.startsWith(start)) + 1
  const entryAt = (start: string): SourceRecord => {
    const record = parsed.records.find((r) => r.line === lineOf(start))
    if (!record) throw new Error(`no record at "${start}"`)
    return record
  }

  it('gives the entry its arXiv id or DOI and its URL, whatever the arXiv link form', () => {
    expect(parsed.records).toHaveLength(10)
    expect(entryAt('* [Deep Residual')).toMatchObject({
      title: 'Deep Residual Learning',
      url: 'https://arxiv.org/abs/1512.03385',
      ids: { arxiv: '1512.03385' },
      raw: { linkTargets: [{ label: 'paper', url: 'https://arxiv.org/abs/1512.03385' }] },
    })
    expect(entryAt('- **[Grokking')).toMatchObject({
      title: 'Grokking: Generalization Beyond Overfitting on Small Algorithmic Datasets',
      url: 'https://arxiv.org/pdf/2201.02177v2.pdf',
      ids: { arxiv: '2201.02177' },
      raw: { links: ['code'] },
    })
    expect(entryAt('- [Highly accurate')).toMatchObject({
      url: 'https://doi.org/10.1038/S41586-021-03819-2',
      ids: { doi: '10.1038/s41586-021-03819-2' },
    })
    expect(entryAt('- `Novae`')).toMatchObject({
      url: 'https://doi.org/10.1038/s41592-025-02899-6',
      ids: { doi: '10.1038/s41592-025-02899-6' },
    })
  })

  it('takes an arXiv link beside a title linked to a page without id, on its line or the next', () => {
    expect(entryAt('- [Towards Understanding')).toMatchObject({
      url: 'https://arxiv.org/abs/2205.10343',
      ids: { arxiv: '2205.10343' },
    })
    expect(entryAt('- [Omnigrok')).toMatchObject({
      url: 'https://arxiv.org/abs/2210.01117',
      ids: { arxiv: '2210.01117' },
    })
    // With nothing beside it, the page is the paper's URL, with no id to match on.
    expect(entryAt('- [A Tale of Two')).toMatchObject({
      url: 'https://openreview.net/forum?id=8GZxtu46Kx',
      ids: {},
    })
  })

  it('never takes a title linked to its code or its project page for the paper', () => {
    expect(entryAt('- [Progress measures')).toMatchObject({
      url: 'https://arxiv.org/abs/2301.05217',
      ids: { arxiv: '2301.05217' },
      raw: {
        linkTargets: [
          {
            label: 'Progress measures for grokking via mechanistic interpretability',
            url: 'https://github.com/mechanistic-interpretability-grokking/progress-measures-paper',
          },
          { label: 'paper', url: 'https://arxiv.org/abs/2301.05217' },
        ],
      },
    })
    expect(entryAt('- [Deformable')).toMatchObject({ url: null, ids: {} })
  })

  it("takes the list's own [paper] link over a title that opens with a link to another paper", () => {
    expect(entryAt('- [BERT]')).toMatchObject({ url: 'https://aclanthology.org/P19-1452', ids: {} })
  })

  it('labels the title links of real list lines by where they point (awesome-NeRF/awesome-NeRF, README.md)', () => {
    // Copied from github.com/awesome-NeRF/awesome-NeRF README.md: titles linked to a project page, an arXiv
    // abstract, a GitHub repository, an abstract page written with `.pdf`, a PDF on the project's site.
    const nerf = render(
      [
        '- [NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis](https://www.matthewtancik.com/nerf), Mildenhall et al., ECCV 2020 | [github](https://github.com/bmild/nerf)  | [bibtex](./NeRF-and-Beyond.bib#L168-L173) <!---Mildenhall20eccv_nerf-->',
        '- [pixelNeRF: Neural Radiance Fields from One or Few Images](https://arxiv.org/abs/2012.02190), Yu et al., CVPR 2021 | [github](https://github.com/sxyu/pixel-nerf) | [bibtex](./NeRF-and-Beyond.bib#L329-L335) <!---Yu20arxiv_pixelNeRF-->',
        '- [Neural Articulated Radiance Field](https://github.com/nogu-atsu/NARF), Noguchi et al., Arxiv 2021 | [bibtex](./citations/narf.txt)',
        '- [Direct Voxel Grid Optimization: Super-fast Convergence for Radiance Fields Reconstruction](https://arxiv.org/abs/2111.11215.pdf), Sun et al., Arxiv 2021 | [github](https://github.com/sunset1995/DirectVoxGO) | [bibtex](./citations/DirectVoxGO.txt) <!---sun2021direct-->',
        '- [IBRNet: Learning Multi-View Image-Based Rendering](https://ibrnet.github.io/static/paper.pdf), Wang et al., CVPR 2021 | [github](https://github.com/googleinterns/IBRNet) | [bibtex](./citations/ibr.txt)',
      ].join('\n'),
    )
    const titleLabels = [1, 2, 3, 4, 5].map((line) => nerf.links.get(line)?.[0]?.label)
    expect(titleLabels).toEqual([
      'NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis',
      'paper',
      'Neural Articulated Radiance Field',
      'paper',
      'paper',
    ])
    expect(nerf.links.get(2)?.map((link) => link.label)).toEqual(['paper', 'github', 'bibtex'])
    // The same line with an author line under it is an entry with the paper's arXiv id.
    const entry = awesomeListFormat.parse(
      `### Generalization: 2021\n${'- [pixelNeRF: Neural Radiance Fields from One or Few Images](https://arxiv.org/abs/2012.02190), Yu et al., CVPR 2021 | [github](https://github.com/sxyu/pixel-nerf) | [bibtex](./NeRF-and-Beyond.bib#L329-L335) <!---Yu20arxiv_pixelNeRF-->'}\n  - Alex Yu, Vickie Ye, Matthew Tancik, Angjoo Kanazawa\n`,
      ctx,
    ).records[0]
    expect(entry).toMatchObject({ url: 'https://arxiv.org/abs/2012.02190', ids: { arxiv: '2012.02190' } })
  })

  it('reads a [pdf] link written with escaped brackets (jason718/awesome-self-supervised-learning, README.md)', () => {
    // Copied from github.com/jason718/awesome-self-supervised-learning README.md (under a year section of ours).
    const poke = awesomeListFormat.parse(
      [
        '### Robotics: 2016',
        '-   Learning to Poke by Poking: Experiential Learning of Intuitive Physics.',
        '    [\\[pdf\\]](https://arxiv.org/abs/1606.07419)',
        '    -   Agrawal, Pulkit and Nair, Ashvin V and Abbeel, Pieter and Malik,',
        '        Jitendra and Levine, Sergey. *NIPS 2016*',
      ].join('\n'),
      ctx,
    ).records[0]
    expect(poke).toMatchObject({
      title: 'Learning to Poke by Poking: Experiential Learning of Intuitive Physics',
      url: 'https://arxiv.org/abs/1606.07419',
      ids: { arxiv: '1606.07419' },
      raw: { links: ['pdf'] },
    })
  })

  it('changes nothing when the same list is imported again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-title-links-'))
    try {
      const list = join(dir, 'README.md')
      writeFileSync(list, LIST)
      const args = [
        '--db',
        join(dir, 'library.db'),
        'import',
        '--format',
        'awesome-list',
        list,
        '--no-analyze',
      ]
      expect((await runCliCaptured(args)).out).toMatch(/^total +10 +10 +0 +0 +0 +0$/m)
      expect((await runCliCaptured(args)).out).toMatch(/^total +10 +0 +0 +0 +10 +0$/m)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('isPaperUrl', () => {
  // Title-link targets as Hannibal046/Awesome-LLM (README.md) writes them, and the ones that are no paper.
  it.each([
    ['https://arxiv.org/pdf/1706.03762.pdf', true],
    ['https://arxiv.org/abs/2205.05131v1', true],
    ['http://arxiv.org/abs/2409.10559', true],
    ['https://browse.arxiv.org/pdf/2306.00978.pdf', true],
    ['https://doi.org/10.1016/s0140-6736(26)00464-2', true],
    ['https://dl.acm.org/doi/abs/10.1145/3446776', true],
    ['https://onlinelibrary.wiley.com/doi/full/10.1002/widm.1356', true],
    ['https://openreview.net/forum?id=gEZrGCozdqR', true],
    ['https://openreview.net/pdf?id=yzkSU5zdwD', true],
    ['https://aclanthology.org/N19-1423.pdf', true],
    ['https://papers.nips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf', true],
    ['https://jmlr.org/papers/v21/20-074.html', true],
    [
      'https://www.semanticscholar.org/paper/WebGPT%3A-Browser-assisted/2f3efe44083af91cef562c1a3451eee2f8601d22',
      true,
    ],
    ['https://ibrnet.github.io/static/paper.pdf', true],
    ['https://github.com/google/BIG-bench', false],
    ['https://github.com/a/b/blob/main/paper.pdf', false],
    ['https://palm-e.github.io', false],
    ['https://openai.com/research/gpt-4', false],
    ['https://nips.cc/Conferences/2024', false],
    ['https://huggingface.co/deepseek-ai/DeepSeek-V2.5', false],
    ['./NeRF-and-Beyond.bib#L168-L173', false],
  ])('%s → %s', (url, paper) => {
    expect(isPaperUrl(url)).toBe(paper)
  })
})

describe('entries of real lists whose authors, venue or year sit beside the title', () => {
  const ctx = { input: 'lists/README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }
  const parse = (lines: readonly string[]) => awesomeListFormat.parse(lines.join('\n'), ctx)
  const titlesAndAuthors = (records: readonly SourceRecord[]) =>
    records.map(({ title, authors, authorsTruncated }) => ({ title, authors, authorsTruncated }))

  it('reads a bold title with its year and authors on the same line (terryum/awesome-deep-learning-papers)', () => {
    // Copied from github.com/terryum/awesome-deep-learning-papers README.md; its sections have no year.
    const parsed = parse([
      '### Optimization / Training Techniques',
      '- **Batch normalization: Accelerating deep network training by reducing internal covariate shift** (2015), S. Loffe and C. Szegedy [[pdf]](http://arxiv.org/pdf/1502.03167)',
      '- **Delving deep into rectifiers: Surpassing human-level performance on imagenet classification** (2015), K. He et al. [[pdf]](http://www.cv-foundation.org/openaccess/content_iccv_2015/papers/He_Delving_Deep_into_ICCV_2015_paper.pdf)',
      '- **Random search for hyper-parameter optimization** (2012) J. Bergstra and Y. Bengio [[pdf]](http://www.jmlr.org/papers/volume13/bergstra12a/bergstra12a)',
      '- **Semantic image segmentation with deep convolutional nets and fully connected CRFs**, L. Chen et al. [[pdf]](https://arxiv.org/pdf/1412.7062)',
    ])
    expect(parsed.issues).toEqual([])
    expect(titlesAndAuthors(parsed.records)).toEqual([
      {
        title: 'Batch normalization: Accelerating deep network training by reducing internal covariate shift',
        authors: ['S. Loffe', 'C. Szegedy'],
        authorsTruncated: false,
      },
      {
        title: 'Delving deep into rectifiers: Surpassing human-level performance on imagenet classification',
        authors: ['K. He'],
        authorsTruncated: true,
      },
      {
        title: 'Random search for hyper-parameter optimization',
        authors: ['J. Bergstra', 'Y. Bengio'],
        authorsTruncated: false,
      },
      {
        title: 'Semantic image segmentation with deep convolutional nets and fully connected CRFs',
        authors: ['L. Chen'],
        authorsTruncated: true,
      },
    ])
    expect(parsed.records[0]).toMatchObject({
      topics: ['Optimization / Training Techniques'],
      date: '2015',
      venue: null,
      url: 'http://arxiv.org/pdf/1502.03167',
      ids: { arxiv: '1502.03167' },
      raw: { links: ['pdf'], section: 'Optimization / Training Techniques' },
    })
    expect(parsed.records[3]).toMatchObject({ date: null, ids: { arxiv: '1412.7062' } })
  })

  it('reads authors and venue after a title link, before the code and bibtex links (awesome-NeRF/awesome-NeRF)', () => {
    // Copied from github.com/awesome-NeRF/awesome-NeRF README.md.
    const parsed = parse([
      '## Survey',
      '- [Neural Volume Rendering: NeRF And Beyond](https://arxiv.org/abs/2101.05204), Dellaert and Yen-Chen, Arxiv 2020 | [blog](https://dellaert.github.io/NeRF/) | [github](https://raw.githubusercontent.com/yenchenlin/awesome-NeRF/main/NeRF-and-Beyond.bib) | [bibtex](https://github.com/yenchenlin/awesome-NeRF/blob/main/citations/nerf-survey.txt)',
      '## Papers',
      '- [NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis](https://www.matthewtancik.com/nerf), Mildenhall et al., ECCV 2020 | [github](https://github.com/bmild/nerf)  | [bibtex](./NeRF-and-Beyond.bib#L168-L173) <!---Mildenhall20eccv_nerf-->',
      '#### Faster Inference',
      '- [DeRF: Decomposed Radiance Fields](https://arxiv.org/abs/2011.12490), Rebain et al. Arxiv 2020 | [bibtex](./NeRF-and-Beyond.bib#L222-L228) <!---Rebain20arxiv_derf-->',
      '#### Compositionality',
      '- [GIRAFFE: Representing Scenes as Compositional Generative Neural Feature Fields](https://arxiv.org/abs/2011.12100), Niemeyer et al., CVPR 2021, [bibtex](./NeRF-and-Beyond.bib#L175-L181) <!---Niemeyer20arxiv_GIRAFFE-->',
    ])
    expect(parsed.issues).toEqual([])
    expect(
      parsed.records.map(({ title, authors, authorsTruncated, venue, date, topics, url }) => ({
        title,
        authors,
        authorsTruncated,
        venue,
        date,
        topics,
        url,
      })),
    ).toEqual([
      {
        title: 'Neural Volume Rendering: NeRF And Beyond',
        authors: ['Dellaert', 'Yen-Chen'],
        authorsTruncated: false,
        // `Arxiv 2020` names the preprint server, no venue; its year still dates the paper.
        venue: null,
        date: '2020',
        topics: ['Survey'],
        url: 'https://arxiv.org/abs/2101.05204',
      },
      {
        title: 'NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis',
        authors: ['Mildenhall'],
        authorsTruncated: true,
        venue: 'ECCV 2020',
        date: '2020',
        topics: ['Papers'],
        // A project page is not the paper.
        url: null,
      },
      {
        title: 'DeRF: Decomposed Radiance Fields',
        authors: ['Rebain'],
        authorsTruncated: true,
        venue: null,
        date: '2020',
        topics: ['Faster Inference'],
        url: 'https://arxiv.org/abs/2011.12490',
      },
      {
        title: 'GIRAFFE: Representing Scenes as Compositional Generative Neural Feature Fields',
        authors: ['Niemeyer'],
        authorsTruncated: true,
        venue: 'CVPR 2021',
        date: '2021',
        topics: ['Compositionality'],
        url: 'https://arxiv.org/abs/2011.12100',
      },
    ])
  })

  it('reads a bold title, its venue in code and its author line after a blank (atfortes/Awesome-LLM-Reasoning)', () => {
    // Copied from github.com/atfortes/Awesome-LLM-Reasoning README.md: an HTML table of contents that names
    // Contributing, HTML headings, `[[Paper](url)]` markers, the arXiv month after the links.
    const lines = [
      '<details>',
      '  <summary>🗂️ Table of Contents</summary>',
      '  <ol>',
      '    <li><a href="#other-awesome-lists">Other Awesome Lists</a></li>',
      '    <li><a href="#contributing">Contributing</a></li>',
      '  </ol>',
      '</details>',
      '',
      '<h3 id="llm">Reasoning in Large Language Models - <i>An Emergent Ability</i></h3>',
      '',
      '1. **Chain of Thought Prompting Elicits Reasoning in Large Language Models.** `NeurIPS 2022`',
      '',
      '    *Jason Wei, Xuezhi Wang, Dale Schuurmans, Maarten Bosma, Brian Ichter, Fei Xia, Ed Chi, Quoc Le, Denny Zhou.* [[Paper](https://arxiv.org/abs/2201.11903)] [[Blog](https://ai.googleblog.com/2022/05/language-models-perform-reasoning-via.html)], 2022.1',
      '',
      '1. **Iteratively Prompt Pre-trained Language Models for Chain of Thought.** `EMNLP 2022`',
      '',
      '    *Boshi Wang, Xiang Deng, Huan Sun.* [[Paper](https://arxiv.org/abs/2203.08383)] [[Code](https://github.com/sunlab-osu/iterprompt)]',
      '',
      '1. **Puzzle Solving using Reasoning of Large Language Models: A Survey.** `Preprint`',
      '',
      '    *Panagiotis Giadikiaroglou, Maria Lymperaiou, Giorgos Filandrianos, Giorgos Stamou.* [[Paper](https://arxiv.org/abs/2402.11291)] [[Code](https://puzzlellms.github.io/)], 2024.2',
    ]
    expect(awesomeListFormat.detect(lines.join('\n'), 'README.md')).toBeGreaterThan(0.5)
    const parsed = parse(lines)
    expect(parsed.issues).toEqual([])
    expect(parsed.records.map((r) => [r.title, r.venue, r.date, r.ids, r.raw.links])).toEqual([
      [
        'Chain of Thought Prompting Elicits Reasoning in Large Language Models',
        'NeurIPS 2022',
        '2022-01',
        { arxiv: '2201.11903' },
        ['paper', 'blog'],
      ],
      [
        'Iteratively Prompt Pre-trained Language Models for Chain of Thought',
        'EMNLP 2022',
        '2022',
        { arxiv: '2203.08383' },
        ['paper', 'code'],
      ],
      // `Preprint` is no venue.
      [
        'Puzzle Solving using Reasoning of Large Language Models: A Survey',
        null,
        '2024-02',
        { arxiv: '2402.11291' },
        ['paper', 'code'],
      ],
    ])
    expect(parsed.records[0]?.authors).toHaveLength(9)
    expect(parsed.records[1]?.authors).toEqual(['Boshi Wang', 'Xiang Deng', 'Huan Sun'])
    expect(parsed.records[0]?.topics).toEqual(['Reasoning in Large Language Models - An Emergent Ability'])
  })

  it('keeps capitalised markers and code out of the title', () => {
    // Copied from github.com/atfortes/Awesome-LLM-Reasoning README.md, with its author line on the title line.
    const [record] = parse([
      '## Survey',
      '1. **Reasoning with Language Model Prompting: A Survey.** `ACL 2023` *Shuofei Qiao, Yixin Ou, Ningyu Zhang, Xiang Chen, Yunzhi Yao, Shumin Deng, Chuanqi Tan, Fei Huang, Huajun Chen.* [[Paper](https://arxiv.org/abs/2212.09597)] [[Code](https://github.com/zjunlp/Prompt4ReasoningPapers)], 2022.12',
    ]).records
    expect(record).toMatchObject({
      title: 'Reasoning with Language Model Prompting: A Survey',
      venue: 'ACL 2023',
      date: '2022-12',
      url: 'https://arxiv.org/abs/2212.09597',
    })
    expect(record?.title).not.toMatch(/[[\]`]/)
  })

  it('reads a table of papers: the title column, its date, badges before the title (Hannibal046/Awesome-LLM)', () => {
    // Copied from github.com/Hannibal046/Awesome-LLM README.md (Milestone Papers), and rows of a table with a star
    // badge before the title and a Venue column from github.com/qhy991/Awsome-LLM-Kernel-Agent README.md.
    const parsed = parse([
      '## Milestone Papers',
      '',
      '|   Date  |       keywords       |      Institute     |                                                                                                        Paper                                                                                                       |',
      '|:-------:|:--------------------:|:------------------:|------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------|',
      '| 2017-06 |     Transformers     |       Google       | [Attention Is All You Need](https://arxiv.org/pdf/1706.03762.pdf)                                                                                                                                                  |',
      '| 2023-03 |         GPT 4        |       OpenAI       | [GPT-4 Technical Report](https://openai.com/research/gpt-4)                                                                                                                                                        |',
      '',
      '### 📊 Datasets and Benchmarks',
      '',
      '|  Title  |   Venue  |   Date   |   Code   |   First Author   |   Affiliation   |   Platforms   |',
      '|:--------|:--------:|:--------:|:--------:|:--------:|:--------:|:--------:|',
      '| ![Star](https://img.shields.io/github/stars/ScalingIntelligence/KernelBench.svg?style=social&label=Star) [**KernelBench: Can LLMs Write Efficient GPU Kernels?**](https://arxiv.org/abs/2502.10517) | ICML 2025 | 2025-02 | [GitHub](https://github.com/ScalingIntelligence/KernelBench) | Anne Ouyang | - | `CUDA` |',
    ])
    expect(parsed.records.map((r) => [r.title, r.date, r.venue, r.topics, r.ids, r.authors])).toEqual([
      ['Attention Is All You Need', '2017-06', null, ['Milestone Papers'], { arxiv: '1706.03762' }, []],
      // A row of a paper table is a paper by the list's word, even when its link is a web page.
      ['GPT-4 Technical Report', '2023-03', null, ['Milestone Papers'], {}, []],
      // The first author alone is not the author list: no authors rather than a wrong list.
      [
        'KernelBench: Can LLMs Write Efficient GPU Kernels?',
        '2025-02',
        'ICML 2025',
        // Its heading is an h3, set here under the other README's h2: filed under both, the h2 its parent.
        ['Milestone Papers', '📊 Datasets and Benchmarks'],
        { arxiv: '2502.10517' },
        [],
      ],
    ])
    expect(parsed.issues.map((issue) => [issue.severity, issue.field])).toEqual([
      ['warning', 'authors'],
      ['warning', 'authors'],
      ['warning', 'authors'],
    ])
  })

  it('invents no authors from a description, and passes over a tool that links to no paper (Hannibal046/Awesome-LLM)', () => {
    // Copied from github.com/Hannibal046/Awesome-LLM README.md (Trending LLM Projects; Open LLM).
    const parsed = parse([
      '## Trending LLM Projects',
      '',
      '- [TinyZero](https://github.com/Jiayi-Pan/TinyZero) - Clean, minimal, accessible reproduction of DeepSeek R1-Zero',
      '- [Qwen2.5-Max](https://qwenlm.github.io/blog/qwen2.5-max/) - Exploring the Intelligence of Large-scale MoE Model.',
      '',
      '## Open LLM',
      '  - [DeepSeek-Math-7B](https://huggingface.co/collections/deepseek-ai/deepseek-math-65f2962739da11599e441681)',
      '- [DeepSeek-v2-236B-MoE](https://arxiv.org/abs/2405.04434)',
    ])
    // A list item that is only a link to a paper is its entry, under the list's name for it.
    expect(parsed.records.map((r) => [r.title, r.authors, r.ids])).toEqual([
      ['DeepSeek-v2-236B-MoE', [], { arxiv: '2405.04434' }],
    ])
    expect(parsed.issues.map((issue) => [issue.severity, issue.line])).toEqual([
      ['rejected', 3],
      ['rejected', 4],
      ['warning', 8],
    ])
  })

  it('takes a title link after its authors for the title, and a note under it for no author (yunfeimath/Theory-of-neural-networks)', () => {
    // Copied from github.com/yunfeimath/Theory-of-neural-networks README.md, a list on deep learning theory.
    const parsed = parse([
      '### Experiments',
      '',
      '- C. Zhang, S. Bengio, M. Hardt, B. Recht and O. Vinyals. [Understanding deep learning requires rethinking generalization](https://arxiv.org/abs/1611.03530)',
      '',
      '- T. Serra, C. Tjandraatmadja, and S. Ramalingam. [Bounding and counting linear regions of deep neural networks](https://arxiv.org/abs/1711.02114)',
      '  - Estimates of the maximum number of linear regions.',
      '',
      '- Z. Lu, H. Pu, F. Wang, Z. Hu and L. Wang [The expressive power of neural networks: A view from the width](https://arxiv.org/abs/1709.02540)',
    ])
    expect(parsed.records.map((r) => [r.title, r.authors, r.ids, r.topics])).toEqual([
      [
        'Understanding deep learning requires rethinking generalization',
        ['C. Zhang', 'S. Bengio', 'M. Hardt', 'B. Recht', 'O. Vinyals'],
        { arxiv: '1611.03530' },
        ['Experiments'],
      ],
      [
        'Bounding and counting linear regions of deep neural networks',
        ['T. Serra', 'C. Tjandraatmadja', 'S. Ramalingam'],
        { arxiv: '1711.02114' },
        ['Experiments'],
      ],
      [
        'The expressive power of neural networks: A view from the width',
        ['Z. Lu', 'H. Pu', 'F. Wang', 'Z. Hu', 'L. Wang'],
        { arxiv: '1709.02540' },
        ['Experiments'],
      ],
    ])
    expect(parsed.issues).toMatchObject([{ severity: 'warning', code: 'PARSE_FAILED', line: 6 }])
  })

  it('reads a badge, a bold title and its authors after <br> (a publications page in the AcadHomepage layout)', () => {
    // Copied (uncommented) from a researcher's AcadHomepage `_pages/about.md` found in the code index: a venue badge
    // before the title, authors with equal-contribution marks, a paper link shown as a badge without alt text.
    const [record, ...others] = parse([
      '## Publications',
      '- ![](https://img.shields.io/badge/ACL--Demo--2025-darkblue) **Multi-Programming Language Sandbox for LLMs**',
      '<br> Shihan Dou\\*, Jiazheng Zhang\\*, Jianxiang Zang\\*, Yunbo Tao, Weikang Zhou, Haoxiang Jia, **Shichun Liu**, Yuming Yang',
      '<br> [![](https://img.shields.io/badge/Paper-fff?logo=readthedocs&logoColor=000)](https://aclanthology.org/2025.acl-demo.5.pdf) \\| [![](https://img.shields.io/badge/Code-fff?logo=github&logoColor=000)](https://github.com/Ablustrund/MPLSandbox)',
    ]).records
    expect(others).toEqual([])
    expect(record).toMatchObject({
      title: 'Multi-Programming Language Sandbox for LLMs',
      authors: [
        'Shihan Dou',
        'Jiazheng Zhang',
        'Jianxiang Zang',
        'Yunbo Tao',
        'Weikang Zhou',
        'Haoxiang Jia',
        'Shichun Liu',
        'Yuming Yang',
      ],
      url: 'https://aclanthology.org/2025.acl-demo.5.pdf',
      raw: { links: ['paper', 'code'] },
    })
  })

  it('changes nothing when a list read this way is imported again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-beside-title-'))
    try {
      const list = join(dir, 'README.md')
      // Copied from github.com/terryum/awesome-deep-learning-papers README.md.
      writeFileSync(
        list,
        [
          '### Unsupervised / Generative Models',
          '- **Pixel recurrent neural networks** (2016), A. Oord et al. [[pdf]](http://arxiv.org/pdf/1601.06759v2.pdf)',
          '- **Improved techniques for training GANs** (2016), T. Salimans et al. [[pdf]](http://papers.nips.cc/paper/6125-improved-techniques-for-training-gans.pdf)',
          '- **Auto-encoding variational Bayes** (2013), D. Kingma and M. Welling [[pdf]](http://arxiv.org/pdf/1312.6114)',
        ].join('\n'),
      )
      const args = ['--db', join(dir, 'library.db'), 'import', list, '--no-analyze']
      expect((await runCliCaptured(args)).out).toMatch(/^total +3 +3 +0 +0 +0 +0$/m)
      expect((await runCliCaptured(args)).out).toMatch(/^total +3 +0 +0 +0 +3 +0$/m)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('faults of real READMEs read as papers (session 28)', () => {
  const ctx = { input: 'lists/README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }
  const parse = (lines: readonly string[]) => awesomeListFormat.parse(lines.join('\n'), ctx)

  it('takes no labelled note or `Anonymous Authors` under an item for its authors (opendilab/awesome-diffusion-model-in-rl)', () => {
    // Copied from github.com/opendilab/awesome-diffusion-model-in-rl README.md.
    const parsed = parse([
      '### ICLR 2024',
      '',
      '- [DMBP: Diffusion model based predictor for robust offline reinforcement learning against state observation perturbations](https://openreview.net/forum?id=ZULjcYLWKe)',
      '  - Anonymous Authors',
      '  - Publisher:  ICLR 2024',
      '  - Key: Robust Reinforcement Learning, Offline Reinforcement Learning, Diffusion Models',
      '  - Code: [official](https://github.com/wrk8/DMBP)',
      '  - ExpEnv: [D4RL](https://github.com/rail-berkeley/d4rl)',
      '',
      '- [Efficient Planning with Latent Diffusion](https://openreview.net/forum?id=btpgDo4u4j)',
      '  - Wenhao Li',
      '  - Publisher:  ICLR 2024',
      '  - Key: Offline Decision-Making, Offline Reinforcement Learning, Generative Model, Diffusion Model',
      '  - Code: [official]()',
      '  - ExpEnv: [D4RL](https://github.com/rail-berkeley/d4rl)',
    ])
    expect(
      parsed.records.map(({ title, authors, venue, date, keywords }) => ({
        title,
        authors,
        venue,
        date,
        keywords,
      })),
    ).toEqual([
      {
        title:
          'DMBP: Diffusion model based predictor for robust offline reinforcement learning against state observation perturbations',
        authors: [],
        venue: 'ICLR 2024',
        date: '2024',
        keywords: ['Robust Reinforcement Learning', 'Offline Reinforcement Learning', 'Diffusion Models'],
      },
      {
        title: 'Efficient Planning with Latent Diffusion',
        authors: ['Wenhao Li'],
        venue: 'ICLR 2024',
        date: '2024',
        keywords: [
          'Offline Decision-Making',
          'Offline Reinforcement Learning',
          'Generative Model',
          'Diffusion Model',
        ],
      },
    ])
    expect(parsed.records[1]?.raw).toMatchObject({ notes: ['Code: official', 'ExpEnv: D4RL'] })
    // The warnings name what is missing and the line that reads as no one; the labelled notes warn of nothing.
    expect(parsed.issues.map(({ line, code, field }) => ({ line, code, field }))).toEqual([
      { line: 3, code: 'MISSING_FIELD', field: 'authors' },
      { line: 4, code: 'PARSE_FAILED', field: undefined },
    ])
  })

  it('reads a camel-case surname, BibTeX-order names and starred names (atfortes/Awesome-LLM-Reasoning, jason718/awesome-self-supervised-learning)', () => {
    // Copied from the READMEs of github.com/atfortes/Awesome-LLM-Reasoning and jason718/awesome-self-supervised-learning.
    const parsed = parse([
      '## Technique',
      '1. **Can Retriever-Augmented Language Models Reason? The Blame Game Between the Retriever and the Language Model.** `Preprint`',
      '',
      '    *Parishad BehnamGhader, Santiago Miret, Siva Reddy.* [[Paper](https://arxiv.org/abs/2212.09146)] [[Code](https://github.com/McGill-NLP/retriever-lm-reasoning)], 2022.12',
      '',
      '#### 2015',
      '- Unsupervised Visual Representation Learning by Context Prediction.',
      '  [[pdf]](https://arxiv.org/abs/1505.05192)',
      '  [[code]](http://graphics.cs.cmu.edu/projects/deepContext/)',
      '  - Doersch, Carl and Gupta, Abhinav and Efros, Alexei A. *ICCV 2015*',
      '',
      '- Self-supervised learning of visual features through embedding images into text topic spaces.',
      '  [[pdf]](https://arxiv.org/pdf/1705.08631.pdf)',
      '  - L. Gomez* and Y. Patel* and M. Rusiñol and D. Karatzas and C.V. Jawahar. *CVPR 2017*',
      '',
      '- Unsupervised Representation Learning by Sorting Sequences. ',
      '  [[pdf]](https://arxiv.org/pdf/1708.01246.pdf) ',
      '  - Hsin-Ying Lee, Jia-Bin Huang, Maneesh Kumar Singh, and Ming-Hsuan Yang. *ICCV 2017*',
      '',
      '- Self-Supervised Feature Learning by Learning to Spot Artifacts.',
      '  - Simon Jenni and Universität Bern and Paolo Favaro. *CVPR 2018*',
    ])
    expect(parsed.records.map(({ authors }) => authors)).toEqual([
      ['Parishad BehnamGhader', 'Santiago Miret', 'Siva Reddy'],
      ['Carl Doersch', 'Abhinav Gupta', 'Alexei A Efros'],
      ['L. Gomez', 'Y. Patel', 'M. Rusiñol', 'D. Karatzas', 'C.V. Jawahar'],
      ['Hsin-Ying Lee', 'Jia-Bin Huang', 'Maneesh Kumar Singh', 'Ming-Hsuan Yang'],
      // A university among the names: the line is no author line, and nothing is invented.
      [],
    ])
  })

  it('imports the rows of a table of tools as no papers (an awesome list of Java projects)', () => {
    // Copied from a README found by `| Name | Description | Stars |`: its rows are projects, none links a paper.
    const parsed = parse([
      '### Architecture',
      '',
      '| Name | Description | Stars | Updated | License |',
      '| :--- | :---------- | :---: | :-----: | :-----: |',
      '| [ArchUnit](https://github.com/TNG/ArchUnit) | Unit test architecture rules with a fluent Java API; catches violations at build time. | 3.6k | 3d | Apache-2.0 |',
      '| [jMolecules](https://github.com/xmolecules/jmolecules) | Express DDD, hexagonal, and layered architecture concepts directly in code with type-safe annotations. | 1.5k | 1mo | Apache-2.0 |',
    ])
    expect(parsed.records).toEqual([])
    expect(parsed.issues).toEqual([])
  })

  it('takes the title from the Paper column over a Name label, and a labelled paper link under its name', () => {
    // Copied from two READMEs found by `| Name | Paper | Code |`: a benchmark list and a paper list's appendix.
    const parsed = parse([
      '### Benchmarks',
      '| Name | Paper | Code | Description |',
      '|------|-------|------|-------------|',
      '| ToolLLM | [Toolllm: Facilitating large language models to master 16000+ real-world apis](https://arxiv.org/abs/2307.16789) (Qin et al., 2023) | [Code](https://github.com/OpenBMB/ToolBench) | Comprehensive benchmark for API utility |',
      '',
      '### A. Paper List',
      '',
      '| # | Name | Paper | Code | Venue |',
      '|---|------|-------|------|-------|',
      '| 1 | **SageAttention v1** | [arxiv:2410.02367](https://arxiv.org/abs/2410.02367) | [thu-ml/SageAttention](https://github.com/thu-ml/SageAttention) | ICLR 2025 |',
    ])
    expect(parsed.records.map(({ title, venue, ids }) => ({ title, venue, ids }))).toEqual([
      {
        title:
          'Toolllm: Facilitating large language models to master 16000+ real-world apis (Qin et al., 2023)',
        venue: null,
        ids: { arxiv: '2307.16789' },
      },
      { title: 'SageAttention v1', venue: 'ICLR 2025', ids: { arxiv: '2410.02367' } },
    ])
  })

  it('reads `Arxiv 2021` beside a title as no venue, keeping its year (awesome-NeRF/awesome-NeRF)', () => {
    // Copied from github.com/awesome-NeRF/awesome-NeRF README.md.
    const parsed = parse([
      '#### Deformable',
      '- [Neural Articulated Radiance Field](https://github.com/nogu-atsu/NARF), Noguchi et al., Arxiv 2021 | [bibtex](./citations/narf.txt)',
      '- [CLA-NeRF: Category-Level Articulated Neural Radiance Field](https://arxiv.org/abs/2202.00181), Tseng et al., ICRA 2022 | [bibtex](./citations/cla-nerf.txt)',
    ])
    expect(parsed.records.map(({ venue, date, raw }) => ({ venue, date, printed: raw['venue'] }))).toEqual([
      { venue: null, date: '2021', printed: 'Arxiv 2021' },
      { venue: 'ICRA 2022', date: '2022', printed: 'ICRA 2022' },
    ])
  })

  it("gives no paper the list's own title for a topic, and reads papers after a leading Contributing section", () => {
    // Copied from the READMEs of github.com/Hannibal046/Awesome-LLM and jason718/awesome-self-supervised-learning.
    const llm = parse([
      '# Awesome-LLM [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)',
      '| Date | keywords | Institute | Paper |',
      '|:-------:|:--------------------:|:------------------:|-----------|',
      '| 2017-06 | Transformers | Google | [Attention Is All You Need](https://arxiv.org/pdf/1706.03762.pdf) |',
    ])
    expect(llm.records.map(({ title, topics }) => ({ title, topics }))).toEqual([
      { title: 'Attention Is All You Need', topics: [] },
    ])
    const ssl = parse([
      '# Awesome Self-Supervised Learning[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)',
      '## Contributing',
      'Please help contribute this list by contacting [me](https://jason718.github.io/) or add [pull request](https://github.com/jason718/Awesome-Self-Supervised-Learning/pulls)',
      '## Computer Vision',
      '### Image Representation Learning',
      '#### 2015',
      '- Learning to See by Moving. ',
      '  [[pdf]](http://arxiv.org/abs/1505.01596)',
      '  - Agrawal, Pulkit and Carreira, Joao and Malik, Jitendra. *ICCV 2015*',
      '## Contributing',
      '- Paper Name. ',
    ])
    // `#### 2015` is the year of the papers under it, not a topic: the topics stay the headings above it.
    expect(ssl.records.map(({ title, topics, date }) => ({ title, topics, date }))).toEqual([
      {
        title: 'Learning to See by Moving',
        topics: ['Computer Vision', 'Image Representation Learning'],
        date: '2015',
      },
    ])
  })

  it('detects real awesome READMEs confidently and a project README not at all', () => {
    // Copied from github.com/terryum/awesome-deep-learning-papers README.md.
    const terryum = [
      '# Awesome - Most Cited Deep Learning Papers',
      '### Understanding / Generalization / Transfer',
      '- **Distilling the knowledge in a neural network** (2015), G. Hinton et al. [[pdf]](http://arxiv.org/pdf/1503.02531)',
      '- **Deep neural networks are easily fooled: High confidence predictions for unrecognizable images** (2015), A. Nguyen et al. [[pdf]](http://arxiv.org/pdf/1412.1897)',
      '- **How transferable are features in deep neural networks?** (2014), J. Yosinski et al. [[pdf]](http://papers.nips.cc/paper/5347-how-transferable-are-features-in-deep-neural-networks.pdf)',
      '- **CNN features off-the-Shelf: An astounding baseline for recognition** (2014), A. Razavian et al. [[pdf]](http://www.cv-foundation.org//openaccess/content_cvpr_workshops_2014/W15/papers/Razavian_CNN_Features_Off-the-Shelf_2014_CVPR_paper.pdf)',
      '- **Visualizing and understanding convolutional networks** (2014), M. Zeiler and R. Fergus [[pdf]](http://arxiv.org/pdf/1311.2901)',
    ].join('\n')
    expect(awesomeListFormat.detect(terryum, 'README.md')).toBeGreaterThanOrEqual(0.9)
    // Paperscope's own README: a list item shows the Markdown an awesome list writes, in code.
    const project = [
      '## What the library does with the corpus',
      '- Every entry is a paper or a named rejection (file, line, reason); the import goes on past bad entries.',
      "- An awesome list is read as its Markdown source too (the repository's `README.md` as downloaded: `## Section`,",
      '  `### Section: 2023`, `- Title. [[paper]](url)`, nested author, `Key Word:` and `<details><summary>Digest`',
      '  lines) with the same records as the page GitHub renders, plus the paper link and the arXiv id or DOI it names;',
      '- Text files are read with any line ends (Windows, Unix, classic Mac).',
    ].join('\n')
    expect(awesomeListFormat.detect(project, 'README.md')).toBeLessThan(0.5)
  })
})

describe('layouts and headings of real READMEs that read nothing before (session 29)', () => {
  const ctx = { input: 'lists/README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }
  const parse = (lines: readonly string[]) => awesomeListFormat.parse(lines.join('\n'), ctx)
  const fixture = (name: string) =>
    readFileSync(new URL(`../../../test/fixtures/awesome-list/${name}`, import.meta.url), 'utf8')
  const lineOf = (text: string, start: string) =>
    text.split('\n').findIndex((line) => line.startsWith(start)) + 1

  describe('a bold paragraph per paper (diff-usion/Awesome-Diffusion-Models, README.md)', () => {
    const text = fixture('diff-usion-awesome-diffusion-models.md')
    const parsed = awesomeListFormat.parse(text, ctx)
    const byTitle = (title: string): SourceRecord => {
      const record = parsed.records.find((candidate) => candidate.title === title)
      if (!record) throw new Error(`no record "${title}"`)
      return record
    }

    it('is detected as an awesome list', () => {
      expect(awesomeListFormat.detect(text, 'README.md')).toBeGreaterThanOrEqual(0.9)
    })

    it('reads each paragraph that links its paper as an entry, and no blog post or video', () => {
      // The innermost heading (`### Image Generation` under `## Vision`, under `# Papers`, which holds them).
      expect(parsed.records.map(({ title, topics }) => [topics.at(-1), title])).toEqual([
        ['Introductory Papers', 'A Connection Between Score Matching and Denoising Autoencoders'],
        ['Introductory Papers', 'Bayesian Learning via Stochastic Gradient Langevin Dynamics'],
        ['Introductory Papers', 'Understanding Diffusion Models: A Unified Perspective'],
        ['Image Generation', 'Enhancing Diffusion-Based Image Synthesis with Robust Classifier Guidance'],
        ['Image Generation', 'Your ViT is Secretly a Hybrid Discriminative-Generative Diffusion Model'],
        [
          'Image Generation',
          'Maximum Likelihood Training for Score-Based Diffusion ODEs by High-Order Denoising Score Matching',
        ],
        ['Image Generation', 'Accelerating Diffusion Models via Early Stop of the Diffusion Process'],
        ['Image Generation', 'A Continuous Time Framework for Discrete Denoising Models'],
        ['Applications', 'Recommendation via Collaborative Diffusion Generative Model'],
        ['Applications', 'Stochastic Trajectory Prediction via Motion Indeterminacy Diffusion'],
        ['Applications', 'Crystal Diffusion Variational Autoencoder for Periodic Material Generation'],
      ])
      expect(parsed.issues).toEqual([])
    })

    it('reads its authors, venue, date and paper link from the lines under the title', () => {
      expect(
        byTitle('Your ViT is Secretly a Hybrid Discriminative-Generative Diffusion Model'),
      ).toMatchObject({
        line: lineOf(text, '**Your ViT'),
        // `<sup>1</sup>` marks equal contribution; `arXiv 2022` is a preprint, no venue; the date line is the day.
        authors: ['Xiulong Yang', 'Sheng-Min Shih', 'Yinlin Fu', 'Xiaoting Zhao', 'Shihao Ji'],
        venue: null,
        date: '2022-08',
        url: 'https://arxiv.org/abs/2208.07791',
        ids: { arxiv: '2208.07791' },
        raw: { links: ['paper'] },
      })
      expect(byTitle('Accelerating Diffusion Models via Early Stop of the Diffusion Process')).toMatchObject({
        authors: ['Zhaoyang Lyu', 'Xudong Xu', 'Ceyuan Yang', 'Dahua Lin', 'Bo Dai'],
        venue: 'ICML 2022',
        date: '2022-05',
      })
      // The Paper link of a publisher's page; the title line closes with `\ ` (a space after the break).
      expect(byTitle('Recommendation via Collaborative Diffusion Generative Model')).toMatchObject({
        venue: 'KSEM 2022',
        url: 'https://link.springer.com/chapter/10.1007/978-3-031-10989-8_47',
        date: '2022-07',
      })
      // `ICML 2011` over `20 Apr 2022`: the later date is when the list took it in, not when the paper came out.
      expect(byTitle('Bayesian Learning via Stochastic Gradient Langevin Dynamics')).toMatchObject({
        authors: ['Max Welling', 'Yee Whye Teh'],
        venue: 'ICML 2011',
        date: '2011',
      })
    })
  })

  it('reads a venue with its presentation (`ICCV 2021 (Oral)`) under a bold title (diff-usion/Awesome-Diffusion-Models)', () => {
    // Copied from github.com/diff-usion/Awesome-Diffusion-Models README.md (### Super Resolution, ### Image Editing).
    const parsed = parse([
      '### Image Editing',
      '',
      '**ILVR: Conditioning Method for Denoising Diffusion Probabilistic Models** \\',
      '*Jooyoung Choi, Sungwon Kim, Yonghyun Jeong, Youngjune Gwon, Sungroh Yoon* \\',
      'ICCV 2021 (Oral). [[Paper](https://arxiv.org/abs/2108.02938)] [[Github](https://github.com/jychoi118/ilvr_adm)] \\',
      '6 Aug 2021 ',
      '',
      '**Tackling the Generative Learning Trilemma with Denoising Diffusion GANs** \\',
      '*Zhisheng Xiao, Karsten Kreis, Arash Vahdat* \\',
      'ICLR 2022 (Spotlight). [[Paper](https://arxiv.org/abs/2112.07804)] [[Project](https://nvlabs.github.io/denoising-diffusion-gan)] \\',
      '15 Dec 2021',
    ])
    expect(parsed.records.map(({ venue, date, authors }) => [venue, date, authors.length])).toEqual([
      ['ICCV 2021 (Oral)', '2021-08', 5],
      ['ICLR 2022 (Spotlight)', '2021-12', 3],
    ])
  })

  describe('a heading per paper (Meirtz/Awesome-LLM-Model-Editing, README.md)', () => {
    const text = fixture('meirtz-awesome-llm-model-editing.md')
    const parsed = awesomeListFormat.parse(text, ctx)

    it('is detected as an awesome list', () => {
      expect(awesomeListFormat.detect(text, 'README.md')).toBeGreaterThanOrEqual(0.9)
    })

    it('reads each heading that links a paper as an entry, its summary as a note, its date heading as no topic', () => {
      expect(parsed.records.map(({ title, url, ids, topics }) => ({ title, url, ids, topics }))).toEqual(
        [
          ['Neurosymbolic AI approach to Attribution in Large Language Models', '2410.03726'],
          ['Revisiting the Superficial Alignment Hypothesis', '2410.03717'],
          ['Reasoning Elicitation in Language Models via Counterfactual Feedback', '2410.03767'],
          ['A Pluggable Common Sense-Enhanced Framework for Knowledge Graph Completion', '2410.04488'],
          [
            'Augmenting Black-box LLMs with Medical Textbooks for Biomedical Question Answering',
            '2309.02233',
          ],
          [
            'Model Editing Harms General Abilities of Large Language Models: Regularization to the Rescue',
            '2401.04700',
          ],
        ].map(([title, arxiv]) => ({
          title,
          url: `https://arxiv.org/pdf/${arxiv}`,
          ids: { arxiv },
          // `## Daily Updates` and `### 2024-10-09` log when the list took the paper in: neither is a topic.
          topics: [],
        })),
      )
      const first = parsed.records[0]
      expect(first?.line).toBe(lineOf(text, '### 1. '))
      expect(first?.raw.notes).toEqual([
        expect.stringMatching(/^Summary: The paper proposes a Neurosymbolic AI/),
      ])
      // The layout names no authors: each entry says so, none is invented from the summary.
      expect(parsed.records.every((record) => record.authors.length === 0)).toBe(true)
      expect(
        new Set(parsed.issues.map(({ severity, code, field }) => `${severity} ${code} ${field}`)),
      ).toEqual(new Set(['warning MISSING_FIELD authors']))
    })

    it('takes `(Published in Findings of EMNLP 2024)` out of the title as its venue', () => {
      expect(parsed.records[4]).toMatchObject({ venue: 'Findings of EMNLP 2024', date: '2024' })
    })

    it('reads a heading that links a paper over items that link papers as their section, not as an entry', () => {
      const survey = parse([
        '## Surveys',
        '### [A Survey of Large Language Models](https://arxiv.org/abs/2303.18223)',
        '- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)',
        '  - Ashish Vaswani, Noam Shazeer',
      ])
      expect(survey.records.map(({ title, topics }) => ({ title, topics }))).toEqual([
        { title: 'Attention Is All You Need', topics: ['Surveys', 'A Survey of Large Language Models'] },
      ])
    })
  })

  it('reads a venue heading as the venue of the entries under it, keeping the topic above it (linhlpv/Off2OnRL-awesome-papers)', () => {
    // Copied from github.com/linhlpv/Off2OnRL-awesome-papers README.md: `## Papers`, a year heading, then venues.
    const parsed = parse([
      '## Papers',
      '#### Preprints',
      '- [MOORe: Model-based Offline-to-Online Reinforcement Learning](https://arxiv.org/abs/2201.10070v1)',
      '    - Yihuan Mao, Chao Wang, Bin Wang, Chongjie Zhang. arXiv 2022. 01/2022.',
      '',
      '#### Submitted ICLR 2026   ',
      '- [The Three Regimes of Offline-to-Online Reinforcement Learning](https://openreview.net/pdf/74060f4d6c443ffee85396a060e92d6db266182f.pdf)',
      '',
      '### 2023',
      '#### NeurIPS 2023',
      '- [Policy Finetuning in Reinforcement Learning via Design of Experiments using Offline Data](https://arxiv.org/abs/2307.04354)',
      '    - Ruiqi Zhang, Andrea Zanette. NeurIPS 2023.',
      '#### ICML 2023',
      '- [Leveraging Offline Data in Online Reinforcement Learning](https://arxiv.org/abs/2211.04974v2)',
      '    - Andrew Wagenmaker, Aldo Pacchiano. ICML 2023. 11/2022.',
      '### 2022',
      '#### RSS 2022',
      '- [Pre-Training for Robots: Offline RL Enables Learning New Tasks from a Handful of Trials](https://arxiv.org/abs/2210.05178)',
      '    - Aviral Kumar, Anikait Singh, Frederik Ebert, Mitsuhiko Nakamoto, Yanlai Yang, Chelsea Finn, Sergey Levine. RSS. 10/2022.',
      '',
      '',
      '### Multi-Agent Reinforcement Learning',
      '- [Online Tuning for Offline Decentralized Multi-Agent Reinforcement Learning](https://ojs.aaai.org/index.php/AAAI/article/view/25973)',
      '    - Jiechuan Jiang, Zongqing Lu. AAAI 2023.',
    ])
    expect(
      parsed.records.map(({ topics, venue, date, authors }) => [topics[0], venue, date, authors.at(-1)]),
    ).toEqual([
      // `arXiv 2022` is no venue; `01/2022` ending the author line is when the paper came out.
      ['Preprints', null, '2022-01', 'Chongjie Zhang'],
      ['Submitted ICLR 2026', null, null, undefined],
      // `### 2023` and `#### NeurIPS 2023` are no topics: the entries stay under `## Papers`.
      ['Papers', 'NeurIPS 2023', '2023', 'Andrea Zanette'],
      ['Papers', 'ICML 2023', '2022-11', 'Aldo Pacchiano'],
      // What the entry prints wins over its heading, which completes `RSS` with its year.
      ['Papers', 'RSS 2022', '2022-10', 'Sergey Levine'],
      ['Multi-Agent Reinforcement Learning', 'AAAI 2023', '2023', 'Zongqing Lu'],
    ])
    expect(parsed.issues.map(({ code, line }) => [code, line])).toEqual([['MISSING_FIELD', 7]])
  })

  it('reads a venue heading with emoji, and a name before the title in parentheses (Little-Podi/Collaborative_Perception)', () => {
    // Copied from github.com/Little-Podi/Collaborative_Perception README.md.
    const parsed = parse([
      '## :bookmark:Method and Framework',
      '',
      '### ICLR 2023:tada::tada::tada:',
      '',
      '### WACV 2023',
      '',
      '- **AdaFusion** (Adaptive Feature Fusion for Cooperative Perception Using LiDAR Point Clouds) [[paper](https://arxiv.org/abs/2208.00116)] [[code](https://github.com/DonghaoQiao/Adaptive-Feature-Fusion-for-Cooperative-Perception)]',
      '  - Mode: Intermediate Collaboration',
      '  - Dataset: OPV2V, CODD',
      '  - Task: Detection',
      '  - Input: Point Cloud',
      '',
      '### CVPR 2022:tada::tada::tada:',
      '',
      '- **Coopernaut** (COOPERNAUT: End-to-End Driving with Cooperative Perception for Networked Vehicles) [[paper](https://arxiv.org/abs/2205.02222)] [[code](https://github.com/UT-Austin-RPL/Coopernaut)]',
      '  - Mode: Intermediate Collaboration',
    ])
    expect(parsed.records.map(({ title, topics, venue, ids }) => ({ title, topics, venue, ids }))).toEqual([
      {
        title: 'Adaptive Feature Fusion for Cooperative Perception Using LiDAR Point Clouds',
        topics: ['Method and Framework'],
        venue: 'WACV 2023',
        ids: { arxiv: '2208.00116' },
      },
      {
        title: 'COOPERNAUT: End-to-End Driving with Cooperative Perception for Networked Vehicles',
        topics: ['Method and Framework'],
        venue: 'CVPR 2022',
        ids: { arxiv: '2205.02222' },
      },
    ])
  })

  it('imports a title that is only a name when it links to its paper, and else names the line and goes on', () => {
    const parsed = parse([
      '## Models',
      '- [GPT-4](https://arxiv.org/abs/2303.08774)',
      '  - OpenAI Team',
      '- [LLaMA](https://github.com/facebookresearch/llama)',
      '  - Hugo Touvron, Thibaut Lavril, Gautier Izacard',
      '- [Mistral 7B](https://mistral.ai/news/announcing-mistral-7b/), Albert Q. Jiang et al.',
      '- [Llama 2: Open Foundation and Fine-Tuned Chat Models](https://ai.meta.com/llama/)',
      '  - Hugo Touvron, Louis Martin',
    ])
    expect(parsed.records.map(({ title, ids }) => ({ title, ids }))).toEqual([
      { title: 'GPT-4', ids: { arxiv: '2303.08774' } },
      { title: 'Llama 2: Open Foundation and Fine-Tuned Chat Models', ids: {} },
    ])
    const rejected = parsed.issues.filter((issue) => issue.severity === 'rejected')
    expect(rejected.map(({ code, line, field }) => ({ code, line, field }))).toEqual([
      { code: 'INVALID_VALUE', line: 4, field: 'title' },
      { code: 'INVALID_VALUE', line: 6, field: 'title' },
    ])
    expect(rejected[0]?.message).toMatch(/^line 4: "LLaMA" is only a name .* links to no paper/)
    expect(rejected[1]?.message).toMatch(/^line 6: "Mistral 7B" is only a name/)
  })

  it('reads surnames in capitals and lower-case particles as names, and no organisation or sentence', () => {
    const parsed = parse([
      '## Classics',
      '- **Gradient-based learning applied to document recognition** (1998), Yann LeCUN, Léon Bottou [[pdf]](http://yann.lecun.com/exdb/publis/pdf/lecun-01a.pdf)',
      '- **Some Chinese Title Here About Graphs** (2020), ZHANG Wei, LI Ming, Xudong XU [[pdf]](https://arxiv.org/pdf/2001.00001)',
      '- **Visualizing Data using t-SNE** (2008), L. van der Maaten and G. Hinton [[pdf]](https://jmlr.org/papers/v9/vandermaaten08a.html)',
      '- **Learning to learn by gradient descent by gradient descent** (2016), de Freitas et al. [[pdf]](https://arxiv.org/pdf/1606.04474)',
      '- **Kitab al-Manazir Revisited** (2021), Abu Ali al-Hasan, Ludwig van Beethoven II [[pdf]](https://arxiv.org/pdf/2101.00001)',
      '- **A Model Card** (2023), Meta AI [[pdf]](https://arxiv.org/pdf/2302.13971)',
      '- **A Team Report** (2023), MIT CSAIL, Hinton GE [[pdf]](https://arxiv.org/pdf/2302.13972)',
      '- **A Study of Things** (2023), We STUDY this in DETAIL [[pdf]](https://arxiv.org/pdf/2302.13973)',
    ])
    expect(parsed.records.map((record) => record.authors)).toEqual([
      ['Yann LeCun', 'Léon Bottou'],
      ['Zhang Wei', 'Li Ming', 'Xudong Xu'],
      ['L. van der Maaten', 'G. Hinton'],
      ['de Freitas'],
      ['Abu Ali al-Hasan', 'Ludwig van Beethoven II'],
      [],
      [],
      [],
    ])
    for (const name of ['Hinton GE', 'MIT CSAIL', 'NVIDIA Research', 'ZHANG', 'GPT Four'])
      expect(looksLikePersonName(name), name).toBe(false)
  })

  it('reads a name all in capitals among authors set apart by ` · `, and no institution in capitals', () => {
    // The GNOT entry copied from a README titled `# Neural-Operator` ("a collection of research papers on neural
    // operators", `### ICML 2023`; found by its text, repository not recorded): authors as icml.cc prints them.
    const parsed = parse([
      '## ICML 2023',
      '',
      '- [GNOT: A General Neural Operator Transformer for Operator Learning](https://proceedings.mlr.press/v202/hao23c/hao23c.pdf)',
      '    - Zhongkai Hao · Zhengyi Wang · Hang Su · Chengyang Ying · Yinpeng Dong · LIU SONGMING · Ze Cheng · Jian Song · Jun Zhu',
      '    - Key: general neural operator transformer (GNOT)',
      '- **A Team Report** (2023), UC BERKELEY, GOOGLE BRAIN [[pdf]](https://arxiv.org/pdf/2302.13972)',
    ])
    expect(parsed.records.map((record) => record.authors)).toEqual([
      [
        'Zhongkai Hao',
        'Zhengyi Wang',
        'Hang Su',
        'Chengyang Ying',
        'Yinpeng Dong',
        'Liu Songming',
        'Ze Cheng',
        'Jian Song',
        'Jun Zhu',
      ],
      [],
    ])
  })
})

describe('a bold short name over its title in parentheses (Little-Podi/Collaborative_Perception, README.md)', () => {
  const ctx = { input: 'lists/README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }
  const text = readFileSync(
    new URL('../../../test/fixtures/awesome-list/little-podi-collaborative-perception.md', import.meta.url),
    'utf8',
  )
  const parsed = awesomeListFormat.parse(text, ctx)
  const lineOf = (start: string) => text.split('\n').findIndex((line) => line.startsWith(start)) + 1

  it('reads the title in parentheses, after a tag (`{Related}`), a name in capitals or of two words', () => {
    expect(awesomeListFormat.detect(text, 'README.md')).toBeGreaterThanOrEqual(0.9)
    const titles = parsed.records.map((record) => record.title)
    expect(titles).toHaveLength(22)
    expect(titles).toEqual(
      expect.arrayContaining([
        // `- {Related} **CO3** (…) [[paper&review](https://openreview.net/…)]`: the tag and the link form.
        'CO3: Cooperative Unsupervised 3D Representation Learning for Autonomous Driving',
        // Braces for parentheses, once.
        'BM2CP: Efficient Collaborative Perception with LiDAR-Camera Modalities',
        // A name in capitals is no venue (`**MAMP**`), and a name may have two words.
        'Model-Agnostic Multi-Agent Perception Framework',
        'Uncertainty Quantification of Collaborative Detection for Self-Driving',
        // `[~~code~~]` after the title: no code yet, and no part of the title.
        'What2comm: Towards Communication-Efficient Collaborative Perception via Feature Decoupling',
        'Robust Collaborative Perception against Communication Interruption',
        'Learning from All Vehicles',
      ]),
    )
    // Every entry has a title of its own words, not its short name.
    expect(parsed.records.every((record) => (record.title ?? '').split(' ').length >= 3)).toBe(true)
    expect(parsed.issues.every(({ severity, field }) => severity === 'warning' && field === 'authors')).toBe(
      true,
    )
  })

  it('takes `[[paper&review](url)]` for the paper link, and keeps the tag beside the title', () => {
    const co3 = parsed.records.find((record) => record.line === lineOf('- {Related} **CO3**'))
    expect(co3).toMatchObject({
      url: 'https://openreview.net/forum?id=QUaDoIdgo0',
      venue: 'ICLR 2023',
      topics: ['Method and Framework'],
      raw: { links: ['paper', 'code'], besideTitle: [expect.stringMatching(/^\(CO3: /), '{Related}'] },
    })
    const mate = parsed.records.find((record) => record.line === lineOf('- **MATE**'))
    expect(mate?.raw.links).toEqual(['paper'])
  })

  it('keeps a parenthesised list of people or a year out of the title', () => {
    const names = awesomeListFormat.parse(
      [
        '## Models',
        '- **BERT** (Devlin et al.) [[paper]](https://arxiv.org/abs/1810.04805)',
        '- **Transformer** (Ashish Vaswani, Noam Shazeer and Niki Parmar) [[paper]](https://arxiv.org/abs/1706.03762)',
        '- **ResNet** (2015) [[paper]](https://arxiv.org/abs/1512.03385)',
      ].join('\n'),
      ctx,
    )
    expect(names.records.map(({ title, date }) => [title, date])).toEqual([
      ['BERT', null],
      ['Transformer', null],
      ['ResNet', '2015'],
    ])
    // The people in parentheses are the authors, `et al.` marking the list as cut, as on an author line.
    expect(names.records.map(({ authors, authorsTruncated }) => [authors, authorsTruncated])).toEqual([
      [['Devlin'], true],
      [['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'], false],
      [[], false],
    ])
  })

  it('reads `(Devlin et al.)` after a bold name and `(Liu et al., arXiv 2019)` after a title link as the byline', () => {
    const text = [
      '## Models',
      '- **BERT** (Devlin et al.) [[paper](https://arxiv.org/abs/1810.04805)]',
      '## Language',
      '- [BERT](https://aclanthology.org/N19-1423) (Devlin et al., NAACL 2019)',
      // Copied from a reading list of summarization papers (found by its text, repository not recorded).
      '## Summarization',
      '- [Fine-tune BERT for Extractive Summarization](https://arxiv.org/abs/1903.10318) (Liu et al., arXiv 2019)',
      '- [RoBERTa: A Robustly Optimized BERT Pretraining Approach](https://arxiv.org/abs/1907.11692) (Liu et al., 2019)',
      '- [EDA: Easy Data Augmentation Techniques for Boosting Performance on Text Classification Tasks](https://aclanthology.org/D19-1670) (Wei & Zou, EMNLP-IJCNLP 2019)',
      // Parentheses that name no one stay as they were read: a title after a name, a year.
      '- **AdaFusion** (Adaptive Feature Fusion for Cooperative Perception) [[paper]](https://arxiv.org/abs/2208.00116)',
    ].join('\n')
    const parsed = awesomeListFormat.parse(text, ctx)
    expect(parsed.issues.filter(({ severity }) => severity === 'rejected')).toEqual([])
    expect(
      parsed.records.map(({ title, authors, authorsTruncated, venue, date }) => ({
        title,
        authors,
        authorsTruncated,
        venue,
        date,
      })),
    ).toEqual([
      { title: 'BERT', authors: ['Devlin'], authorsTruncated: true, venue: null, date: null },
      { title: 'BERT', authors: ['Devlin'], authorsTruncated: true, venue: 'NAACL 2019', date: '2019' },
      {
        title: 'Fine-tune BERT for Extractive Summarization',
        authors: ['Liu'],
        authorsTruncated: true,
        venue: null,
        date: '2019',
      },
      {
        title: 'RoBERTa: A Robustly Optimized BERT Pretraining Approach',
        authors: ['Liu'],
        authorsTruncated: true,
        venue: null,
        date: '2019',
      },
      {
        title: 'EDA: Easy Data Augmentation Techniques for Boosting Performance on Text Classification Tasks',
        authors: ['Wei', 'Zou'],
        authorsTruncated: false,
        venue: 'EMNLP-IJCNLP 2019',
        date: '2019',
      },
      {
        title: 'Adaptive Feature Fusion for Cooperative Perception',
        authors: [],
        authorsTruncated: false,
        venue: null,
        date: null,
      },
    ])
  })
})

describe('a README made only of bold paragraphs, one per paper', () => {
  const ctx = { input: 'lists/README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }
  const diffusion = readFileSync(
    new URL('../../../test/fixtures/awesome-list/diff-usion-awesome-diffusion-models.md', import.meta.url),
    'utf8',
  )
  // The diff-usion/Awesome-Diffusion-Models excerpt without its headings and list items (its table of contents).
  const boldOnly = diffusion
    .split('\n')
    .filter((line) => !/^ {0,3}#|^\s*(?:[-*+]|\d+\.)\s/.test(line))
    .join('\n')

  it('is read as Markdown and detected as an awesome list', () => {
    expect(isMarkdownSource(boldOnly.split('\n'))).toBe(true)
    expect(awesomeListFormat.detect(boldOnly, 'README.md')).toBeGreaterThanOrEqual(0.9)
    const parsed = awesomeListFormat.parse(boldOnly, ctx)
    const whole = awesomeListFormat.parse(diffusion, ctx)
    expect(parsed.records.map(({ title, authors, url }) => ({ title, authors, url }))).toEqual(
      whole.records.map(({ title, authors, url }) => ({ title, authors, url })),
    )
    expect(parsed.records).toHaveLength(11)
  })

  it('leaves a project README with bold words and a link alone (Event-AHU/OpenPAR, PromptPAR/README.md)', () => {
    // Its first 11 lines, unchanged: the project's bold line and its paper's title in bold, linked, with authors.
    const project = [
      '<div align="center">',
      ' ',
      ' <img src="https://github.com/Event-AHU/OpenPAR/blob/main/PromptPAR/figures/promptpar_logo.png" width="600">',
      ' ',
      ' **Official PyTorch implementation of "Pedestrian Attribute Recognition via CLIP based Vision-Language Fusion with Prompt Tuning"**',
      ' ',
      ' ------',
      ' ',
      '</div>',
      '',
      '> **[Pedestrian Attribute Recognition via CLIP based Vision-Language Fusion with Prompt Tuning]()**, Xiao Wang, Jiandong Jin, Chenglong Li*, Jin Tang, Cheng Zhang, Wei Wang ',
    ].join('\n')
    expect(awesomeListFormat.detect(project, 'README.md')).toBeLessThan(MIN_DETECT_CONFIDENCE)
    expect(detectFormat(project, 'README.md')).toBeNull()
  })
})

describe('a list indented as a whole under `<details><summary>`', () => {
  it('reads its items as entries and the items under them as their details', () => {
    // Copied from a README titled `# Neural-Operator` ("a collection of research papers on neural operators";
    // found by its text, repository not recorded): each venue folds its list, indented two spaces, in <details>.
    const text = [
      '### ICML 2023',
      '<details>',
      '<summary>Toggle</summary>',
      '',
      '  - [Variational Autoencoding Neural Operators](https://proceedings.mlr.press/v202/seidman23a/seidman23a.pdf)',
      '    - Jacob H. Seidman · Georgios Kissas · George J. Pappas · Paris Perdikaris',
      '    - Key: Variational Autoencoding Neural Operators (VANO)',
      '    - ExpEnv: [Poster](https://icml.cc/media/PosterPDFs/ICML%202023/23841.png?t=1690223752.947732)',
      '',
      '  - [GNOT: A General Neural Operator Transformer for Operator Learning](https://proceedings.mlr.press/v202/hao23c/hao23c.pdf)',
      '    - Zhongkai Hao · Zhengyi Wang · Hang Su · Chengyang Ying · Yinpeng Dong · LIU SONGMING · Ze Cheng · Jian Song · Jun Zhu',
      '    - Key: general neural operator transformer (GNOT)',
      '    - ExpEnv: [Poster](https://icml.cc/media/PosterPDFs/ICML%202023/23985.png?t=1687699316.6204455); [Codes](https://github.com/thu-ml/GNOT)',
      '',
      '</details>',
    ].join('\n')
    const parsed = awesomeListFormat.parse(text, {
      input: 'README.md',
      fetchedAt: '2026-06-01T10:00:00.000Z',
    })
    expect(
      parsed.records.map(({ title, venue, keywords, authors }) => [title, venue, keywords, authors.length]),
    ).toEqual([
      [
        'Variational Autoencoding Neural Operators',
        'ICML 2023',
        ['Variational Autoencoding Neural Operators (VANO)'],
        4,
      ],
      [
        'GNOT: A General Neural Operator Transformer for Operator Learning',
        'ICML 2023',
        ['general neural operator transformer (GNOT)'],
        9,
      ],
    ])
    // An indented item before any heading or HTML is still a detail, as it always was.
    expect(render('  - Ann Lee, Bo Chen').input.lines).toEqual(['    • Ann Lee, Bo Chen'])
  })
})

describe('a task list of papers, `- [x] [CVPR 2019] Title` (Duan-JM/awesome-papers-fewshot, README.md)', () => {
  const ctx = { input: 'lists/README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }
  const fewshot = readFileSync(
    new URL('../../../test/fixtures/awesome-list/duan-jm-awesome-papers-fewshot.md', import.meta.url),
    'utf8',
  )
  const parsed = awesomeListFormat.parse(fewshot, ctx)
  const sourceLines = fewshot.split('\n')
  const items = sourceLines.filter((line) => /^- \[[ x]\] \[/.test(line))
  const byTitle = (start: string) => parsed.records.find((record) => record.title?.startsWith(start))

  it('is detected as an awesome list', () => {
    expect(awesomeListFormat.detect(fewshot, 'README.md')).toBeGreaterThanOrEqual(0.9)
    expect(detectFormat(fewshot, 'README.md')?.format.name).toBe('awesome-list')
  })

  it('reads every item as a paper: its title without the checkbox, its venue and year from the bracket', () => {
    expect(items).toHaveLength(18)
    expect(parsed.records.map(({ line }) => sourceLines[(line ?? 0) - 1])).toEqual(items)
    // Nothing rejected: each item only warns that it names no authors.
    expect(parsed.issues.filter((issue) => issue.severity !== 'warning')).toEqual([])
    expect(parsed.records.every(({ authors }) => authors.length === 0)).toBe(true)
    expect(byTitle('Generating Classification Weights')).toMatchObject({
      title: 'Generating Classification Weights with GNN Denoising Autoencoders for Few-Shot Learning',
      venue: 'CVPR 2019',
      date: '2019',
      topics: ['UnReading'],
    })
    expect(byTitle('Optimization as a Model')).toMatchObject({
      venue: 'ICLR 2017',
      date: '2017',
      topics: ['Image Classification', 'Optimize Based Few-shot Learning'],
    })
    // No space after the bracket; a title in capitals and one with a full-width colon stay as printed.
    expect(byTitle('Dynamic Few-Shot')).toMatchObject({
      title: 'Dynamic Few-Shot Visual Learning without Forgetting',
      venue: 'CVPR 2018',
    })
    expect(byTitle('A CLOSER LOOK')?.title).toBe('A CLOSER LOOK AT FEW-SHOT CLASSIFICATION')
    expect(byTitle('Learning to Compare')?.title).toBe(
      'Learning to Compare：Relation Network for Few-Shot Learning',
    )
  })

  it('keeps the words after the year out of the venue, as written in raw', () => {
    expect(byTitle('MetaGAN')).toMatchObject({
      title: 'MetaGAN An Adversarial Approach to Few-Shot Learning',
      venue: 'NIPS 2018',
      authors: [],
      raw: { venue: 'NIPS 2018', venueTag: 'NIPS 2018 Bengio' },
    })
    expect(byTitle('LaSO')).toMatchObject({ venue: 'CVPR 2019', raw: { venueTag: 'CVPR 2019 oral' } })
  })

  it('keeps the note indented under an item out of its title', () => {
    expect(byTitle('Learning Compositional Representations')).toMatchObject({
      title: 'Learning Compositional Representations for Few-Shot Recognition',
      authors: [],
      raw: { besideTitle: ['Add additional annotations to the classes.'] },
    })
  })

  it('reads a heading that links a data set (`#### [tiredImagenet](https://arxiv.org/abs/…)`) as no paper', () => {
    expect(parsed.records.map(({ title }) => title)).not.toContain('tiredImagenet')
    expect(parsed.records.map(({ title }) => title)).not.toContain('mini-Imagenet')
    const datasets = sourceLines.indexOf('### Results in Datasets') + 1
    expect(parsed.records.filter(({ line }) => (line ?? 0) > datasets && (line ?? 0) < datasets + 7)).toEqual(
      [],
    )
  })

  it('reads a bracketed venue only in Markdown: a text capture still flags a bare title line', () => {
    const capture = awesomeListFormat.parse(
      ['Few-shot: 2019', '  • [CVPR 2019] Dense Classification and Implanting for Few-Shot Learning'].join(
        '\n',
      ),
      ctx,
    )
    expect(capture.records).toEqual([])
    expect(capture.issues).toMatchObject([
      { code: 'MISSING_FIELD', message: expect.stringMatching(/only its title line/) },
    ])
  })

  it("leaves a project README's task list of news and to-dos alone (HKUDS/LLMRec, README.md)", () => {
    // Whole lines in their order: the title, the sentence naming the paper and its venue, the news and the to-dos.
    const project = [
      '# LLMRec: Large Language Models with Graph Augmentation for Recommendation',
      '',
      "<img src='image/LLMRec.png' />",
      '',
      'PyTorch implementation for WSDM 2024 paper [LLMRec: Large Language Models with Graph Augmentation for Recommendation](https://arxiv.org/pdf/2311.00423.pdf).',
      '## 🎉 News 📢📢  ',
      '',
      '- [x] [2024.3.20] 🚀🚀 📢📢📢📢🌹🔥🔥🚀🚀 Because baselines `LATTICE` and `MMSSL` require some minor modifications, we provide code that can be easily run by simply modifying the dataset path.',
      '',
      '- [x] [2023.11.3] 🚀🚀 Release the script for constructing the prompt.',
      '',
      '- [x] [2023.11.1] 🔥🔥 Release the multi-modal datasets (Netflix, MovieLens), including textual data and visual data.',
      '',
      '- [x] [2023.11.1] 🚀🚀 Release LLM-augmented textual data(by gpt-3.5-turbo-0613), and LLM-augmented embedding(by text-embedding-ada-002).',
      '',
      '- [x] [2023.10.28] 🔥🔥 The full paper of our LLMRec is available at [LLMRec: Large Language Models with Graph Augmentation for Recommendation](https://arxiv.org/pdf/2311.00423.pdf).',
      '',
      '- [x] [2023.10.28] 🚀🚀 Release the code of LLMRec.',
      '',
      '',
      '## 👉 TODO ',
      '',
      '- [ ] Provide different larger version of the datasets.',
      '- [ ] ...',
    ].join('\n')
    expect(awesomeListFormat.detect(project, 'README.md')).toBeLessThan(MIN_DETECT_CONFIDENCE)
    expect(detectFormat(project, 'README.md')).toBeNull()
  })
})

describe('HTML list items in a Markdown README (session 30)', () => {
  const ctx = { input: 'lists/README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }
  const pick = (records: SourceRecord[]) =>
    records.map(({ title, authors, authorsTruncated, venue, date, url, ids }) => ({
      title,
      authors,
      authorsTruncated,
      venue,
      date,
      url,
      ids,
    }))

  it('reads one list per paper, `Title, CVPR, 2016. [Paper]` (geyongtao/deep-face-pipeline, face detection papers)', () => {
    // Its `【Face Detection】` section, first three papers, as written (the README's own image links name the repository).
    const text = [
      '## 性能比较',
      '【Face Detection】',
      '<ul>',
      '<li>',
      'A Convolutional Neural Network Cascade for Face Detection, CVPR, 2015',
      '</ul></li>',
      '  ',
      '<ul>',
      '<li>',
      'Joint Training of Cascaded CNN for Face Detection, CVPR, 2016. <a href="http://www.cv-foundation.org/openaccess/content_cvpr_2016/papers/Qin_Joint_Training_of_CVPR_2016_paper.pdf">[Paper]</a></li>',
      '</ul></li>',
      '',
      '<ul>',
      '<li>',
      'WIDER FACE: A Face Detection Benchmark, CVPR, 2016. <a href="http://www.cv-foundation.org/openaccess/content_cvpr_2016/papers/Yang_WIDER_FACE_A_CVPR_2016_paper.pdf">[Paper]</a></li>',
      '</ul></li>',
    ].join('\n')
    const parsed = awesomeListFormat.parse(text, ctx)
    expect(pick(parsed.records)).toEqual([
      {
        title: 'Joint Training of Cascaded CNN for Face Detection',
        authors: [],
        authorsTruncated: false,
        venue: 'CVPR 2016',
        date: '2016',
        url: 'http://www.cv-foundation.org/openaccess/content_cvpr_2016/papers/Qin_Joint_Training_of_CVPR_2016_paper.pdf',
        ids: {},
      },
      {
        title: 'WIDER FACE: A Face Detection Benchmark',
        authors: [],
        authorsTruncated: false,
        venue: 'CVPR 2016',
        date: '2016',
        url: 'http://www.cv-foundation.org/openaccess/content_cvpr_2016/papers/Yang_WIDER_FACE_A_CVPR_2016_paper.pdf',
        ids: {},
      },
    ])
    // The paper without a link or authors is named with its line; the others are read past it.
    expect(parsed.issues.filter(({ severity }) => severity === 'rejected')).toEqual([
      expect.objectContaining({ code: 'MISSING_FIELD', line: 5, source: 'lists/README.md' }),
    ])
  })

  it('reads bold titles over nested `[paper]` links, an item of items as a group (a page of paper summaries)', () => {
    // Its table of contents, an HTML list, from its first item to `Other:` (found by its text, repository not recorded).
    const text = [
      '<h1 id="network-architecture-paper-summaries">Network Architecture Paper Summaries</h1>',
      '<h3 id="table-of-contents">Table of Contents</h3>',
      '<ul>',
      '<li><strong>(ResNeXt) Aggregated Residual Transformations for Deep Neural Networks</strong>',
      '<ul>',
      '<li><a href="https://arxiv.org/abs/1611.05431">[paper]</a></li>',
      '</ul>',
      '</li>',
      '<li><strong>Wide Residual Networks</strong>',
      '<ul>',
      '<li><a href="#wide-residual-networks">[summary]</a> <a href="https://arxiv.org/abs/1605.07146">[paper]</a></li>',
      '</ul>',
      '</li>',
      '<li><strong>Dilated Residual Networks</strong>',
      '<ul>',
      '<li><a href="#dilated-residual-networks">[summary]</a> <a href="https://arxiv.org/abs/1705.09914">[paper]</a></li>',
      '</ul>',
      '</li>',
      '<li><strong>Reversible Residual Networks</strong>',
      '<ul>',
      '<li><a href="https://arxiv.org/abs/1707.04585">[paper]</a></li>',
      '</ul>',
      '</li>',
      '<li><strong>Fractal Networks</strong>',
      '<ul>',
      '<li><a href="https://arxiv.org/abs/1605.07648">[paper]</a></li>',
      '</ul>',
      '</li>',
      '<li>Other:',
      '<ul>',
      '<li><strong>Introspective Classification with Convolutional Nets</strong>',
      '<ul>',
      '<li><a href="https://arxiv.org/abs/1704.07816">[paper]</a></li>',
      '</ul>',
      '</li>',
      '</ul>',
      '</li>',
      '</ul>',
    ].join('\n')
    expect(awesomeListFormat.detect(text, 'README.md')).toBeGreaterThanOrEqual(0.9)
    const parsed = awesomeListFormat.parse(text, ctx)
    expect(parsed.records.map(({ title, ids, line }) => [line, title, ids.arxiv])).toEqual([
      [4, '(ResNeXt) Aggregated Residual Transformations for Deep Neural Networks', '1611.05431'],
      [9, 'Wide Residual Networks', '1605.07146'],
      [14, 'Dilated Residual Networks', '1705.09914'],
      [19, 'Reversible Residual Networks', '1707.04585'],
      [24, 'Fractal Networks', '1605.07648'],
      [31, 'Introspective Classification with Convolutional Nets', '1704.07816'],
    ])
    expect(parsed.issues.filter(({ severity }) => severity === 'rejected')).toEqual([])
  })

  it('reads citations linked whole in lists folded in `<details><summary>` (a course page on ML in public health)', () => {
    // Its first module, the first three papers (found by its text, repository not recorded).
    const text = [
      '## Modules',
      '<details>',
      '<summary>1. What is data science?</summary>',
      '<ul>',
      '<li>',
      '<details>',
      '<summary>Disease incidence at population level</summary>',
      '<ul> ',
      '<li> <a href="https://www.nature.com/articles/nature12060?page=32">',
      'Bhatt, Samir, et al. "The global distribution and burden of dengue." Nature 496.7446 (2013): 504-507. ',
      '</a>  ',
      '</li>',
      '</ul>',
      '</details>',
      '</li>',
      '',
      '<li>',
      '<details>',
      '<summary>Disease detection including behaviors and markers</summary>',
      '<ul>',
      '<li> <a href="https://jamanetwork.com/journals/jama/article-abstract/2588763">',
      'Gulshan, Varun, et al. "Development and validation of a deep learning algorithm for detection of diabetic retinopathy in retinal fundus photographs." Jama 316.22 (2016): 2402-2410.',
      '</a>',
      '</li>',
      '',
      '<li> <a href="https://arxiv.org/abs/1807.10215">',
      'Lu, Jen-Tang, et al. "Deepspine: Automated lumbar vertebral segmentation, disc-level designation, and spinal stenosis grading using deep learning." arXiv preprint arXiv:1807.10215 (2018). </a> </li> ',
      '</ul></details></li></ul></details>',
    ].join('\n')
    const parsed = awesomeListFormat.parse(text, ctx)
    expect(pick(parsed.records)).toEqual([
      {
        title: 'The global distribution and burden of dengue',
        authors: ['Samir Bhatt'],
        authorsTruncated: true,
        venue: null,
        date: '2013',
        url: 'https://www.nature.com/articles/nature12060?page=32',
        ids: {},
      },
      {
        title:
          'Development and validation of a deep learning algorithm for detection of diabetic retinopathy in retinal fundus photographs',
        authors: ['Varun Gulshan'],
        authorsTruncated: true,
        venue: null,
        date: '2016',
        // A journal's page names no id the library keys on; the link is kept among the entry's links.
        url: null,
        ids: {},
      },
      {
        title:
          'Deepspine: Automated lumbar vertebral segmentation, disc-level designation, and spinal stenosis grading using deep learning',
        authors: ['Jen-Tang Lu'],
        authorsTruncated: true,
        venue: null,
        date: '2018',
        url: 'https://arxiv.org/abs/1807.10215',
        ids: { arxiv: '1807.10215' },
      },
    ])
    expect(parsed.records.map(({ line }) => line)).toEqual([9, 21, 26])
    // The `<summary>` of the item grouping them names their topic, under the module's `<summary>` and the heading.
    const module = ['Modules', '1. What is data science?']
    expect(parsed.records.map(({ topics }) => topics)).toEqual([
      [...module, 'Disease incidence at population level'],
      [...module, 'Disease detection including behaviors and markers'],
      [...module, 'Disease detection including behaviors and markers'],
    ])
  })

  it('leaves an HTML-heavy project README alone: its models linked to their papers are no paper list (Westlake-AI/openmixup)', () => {
    const project = readFileSync(
      new URL('../../../test/fixtures/readmes/westlake-ai-openmixup-README.md', import.meta.url),
      'utf8',
    )
    expect(awesomeListFormat.detect(project, 'README.md')).toBeLessThan(MIN_DETECT_CONFIDENCE)
    expect(detectFormat(project, 'README.md')).toBeNull()
    // Read as a list all the same (the format asked for), each name links its paper, and no table cell after a
    // list is taken for the last item's authors.
    const parsed = awesomeListFormat.parse(project, ctx)
    expect(parsed.records.find(({ title }) => title === 'TransMix')).toMatchObject({
      authors: [],
      ids: { arxiv: '2111.09833' },
    })
    expect(parsed.records.every(({ authors }) => authors.length === 0)).toBe(true)
  })

  it('reads a bold linked title with its authors after it, or a linked title over its authors after `<br>`', () => {
    const text = [
      // The references of a project README on bipedal walking (found by its text, repository not recorded).
      '## References:',
      '<ol>',
      '  <li><b><a href="https://arxiv.org/abs/1509.02971">Continuous control with deep reinforcement learning.</a></b> Timothy P. Lillicrap, Jonathan J. Hunt, Alexander Pritzel, Nicolas Heess,Tom Erez, Yuval Tassa, David Silver, Daan Wierstra  </li>',
      '<li><b><a href="http://proceedings.mlr.press/v32/silver14.pdf">Deterministic Policy Gradient Algorithms.</a></b> David Silver, Guy Lever, Nicolas Heess, Daan Wierstra,  Thomas Degris,  Martin Riedmiller</li>',
      '</ol>',
      // A researcher's publications page (found by its text, repository not recorded): her own name in bold.
      '## Publications',
      '<ul>',
      '<li> <a href="https://arxiv.org/abs/1509.00727"> Heavy-tailed independent component analysis. </a> <br>',
      '  Joseph Anderson, Navin Goyal, <b>Anupama Nandi</b>, and Luis Rademacher. <br>',
      'In the <i> 56th Annual Symposium on Foundations of Computer Science (FOCS 2015).</i>',
      '</li>',
      '</ul>',
    ].join('\n')
    const parsed = awesomeListFormat.parse(text, ctx)
    expect(parsed.records.map(({ line, title, authors, ids }) => [line, title, authors, ids])).toEqual([
      [
        3,
        'Continuous control with deep reinforcement learning',
        [
          'Timothy P. Lillicrap',
          'Jonathan J. Hunt',
          'Alexander Pritzel',
          'Nicolas Heess',
          'Tom Erez',
          'Yuval Tassa',
          'David Silver',
          'Daan Wierstra',
        ],
        { arxiv: '1509.02971' },
      ],
      [
        4,
        'Deterministic Policy Gradient Algorithms',
        ['David Silver', 'Guy Lever', 'Nicolas Heess', 'Daan Wierstra', 'Thomas Degris', 'Martin Riedmiller'],
        {},
      ],
      [
        8,
        'Heavy-tailed independent component analysis',
        ['Joseph Anderson', 'Navin Goyal', 'Anupama Nandi', 'Luis Rademacher'],
        { arxiv: '1509.00727' },
      ],
    ])
  })

  it('counts an HTML item whose short name is followed by its title as a paper, unlike a bare name', () => {
    const titled = [
      '## State space models',
      '<ul>',
      '<li><a href="https://arxiv.org/abs/2312.00752">Mamba</a>: Linear-Time Sequence Modeling with Selective State Spaces</li>',
      '<li><a href="https://arxiv.org/abs/2111.00396">S4</a>: Efficiently Modeling Long Sequences with Structured State Spaces</li>',
      '<li><a href="https://arxiv.org/abs/2206.11893">S4D</a> - On the Parameterization and Initialization of Diagonal State Space Models</li>',
      '<li><a href="https://arxiv.org/abs/2208.04933">S5</a>: Simplified State Space Layers for Sequence Modeling</li>',
      '<li><a href="https://arxiv.org/abs/2405.21060">Mamba-2</a>: Transformers are SSMs</li>',
      '</ul>',
    ].join('\n')
    expect(awesomeListFormat.detect(titled, 'README.md')).toBeGreaterThanOrEqual(0.9)
    // The same names with only a venue and a config link after them: a project's table of what it supports.
    const named = titled.replace(
      /<\/a>(?::| -) [^<]*<\/li>/g,
      '</a> (ICLR\'2024) <a href="configs/ssm/">config</a></li>',
    )
    expect(named).toContain('>Mamba</a> (ICLR')
    expect(awesomeListFormat.detect(named, 'README.md')).toBeLessThan(MIN_DETECT_CONFIDENCE)
  })

  it('leaves a news digest with HTML lists of references alone, and takes no paragraph for part of an item', () => {
    // A daily digest of AI news (`Horizon Summary`, found by its text, repository not recorded): its front matter, its
    // list of items, and two of its items whole but for their prose, each with `<details><summary>References`.
    const digest = [
      '---',
      'layout: default',
      'title: "Horizon Summary: 2026-08-23 (EN)"',
      '---',
      '',
      '> From 30 items, 11 important content pieces were selected',
      '',
      '1. [Developer Creates 250M Parameter LLM With Sub-2-Bit Quantization and Disk-Based Retrieval](#item-1) ⭐️ 9.0/10',
      '2. [SemiAnalysis: Open-Source Models Accelerate Catch-up, Halving Time to Parity](#item-2) ⭐️ 9.0/10',
      "5. [Ablating a single attention head breaks a chess transformer's ability to find queen sacrifices.](#item-5) ⭐️ 8.0/10",
      '6. [DelveRL: An Open-Source Roguelike Environment for Reinforcement Learning Research](#item-6) ⭐️ 8.0/10',
      '',
      '<a id="item-5"></a>',
      "## [Ablating a single attention head breaks a chess transformer's ability to find queen sacrifices.](https://www.reddit.com/r/MachineLearning/comments/1vvsf5b/ablating_1_of_a_chess_transformers_128_attention/) ⭐️ 8.0/10",
      '',
      'reddit · r/MachineLearning · /u/Weird-Asparagus4136 · Aug 23, 00:22',
      '',
      '<details><summary>References</summary>',
      '<ul>',
      '<li><a href="https://arxiv.org/abs/2407.02646">[2407.02646] A Practical Review of Mechanistic Interpretability for Transformer-Based Language Models</a></li>',
      '<li><a href="https://en.wikipedia.org/wiki/Ablation_(artificial_intelligence)">Ablation (artificial intelligence) - Wikipedia</a></li>',
      '',
      '</ul>',
      '</details>',
      '',
      '**Tags**: `#mechanistic-interpretability`, `#transformer-models`, `#chess-ai`, `#attention-heads`',
      '',
      '<a id="item-6"></a>',
      '## [DelveRL: An Open-Source Roguelike Environment for Reinforcement Learning Research](https://www.reddit.com/r/MachineLearning/comments/1vvii1j/i_built_an_opensource_roguelike_specifically_for/) ⭐️ 8.0/10',
      '',
      '<details><summary>References</summary>',
      '<ul>',
      '<li><a href="https://medium.com/intro-to-artificial-intelligence/proximal-policy-optimization-ppo-a-policy-based-reinforcement-learning-algorithm-3cf126a7562d">Proximal Policy Optimization( PPO )- A policy-based Reinforcement ...</a></li>',
      '<li><a href="https://huggingface.co/blog/deep-rl-ppo">Proximal Policy Optimization ( PPO )</a></li>',
      '<li><a href="https://arxiv.org/abs/2402.17747">[2402.17747] When Your AIs Deceive You: Challenges of Partial ...</a></li>',
      '',
      '</ul>',
      '</details>',
    ].join('\n')
    expect(awesomeListFormat.detect(digest, 'README.md')).toBeLessThan(MIN_DETECT_CONFIDENCE)
    expect(detectFormat(digest, 'README.md')).toBeNull()
    // Read as a list all the same, the `**Tags**` paragraph after a list is no part of its last item.
    const parsed = awesomeListFormat.parse(digest, ctx)
    expect(parsed.records.map(({ title }) => title)).toEqual([
      '[2407.02646] A Practical Review of Mechanistic Interpretability for Transformer-Based Language Models',
      '[2402.17747] When Your AIs Deceive You: Challenges of Partial ...',
    ])
  })

  it('names an HTML item it could not set on a line of its own, and reads the rest', () => {
    const text = [
      '## Papers',
      '<ul><li><a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a></li><li><a href="https://arxiv.org/abs/1810.04805">BERT: Pre-training of Deep Bidirectional Transformers</a></li></ul>',
      '## More',
    ].join('\n')
    const parsed = awesomeListFormat.parse(text, ctx)
    expect(parsed.records.map(({ title }) => title)).toEqual(['Attention Is All You Need'])
    expect(parsed.issues).toContainEqual(
      expect.objectContaining({ severity: 'rejected', code: 'PARSE_FAILED', line: 2, field: 'entry' }),
    )
  })
})

describe('misreadings of real READMEs (session 31)', () => {
  const ctx = { input: 'lists/README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }
  const titles = (text: string) =>
    awesomeListFormat.parse(text, ctx).records.map(({ title, ids }) => [title, ids.arxiv ?? null])

  it('reads a short name linked to its paper and the title-case words after it as one title, the way the paper writes it', () => {
    // An `Awesome AI` list's `Network Architecture` section (found by its text, repository not recorded).
    const text = [
      '### Network Architecture',
      '* [Transformer](https://arxiv.org/pdf/1706.03762): Attention Is All You Need | 2 Aug 2023 | Google',
      '* [RWKV](https://arxiv.org/pdf/2305.13048): Reinventing RNNs for the Transformer Era | 11 Dec 2023 | Generative AI Commons',
      '* [Mamba](https://arxiv.org/abs/2312.00752): Linear-Time Sequence Modeling with Selective State Spaces | 31 May 2024 | CMU',
    ].join('\n')
    // The name stays before the words after it, as the list writes them: RWKV's and Mamba's papers are titled so
    // (arXiv 2305.13048, 2312.00752); the Transformer's is not, and its arXiv id still names it.
    expect(titles(text)).toEqual([
      ['Transformer: Attention Is All You Need', '1706.03762'],
      ['RWKV: Reinventing RNNs for the Transformer Era', '2305.13048'],
      ['Mamba: Linear-Time Sequence Modeling with Selective State Spaces', '2312.00752'],
    ])
    // The date and the affiliation after `|` are still read beside the title.
    expect(awesomeListFormat.parse(text, ctx).records[2]?.date).toBe('2024-05')
    // Written in HTML (`<li><a href=…>Mamba</a>: …</li>`), with a dash for the colon.
    const html = [
      '## State space models',
      '<ul>',
      '<li><a href="https://arxiv.org/abs/2312.00752">Mamba</a>: Linear-Time Sequence Modeling with Selective State Spaces</li>',
      '<li><a href="https://arxiv.org/abs/2206.11893">S4D</a> - On the Parameterization and Initialization of Diagonal State Space Models</li>',
      '</ul>',
    ].join('\n')
    expect(titles(html)).toEqual([
      ['Mamba: Linear-Time Sequence Modeling with Selective State Spaces', '2312.00752'],
      ['S4D: On the Parameterization and Initialization of Diagonal State Space Models', '2206.11893'],
    ])
  })

  it('reads a bold name before its title in quotes, venue and year (cmhungsteve/Awesome-Transformer-Attention, README.md)', () => {
    // Its `Training + Transformer` section, four entries as written: a name in capitals (`DINO`) is no venue.
    const text = [
      '#### Training + Transformer',
      '* **iGPT**: "Generative Pretraining From Pixels", ICML, 2020 (*OpenAI*). [[Paper](http://proceedings.mlr.press/v119/chen20s.html)][[Tensorflow](https://github.com/openai/image-gpt)]',
      '* **MoCo-V3**: "An Empirical Study of Training Self-Supervised Vision Transformers", ICCV, 2021 (*Facebook*). [[Paper](https://arxiv.org/abs/2104.02057)]',
      '* **DINO**: "Emerging Properties in Self-Supervised Vision Transformers", ICCV, 2021 (*Facebook*). [[Paper](https://arxiv.org/abs/2104.14294)][[PyTorch](https://github.com/facebookresearch/dino)]',
      '* **BEiT**: "BEiT: BERT Pre-Training of Image Transformers", ICLR, 2022 (*Microsoft*). [[Paper](https://arxiv.org/abs/2106.08254)][[PyTorch](https://github.com/microsoft/unilm/tree/master/beit)]',
    ].join('\n')
    const { records } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ title, venue, date, ids }) => [title, venue, date, ids.arxiv ?? null])).toEqual([
      ['Generative Pretraining From Pixels', 'ICML 2020', '2020', null],
      [
        'An Empirical Study of Training Self-Supervised Vision Transformers',
        'ICCV 2021',
        '2021',
        '2104.02057',
      ],
      ['Emerging Properties in Self-Supervised Vision Transformers', 'ICCV 2021', '2021', '2104.14294'],
      ['BEiT: BERT Pre-Training of Image Transformers', 'ICLR 2022', '2022', '2106.08254'],
    ])
  })

  it("keeps a curator's description after a name or a title out of the title", () => {
    const text = [
      // The references of a README on fused GPU kernels (found by its text, repository not recorded).
      '## References',
      '- [FlashAttention](https://arxiv.org/abs/2205.14135) - Memory-efficient attention',
      '- [Megablocks](https://arxiv.org/abs/2211.15841) - Grouped GEMM for MoE',
      '- [Mamba](https://arxiv.org/abs/2312.00752) - Selective scan',
      // A BERT explainer's further reading, a chat demo's list of models, a notebook's papers (found by their text).
      '- [BERT Paper](https://arxiv.org/abs/1810.04805): Original paper by Devlin et al.',
      '- [LLaMA](https://arxiv.org/abs/2302.13971): open and efficient foundation language models.',
      '- [Attention Is All You Need](https://arxiv.org/abs/1706.03762): The seminal transformer architecture paper.',
    ].join('\n')
    expect(titles(text)).toEqual([
      ['FlashAttention', '2205.14135'],
      ['Megablocks', '2211.15841'],
      ['Mamba', '2312.00752'],
      ['BERT Paper', '1810.04805'],
      ['LLaMA', '2302.13971'],
      ['Attention Is All You Need', '1706.03762'],
    ])
    // A name over its authors in title case is no title either: only a list of people is read as such.
    expect(
      titles(
        '## Papers\n- [BERT](https://arxiv.org/abs/1810.04805): Jacob Devlin, Ming-Wei Chang, Kenton Lee, Kristina Toutanova',
      ),
    ).toEqual([['BERT', '1810.04805']])
  })

  it('gives the papers under `Table of Contents` no topic (Openning07/awesome-curriculum-learning, README.md)', () => {
    // From its title to its second paper, as written: `## Contributing` comes before the papers.
    const text = [
      '# Awesome Curriculum Learning[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)',
      'Some bravo or inspiring research works on the topic of curriculum learning.',
      '',
      '## Contributing',
      '',
      'Please help contribute this list by contacting [me](https://github.com/Openning07/awesome-curriculum-learning) or add [pull request](https://github.com/Openning07/awesome-curriculum-learning/pulls)',
      '',
      'Markdown format:',
      '```markdown',
      '- Paper Name.',
      '  [[pdf]](link) ',
      '  [[code]](link)',
      '  - Key Contribution(s)',
      '  - Author 1, Author 2, and Author 3. *Conference Year*',
      '```',
      '',
      '## Table of Contents',
      '',
      '### 2009',
      '- Curriculum Learning.',
      '  [[pdf]](https://qmro.qmul.ac.uk/xmlui/bitstream/handle/123456789/15972/Bengio%2C%202009%20Curriculum%20Learning.pdf?sequence=1&isAllowed=y)',
      '  - Rank the weights of the training examples, and use the rank to guide the order of presentation of examples to the learner.',
      "  - Bengio, Yoshua and Louradour, J{\\'e}r{\\^o}me and Collobert, Ronan and Weston, Jason. *ICML 2009*",
      '',
      '### 2015',
      '- Self-Paced Curriculum Learning.',
      '  [[pdf]](https://www.aaai.org/ocs/index.php/AAAI/AAAI17/paper/view/14374/14349)',
      '  - Jiang, Lu and Meng, Deyu and Zhao, Qian and Shan, Shiguang and Hauptmann, Alexander G. *AAAI 2015*',
    ].join('\n')
    const { records } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ title, topics, date }) => [title, topics, date])).toEqual([
      ['Curriculum Learning', [], '2009'],
      ['Self-Paced Curriculum Learning', [], '2015'],
    ])
  })

  it('reads no paper under how to cite a README or its license, and ends the papers at `## 🤝 Contributing`', () => {
    const text = [
      // A soccer simulation framework's README, its end as written (found by its text, repository not recorded).
      '## Documentation',
      '',
      'TODO',
      '',
      '## Citation',
      '',
      '- [Cross Language Soccer Framework](https://arxiv.org/pdf/2406.05621)',
      '- Zare, N., Sayareh, A., Sadraii, A., Firouzkouhi, A. and Soares, A., 2024. Cross Language Soccer Framework: An Open Source Framework for the RoboCup 2D Soccer Simulation. arXiv preprint arXiv:2406.05621.',
      // PatentsView/PatentsView-Evaluation, README.md: its references, the citation under `### Citation`.
      '## References',
      '',
      '### Citation',
      '',
      '- [Binette, Olivier, Sokhna A York, Emma Hickerson, Youngsoo Baek, Sarvo Madhavan, Christina Jones. (2022). Estimating the Performance of Entity Resolution Algorithms: Lessons Learned Through PatentsView.org. arXiv e-prints: arxiv:2210.01230](https://arxiv.org/abs/2210.01230)',
      '',
      // Headings as surveys' lists write them, a picture first; the papers under them are set there for the test.
      '## 🤝 Contributing',
      '',
      '- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)',
      '',
      '## 📋 License',
      '',
      '- [BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding](https://arxiv.org/abs/1810.04805)',
      '',
      '## Papers',
      '',
      '- [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165)',
    ].join('\n')
    const { records } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ title, topics }) => [title, topics])).toEqual([
      ['Language Models are Few-Shot Learners', ['Papers']],
    ])
  })

  it("ends a group's topic (its `<summary>`) where its list ends: a Markdown item after it is under the heading above", () => {
    // The public health course page's first group, as in session 30's test, with a Markdown item after its list.
    const text = [
      '## Modules',
      '<ul>',
      '<li>',
      '<details>',
      '<summary>Disease incidence at population level</summary>',
      '<ul> ',
      '<li> <a href="https://www.nature.com/articles/nature12060?page=32">',
      'Bhatt, Samir, et al. "The global distribution and burden of dengue." Nature 496.7446 (2013): 504-507. ',
      '</a>  ',
      '</li>',
      '</ul>',
      '</details>',
      '</li>',
      '</ul>',
      '',
      '- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)',
    ].join('\n')
    const { records } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ title, topics }) => [title, topics])).toEqual([
      ['The global distribution and burden of dengue', ['Modules', 'Disease incidence at population level']],
      ['Attention Is All You Need', ['Modules']],
    ])
  })
})

describe('misreadings of real READMEs (session 32)', () => {
  const ctx = { input: 'lists/README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }

  it("reads a lab or company beside a title as no venue, and a venue cell's venue as one (nabeelxy/llm-watch, README.md)", () => {
    // Its `Large Language Models` table as written, some rows: the `Venue` column holds venues and the authors' labs.
    const text = [
      '### Large Language Models',
      '| Date | Title | Venue | Materials | Tags | Code | Summary |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| Sep 2025 | Soft Tokens, Hard Truths | UA, Meta, NYU | [Paper](https://www.arxiv.org/pdf/2509.19170) | CoT, continuous CoT, RL | | |',
      '| Aug 2025 |  We Have a Package for You! A Comprehensive Analysis of Package Hallucinations by Code Generating LLMs | Usenix Security 2025 | [Paper](https://arxiv.org/pdf/2406.10279) | llm, hallucination, packages, code generation | | |',
      '| Jul 2025 | Emergent Misalignment: Narrow Finetuning Can Produce Broadly Misaligned LLMs | ICML 2025 | [Paper](https://openreview.net/pdf?id=aOIJ2gVRWW) | GPT-4o, insecure code, misalignment | | | ',
      '| Jul 2024 | Direct Preference Optimization: Your Language Model is Secretly a Reward Model | Stanford | [Paper](https://arxiv.org/pdf/2305.18290) | DPO, reward model, optimization | | |',
      '| May 2024 | Mamba: Linear-Time Sequence Modeling with Selective State Spaces | CMU, Princeton | [Paper](https://arxiv.org/pdf/2312.00752) | Mamba | | |',
      '| Jun 2025 | Small Language Models are the Future of Agentic AI | Nvidia | [Paper](https://arxiv.org/pdf/2506.02153) | SLM | | |',
      // The session-31 list's line, an affiliation alone after `|`; a venue without its year is one when known.
      '',
      '### Network Architecture',
      '* [Mamba](https://arxiv.org/abs/2312.00752): Linear-Time Sequence Modeling with Selective State Spaces | 31 May 2024 | CMU',
      '* [Scaling Laws for Neural Language Models](https://arxiv.org/abs/2001.08361) | NVIDIA',
      '* [Hungry Hungry Hippos: Towards Language Modeling with State Space Models](https://arxiv.org/abs/2212.14052) | ICLR',
      '* [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385) | CVPR 2016 | Microsoft Research',
    ].join('\n')
    const { records } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ venue, date }) => [venue, date])).toEqual([
      [null, '2025-09'],
      ['Usenix Security 2025', '2025-08'],
      ['ICML 2025', '2025-07'],
      [null, '2024-07'],
      [null, '2024-05'],
      [null, '2025-06'],
      [null, '2024-05'],
      [null, null],
      ['ICLR', null],
      ['CVPR 2016', '2016'],
    ])
    // The lab is no author either; it stays in raw as the list writes it.
    expect(records.every(({ authors }) => authors.length === 0)).toBe(true)
    expect(records[0]?.raw['besideTitle']).toEqual(['Sep 2025', 'UA, Meta, NYU'])
    // Its rows link their papers from the `Materials` column, not the title: the table alone is a list of papers.
    const table = text.split('\n').slice(0, 9)
    expect(surveyAwesomeMarkdown(table)).toEqual({ yearHeadings: 0, entries: 6, items: 6 })
    expect(awesomeListFormat.detect(table.join('\n'), 'README.md')).toBeGreaterThanOrEqual(0.9)
    // A project's table of the models it supports, their papers by marker in the `Paper` column: no paper rows.
    const models = [
      '| Model | Paper | Config |',
      '| --- | --- | --- |',
      '| ResNet | [paper](https://arxiv.org/abs/1512.03385) | [config](configs/resnet) |',
      '| ViT | [paper](https://arxiv.org/abs/2010.11929) | [config](configs/vit) |',
    ]
    expect(surveyAwesomeMarkdown(models).entries).toBe(0)
  })

  it('counts no item under how to cite the README toward reading it as a paper list (it yields no paper either)', () => {
    // An awesome list of data sets as such lists are written (modelled on them, not copied): one data set links its
    // paper, and the list's own survey is cited under `## Citation`.
    const text = [
      '# Awesome Multimodal Datasets [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)',
      '',
      'A curated list of multimodal datasets.',
      '',
      '## Image-Text',
      '',
      '- [LAION-5B](https://laion.ai/blog/laion-5b/) - 5.85 billion CLIP-filtered image-text pairs.',
      '- [Conceptual Captions](https://github.com/google-research-datasets/conceptual-captions) - 3.3M image-caption pairs.',
      '- [COCO Captions](https://cocodataset.org/#captions-2015) - Human captions for COCO images.',
      '- [Visual Genome](https://arxiv.org/abs/1602.07332) - Dense annotations of objects, attributes and relations.',
      '',
      '## 📑 Citation',
      '',
      '- [A Survey of Multimodal Datasets](https://arxiv.org/abs/2305.01234)',
    ].join('\n')
    expect(surveyAwesomeMarkdown(text.split('\n'))).toEqual({ yearHeadings: 0, entries: 1, items: 4 })
    expect(awesomeListFormat.detect(text, 'README.md')).toBeLessThan(MIN_DETECT_CONFIDENCE)
    // A heading as high after it counts again (a list that cites its survey first, its papers after).
    const citedFirst = [
      '## Citation',
      '',
      '- [A Survey of Multimodal Datasets](https://arxiv.org/abs/2305.01234)',
      '',
      '## Papers',
      '',
      '- [Visual Genome](https://arxiv.org/abs/1602.07332)',
    ]
    expect(surveyAwesomeMarkdown(citedFirst).entries).toBe(1)
  })

  it('reads a label in lower case linked to its paper as giving way to the title after it, and keeps other names as they were', () => {
    const titles = (text: string) =>
      awesomeListFormat.parse(text, ctx).records.map(({ title, ids }) => [title, ids.arxiv ?? null])
    const text = [
      '## Papers',
      // A curator's label, then the paper's own title (arXiv 1701.06538, 2205.14135 and 2010.11929 are titled so).
      '- [mixture of experts](https://arxiv.org/abs/1701.06538): Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer',
      '- [flash attention](https://arxiv.org/abs/2205.14135): Fast and Memory-Efficient Exact Attention with IO-Awareness',
      '- [vision transformer](https://arxiv.org/abs/2010.11929) - An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale',
      // What does not read as a title after a label stays out: a description, a list of models.
      '- [low-rank adaptation](https://arxiv.org/abs/2106.09685): a parameter-efficient fine-tuning method.',
      '- [sparse upcycling](https://arxiv.org/abs/2212.05055): Switch Transformers, Mixtral, DeepSeek MoE',
      // A Mistral list's further reading, as written: a title in capitals before a description is kept whole.
      '- 🌍 [Mixture of Experts](https://arxiv.org/abs/1701.06538) – MoE foundations.',
      // A name of one word in lower case may be the paper's (`s1: Simple test-time scaling`): it opens the title.
      '- [s1](https://arxiv.org/abs/2501.19393): Simple Test-Time Scaling for Large Language Models',
    ].join('\n')
    expect(titles(text)).toEqual([
      ['Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer', '1701.06538'],
      ['Fast and Memory-Efficient Exact Attention with IO-Awareness', '2205.14135'],
      ['An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale', '2010.11929'],
      ['low-rank adaptation', '2106.09685'],
      ['sparse upcycling', '2212.05055'],
      ['Mixture of Experts', '1701.06538'],
      ['s1: Simple Test-Time Scaling for Large Language Models', '2501.19393'],
    ])
    // Written in HTML the same.
    expect(
      titles(
        '## MoE\n<ul>\n<li><a href="https://arxiv.org/abs/1701.06538">mixture of experts</a>: Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer</li>\n</ul>',
      ),
    ).toEqual([
      ['Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer', '1701.06538'],
    ])
  })

  it('files a paper under a nested heading under it and under the headings above it, as the list nests them', () => {
    const fixture = (name: string) =>
      readFileSync(new URL(`../../../test/fixtures/awesome-list/${name}`, import.meta.url), 'utf8')
    const fewshot = awesomeListFormat.parse(fixture('duan-jm-awesome-papers-fewshot.md'), ctx).records
    const byTitle = (records: SourceRecord[], start: string) =>
      records.find(({ title }) => title?.startsWith(start))
    // Duan-JM/awesome-papers-fewshot: `#### Summary` says little alone; the headings above it say of what.
    expect(byTitle(fewshot, 'MetaGAN')).toMatchObject({
      topics: ['Image Classification', 'Generative Based Few-shot Learning', 'Summary'],
      raw: { section: 'Image Classification › Generative Based Few-shot Learning › Summary' },
    })
    expect(byTitle(fewshot, 'A CLOSER LOOK')?.topics).toEqual([
      'Image Classification',
      'Metric Based Few-shot Learning',
      'Summary',
    ])
    // diff-usion/Awesome-Diffusion-Models: `# Papers` holds the papers, no topic over `## Vision`.
    const diffusion = awesomeListFormat.parse(fixture('diff-usion-awesome-diffusion-models.md'), ctx).records
    expect(byTitle(diffusion, 'Your ViT is Secretly')?.topics).toEqual(['Vision', 'Image Generation'])
    expect(byTitle(diffusion, 'Understanding Diffusion Models')?.topics).toEqual(['Introductory Papers'])
    // A group of HTML items under a heading, and a venue heading that is no topic between them.
    const text = [
      '## Vision',
      '- [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385)',
      '### Detection',
      '#### ICCV 2017',
      '- [Focal Loss for Dense Object Detection](https://arxiv.org/abs/1708.02002)',
      '<ul><li><details><summary>Instance segmentation</summary>',
      '<ul>',
      '<li><a href="https://arxiv.org/abs/1703.06870">Mask R-CNN</a>, ICCV 2017</li>',
      '</ul>',
      '</details></li></ul>',
      '## Language',
      '- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)',
    ].join('\n')
    const { records } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ title, topics, venue }) => [title, topics, venue])).toEqual([
      ['Deep Residual Learning for Image Recognition', ['Vision'], null],
      ['Focal Loss for Dense Object Detection', ['Vision', 'Detection'], 'ICCV 2017'],
      ['Mask R-CNN', ['Vision', 'Detection', 'Instance segmentation'], 'ICCV 2017'],
      ['Attention Is All You Need', ['Language'], null],
    ])
  })

  it('reads a bold line over items and a `<details>` of papers as a group under the heading above, and a fold as none', () => {
    // lionelmessi6410/awesome-real-world-adversarial-examples, README.md: bold lines group each part's papers, the same
    // names under `## Attack` and `## Defense`.
    const adversarial = [
      '## Attack',
      '**Classification**',
      '- [Adversarial Patch](https://arxiv.org/pdf/1712.09665.pdf), T. B. Brown, D. Mané et al., NIPS 2017.',
      '',
      '**Object Detection**',
      '- [DPATCH: An Adversarial Patch Attack on Object Detectors](https://arxiv.org/pdf/1806.02299.pdf), X Liu et al., AAAI workshop 2019.',
      '',
      '## Defense',
      '**Object Detection**',
      '- [Information Distribution Based Defense Against Physical Attacks on Object Detection](https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=9105983), G. Zhou et al., ICMEW 2020.',
    ].join('\n')
    expect(awesomeListFormat.parse(adversarial, ctx).records.map(({ topics }) => topics)).toEqual([
      ['Attack', 'Classification'],
      ['Attack', 'Object Detection'],
      ['Defense', 'Object Detection'],
    ])
    // The same paper in both parts is two entries of the list, neither a duplicate of the other.
    const both = `${adversarial}\n- [DPATCH: An Adversarial Patch Attack on Object Detectors](https://arxiv.org/pdf/1806.02299.pdf), X Liu et al., AAAI workshop 2019.`
    const twice = awesomeListFormat.parse(both, ctx)
    expect(
      twice.records.filter(({ title }) => title?.startsWith('DPATCH')).map(({ topics }) => topics),
    ).toEqual([
      ['Attack', 'Object Detection'],
      ['Defense', 'Object Detection'],
    ])
    expect(twice.issues.filter(({ severity }) => severity === 'rejected')).toEqual([])
    // A `<details>` that holds papers, at the heading's level or in a bold group; a Markdown item after it is under
    // the heading again (the layout of the course page on ML in public health, written in Markdown).
    const folded = [
      '## Vision',
      '',
      '<details><summary>Segmentation</summary>',
      '',
      '- [Mask R-CNN](https://arxiv.org/abs/1703.06870)',
      '',
      '</details>',
      '',
      '- [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385)',
      '',
      '<details>',
      '<summary><b>Tracking:</b></summary>',
      '',
      '**Multi-object**',
      '- [Simple Online and Realtime Tracking](https://arxiv.org/abs/1602.00763)',
      '',
      '</details>',
      '',
      '- [Focal Loss for Dense Object Detection](https://arxiv.org/abs/1708.02002)',
    ].join('\n')
    expect(awesomeListFormat.parse(folded, ctx).records.map(({ title, topics }) => [title, topics])).toEqual([
      ['Mask R-CNN', ['Vision', 'Segmentation']],
      ['Deep Residual Learning for Image Recognition', ['Vision']],
      ['Simple Online and Realtime Tracking', ['Vision', 'Tracking', 'Multi-object']],
      ['Focal Loss for Dense Object Detection', ['Vision']],
    ])
    // Les1ie/Awesome-research-tools folds the rest of a section in `<summary>more</summary>`: no name of a topic. A
    // fold right under an item is the item's (its abstract), a bold line over prose no group.
    const notGroups = [
      '### 文献管理',
      '',
      '- [Zotero](https://zotero.org/)：免费、开源的文献管理软件，支持分组、标签、笔记、导出引文、云同步。',
      '',
      '<details><summary>more</summary><p>',
      '',
      '- [Distilling the Knowledge in a Neural Network](https://arxiv.org/abs/1503.02531)',
      '',
      '</p></details>',
      '',
      '**Note**',
      'Only papers with code are listed.',
      '',
      '- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)',
      '<details><summary>Abstract</summary>',
      '- [Sequence to Sequence Learning with Neural Networks](https://arxiv.org/abs/1409.3215)',
      '</details>',
    ].join('\n')
    expect(awesomeListFormat.parse(notGroups, ctx).records.map(({ topics }) => topics)).toEqual([
      ['文献管理'],
      ['文献管理'],
      ['文献管理'],
    ])
    // How to open a fold is no topic; a topic that opens with such a word is one (`View Synthesis`, awesome-NeRF's).
    const fold = (summary: string) =>
      awesomeListFormat
        .parse(
          `## NeRF\n\n<details><summary>${summary}</summary>\n\n- [NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis](https://arxiv.org/abs/2003.08934)\n\n</details>`,
          ctx,
        )
        .records.map(({ topics }) => topics)
    expect(fold('Click to expand')).toEqual([['NeRF']])
    expect(fold('Show more')).toEqual([['NeRF']])
    expect(fold('点击展开')).toEqual([['NeRF']])
    expect(fold('View Synthesis')).toEqual([['NeRF', 'View Synthesis']])
  })

  it('reads an item that opens with an emoji before its title link as it reads one with a badge there', () => {
    // An awesome list on Mistral AI, its research papers as written (found by its text, repository not recorded).
    const text = [
      '## Research Papers',
      '',
      '- 🌍 [LoRA](https://arxiv.org/abs/2106.09685) – Low-Rank Adaptation paper.',
      '- 🌍 [QLoRA](https://arxiv.org/abs/2305.14314) – Quantized LoRA for efficient fine-tuning.',
      '- 🌍 [DPO](https://arxiv.org/abs/2305.18290) – Direct Preference Optimization.',
      '- 🌍 [Mixture of Experts](https://arxiv.org/abs/1701.06538) – MoE foundations.',
    ].join('\n')
    const parsed = awesomeListFormat.parse(text, ctx)
    expect(parsed.records.map(({ title, ids }) => [title, ids.arxiv ?? null])).toEqual([
      ['LoRA', '2106.09685'],
      ['QLoRA', '2305.14314'],
      ['DPO', '2305.18290'],
      ['Mixture of Experts', '1701.06538'],
    ])
    expect(surveyAwesomeMarkdown(text.split('\n')).entries).toBe(4)
  })
})

describe('misreadings of real READMEs (session 33)', () => {
  const ctx = { input: 'lists/README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }

  it('keeps the lab in parentheses after a quoted title’s venue in raw, apart from the venue (cmhungsteve/Awesome-Transformer-Attention)', () => {
    // Its `Training + Transformer` and `Pose Estimation` sections, entries as written (`ACMMM. 2020` too).
    const text = [
      '#### Training + Transformer',
      '* **iGPT**: "Generative Pretraining From Pixels", ICML, 2020 (*OpenAI*). [[Paper](http://proceedings.mlr.press/v119/chen20s.html)][[Tensorflow](https://github.com/openai/image-gpt)]',
      '* **Generalization-Enhanced-ViT**: "Delving Deep into the Generalization of Vision Transformers under Distribution Shifts", CVPR, 2022 (*Beihang University + NTU, Singapore*). [[Paper](https://arxiv.org/abs/2106.07617)]',
      '* **HOT-Net**: "HOT-Net: Non-Autoregressive Transformer for 3D Hand-Object Pose Estimation", ACMMM. 2020 (*Kwai*). [[Paper](https://cse.buffalo.edu/~jmeng2/publications/hotnet_mm20)]',
    ].join('\n')
    const { records } = awesomeListFormat.parse(text, ctx)
    expect(
      records.map(({ title, venue, authors, raw }) => [title, venue, authors, raw['affiliation']]),
    ).toEqual([
      ['Generative Pretraining From Pixels', 'ICML 2020', [], 'OpenAI'],
      [
        'Delving Deep into the Generalization of Vision Transformers under Distribution Shifts',
        'CVPR 2022',
        [],
        'Beihang University + NTU, Singapore',
      ],
      [
        'HOT-Net: Non-Autoregressive Transformer for 3D Hand-Object Pose Estimation',
        'ACMMM 2020',
        [],
        'Kwai',
      ],
    ])
  })

  it('reads a list item that only names the papers nested under it as their group, and an entry over its details as one', () => {
    // cmhungsteve/Awesome-Transformer-Attention, README_2.md: `* Human-body:` groups the papers nested under it.
    const transformers = [
      '### Pose Estimation',
      '* Human-body: ',
      '    * **TransPose**: "TransPose: Towards Explainable Human Pose Estimation by Transformer", arXiv, 2020 (*Southeast University*). [[Paper](https://arxiv.org/abs/2012.14214)][[PyTorch](https://github.com/yangsenius/TransPose)]',
      '    * **PoseFormer**: "3D Human Pose Estimation with Spatial and Temporal Transformers", ICCV, 2021 (*UCF*). [[Paper](https://arxiv.org/abs/2103.10455)][[PyTorch](https://github.com/zczcwh/PoseFormer)]',
      '* Hands:',
      '    * **Deformer**: "Deformer: Dynamic Fusion Transformer for Robust Hand Pose Estimation", arXiv, 2023 (*CMU*). [[Paper](https://arxiv.org/abs/2303.04991)]',
      '* Others:',
      '    * **TAPE**: "Transformer Guided Geometry Model for Flow-Based Unsupervised Visual Odometry", arXiv, 2020 (*Tianjing University*). [[Paper](https://arxiv.org/abs/2101.02143)]',
      '',
      '### Tracking',
      '* General:',
      '    * **TransT**: "Transformer Tracking", CVPR, 2021 (*Dalian University of Technology*). [[Paper](https://arxiv.org/abs/2103.15436)][[PyTorch](https://github.com/chenxin-dlut/TransT)]',
    ].join('\n')
    const parsed = awesomeListFormat.parse(transformers, ctx)
    expect(parsed.records.map(({ title, topics, raw }) => [title, topics, raw['section']])).toEqual([
      [
        'TransPose: Towards Explainable Human Pose Estimation by Transformer',
        ['Pose Estimation', 'Human-body'],
        'Pose Estimation › Human-body',
      ],
      [
        '3D Human Pose Estimation with Spatial and Temporal Transformers',
        ['Pose Estimation', 'Human-body'],
        'Pose Estimation › Human-body',
      ],
      [
        'Deformer: Dynamic Fusion Transformer for Robust Hand Pose Estimation',
        ['Pose Estimation', 'Hands'],
        'Pose Estimation › Hands',
      ],
      [
        'Transformer Guided Geometry Model for Flow-Based Unsupervised Visual Odometry',
        ['Pose Estimation', 'Others'],
        'Pose Estimation › Others',
      ],
      ['Transformer Tracking', ['Tracking', 'General'], 'Tracking › General'],
    ])
    expect(parsed.records[1]).toMatchObject({ venue: 'ICCV 2021', ids: { arxiv: '2103.10455' } })
    // The group names count for no paper; the papers under them do, so the list is detected.
    expect(surveyAwesomeMarkdown(transformers.split('\n'))).toEqual({ yearHeadings: 0, entries: 5, items: 5 })
    expect(awesomeListFormat.detect(transformers, 'README.md')).toBeGreaterThanOrEqual(0.9)

    // A bold label as the group item, with or without its colon (lionelmessi6410/awesome-real-world-adversarial-examples'
    // papers, grouped as items); a group inside a group is one level further in.
    const bold = [
      '## Attack',
      '- **Classification**',
      '  - [Adversarial Patch](https://arxiv.org/pdf/1712.09665.pdf), T. B. Brown, D. Mané et al., NIPS 2017.',
      '- **Object Detection**:',
      '  - Patch',
      '    - [DPATCH: An Adversarial Patch Attack on Object Detectors](https://arxiv.org/pdf/1806.02299.pdf), X Liu et al., AAAI workshop 2019.',
      '      - [[code]](https://github.com/veralauee/DPatch)',
      '  - [Physical Adversarial Examples for Object Detectors](https://arxiv.org/abs/1807.07769), K. Eykholt et al., WOOT 2018.',
      '## Defense',
      '- [Certified Defenses against Adversarial Examples](https://arxiv.org/abs/1801.09344), A. Raghunathan et al., ICLR 2018.',
    ].join('\n')
    const grouped = awesomeListFormat.parse(bold, ctx)
    expect(grouped.records.map(({ title, topics, authors }) => [title, topics, authors[0]])).toEqual([
      ['Adversarial Patch', ['Attack', 'Classification'], 'T. B. Brown'],
      [
        'DPATCH: An Adversarial Patch Attack on Object Detectors',
        ['Attack', 'Object Detection', 'Patch'],
        'X Liu',
      ],
      ['Physical Adversarial Examples for Object Detectors', ['Attack', 'Object Detection'], 'K. Eykholt'],
      ['Certified Defenses against Adversarial Examples', ['Defense'], 'A. Raghunathan'],
    ])
    // The code link nested under DPATCH stays its detail.
    expect(grouped.records[1]?.raw['linkTargets']).toEqual([
      { label: 'paper', url: 'https://arxiv.org/pdf/1806.02299.pdf' },
    ])

    // An entry whose details are nested under it is no group: its authors with the paper link, a link alone, notes.
    const entries = [
      '## Vision',
      '- Deep Residual Learning for Image Recognition',
      '  - Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun. CVPR 2016. [[paper]](https://arxiv.org/abs/1512.03385)',
      '- **Wide Residual Networks**',
      '  - [[paper]](https://arxiv.org/abs/1605.07146)',
      '  - [[code]](https://github.com/szagoruyko/wide-residual-networks)',
      '- [Focal Loss for Dense Object Detection](https://arxiv.org/abs/1708.02002)',
      '  - Code: [detectron](https://github.com/facebookresearch/Detectron)',
      '- Attention Is All You Need',
      '  - [Link](https://arxiv.org/abs/1706.03762)',
    ].join('\n')
    expect(awesomeListFormat.parse(entries, ctx).records.map(({ title, topics }) => [title, topics])).toEqual(
      [
        ['Deep Residual Learning for Image Recognition', ['Vision']],
        ['Wide Residual Networks', ['Vision']],
        ['Focal Loss for Dense Object Detection', ['Vision']],
        ['Attention Is All You Need', ['Vision']],
      ],
    )
  })

  it('reads a bold line over `<details>` groups as the group they are in, not one beside them', () => {
    // lionelmessi6410/awesome-real-world-adversarial-examples' bold groups, their papers folded by kind as the course
    // page on ML in public health folds its modules.
    const text = [
      '## Attack',
      '',
      '**Object Detection**',
      '',
      '<details><summary>Patch</summary>',
      '',
      '- [DPATCH: An Adversarial Patch Attack on Object Detectors](https://arxiv.org/pdf/1806.02299.pdf), X Liu et al., AAAI workshop 2019.',
      '',
      '</details>',
      '',
      '<details><summary>Camouflage</summary>',
      '',
      '- [Physical Adversarial Examples for Object Detectors](https://arxiv.org/abs/1807.07769), K. Eykholt et al., WOOT 2018.',
      '',
      '</details>',
      '',
      '- [ShapeShifter: Robust Physical Adversarial Attack on Faster R-CNN Object Detector](https://arxiv.org/abs/1804.05810), S. Chen et al., ECML-PKDD 2018.',
      '',
      '**Classification**',
      '<details><summary>Patch</summary>',
      '',
      '- [Adversarial Patch](https://arxiv.org/pdf/1712.09665.pdf), T. B. Brown, D. Mané et al., NIPS 2017.',
      '',
      '</details>',
      '',
      '## Defense',
      '',
      '<details><summary>Detection</summary>',
      '',
      '- [Information Distribution Based Defense Against Physical Attacks on Object Detection](https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=9105983), G. Zhou et al., ICMEW 2020.',
      '',
      '</details>',
    ].join('\n')
    const { records } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ title, topics }) => [title?.split(':')[0], topics])).toEqual([
      ['DPATCH', ['Attack', 'Object Detection', 'Patch']],
      ['Physical Adversarial Examples for Object Detectors', ['Attack', 'Object Detection', 'Camouflage']],
      ['ShapeShifter', ['Attack', 'Object Detection']],
      ['Adversarial Patch', ['Attack', 'Classification', 'Patch']],
      [
        'Information Distribution Based Defense Against Physical Attacks on Object Detection',
        ['Defense', 'Detection'],
      ],
    ])
  })

  it('reads `**?**`, a paper without a short name, before its title in quotes (cmhungsteve/Awesome-Transformer-Attention)', () => {
    // Its `Robustness + Transformer` section as written: the list writes `?` where a paper has no abbreviation.
    const text = [
      '#### Robustness + Transformer',
      '* **?**: "Adversarial Robustness Comparison of Vision Transformer and MLP-Mixer to CNNs", BMVC, 2021 (*KAIST*). [[Paper](https://arxiv.org/abs/2110.02797)][[PyTorch](https://github.com/phibenz/robustness_comparison_vit_mlp-mixer_cnn)]',
      '* **ViTs-vs-CNNs**: "Are Transformers More Robust Than CNNs?", NeurIPS, 2021 (*JHU*). [[Paper](https://arxiv.org/abs/2111.05464)][[PyTorch](https://github.com/ytongbai/ViTs-vs-CNNs)]',
    ].join('\n')
    const { records } = awesomeListFormat.parse(text, ctx)
    expect(
      records.map(({ title, venue, date, ids, raw }) => [title, venue, date, ids.arxiv, raw['affiliation']]),
    ).toEqual([
      [
        'Adversarial Robustness Comparison of Vision Transformer and MLP-Mixer to CNNs',
        'BMVC 2021',
        '2021',
        '2110.02797',
        'KAIST',
      ],
      ['Are Transformers More Robust Than CNNs?', 'NeurIPS 2021', '2021', '2111.05464', 'JHU'],
    ])
  })
})

describe('misreadings of real READMEs (session 34)', () => {
  const ctx = { input: 'README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }

  it('takes the paper link nested under a title without one as its URL and ids, as it takes a title’s own', () => {
    // benedekrozemberczki/awesome-community-detection: a bold title over its authors, `[[Paper]]` and the code alone.
    const community = [
      '## Centrality and Cuts',
      '',
      '- **Hypergraph Clustering with Categorical Edge Labels (Arxiv 2019)**',
      '  - Ilya Amburg, Nate Veldt, Austin R. Benson',
      '  - [[Paper]](https://arxiv.org/pdf/1910.09943.pdf)',
      '  - [[Julia Reference]](https://github.com/nveldt/CategoricalEdgeClustering)',
      '',
      '- **Watset: Automatic Induction of Synsets for a Graph of Synonyms (ACL 2017)**',
      '  - Dmitry Ustalov, Alexander Panchenko, and Chris Biemann',
      '  - [[Paper]](https://doi.org/10.18653/v1/P17-1145)',
      '  - [[Python Reference]](https://github.com/dustalov/watset)',
    ].join('\n')
    expect(
      awesomeListFormat.parse(community, ctx).records.map(({ url, ids, authors }) => [url, ids, authors[0]]),
    ).toEqual([
      ['https://arxiv.org/pdf/1910.09943.pdf', { arxiv: '1910.09943' }, 'Ilya Amburg'],
      ['https://doi.org/10.18653/v1/P17-1145', { doi: '10.18653/v1/p17-1145' }, 'Dmitry Ustalov'],
    ])

    // conditionWang/Data_Centric_AI_IP_Protection: a plain title over its paper and code links, then the venue.
    const protection = [
      '### Image Data',
      '- Non-Transferable Learning: A New Approach for Model Ownership Verification and Applicability Authorization',
      '  - [[paper]](https://arxiv.org/abs/2106.06916) [[code]](https://github.com/conditionWang/NTL) ',
      '  - ICLR 2022 Oral',
      '- Model Barrier: A Compact Un-Transferable Isolation Domain for Model Intellectual Property Protection',
      '  - [[paper]](https://openaccess.thecvf.com/content/CVPR2023/papers/Wang_Model_Barrier_A_Compact_Un-Transferable_Isolation_Domain_for_Model_Intellectual_CVPR_2023_paper.pdf) [[code]](https://github.com/LyWang12/CUTI-Domain)',
      '  - CVPR 2023',
    ].join('\n')
    expect(awesomeListFormat.parse(protection, ctx).records.map(({ url, ids }) => [url, ids])).toEqual([
      ['https://arxiv.org/abs/2106.06916', { arxiv: '2106.06916' }],
      [
        'https://openaccess.thecvf.com/content/CVPR2023/papers/Wang_Model_Barrier_A_Compact_Un-Transferable_Isolation_Domain_for_Model_Intellectual_CVPR_2023_paper.pdf',
        {},
      ],
    ])

    // wawabinger/Awesome-dataset-copyright-protection: venue, authors, lab, then `[Paper](…) [Code](…)`, four spaces in.
    const copyright = [
      '### Traceable：',
      '',
      '- **A General Framework for Data-Use Auditing of ML Models**',
      '    - CCS 2024',
      '    - Zonghao Huang, Neil Zhenqiang Gong*, Michael K. Reiter',
      '    - Duke University',
      '    - [Paper](https://arxiv.org/pdf/2407.15100) [Code](https://github.com/zonghaohuang007/ML_data_auditing)',
    ].join('\n')
    expect(awesomeListFormat.parse(copyright, ctx).records[0]).toMatchObject({
      title: 'A General Framework for Data-Use Auditing of ML Models',
      url: 'https://arxiv.org/pdf/2407.15100',
      ids: { arxiv: '2407.15100' },
      authors: ['Zonghao Huang', 'Neil Zhenqiang Gong', 'Michael K. Reiter'],
    })

    // The code alone is no paper link, nor a `[[paper]]` in a digest; a title's own link to its paper wins.
    const others = [
      '## Vision',
      '- Wide Residual Networks',
      '  - Sergey Zagoruyko, Nikos Komodakis',
      '  - [[code]](https://github.com/szagoruyko/wide-residual-networks)',
      '- Aggregated Residual Transformations for Deep Neural Networks',
      '  - Saining Xie, Ross Girshick',
      '  - Digest: builds on ResNet [[paper]](https://arxiv.org/abs/1512.03385).',
      '- [Focal Loss for Dense Object Detection](https://arxiv.org/abs/1708.02002)',
      '  - Tsung-Yi Lin, Priya Goyal. [[paper]](https://arxiv.org/abs/1512.03385)',
    ].join('\n')
    expect(awesomeListFormat.parse(others, ctx).records.map(({ url }) => url)).toEqual([
      null,
      null,
      'https://arxiv.org/abs/1708.02002',
    ])
  })

  it('takes a nested link the list names the paper by in other words: `Paper: [url](url)`, a label alone (`[Link](…)`)', () => {
    // An Awesome Continual Learning README ("Paper: [link]" by its contribution template), and session 33's entry
    // linked by `[Link]`.
    const text = [
      '# Awesome Continual Learning',
      '',
      '## Prompt-based',
      '',
      '* **Learning to Prompt for Continual Learning** (CVPR 2022)',
      '  - Paper: [https://arxiv.org/abs/2112.08654](https://arxiv.org/abs/2112.08654)',
      '  - Code: [https://github.com/google-research/l2p](https://github.com/google-research/l2p)',
      '',
      '* **Progressive Prompts: Continual Learning for Language Models** (ICLR 2023)',
      '  - Paper: [https://arxiv.org/abs/2301.12314](https://arxiv.org/abs/2301.12314)',
      '',
      '## Vision',
      '- Attention Is All You Need',
      '  - [Link](https://arxiv.org/abs/1706.03762)',
      '- Aggregated Residual Transformations for Deep Neural Networks',
      '  - [arXiv:1611.05431](https://arxiv.org/abs/1611.05431)',
      // No paper's link: code under its label, a project page, a paper named in a note.
      '- Segment Anything',
      '  - Code: [https://github.com/facebookresearch/segment-anything](https://github.com/facebookresearch/segment-anything)',
      '  - [Link](https://segment-anything.com)',
      '- Masked Autoencoders Are Scalable Vision Learners',
      '  - Follow-up: [VideoMAE](https://arxiv.org/abs/2203.12602)',
    ].join('\n')
    expect(awesomeListFormat.parse(text, ctx).records.map(({ url, ids }) => [url, ids])).toEqual([
      ['https://arxiv.org/abs/2112.08654', { arxiv: '2112.08654' }],
      ['https://arxiv.org/abs/2301.12314', { arxiv: '2301.12314' }],
      ['https://arxiv.org/abs/1706.03762', { arxiv: '1706.03762' }],
      ['https://arxiv.org/abs/1611.05431', { arxiv: '1611.05431' }],
      [null, {}],
      [null, {}],
    ])
  })

  it('reads the authors and venue of a nested line that ends with its paper and code links, not the links as its venue', () => {
    // The layout the paper link is nested in most often: the authors, venue and links on one line under the title.
    const text = [
      '## Vision',
      '- Deep Residual Learning for Image Recognition',
      '  - Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun. CVPR 2016. [[paper]](https://arxiv.org/abs/1512.03385) [[code]](https://github.com/KaimingHe/deep-residual-networks)',
    ].join('\n')
    const [record] = awesomeListFormat.parse(text, ctx).records
    expect(record).toMatchObject({
      url: 'https://arxiv.org/abs/1512.03385',
      ids: { arxiv: '1512.03385' },
      authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
      venue: 'CVPR 2016',
      date: '2016',
    })
  })

  it('reads a nested line of links alone as the entry’s links, not as a detail it could not read', () => {
    // benedekrozemberczki/awesome-community-detection: the paper and each implementation on a line of its own.
    const text = [
      '## Centrality and Cuts',
      '',
      '- **Graph Degree Linkage: Agglomerative Clustering on a Directed Graph (ECCV 2012)**',
      '  - Wei Zhang, Xiaogang Wang, Deli Zhao and Xiaoou Tang',
      '  - [[Paper]](https://arxiv.org/abs/1208.5092)',
      '  - [[Matlab Reference]](https://github.com/waynezhanghk/gactoolbox)',
      '  - [[Python Reference]](https://github.com/myungjoon/GDL)',
    ].join('\n')
    const { records, issues } = awesomeListFormat.parse(text, ctx)
    expect(records[0]?.raw).toMatchObject({ links: ['paper', 'Matlab Reference', 'Python Reference'] })
    expect(records[0]?.raw['unrecognised']).toBeUndefined()
    expect(issues.filter(({ code }) => code === 'PARSE_FAILED')).toEqual([])
  })

  it('takes a venue linked alone to the PDF under a name (`[[KDD 2016]](…pdf)`) as the paper link', () => {
    // chihming/awesome-network-embedding: each name over its title, its venue linked to the PDF, and its code.
    const text = [
      '# Paper References with the implementation(s)',
      '',
      '- **HOPE**',
      '  - Asymmetric Transitivity Preserving Graph Embedding',
      '  - [[KDD 2016]](http://www.kdd.org/kdd2016/papers/files/rfp0184-ouA.pdf)',
      '  - [[Python]](https://github.com/AnryYang/HOPE) ',
      '- **DGCNN**',
      '  - An End-to-End Deep Learning Architecture for Graph Classiﬁcation ',
      '  - [[AAAI 2018]](http://www.cse.wustl.edu/~muhan/papers/AAAI_2018_DGCNN.pdf)',
      '  - [[Lua]](https://github.com/muhanzhang/DGCNN) [[Python]](https://github.com/muhanzhang/pytorch_DGCNN)  ',
    ].join('\n')
    expect(awesomeListFormat.parse(text, ctx).records.map(({ title, url }) => [title, url])).toEqual([
      [
        'Asymmetric Transitivity Preserving Graph Embedding',
        'http://www.kdd.org/kdd2016/papers/files/rfp0184-ouA.pdf',
      ],
      [
        'An End-to-End Deep Learning Architecture for Graph Classiﬁcation',
        'http://www.cse.wustl.edu/~muhan/papers/AAAI_2018_DGCNN.pdf',
      ],
    ])
  })

  it('reads the title nested under a name that links its paper there, with the venue and year after it', () => {
    // chihming/awesome-network-embedding: `- **Name**`, then the title with its venue (`ICLR'19`), its paper, its code.
    const text = [
      '# Paper References with the implementation(s)',
      '',
      '- **GWNN**',
      "  - Graph Wavelet Neural Network, ICLR'19",
      '  - [[paper]](https://openreview.net/forum?id=H1ewdiR5tQ)',
      '  - [[Python PyTorch]](https://github.com/benedekrozemberczki/GraphWaveletNeuralNetwork)',
      '- **GCN**',
      "  - Semi-Supervised Classification with Graph Convolutional Networks, ICLR'17",
      '  - [[arxiv]](https://arxiv.org/abs/1609.02907)  [[Python Tensorflow]](https://github.com/tkipf/gcn)',
      '- **Hyperbolics**',
      '  - Representation Tradeoffs for Hyperbolic Embeddings ',
      '  - [[Arxiv]](https://arxiv.org/abs/1804.03329)',
      // A name over its authors keeps its name as the title: the names are no title.
      '- **TuckER**',
      '  - Ivana Balažević, Carl Allen, Timothy M. Hospedales',
      '  - [[paper]](https://arxiv.org/pdf/1901.09590.pdf)',
    ].join('\n')
    const { records, issues } = awesomeListFormat.parse(text, ctx)
    expect(
      records.map(({ title, venue, date, ids, raw }) => [title, venue, date, ids.arxiv, raw['titleLine']]),
    ).toEqual([
      ['Graph Wavelet Neural Network', 'ICLR 2019', '2019', undefined, 'GWNN'],
      [
        'Semi-Supervised Classification with Graph Convolutional Networks',
        'ICLR 2017',
        '2017',
        '1609.02907',
        'GCN',
      ],
      ['Representation Tradeoffs for Hyperbolic Embeddings', null, null, '1804.03329', 'Hyperbolics'],
      ['TuckER', null, null, '1901.09590', 'TuckER'],
    ])
    expect(records[3]?.authors).toEqual(['Ivana Balažević', 'Carl Allen', 'Timothy M. Hospedales'])
    expect(issues.filter(({ code }) => code === 'PARSE_FAILED')).toEqual([])
  })

  it('counts an entry whose paper link is nested under it toward reading the README as a paper list', () => {
    // benedekrozemberczki/awesome-community-detection's layout; a README of these alone was read as no list at all.
    const text = [
      '# Awesome Community Detection Research Papers',
      '',
      '## Centrality and Cuts',
      '',
      '- **Hypergraph Clustering with Categorical Edge Labels (Arxiv 2019)**',
      '  - Ilya Amburg, Nate Veldt, Austin R. Benson',
      '  - [[Paper]](https://arxiv.org/pdf/1910.09943.pdf)',
      '  - [[Julia Reference]](https://github.com/nveldt/CategoricalEdgeClustering)',
      '',
      '- **Learning Resolution Parameters for Graph Clustering (WWW 2019)**',
      '  - Nate Veldt, David F. Gleich, Anthony Wirth',
      '  - [[Paper]](https://arxiv.org/abs/1903.05246)',
      '  - [[Julia Reference]](https://github.com/nveldt/LearnResParams)',
      '',
      // Code alone names no paper: this item counts for none.
      '- **Clubmark**',
      '  - [[Python Reference]](https://github.com/eXascaleInfolab/clubmark/tree/master/algorithms)',
    ].join('\n')
    expect(surveyAwesomeMarkdown(text.split('\n'))).toEqual({ yearHeadings: 0, entries: 2, items: 3 })
    expect(detectFormat(text, 'README.md')?.format.name).toBe('awesome-list')
  })

  it('reads a bold title wrapped onto the next line without its bold marks', () => {
    // wawabinger/Awesome-dataset-copyright-protection: the title breaks inside its bold, then the nested details.
    const text = [
      '### Traceable：',
      '',
      '- **Rethinking Data Bias: Dataset Copyright Protection',
      'via Embedding Class-wise Hidden Bias**',
      '    - ECCV 2024',
      '    - Jinhyeok Jang, ByungOk Han, Jaehong Kim, and Chan-Hyun Youn',
      '    - ETRI',
      '    - [Paper](https://www.ecva.net/papers/eccv_2024/papers_ECCV/papers/03084.pdf) [Code](https://github.com/jjh6297/UndercoverBias)',
    ].join('\n')
    expect(awesomeListFormat.parse(text, ctx).records[0]).toMatchObject({
      title: 'Rethinking Data Bias: Dataset Copyright Protection via Embedding Class-wise Hidden Bias',
      authors: ['Jinhyeok Jang', 'ByungOk Han', 'Jaehong Kim', 'Chan-Hyun Youn'],
      url: 'https://www.ecva.net/papers/eccv_2024/papers_ECCV/papers/03084.pdf',
    })
  })

  it('takes a venue in parentheses after a bold or linked title, or ending a bold one, off the title', () => {
    const text = [
      '## Prompt-based',
      // An Awesome Continual Learning README: the venue after the bold title, the paper link nested.
      '* **Learning to Prompt for Continual Learning** (CVPR 2022)',
      '  - Paper: [https://arxiv.org/abs/2112.08654](https://arxiv.org/abs/2112.08654)',
      // benedekrozemberczki/awesome-community-detection: the venue inside the bold, the authors nested.
      '- **Learning Resolution Parameters for Graph Clustering (WWW 2019)**',
      '  - Nate Veldt, David F. Gleich, Anthony Wirth',
      '  - [[Paper]](https://arxiv.org/abs/1903.05246)',
      '- **Hypergraph Clustering with Categorical Edge Labels (Arxiv 2019)**',
      '  - Ilya Amburg, Nate Veldt, Austin R. Benson',
      '  - [[Paper]](https://arxiv.org/pdf/1910.09943.pdf)',
      // Westlake-AI/openmixup: a venue written with its apostrophe after a linked name.
      "- [AlexNet](https://dl.acm.org/doi/10.1145/3065386) (NeurIPS'2012) [config](https://github.com/Westlake-AI/openmixup/tree/main/configs/classification/imagenet/alexnet/)",
      "- [SmoothMix](https://openaccess.thecvf.com/content_CVPRW_2020/papers/w45/Lee_SmoothMix_A_Simple_Yet_Effective_Data_Augmentation_to_Train_Robust_CVPRW_2020_paper.pdf) (CVPRW'2020) [config](https://github.com/Westlake-AI/openmixup/tree/main/configs/classification/imagenet/mixups/)",
      "- [GridMix](https://www.sciencedirect.com/science/article/pii/S0031320320303976) (Pattern Recognition'2021) [config](https://github.com/Westlake-AI/openmixup/tree/main/configs/classification/imagenet/mixups/)",
      // Parentheses that are the title's own stay in it.
      '- **Language Models are Few-Shot Learners (GPT-3)** [[paper]](https://arxiv.org/abs/2005.14165)',
      '- **Mastering the Game of Go without Human Knowledge (Extended Abstract)** [[paper]](https://doi.org/10.1038/nature24270)',
    ].join('\n')
    const { records } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ title, venue, date, raw }) => [title, venue, date, raw['venue']])).toEqual([
      ['Learning to Prompt for Continual Learning', 'CVPR 2022', '2022', 'CVPR 2022'],
      ['Learning Resolution Parameters for Graph Clustering', 'WWW 2019', '2019', 'WWW 2019'],
      // A preprint server is no venue; its year dates the paper.
      ['Hypergraph Clustering with Categorical Edge Labels', null, '2019', 'Arxiv 2019'],
      ['AlexNet', 'NeurIPS 2012', '2012', 'NeurIPS 2012'],
      ['SmoothMix', 'CVPRW 2020', '2020', 'CVPRW 2020'],
      ['GridMix', 'Pattern Recognition 2021', '2021', 'Pattern Recognition 2021'],
      ['Language Models are Few-Shot Learners (GPT-3)', null, null, null],
      ['Mastering the Game of Go without Human Knowledge (Extended Abstract)', null, null, null],
    ])
    expect(records[1]?.authors).toEqual(['Nate Veldt', 'David F. Gleich', 'Anthony Wirth'])
  })

  it('reads a nested line that is only a venue as the venue, and one that only names labs as the affiliation', () => {
    const text = [
      '## Backdoor Attacks',
      // An awesome list of self-supervised learning security: authors, their labs, the venue, each on its line.
      '- **Anti-Backdoor Learning: Training Clean Models on Poisoned Data** [[pdf]](https://arxiv.org/abs/2110.11571)',
      '  - Jinyuan Jia, Yupei Liu, Neil Zhenqiang Gong',
      '  - Duke University',
      '  - ICLR 2021',
      '- **BADFSS: Backdoor Attacks on Federated Self-Supervised Learning** [[pdf]](https://arxiv.org/abs/2405.13080)',
      '  - Zhihao Cheng, Yunchang Zhang, Xuxian Jiang',
      '  - Huazhong University of Science and Technology, Tsinghua University, Zhejiang University',
      '  - ICML 2024',
      // conditionWang/Data_Centric_AI_IP_Protection: the venue under the links, with its award.
      '- Non-Transferable Learning: A New Approach for Model Ownership Verification and Applicability Authorization',
      '  - [[paper]](https://arxiv.org/abs/2106.06916) [[code]](https://github.com/conditionWang/NTL) ',
      '  - ICLR 2022 Oral',
      // wawabinger/Awesome-dataset-copyright-protection: venue first, then authors, then the lab's acronym.
      '- **Rethinking Data Bias: Dataset Copyright Protection via Embedding Class-wise Hidden Bias**',
      '    - ECCV 2024',
      '    - Jinhyeok Jang, ByungOk Han, Jaehong Kim, and Chan-Hyun Youn',
      '    - ETRI',
      '    - [Paper](https://www.ecva.net/papers/eccv_2024/papers_ECCV/papers/03084.pdf) [Code](https://github.com/jjh6297/UndercoverBias)',
      // A name over its venue (chihming/awesome-network-embedding's layout): the venue is no title nested under it.
      '- **GWNN**',
      '  - ICLR 2019 Oral',
      '  - [[paper]](https://openreview.net/forum?id=H1ewdiR5tQ)',
      // A field's abbreviation in capitals tags the paper: no lab, still a line not recognised.
      '- **Backdoor Attacks on Self-Supervised Learning** [[pdf]](https://arxiv.org/abs/2105.10123)',
      '  - SSL, CV',
    ].join('\n')
    const { records, issues } = awesomeListFormat.parse(text, ctx)
    expect(records[4]?.title).toBe('GWNN')
    expect(records.map(({ venue, date, raw }) => [venue, date, raw['affiliation']])).toEqual([
      ['ICLR 2021', '2021', 'Duke University'],
      [
        'ICML 2024',
        '2024',
        'Huazhong University of Science and Technology, Tsinghua University, Zhejiang University',
      ],
      ['ICLR 2022 Oral', '2022', undefined],
      ['ECCV 2024', '2024', 'ETRI'],
      ['ICLR 2019 Oral', '2019', undefined],
      [null, null, undefined],
    ])
    expect(records.map(({ authors }) => authors.length)).toEqual([3, 3, 0, 4, 0, 0])
    expect(issues.filter(({ code }) => code === 'PARSE_FAILED').map(({ excerpt }) => excerpt)).toEqual([
      'SSL, CV',
    ])
  })

  it("reads a nested `[Link](arxiv)` line as the entry's link, not a detail line not recognised", () => {
    const text = [
      '## Vision',
      '- Attention Is All You Need',
      '  - [Link](https://arxiv.org/abs/1706.03762)',
      // A label linked to a project page is no paper link: it stays a line not recognised.
      '- Segment Anything',
      '  - Alexander Kirillov, Eric Mintun, Nikhila Ravi',
      '  - [Link](https://segment-anything.com)',
    ].join('\n')
    const { records, issues } = awesomeListFormat.parse(text, ctx)
    expect(records[0]).toMatchObject({
      url: 'https://arxiv.org/abs/1706.03762',
      ids: { arxiv: '1706.03762' },
    })
    expect(records[0]?.raw['links']).toEqual(['Link'])
    expect(records[0]?.raw['unrecognised']).toBeUndefined()
    expect(issues.filter(({ code }) => code === 'PARSE_FAILED').map(({ line }) => line)).toEqual([6])
  })
})

describe('misreadings of real READMEs (session 35)', () => {
  const ctx = { input: 'README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }

  it('reads a nested tag of a field ending in `AI` (`Explainable AI`) as no lab, and a lab named so (`Sony AI`) as one', () => {
    // The layout of an awesome list of self-supervised-learning security (authors, labs, venue nested), one line a tag.
    const text = [
      '## Backdoor Attacks',
      '',
      '- **The Perils of Learning From Unlabeled Data: Backdoor Attacks on Semi-supervised Learning** [[pdf]](https://arxiv.org/abs/2211.00453)',
      '  - Virat Shejwalkar, Lingjuan Lyu, Amir Houmansadr',
      '  - University of Massachusetts Amherst, Sony AI',
      '  - arXiv 2024',
      '- **Towards Explaining Backdoor Attacks with Saliency Maps** [[pdf]](https://arxiv.org/abs/2303.00421)',
      '  - Ann Lee, Bo Chen',
      '  - Explainable AI',
      '  - ICLR 2023',
      '- **Backdoor Attacks on Text-to-Image Diffusion Models** [[pdf]](https://arxiv.org/abs/2305.04175)',
      '  - Ann Lee, Bo Chen',
      '  - Generative AI',
      '  - Sony AI',
    ].join('\n')
    const { records, issues } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ venue, raw }) => [venue, raw['affiliation']])).toEqual([
      [null, 'University of Massachusetts Amherst, Sony AI'],
      ['ICLR 2023', undefined],
      [null, 'Sony AI'],
    ])
    // A tag is a line not recognised, as a field's abbreviation is: warned, with its line, and kept in raw.
    expect(
      issues.filter(({ code }) => code === 'PARSE_FAILED').map(({ line, excerpt }) => [line, excerpt]),
    ).toEqual([
      [9, 'Explainable AI'],
      [13, 'Generative AI'],
    ])
    expect(records[1]?.raw['unrecognised']).toEqual(['Explainable AI'])
  })

  it('reads a workshop and a journal or proceedings named in full as the venue, and a town after an acronym as a lab', () => {
    // An awesome list of the security of pre-trained encoders (authors, labs, venue nested), entries as written.
    const text = [
      '## Adversarial Attacks',
      '',
      '- **Towards Adversarial Attack on Vision-Language Pre-training Models** [[pdf]](https://arxiv.org/abs/2206.09391) [[code]](https://github.com/adversarial-for-goodness/Co-Attack)',
      '  - Jiaming Zhang,Qi Yi,Jitao Sang',
      '  - Beijing Jiaotong University,Peng Cheng Lab',
      '  - Proceedings of the ACM International Conference on Multimedia (ACM MM 2022)',
      '',
      '## Backdoor Attacks',
      '',
      '- **Backdoor Attacks for In-Context Learning with Language Models** [[pdf]](https://arxiv.org/abs/2307.14692)',
      '  - Nikhil Kandpal, Matthew Jagielski, Florian Tramèr, Nicholas Carlini',
      '  - UNC Chapel Hill, ETH Zurich',
      '  - ICML 2023 Workshop AdvML-Frontiers',
      '',
      '- **Backdoor Attacks Against Deep Image Compression via Adaptive Frequency Trigger** [[pdf]](https://arxiv.org/abs/2302.14677)',
      '  - Yi Yu, Yufei Wang, Wenhan Yang, Shijian Lu, Yap-Peng Tan, Alex C. Kot',
      '  - Nanyang Technological University, Peng Cheng Laboratory, IGP-ROSE',
      '  - IEEE Transactions on Information Forensics and Security (TIFS)',
      // Journals as other lists write them under a paper: named in full, no year.
      '- **Understanding Deep Learning Requires Rethinking Generalization** [[pdf]](https://arxiv.org/abs/1611.03530)',
      '  - Chiyuan Zhang, Samy Bengio, Moritz Hardt, Benjamin Recht, Oriol Vinyals',
      '  - Journal of Machine Learning Research',
      '- **Benchmarking Neural Network Robustness to Common Corruptions** [[pdf]](https://arxiv.org/abs/1903.12261)',
      '  - Dan Hendrycks, Thomas Dietterich',
      '  - Transactions on Machine Learning Research',
      '- **Deep Residual Learning for Image Recognition** [[pdf]](https://arxiv.org/abs/1512.03385)',
      '  - Kaiming He, Xiangyu Zhang',
      '  - IEEE Transactions on Pattern Analysis and Machine Intelligence',
      '- **Scaling Vision Transformers to 22 Billion Parameters** [[pdf]](https://arxiv.org/abs/2302.05442)',
      '  - Mostafa Dehghani, Josip Djolonga',
      '  - Transactions on Machine Learning Research, 2024',
      // Still no venue: a sentence that names a journal.
      '- **Robust Physical-World Attacks on Deep Learning Models** [[pdf]](https://arxiv.org/abs/1707.08945)',
      '  - Kevin Eykholt, Ivan Evtimov',
      '  - Journal of record for the attack, see the appendix.',
    ].join('\n')
    const { records, issues } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ venue, date, raw }) => [venue, date, raw['affiliation']])).toEqual([
      [
        'Proceedings of the ACM International Conference on Multimedia (ACM MM 2022)',
        '2022',
        'Beijing Jiaotong University,Peng Cheng Lab',
      ],
      ['ICML 2023 Workshop AdvML-Frontiers', '2023', 'UNC Chapel Hill, ETH Zurich'],
      [
        'IEEE Transactions on Information Forensics and Security (TIFS)',
        null,
        'Nanyang Technological University, Peng Cheng Laboratory, IGP-ROSE',
      ],
      ['Journal of Machine Learning Research', null, undefined],
      ['Transactions on Machine Learning Research', null, undefined],
      ['IEEE Transactions on Pattern Analysis and Machine Intelligence', null, undefined],
      ['Transactions on Machine Learning Research, 2024', '2024', undefined],
      [null, null, undefined],
    ])
    expect(records.map(({ authors }) => authors.length)).toEqual([3, 4, 6, 5, 2, 2, 2, 2])
    expect(
      issues.filter(({ code }) => code === 'PARSE_FAILED').map(({ line, excerpt }) => [line, excerpt]),
    ).toEqual([[33, 'Journal of record for the attack, see the appendix.']])
  })

  it('takes of several nested paper links the one whose address names the paper, whatever its label or line', () => {
    // chihming/awesome-network-embedding (REGAL, SINE as written): a name over its title, paper links and code.
    const text = [
      '# Paper References with the implementation(s)',
      '',
      '- **REGAL**',
      "  - REGAL: Representation Learning-based Graph Alignment. International Conference on Information and Knowledge Management, CIKM'18",
      '  - [[arxiv]](https://arxiv.org/pdf/1802.06257.pdf)',
      '  - [[paper]](https://dl.acm.org/citation.cfm?id=3271788)',
      '  - [[code]](https://github.com/GemsLab/REGAL)',
      // Written here in its layout, a second link added: the publisher's landing page or a copy first, on the line or
      // above it; the link whose address names the paper wins.
      '- **struc2vec**',
      "  - struc2vec: Learning Node Representations from Structural Identity, KDD'17",
      '  - [[paper]](https://dl.acm.org/citation.cfm?id=3098061) [[arxiv]](https://arxiv.org/abs/1704.03165)',
      '  - [[Python]](https://github.com/leoribeiro/struc2vec)',
      '- **BANE**',
      "  - Binarized Attributed Network Embedding, ICDM'18",
      '  - [[paper]](https://www.researchgate.net/publication/328688614_Binarized_Attributed_Network_Embedding)',
      '  - [[pdf]](https://ieeexplore.ieee.org/document/8594849)',
      '  - [[Python]](https://github.com/benedekrozemberczki/BANE)',
      // A paper link that names no paper by its address is still the one, when it is the only one.
      '- **SINE**',
      "  - SINE: Scalable Incomplete Network Embedding, ICDM'18",
      '  - [[paper]](https://github.com/benedekrozemberczki/SINE/blob/master/paper.pdf)',
      '  - [[Python PyTorch]](https://github.com/benedekrozemberczki/SINE/)',
    ].join('\n')
    const { records } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ url, ids }) => [url, ids])).toEqual([
      ['https://arxiv.org/pdf/1802.06257.pdf', { arxiv: '1802.06257' }],
      ['https://arxiv.org/abs/1704.03165', { arxiv: '1704.03165' }],
      ['https://ieeexplore.ieee.org/document/8594849', {}],
      ['https://github.com/benedekrozemberczki/SINE/blob/master/paper.pdf', {}],
    ])
  })

  it('takes the paper link on the line that continues a nested item, as it takes one on the item’s own line', () => {
    // A visual-tracking paper list's layout (title, then its authors and links nested), the links wrapped onto the line
    // under the authors as a long line is.
    const text = [
      '## Tracking',
      '',
      '- Convolutional Residual Learning for Visual Tracking',
      '  - Yibing Song, Chao Ma, Lijun Gong, Jiawei Zhang, Rynson Lau and Ming-Hsuan Yang. ICCV 2017.',
      '    [[paper]](https://arxiv.org/abs/1708.00225) [[project]](https://www.cs.cityu.edu.hk/%7Eyibisong/iccv17/index.html)',
      '- Need for Speed: A Benchmark for Higher Frame Rate Object Tracking',
      '  - Hamed Kiani, Ashton Fagg, Chen Huang, Deva Ramanan, and Simon Lucey',
      '  - [[Paper]](http://www.hamedkiani.com/uploads/5/1/8/8/51882963/435.pdf) [[Sup. Material]](http://www.hamedkiani.com/uploads/5/1/8/8/51882963/435_sup.pdf)',
    ].join('\n')
    const rendered = render(text)
    expect(rendered.links.get(4)?.map(({ label }) => label)).toEqual(['paper', 'project'])
    expect(rendered.links.has(5)).toBe(false)
    const { records, issues } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ url, ids, venue, authors }) => [url, ids, venue, authors.length])).toEqual([
      ['https://arxiv.org/abs/1708.00225', { arxiv: '1708.00225' }, 'ICCV 2017', 6],
      ['http://www.hamedkiani.com/uploads/5/1/8/8/51882963/435.pdf', {}, null, 5],
    ])
    expect(issues.filter(({ code }) => code === 'PARSE_FAILED')).toEqual([])
  })

  it('keeps a lab or company in italics in parentheses after a linked title as the affiliation, apart from the venue', () => {
    // Written in the way of cmhungsteve/Awesome-Transformer-Attention (`(*Company*)` after the venue and year), the
    // title a link of its own; its Axial-Transformer line as written, a note in parentheses before the company.
    const text = [
      '## Vision',
      '',
      '* [Scaling Vision Transformers](https://arxiv.org/abs/2106.04560), CVPR, 2022 (*Google*). [[JAX](https://github.com/google-research/big_vision)]',
      '* [Segment Anything](https://arxiv.org/abs/2304.02643) (*Meta AI*) [[code](https://github.com/facebookresearch/segment-anything)]',
      '* [Emerging Properties in Self-Supervised Vision Transformers](https://arxiv.org/abs/2104.14294), ICCV 2021 (*Facebook + Inria*)',
      '* **Axial-Transformer**: "Axial Attention in Multidimensional Transformers", arXiv, 2019 (rejected by ICLR 2020) (*Google*). [[Paper](https://openreview.net/forum?id=H1e5GJBtDr)][[PyTorch (lucidrains)](https://github.com/lucidrains/axial-attention)]',
      // In italics in parentheses but no lab: how it was presented, its venue.
      '* [Masked Autoencoders Are Scalable Vision Learners](https://arxiv.org/abs/2111.06377) (*Oral*)',
      '* [An Image is Worth 16x16 Words](https://arxiv.org/abs/2010.11929) (*ICLR 2021*)',
    ].join('\n')
    const { records } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ title, venue, date, raw }) => [title, venue, date, raw['affiliation']])).toEqual([
      ['Scaling Vision Transformers', 'CVPR 2022', '2022', 'Google'],
      ['Segment Anything', null, null, 'Meta AI'],
      ['Emerging Properties in Self-Supervised Vision Transformers', 'ICCV 2021', '2021', 'Facebook + Inria'],
      // arXiv is no venue; its year dates the paper. The note is no lab.
      ['Axial Attention in Multidimensional Transformers', null, '2019', 'Google'],
      ['Masked Autoencoders Are Scalable Vision Learners', null, null, undefined],
      ['An Image is Worth 16x16 Words', 'ICLR 2021', '2021', undefined],
    ])
  })

  it('reads a title in sentence case nested under a name when it ends with its venue or opens with the name', () => {
    // chihming/awesome-network-embedding, entries as written: titles in sentence case under their names.
    const text = [
      '# Paper References with the implementation(s)',
      '',
      '- **GuidedHeteEmbedding**',
      "  - Task-guided and path-augmented heterogeneous network embedding for author identification, WSDM'17",
      '  - [[paper]](https://arxiv.org/pdf/1612.02814.pdf) [[code]](https://github.com/chentingpc/GuidedHeteEmbedding)',
      '- **gat2vec**',
      '  - gat2vec: Representation learning for attributed graphs',
      '  - [[paper]](https://doi.org/10.1007/s00607-018-0622-9)',
      '  - [[Python]](https://github.com/snash4/GAT2VEC)',
      // Its REGAL line holds a sentence's end (the venue written out after it): the name stays the title.
      '- **REGAL**',
      "  - REGAL: Representation Learning-based Graph Alignment. International Conference on Information and Knowledge Management, CIKM'18",
      '  - [[arxiv]](https://arxiv.org/pdf/1802.06257.pdf)',
      // Written here: a description in sentence case, neither venue nor name, is no title.
      '- **Walklets**',
      '  - A simple way to embed graphs at many scales',
      '  - [[paper]](https://arxiv.org/pdf/1605.02115.pdf)',
    ].join('\n')
    const { records, issues } = awesomeListFormat.parse(text, ctx)
    expect(records.map(({ title, venue, date, raw }) => [title, venue, date, raw['titleLine']])).toEqual([
      [
        'Task-guided and path-augmented heterogeneous network embedding for author identification',
        'WSDM 2017',
        '2017',
        'GuidedHeteEmbedding',
      ],
      ['gat2vec: Representation learning for attributed graphs', null, null, 'gat2vec'],
      ['REGAL', null, null, 'REGAL'],
      ['Walklets', null, null, 'Walklets'],
    ])
    // REGAL's line reads as a note labelled `REGAL:`, kept in raw as before; the description warns, with its line.
    expect(records[2]?.raw['notes']).toHaveLength(1)
    expect(issues.filter(({ code }) => code === 'PARSE_FAILED').map(({ line }) => line)).toEqual([14])
  })

  it('takes of the paper links on a title’s own line the one whose address names the paper, as it does nested', () => {
    // struc2vec as a title over its authors, its ACM landing page and its arXiv page beside it (written here).
    const text = [
      '## Structural Identity',
      '- Learning Node Representations from Structural Identity [[paper]](https://dl.acm.org/citation.cfm?id=3098061) [[arxiv]](https://arxiv.org/abs/1704.03165)',
      '  - Leonardo F. R. Ribeiro, Pedro H. P. Saverese, Daniel R. Figueiredo',
      // Both name the paper: the list's `[paper]` wins, as it always did.
      '- Graph Attention Networks [[paper]](https://openreview.net/forum?id=rJXMpikCZ) [[arxiv]](https://arxiv.org/abs/1710.10903)',
      '  - Petar Veličković, Guillem Cucurull, Arantxa Casanova',
    ].join('\n')
    expect(awesomeListFormat.parse(text, ctx).records.map(({ url, ids }) => [url, ids])).toEqual([
      ['https://arxiv.org/abs/1704.03165', { arxiv: '1704.03165' }],
      ['https://openreview.net/forum?id=rJXMpikCZ', {}],
    ])
  })
})
