/**
 * @module A tiny real library where a bare title's words are known to the vector model but one: `Highway networks`
 * (no other text says `highway`), beside `Network in network` and papers with abstracts (abstracts shortened from
 * the papers'). `network` is in under half the texts, so the model keeps it as a word it knows.
 */
import type { SourceRecord } from '../../src/core/index.js'
import { buildRecord } from './factories.js'

const paper = (key: string, title: string, date: string, authors: string[], abstract?: string): SourceRecord =>
  buildRecord({ source: 'bibtex', key, title, date, authors, ...(abstract ? { abstract } : {}) })

export const HIGHWAY_TITLE = 'Highway networks'
export const DROPOUT_TITLE = 'Dropout: a simple way to prevent overfitting'

export function bareTitleLibrary(): SourceRecord[] {
  return [
    paper('nin', 'Network in network', '2013-12', ['Min Lin']),
    paper('gan', 'Generative adversarial nets', '2014-06', ['Ian Goodfellow'], 'We estimate generative models via an adversarial process, training a generator and a discriminator against each other.'),
    paper('dropout', DROPOUT_TITLE, '2014-06', ['Nitish Srivastava', 'Rupesh Srivastava'], 'Randomly dropping units during training prevents units from co-adapting too much and reduces overfitting of deep models.'),
    paper('adam', 'Adam: a method for stochastic optimization', '2014-12', ['Diederik Kingma'], 'An algorithm for first-order gradient-based optimization of stochastic objective functions, based on adaptive estimates of moments.'),
    paper('bn', 'Batch normalization', '2015-02', ['Sergey Ioffe'], 'Training deep models is complicated by the change of each layer input distribution during training; we normalize layer inputs over each mini-batch.'),
    paper('highway', HIGHWAY_TITLE, '2015-05', ['Rupesh Srivastava', 'Klaus Greff']),
    paper('resnet', 'Deep residual learning for image recognition', '2015-12', ['Kaiming He'], 'Deeper neural networks are more difficult to train. We present a residual learning framework to ease the training of networks that are substantially deeper.'),
    paper('attention', 'Attention is all you need', '2017-06', ['Ashish Vaswani'], 'A simple model for sequence transduction based solely on attention, dispensing with recurrence and convolutions entirely, and faster to train.'),
    paper('densenet', 'Densely connected convolutional networks', '2017-07', ['Gao Huang'], 'Convolutional networks can be deeper and more accurate to train if they contain shorter connections between layers close to the input and output.'),
  ]
}
