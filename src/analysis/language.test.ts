import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectFileFormat } from '../ingest/index.js'
import { d2lReferenceRecords } from '../../test/support/corpus-records.js'
import { textLanguage } from './language.js'
import { prepareText } from './text.js'

const language = (title: string, text: string) => textLanguage(prepareText({ title, text }))

describe('textLanguage', () => {
  it('reads every text of the five corpus files as English, with its abstract or digest, and with its title alone', () => {
    const files = ['abstracts.txt', 'author-papers.txt', 'awesome-deep-phenomena.txt', 'daily-papers.txt', 'researcher-profile.txt']
    const texts = files.flatMap((file) => {
      const text = readFileSync(new URL(`../../data/corpus/${file}`, import.meta.url), 'utf8')
      const format = detectFileFormat(text, file)?.format
      if (!format) throw new Error(`no format for ${file}`)
      return format.parse(text, { input: `data/corpus/${file}`, fetchedAt: '2025-09-05T00:00:00Z' }).records
    })
    expect(texts.length).toBeGreaterThan(570)
    const foreign = texts.flatMap((r) => {
      const title = r.title ?? ''
      const body = r.abstract ?? r.digest?.text ?? ''
      return [language(title, body), language(title, '')].some((l) => !l.english) ? [title] : []
    })
    expect(foreign).toEqual([])
  })

  it('names the language of a text that is not English, in Latin script or another', () => {
    expect(language('Effondrement neuronal dans les réseaux profonds', "Nous étudions la phase terminale de l'entraînement des classifieurs profonds. Les caractéristiques de la dernière couche s'effondrent vers les moyennes de classe.")).toEqual({ english: false, language: 'French' })
    expect(language('Colapso neuronal en redes profundas', 'Estudiamos la fase terminal del entrenamiento de clasificadores profundos y mostramos que las características de la última capa colapsan.')).toEqual({ english: false, language: 'Spanish' })
    expect(language('深度神经网络中的神经坍缩现象研究', '我们研究了深度神经网络训练末期的神经坍缩现象。最后一层特征收敛到类均值，类均值构成单纯形等角紧框架。')).toEqual({ english: false, language: 'Chinese' })
    expect(language('Нейронный коллапс в глубоких сетях', 'Мы изучаем терминальную фазу обучения глубоких классификаторов. Признаки последнего слоя коллапсируют к средним классов.')).toEqual({ english: false, language: 'Russian' })
  })

  it('reads the English titles of the d2l references as English, though franc calls some of them French or Madurese, and the five in French or Italian as those', () => {
    // Title-only records: franc reads English jargon (`ImageNet large scale visual recognition challenge`) as several
    // languages at once, a foreign title as its own.
    const foreign = d2lReferenceRecords().flatMap((r) => {
      const told = language(r.title ?? '', r.abstract ?? '')
      return told.english ? [] : [`${told.language}: ${r.title}`]
    })
    expect(foreign.sort()).toEqual([
      "French: Les Nouvelles Idées sur la Structure du Système Nerveux chez l'Homme et chez les Vertébrés",
      'French: Mémoire sur les Opérations Trigonométriques: dont les Résultats Dépendent de la Figure de la Terre',
      'Italian: Sulla determinazione empirica delle leggi di probabilita',
      'Italian: Sulla determinazione empirica di una legge di distribuzione',
      'Italian: Sulla probabilita come limita della frequenza',
    ])
    for (const title of ['Imagenet: A large-scale hierarchical image database', 'ImageNet large scale visual recognition challenge', 'Training compute-optimal large language models', 'Troubling trends in machine learning scholarship']) {
      expect(language(title, '')).toEqual({ english: true, language: null })
    }
  })

  it('takes a text too short to tell as English, and English with foreign words as English', () => {
    expect(language('Grokking', '')).toEqual({ english: true, language: null })
    expect(language('Effondrement neuronal', '')).toEqual({ english: true, language: null })
    expect(language('Neural collapse 神经坍缩', 'We study neural collapse in deep classifiers trained past zero error; the last-layer features collapse to their class means.')).toEqual({ english: true, language: null })
    expect(language('On the Weltanschauung of deep nets', 'We revisit the raison d’être of over-parameterisation, the Zeitgeist of scaling and the je ne sais quoi of implicit bias in gradient descent.')).toEqual({ english: true, language: null })
  })
})
