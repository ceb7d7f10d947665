import { describe, expect, it } from 'vitest'
import {
  isSameAuthor,
  looksLikeAuthorList,
  looksLikePersonName,
  normalizeNameCase,
  parseAuthorList,
  splitGluedTitleAndAuthors,
  splitRunTogetherNames,
} from './author-names.js'

describe('parseAuthorList', () => {
  it('marks a list cut with et al. as truncated and never makes "et al." an author', () => {
    expect(parseAuthorList('Elizabeth Collins-Woodfin, Courtney Paquette, Elliot Paquette et al.')).toEqual({
      authors: ['Elizabeth Collins-Woodfin', 'Courtney Paquette', 'Elliot Paquette'],
      truncated: true,
    })
    expect(parseAuthorList('A. Smith, B. Jones, et al')).toEqual({
      authors: ['A. Smith', 'B. Jones'],
      truncated: true,
    })
  })

  it('splits on commas, semicolons, & and "and"', () => {
    expect(parseAuthorList('Mototaka Suzuki; Cyriel M. A. Pennartz; Jaan Aru').authors).toEqual([
      'Mototaka Suzuki',
      'Cyriel M. A. Pennartz',
      'Jaan Aru',
    ])
    expect(parseAuthorList('Denis Therien & Konrad P. Kording').authors).toEqual([
      'Denis Therien',
      'Konrad P. Kording',
    ])
    expect(parseAuthorList('Ann Lee and Bo  Chen').authors).toEqual(['Ann Lee', 'Bo Chen'])
    expect(parseAuthorList('Saeed , Adam Shephard').authors).toEqual(['Saeed', 'Adam Shephard'])
  })
})

describe('looksLikePersonName', () => {
  it.each([
    'Noa Rubin',
    'Elizabeth Collins-Woodfin',
    'Jonathan P. Keating',
    'Stephanie C.Y. Chan',
    'M.Moein Shariatnia',
    'Sébastien Bubeck',
    'Dejan Štepec',
    "Conor O'Brien",
    'Ryan McDonald',
    'Yann LeCun',
    'SueYeon Chung',
    'Remi Tachet des Combes',
    'Ludwig van Beethoven',
    'Alexander G. de G. Matthews',
    'Hadas Yaron Goldhirsh',
  ])('accepts %j', (name) => {
    expect(looksLikePersonName(name, 2)).toBe(true)
  })

  it.each([
    'NetworksNoa Rubin',
    'Transition in Two Layer Networks',
    'GPT-4 Smith',
    'Smith van',
    'the Model',
    '2023 Smith',
  ])('rejects %j', (name) => {
    expect(looksLikePersonName(name, 2)).toBe(false)
  })
})

describe('looksLikeAuthorList', () => {
  it('accepts author lines and rejects titles and prose', () => {
    expect(looksLikeAuthorList('Noa Rubin, Inbar Seroussi, Zohar Ringel')).toBe(true)
    expect(looksLikeAuthorList('Donald Flynn, Hadas Yaron Goldhirsh, Jonathan P. Keating et al.')).toBe(true)
    expect(looksLikeAuthorList('Speed Limits for Deep Learning')).toBe(false)
    expect(looksLikeAuthorList('We study the dynamics of SGD. It converges.')).toBe(false)
    expect(looksLikeAuthorList('U Networks Have Few Patterns')).toBe(false)
  })
})

describe('splitGluedTitleAndAuthors', () => {
  it.each([
    [
      'Grokking as a First Order Phase Transition in Two Layer NetworksNoa Rubin, Inbar Seroussi, Zohar Ringel',
      'Grokking as a First Order Phase Transition in Two Layer Networks',
      ['Noa Rubin', 'Inbar Seroussi', 'Zohar Ringel'],
      false,
    ],
    [
      'Attention Scaling in GPTJohn Smith, Ann Lee',
      'Attention Scaling in GPT',
      ['John Smith', 'Ann Lee'],
      false,
    ],
    [
      'Kernel Limits of the NTKA. Smith, B. Jones',
      'Kernel Limits of the NTK',
      ['A. Smith', 'B. Jones'],
      false,
    ],
    [
      'Training ResNet-18 on CIFAR-10Jörg Müller, Zoë Ågren',
      'Training ResNet-18 on CIFAR-10',
      ['Jörg Müller', 'Zoë Ågren'],
      false,
    ],
    [
      'Do Transformers Generalize?Hélène Dupont-Martin et al.',
      'Do Transformers Generalize?',
      ['Hélène Dupont-Martin'],
      true,
    ],
    [
      "PFGM++: Physics-Inspired Generative Models (Revisited)Ludwig van Beethoven, Conor O'Brien",
      'PFGM++: Physics-Inspired Generative Models (Revisited)',
      ['Ludwig van Beethoven', "Conor O'Brien"],
      false,
    ],
    [
      'Deep ReLU Networks Have Surprisingly Few Activation PatternsBoris Hanin, David Rolnick',
      'Deep ReLU Networks Have Surprisingly Few Activation Patterns',
      ['Boris Hanin', 'David Rolnick'],
      false,
    ],
    [
      'VTrans: Accelerating Transformer CompressionYann LeCun',
      'VTrans: Accelerating Transformer Compression',
      ['Yann LeCun'],
      false,
    ],
  ])('splits %j', (line, title, authors, truncated) => {
    expect(splitGluedTitleAndAuthors(line)).toEqual({ title, authorList: { authors, truncated } })
  })

  it.each([
    'Speed Limits for Deep Learning',
    'Empirical Analysis of the Hessian of Over-Parametrized Neural Networks',
    'Deep ReLU Networks Have Surprisingly Few Activation Patterns',
    'Gradient Descent Can Take Exponential Time to Escape Saddle Points',
    'Noa Rubin, Inbar Seroussi',
  ])('finds no author list glued to %j', (line) => {
    expect(splitGluedTitleAndAuthors(line)).toBeNull()
  })
})

describe('splitRunTogetherNames', () => {
  it('splits names printed without separators and leaves single names whole', () => {
    expect(splitRunTogetherNames('Jeffrey S BowersGaurav MalhotraMarin Dujmović')).toEqual([
      'Jeffrey S Bowers',
      'Gaurav Malhotra',
      'Marin Dujmović',
    ])
    expect(splitRunTogetherNames('Ryan McDonald')).toBeNull()
  })
})

describe('isSameAuthor', () => {
  it('matches spellings of one person and keeps different people apart', () => {
    expect(isSameAuthor('Inbar Seroussi', 'inbar seroussi')).toBe(true)
    expect(isSameAuthor('I. Seroussi', 'Inbar Seroussi')).toBe(true)
    expect(isSameAuthor('Sébastien Bubeck', 'Sebastien Bubeck')).toBe(true)
    expect(isSameAuthor('Elliot Paquette', 'Courtney Paquette')).toBe(false)
    expect(isSameAuthor('Ivan Seroussi', 'Inbar Seroussi')).toBe(false)
  })
})

describe('names as real lists print them (session 28)', () => {
  it.each([
    // atfortes/Awesome-LLM-Reasoning: a camel-case surname.
    'Parishad BehnamGhader',
    'Jake VanderPlas',
    'Diego de las Casas',
    'Valentin De Bortoli',
    'Laurens van der Maaten',
    "Ryan O'Connor",
    'Ki-Ung Song',
    'Ronan Le Bras',
    '王小明',
    'Jonathan J Hunt',
    // Surnames in capitals (diff-usion/Awesome-Diffusion-Models writes `Xudong XU`) and particles joined or after.
    'Xudong XU',
    'ZHANG Wei',
    'Yann LeCUN',
    'Jean-Pierre DUPONT',
    'Abu Ali al-Hasan',
    'Ludwig van Beethoven II',
    // A name all in capitals (a `# Neural-Operator` paper list prints `LIU SONGMING` among ICML 2023 authors).
    'LIU SONGMING',
    'ZHANG WEI',
    'WU YI',
  ])('accepts %j', (name) => {
    expect(looksLikePersonName(name)).toBe(true)
  })

  it.each([
    // opendilab/awesome-diffusion-model-in-rl writes `- Anonymous Authors` where names go.
    'Anonymous Authors',
    'Paper',
    'Code',
    'Nature Neuroscience',
    'Technical Report',
    // jason718/awesome-self-supervised-learning: an affiliation among the names.
    'Universität Bern',
    // A title word glued to a first name is still no name: a camel-case word counts only after the first.
    'NetworksNoa Rubin',
    // Capitals that are no surname: initials (Vancouver style), organisations, a surname without a given name.
    'Hinton GE',
    'MIT CSAIL',
    'NVIDIA Research',
    'ZHANG',
    'UC BERKELEY',
    'GOOGLE BRAIN',
    'ICLR ORAL',
    'CVPR 2023',
    'II',
  ])('rejects %j', (name) => {
    expect(looksLikePersonName(name)).toBe(false)
  })

  it('reads a surname in capitals only where a name stands apart, never cut from a glued title', () => {
    expect(looksLikePersonName('Xudong XU', 2)).toBe(false)
    expect(looksLikePersonName('LIU SONGMING', 2)).toBe(false)
    expect(splitGluedTitleAndAuthors('Deep ReLU Networks')).toBeNull()
  })

  it.each([
    ['Xudong XU', 'Xudong Xu'],
    ['ZHANG Wei', 'Zhang Wei'],
    ['Yann LeCUN', 'Yann LeCun'],
    ['Jean-Pierre DUPONT-MOREAU', 'Jean-Pierre Dupont-Moreau'],
    ['LIU SONGMING', 'Liu Songming'],
    // Not a name, or no capitals: as it was.
    ['Hinton GE', 'Hinton GE'],
    ['C.Y. Chan', 'C.Y. Chan'],
    ['Laurens van der Maaten', 'Laurens van der Maaten'],
  ])('sets the surname of %j in title case: %j', (name, normalized) => {
    expect(normalizeNameCase(name)).toBe(normalized)
  })

  it('turns BibTeX-order names round and drops a serial `and`', () => {
    // Copied from github.com/jason718/awesome-self-supervised-learning README.md.
    expect(parseAuthorList('Doersch, Carl and Gupta, Abhinav and Efros, Alexei A.').authors).toEqual([
      'Carl Doersch',
      'Abhinav Gupta',
      'Alexei A. Efros',
    ])
    expect(
      parseAuthorList('Hsin-Ying Lee, Jia-Bin Huang, Maneesh Kumar Singh, and Ming-Hsuan Yang').authors,
    ).toEqual(['Hsin-Ying Lee', 'Jia-Bin Huang', 'Maneesh Kumar Singh', 'Ming-Hsuan Yang'])
    // A comma list ending in `and` is no BibTeX list.
    expect(parseAuthorList('Noa Rubin, Inbar Seroussi and Zohar Ringel').authors).toEqual([
      'Noa Rubin',
      'Inbar Seroussi',
      'Zohar Ringel',
    ])
  })
})
