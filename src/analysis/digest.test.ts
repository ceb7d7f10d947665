import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CORPUS_FORMATS, recognizeApiAnswer } from '../ingest/index.js'
import { deriveTitle } from '../library/index.js'
import { generateDigest, rejoinBrokenWords, spellOutAcronyms, type GeneratedDigest } from './digest.js'
import { readText } from './read-text.js'
import { prepareText } from './text.js'

const READS_AS_SENTENCE = /^[A-Z0-9“"(][^]*[.!?]["”’)]?$/

const CORPUS_FILES = ['abstracts', 'author-papers', 'daily-papers', 'researcher-profile'] as const
type CorpusFile = (typeof CORPUS_FILES)[number]

/** A paper of the corpus's page captures, as the library holds it. */
interface CorpusPaper {
  file: CorpusFile
  title: string
  abstract: string
}

let corpus: CorpusPaper[] | undefined
/**
 * Every paper of the corpus's page captures with an abstract and no digest of its own (the awesome list has its own),
 * read with the real importers: one the capture gives no title has the one the library makes from its abstract.
 */
function corpusPapers(): CorpusPaper[] {
  corpus ??= CORPUS_FILES.flatMap((file) => {
    const parser = CORPUS_FORMATS.find((f) => f.name === file)
    if (!parser) throw new Error(`${file}: no importer`)
    const text = readFileSync(new URL(`../../data/corpus/${file}.txt`, import.meta.url), 'utf8')
    return parser
      .parse(text, { input: `${file}.txt`, fetchedAt: '2026-01-01T00:00:00Z' })
      .records.filter((r) => r.abstract && !r.digest)
      .map((r) => ({ file, title: r.title ?? deriveTitle(r.abstract ?? null), abstract: r.abstract ?? '' }))
  })
  return corpus
}

/**
 * A paper's digest as the library stores it: the analyze step reads the title and abstract once and builds the
 * digest on that reading (as `readText` does for the classify page).
 */
function storedDigest(p: Pick<CorpusPaper, 'title' | 'abstract'>): GeneratedDigest | null {
  return generateDigest(p.abstract, p.title, { prepared: prepareText({ title: p.title, text: p.abstract }) })
}

/** The stored digest of the corpus paper in `file` whose title (or, in abstracts.txt, abstract) starts with `start`. */
function digestOf(file: CorpusFile, start: string): GeneratedDigest | null {
  const paper = corpusPapers().find((p) => p.file === file && (p.title.startsWith(start) || p.abstract.startsWith(start)))
  if (!paper) throw new Error(`${start}: not in ${file}.txt`)
  return storedDigest(paper)
}

/** The stored digest of every corpus paper with an abstract and no digest of its own, by title. */
function corpusDigests(): Array<{ title: string; digest: string | null }> {
  return corpusPapers().map((p) => ({ title: p.title, digest: storedDigest(p)?.text ?? null }))
}

/**
 * A paper of a recorded API answer under test/fixtures (arXiv, OpenAlex, Semantic Scholar), read by its source's own
 * parser as a sync would store it; `start` is how its title starts.
 */
function fixturePaper(path: string, start: string): Pick<CorpusPaper, 'title' | 'abstract'> {
  const text = readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url), 'utf8')
  const source = recognizeApiAnswer(text)?.source
  if (!source) throw new Error(`${path}: no source reads it`)
  const record = source.parse(text, { input: path, fetchedAt: '2026-01-01T00:00:00Z' }).records.find((r) => r.title?.startsWith(start) && r.abstract)
  if (!record) throw new Error(`${start}: not in ${path}`)
  return { title: record.title ?? '', abstract: record.abstract ?? '' }
}

/** The Semantic Scholar answer with Turing's papers: OCR'd abstracts, tables of contents, citations as abstracts. */
const TURING = 'semanticscholar/author_detail_2262347_with_papers_hindex.json'

describe('generated digest', () => {
  it('picks the contribution sentence and shortens its framing', () => {
    const abstract =
      'Deep networks generalize in ways classical theory does not explain. In this paper, we show that the ' +
      'neural tangent kernel of a wide network predicts its test error across architectures. Experiments on ' +
      'CIFAR-10 support the theory. The rest of the paper'
    const d = generateDigest(abstract, 'The neural tangent kernel predicts generalization')
    expect(d?.text.startsWith('We show that the neural tangent kernel')).toBe(true)
    expect(d?.text).toMatch(READS_AS_SENTENCE)
    expect(d?.text).not.toMatch(/In this paper/)
    expect(d?.text).not.toMatch(/The rest of the paper/)
  })

  it('cleans LaTeX and never returns a cut sentence', () => {
    const d = generateDigest('We prove that $N \\asymp d$ samples suffice for \\textit{linear denoisers} to generalize well. The proof uses random matrix theory and a new')
    expect(d?.text).toBe('We prove that N ≍ d samples suffice for linear denoisers to generalize well.')
    expect(generateDigest('an abstract cut before its first full stop and')).toBeNull()
  })

  it('keeps a sentence whose math reads as text once cleaned (`$\\ell_2$`, `$\\|W\\|_F$`, `$\\mathcal{O}(n^{-1/2})$`)', () => {
    const sentences = [
      'We study deep linear networks trained by gradient descent with $\\ell_2$ regularization on the weights.',
      'We prove that every stationary point reached from a small initialization minimizes $\\|W\\|_F$ among all factorizations of the same end-to-end map.',
      'The resulting excess risk decays as $\\mathcal{O}(n^{-1/2})$ in the number of samples $n$, independently of the depth $L$.',
    ]
    // Each gave no digest at all, and the three together none either: `ℓ_2`, `|W|_F` and `n^(-1/2)` were taken
    // for LaTeX left over.
    expect(sentences.map((sentence) => generateDigest(sentence)?.text)).toEqual([
      'We study deep linear networks trained by gradient descent with ℓ2 regularization on the weights.',
      'We prove that every stationary point reached from a small initialization minimizes ‖W‖_F among all factorizations of the same end-to-end map.',
      'The resulting excess risk decays as O(n^(-1/2)) in the number of samples n, independently of the depth L.',
    ])
    const d = generateDigest(sentences.join(' '), 'Implicit Regularization of Weight Decay in Deep Linear Networks')
    expect(d?.text).toMatch(/^We study deep linear networks .* ℓ2 regularization .* We prove that .* minimizes ‖W‖_F /)
    expect(d?.text).toMatch(READS_AS_SENTENCE)
  })

  // Abstracts of the corpus, read with the real importers: the digests these gave read as fragments.
  it('does not pick a sentence that names a numbered item it does not give', () => {
    const title = 'When Stronger Triggers Backfire'
    const d = digestOf('researcher-profile', title)
    expect(d?.text).toMatch(READS_AS_SENTENCE)
    // It was: "… We identify a finite-sample noise floor proportional to κ as the mechanism behind (i), …"
    expect(d?.text).not.toMatch(/\((i|ii|iii)\)/)
  })

  it('reads an enumeration written `2) … and 3) …` and a TeX quote closed with a plain quote as whole sentences', () => {
    // Both from the awesome list: they gave no digest while their brackets or quotes looked unbalanced.
    const list =
      'We investigate the tantalizing possibility of using lottery ticket hypothesis to discover lightweight speech recognition models, that are (1) robust to various noise existing in speech; (2) transferable to fit the open-world personalization; and 3) compatible with structured sparsity.'
    expect(generateDigest(list, 'Lottery tickets for speech')?.text).toBe(list)
    const quoted = generateDigest('We find that the dynamics can show four regimes, ending in a late time ``edge of stability" regime.', 'Sharpness')
    expect(quoted?.text).toBe('We find that the dynamics can show four regimes, ending in a late time “edge of stability” regime.')
    // An unmatched closing bracket that is no enumeration still keeps a sentence out.
    expect(generateDigest('We show that the bound holds for all widths) in every case we tried.', 'Bounds')).toBeNull()
  })

  it('prefers sentences that stand alone to ones that point back (`this correspondingly`, `no such bound`)', () => {
    const pde = 'Neural Network Approximations of PDEs Beyond Linearity'
    const d = digestOf('daily-papers', pde)
    // It added: "By a classical result due to Barron [1993], this correspondingly bounds the size of …"
    expect(d?.text).not.toMatch(/this correspondingly/)
    const fantastic = 'Fantastic Generalization Measures are Nowhere to be Found'
    expect(digestOf('daily-papers', fantastic)?.text).not.toMatch(/no such bound|\(2\)/)
  })

  it('takes a `^` or `_` inside a formula for part of the sentence, not for LaTeX left over', () => {
    const monge = 'The Monge Gap: A Regularizer to Learn All Transport Maps'
    const d = digestOf('daily-papers', monge)
    // It was the background "Optimal transport (OT) theory has been been used in machine learning …": the
    // sentence that gives the regularizer was left out for `M^c_rho(T)`.
    expect(d?.text).toMatch(/^We propose a radically different approach to estimating optimal transport \(OT\) maps: .* the Monge gap M\^c_ρ\(T\) of a map T\./)
    expect(generateDigest('We construct equivariant layers for the Lie group GL^{+}(n, R) of matrices with positive determinant.')?.text).toBe(
      'We construct equivariant layers for the Lie group GL^+(n, R) of matrices with positive determinant.',
    )
    // A stray mark, more formula than sentence, or math that lost its backslashes still keeps a sentence out.
    expect(generateDigest('We show that the bound holds with exponent ^ 2 for all widths we tried.')).toBeNull()
    const pde = 'Neural Network Approximations of PDEs Beyond Linearity'
    expect(digestOf('daily-papers', pde)?.text).not.toMatch(/Oleft|int_Omega|nabla/)
  })

  it('adds no second sentence that points back to one it left out', () => {
    const title = 'Upsample or Upweight?'
    const d = digestOf('daily-papers', title)
    expect(d?.text).toMatch(READS_AS_SENTENCE)
    // It added: "Empirically, we observe that Temperature Sampling converges more quickly …" and, without it,
    // "We argue that this faster convergence …".
    expect(d?.text).not.toMatch(/Empirically,|this faster convergence/)
    // Nor "these two methods" (Temperature Sampling and Scalarization, named three sentences before), nor the
    // first sentence, cut at a stray full stop ("… while most face dat . a scarcity."); "Based on these
    // insights," is dropped. The setting the authors chose (`In our study, we focus on …`) comes first.
    expect(d?.text).toBe(
      'We focus on multilingual settings, where data sizes vary significantly between high- and low-resource languages. We propose Cooldown, a strategy that reduces sampling temperature during training, accelerating convergence without overfitting to low-resource languages.',
    )
  })

  // Abstracts from the library (papers with no hand-written digest) whose generated digest opened on a
  // sentence pointing back to one it left out, or on background.
  const GENERALIZATION_MYSTERY =
    'The generalization mystery in deep learning is the following: Why do over-parameterized neural ' +
    'networks trained with gradient descent (GD) generalize well on real datasets even though they are ' +
    'capable of fitting random datasets of comparable size? Furthermore, from among all solutions that ' +
    'fit the training data, how does GD find one that generalizes well (when such a well-generalizing ' +
    'solution exists)? We argue that the answer to both questions lies in the interaction of the ' +
    'gradients of different examples during training. Intuitively, if the per-example gradients are ' +
    'well-aligned, that is, if they are coherent, then one may expect GD to be (algorithmically) stable, ' +
    'and hence generalize well. We formalize this argument with an easy to compute and interpretable ' +
    'metric for coherence, and show that the metric takes on very different values on real and random ' +
    'datasets for several common vision networks. The theory also explains a number of other phenomena in ' +
    'deep learning, such as why some examples are reliably learned earlier than others, why early ' +
    'stopping works, and why it is possible to learn from noisy labels. Moreover, since the theory ' +
    'provides a causal explanation of how GD finds a well-generalizing solution when one exists, it ' +
    'motivates a class of simple modifications to GD that attenuate memorization and improve ' +
    'generalization. Generalization in deep learning is an extremely broad phenomenon, and therefore, it ' +
    'requires an equally general explanation. We conclude with a survey of alternative lines of attack on ' +
    'this problem, and argue that the proposed approach is the most viable one on this basis.'
  const PRIVATE_REGRESSION =
    'Differentially private (DP) linear regression has received significant attention in the recent ' +
    'theoretical literature, with several works aimed at obtaining improved error rates. A common ' +
    'approach is to set the clipping constant much larger than the expected norm of the per-sample ' +
    'gradients. While simplifying the analysis, this is however in sharp contrast with what empirical ' +
    'evidence suggests to optimize performance. Our work bridges this gap between theory and practice: we ' +
    'provide sharper rates for DP stochastic gradient descent (DP-SGD) by crucially operating in a regime ' +
    'where clipping happens frequently. Specifically, we consider the setting where the data is ' +
    'multivariate Gaussian, the number of training samples $n$ is proportional to the input dimension ' +
    '$d$, and the algorithm guarantees constant-order zero concentrated DP. Our method relies on ' +
    'establishing a deterministic equivalent for the trajectory of DP-SGD in terms of a family of ' +
    'ordinary differential equations (ODEs). As a consequence, the risk of DP-SGD is bounded between two ' +
    'ODEs, with upper and lower bounds matching for isotropic data. By studying these ODEs when $n / d$ ' +
    'is large enough, we demonstrate the optimality of aggressive clipping, and we uncover the benefits ' +
    'of decaying learning rate and private noise scheduling.'
  const GROUP_PRUNING =
    'Due to the over-parameterization of neural networks, many model compression methods based on pruning ' +
    'and quantization have emerged. They are remarkable in reducing the size, parameter number, and ' +
    'computational complexity of the model. However, most of the models compressed by such methods need ' +
    'the support of special hardware and software, which increases the deployment cost. Moreover, these ' +
    'methods are mainly used in classification tasks, and rarely directly used in detection tasks. To ' +
    'address these issues, for the object detection network we introduce a three-stage model compression ' +
    'method: dynamic sparse training, group channel pruning, and spatial attention distilling. Firstly, ' +
    'to select out the unimportant channels in the network and maintain a good balance between sparsity ' +
    'and accuracy, we put forward a dynamic sparse training method, which introduces a variable sparse ' +
    'rate, and the sparse rate will change with the training process of the network. Secondly, to reduce ' +
    'the effect of pruning on network accuracy, we propose a novel pruning method called group channel ' +
    'pruning. In particular, we divide the network into multiple groups according to the scales of the ' +
    'feature layer and the similarity of module structure in the network, and then we use different ' +
    'pruning thresholds to prune the channels in each group. Finally, to recover the accuracy of the ' +
    'pruned network, we use an improved knowledge distillation method for the pruned network. Especially, ' +
    'we extract spatial attention information from the feature maps of specific scales in each group as ' +
    'knowledge for distillation. In the experiments, we use YOLOv4 as the object detection network and ' +
    'PASCAL VOC as the training dataset. Our method reduces the parameters of the model by 64.7 % and the ' +
    'calculation by 34.9%.'
  const LIE_GROUPS =
    'Invariance and equivariance to geometrical transformations have proven to be very useful inductive ' +
    'biases when training (convolutional) neural network models, especially in the low-data regime. Much ' +
    'work has focused on the case where the symmetry group employed is compact or abelian, or both. ' +
    'Recent work has explored enlarging the class of transformations used to the case of Lie groups, ' +
    'principally through the use of their Lie algebra, as well as the group exponential and logarithm ' +
    'maps. The applicability of such methods to larger transformation groups is limited by the fact that ' +
    'depending on the group of interest G, the exponential map may not be surjective. Further limitations ' +
    'are encountered when G is neither compact nor abelian. Using the structure and geometry of Lie ' +
    'groups and their homogeneous spaces, we present a framework by which it is possible to work with ' +
    'such groups primarily focusing on the Lie groups G = GL^{+}(n, R) and G = SL(n, R), as well as their ' +
    'representation as affine transformations R^{n} rtimes G. Invariant integration as well as a global ' +
    'parametrization is realized by decomposing the `larger` groups into subgroups and submanifolds which ' +
    'can be handled individually. Under this framework, we show how convolution kernels can be ' +
    'parametrized to build models equivariant with respect to affine transformations. We evaluate the ' +
    'robustness and out-of-distribution generalisation capability of our model on the standard ' +
    'affine-invariant benchmark classification task, where we outperform all previous equivariant models ' +
    'as well as all Capsule Network proposals.'
  // Pasted into the classify page (no title).
  const NEURAL_COLLAPSE =
    'Modern deep neural networks trained for classification exhibit a striking geometric structure in the ' +
    'terminal phase of training, when the training error has reached zero: the last-layer features of ' +
    'each class collapse to their class mean, the class means form a simplex equiangular tight frame, and ' +
    'the linear classifier aligns with the class means. We study this neural collapse phenomenon under ' +
    'the unconstrained features model with weight decay and cross-entropy loss. We prove that every ' +
    'global minimizer exhibits neural collapse and that the optimization landscape is benign, so that ' +
    'gradient descent converges to a collapsed solution. We further show that neural collapse persists ' +
    'under class imbalance only up to a threshold, beyond which minority classes collapse together ' +
    '(minority collapse). Experiments on CIFAR-10 and ImageNet with ResNets confirm the predictions.'

  it('does not open on a sentence that points back to one it leaves out (`both questions`, `both of these phenomena`)', () => {
    const d = generateDigest(GENERALIZATION_MYSTERY, 'On the Generalization Mystery in Deep Learning')
    // It was: "We argue that the answer to both questions lies in the interaction of the gradients …".
    expect(d?.text).not.toMatch(/both questions/)
    expect(d?.text).toMatch(READS_AS_SENTENCE)
    // With a title the library made from the abstract, nothing beside it names the phenomena: it was "We show that
    // both of these phenomena provably occur in two-layer ReLU networks …".
    const { abstract } = corpusPapers().find((p) => p.title.startsWith('Benign Overfitting and Grokking')) ?? { abstract: '' }
    const benign = storedDigest({ title: deriveTitle(abstract), abstract })
    expect(benign?.text).not.toMatch(/both of these/)
    expect(benign?.text).toMatch(READS_AS_SENTENCE)
  })

  it('gives a contribution whose only reference back names what it points to alone, `this delayed generalization` read as `the …`', () => {
    // The Classify page's example: the pair is too long for a digest, and it was the first sentence alone ("Small
    // transformers trained on modular addition first memorize …"), which says nothing of what the paper does.
    const title = 'Grokking as a phase transition in modular arithmetic'
    const text =
      'Small transformers trained on modular addition first memorize the training set and, long after, suddenly generalize. We show this delayed generalization is a phase transition driven by weight decay, track the Fourier features that form the generalizing circuit, and measure how the transition time depends on the size of the training set.'
    expect(readText({ title, text }).digest).toBe(
      'We show the delayed generalization is a phase transition driven by weight decay, track the Fourier features that form the generalizing circuit, and measure how the transition time depends on the size of the training set.',
    )
    // It was the method ("We apply a recent advancement in stochastic thermodynamics which allows bounding the speed …"):
    // `these speed limits` names what the title names.
    expect(digestOf('researcher-profile', 'Speed Limits for Deep Learning')?.text).toBe(
      'Considering both gradient-flow and Langevin training dynamics, we provide analytical expressions for the speed limits for linear and linearizable neural networks e.g. Neural Tangent Kernel (NTK).',
    )
    // One word the title does not say names little: `We leverage this connection` is not read `We leverage the connection`.
    expect(digestOf('abstracts', 'Deep neural networks learn structured features')?.text).toMatch(/^We rigorously establish that FastICA requires/)
  })

  it('gives a contribution that points back to a phenomenon beside the title that names it (`both of these phenomena`, `this phenomenon`)', () => {
    // It was a step of the proofs: "Our proofs rely on analyzing the feature learning process under gradient descent …".
    expect(digestOf('daily-papers', 'Benign Overfitting and Grokking in ReLU Networks for XOR Cluster Data')?.text).toBe(
      'We show that both of these phenomena provably occur in two-layer ReLU networks trained by gradient descent (GD) on XOR cluster data where a constant fraction of the training labels are flipped.',
    )
    // It was "We explore the model in the small vicinity case via perturbation analysis and establish results that cannot be
    // obtained by the previously studied models.", which does not say what the model is.
    expect(digestOf('daily-papers', 'Perturbation Analysis of Neural Collapse')?.text).toBe(
      'We propose a richer model that can capture this phenomenon by forcing the features to stay in the vicinity of a predefined features matrix (e.g., intermediate features).',
    )
  })

  it('drops a lead-in that only points back (`Our work bridges this gap …: we`, `To address these issues,`)', () => {
    const regression = generateDigest(
      PRIVATE_REGRESSION,
      'Better Rates for Private Linear Regression in the Proportional Regime via Aggressive Clipping',
    )
    expect(regression?.text).toBe(
      'We provide sharper rates for differentially private (DP) stochastic gradient descent (DP-SGD) by crucially operating in a regime where clipping happens frequently.',
    )
    const pruning = generateDigest(
      GROUP_PRUNING,
      'Group channel pruning and spatial attention distilling for object detection',
    )
    expect(pruning?.text).toBe(
      'For the object detection network we introduce a three-stage model compression method: dynamic sparse training, group channel pruning, and spatial attention distilling.',
    )
  })

  it('prefers what the paper does to background (`Much work has focused on`, `Recent work has explored`)', () => {
    const d = generateDigest(LIE_GROUPS, 'Lie Group Decompositions for Equivariant Neural Networks')
    // It was those two sentences of background; then the robustness result, while the splitter read `G.
    // Invariant` as an initial and so joined the framework sentence (`GL^+(n, R)`) to the next, too long to use.
    expect(d?.text).not.toMatch(/Much work|Recent work/)
    // The abstract writes `R^{n} rtimes G`, its backslash lost: the digest shows the operator's symbol.
    expect(d?.text).toMatch(/^Using the structure and geometry of Lie groups .* we present a framework .* R\^n ⋊ G\.$/)
  })

  it('opens on what the paper does when its contribution leans on the sentence before it: with that sentence (`In fact,` dropped)', () => {
    const title = 'Automatic Data Augmentation via Invariance-Constrained Learning'
    const d = digestOf('daily-papers', title)
    // It was the background "Underlying data structures, such as symmetries or invariances to transformations, are
    // often exploited …": every sentence that says what the paper does leans on another (`these issues`, `To do so,
    // it`, `The result`, `this method`), and the one `these issues` points to opened on `In fact,`.
    expect(d?.text).toBe(
      'There is both empirical and theoretical evidence that the indiscriminate use of data augmentation can introduce biases that outweigh its benefits. This work tackles these issues by automatically adapting the data augmentation while solving the learning task.',
    )
    const field = 'Applications of Statistical Field Theory in Deep Learning'
    // It was "As deep learning is largely about learning functions …, statistical field theory … is an obvious choice
    // of formalism.": the review's own sentence points to `this emerging line of research`, which the one before gives.
    expect(digestOf('author-papers', field)?.text).toBe(
      'Research efforts carried out in the past few years have demonstrated the ability of field theory to provide useful insights on generalization, implicit bias, and feature learning effects. Here we provide a pedagogical review of this emerging line of research.',
    )
  })

  it('prefers a sentence that states what the paper does to one that does not (`we focus on`, `we obtain`, `this over-fitting problem`)', () => {
    const noisy = 'Compressing Features for Learning with Noisy Labels'
    // It was two sentences that say what supervised learning and Dropout are; the paper's own sentence was read as
    // pointing back (`this over-fitting problem`, its `over-fitting` tagged a verb) and `focus on` as no contribution.
    expect(digestOf('daily-papers', noisy)?.text).toBe(
      'We focus on the problem of learning with noisy labels and introduce compression inductive bias to network architectures to alleviate this over-fitting problem.',
    )
    const pac = 'PAC Generalization via Invariant Representations'
    // It was the question the paper studies ("We study the following question: If a representation is …?").
    expect(digestOf('daily-papers', pac)?.text).toMatch(
      /^Inspired by PAC learning, we obtain finite-sample out-of-distribution generalization guarantees for approximate invariance/,
    )
  })

  it('reads a sentence set in the paper’s model (`In our model,`, `Within our framework,`) as its setup, not as what it does', () => {
    // It opened on "In our model, data is sampled from a mixture of subpopulations and our results show that …": the
    // sentence was read as a contribution for `our results show`, and it shares more of the paper's words than the
    // one that says what the paper shows.
    expect(digestOf('daily-papers', 'Does Learning Require Memorization?')?.text).toBe(
      'We demonstrate that for natural data distributions memorization of labels is necessary for achieving close-to-optimal generalization error.',
    )
    const abstract =
      'We show that wide networks memorize rare examples. Within our framework, examples are drawn from many ' +
      'subpopulations of wide networks and our results show that wide networks memorize rare subpopulations of examples.'
    expect(generateDigest(abstract, 'Wide networks memorize rare subpopulations', { maxSentences: 1 })?.text).toBe('We show that wide networks memorize rare examples.')
    // The paper itself is no setting: `In this study, we show` states what it does.
    const study = 'Deep networks are trained on long-tailed data. In this study, we show that wide networks memorize rare examples.'
    expect(generateDigest(study, 'Wide networks memorize rare examples')?.text).toBe('We show that wide networks memorize rare examples.')
  })

  it('puts no background before what the paper does', () => {
    const title = 'Mitigating the Curse of Detail: Scaling Arguments for Feature Learning and Sample Complexity'
    // It opened on "Two pressing topics in the theory of deep learning are the interpretation of feature learning
    // mechanisms and the determination of implicit bias of networks in the rich regime."
    expect(digestOf('author-papers', title)?.text).toBe(
      'We propose a powerful heuristic route for predicting the data and width scales at which various patterns of feature learning emerge.',
    )
  })

  it('does not count a title made from the abstract’s first words', () => {
    // abstracts.txt gives no titles: the library makes one of each abstract's opening words, and counting it pulled
    // the digest back to that sentence of background.
    // It was "Neural networks extract features from data using stochastic gradient descent (SGD). Here, we show …".
    expect(digestOf('abstracts', 'Neural networks extract features from data')?.text).toBe(
      'We show that correlations between latent variables along the directions encoded in different input cumulants speed up learning from higher-order correlations.',
    )
    // It opened on "Machine learning models are famously vulnerable to adversarial attacks: …".
    expect(digestOf('abstracts', 'Machine learning models are famously vulnerable')?.text).toMatch(/^We use a control-theoretical perspective to study the scenario where an attacker/)
  })

  it('reads an item of a list written `2) …` as leaning on the list, and `these methods, namely …` as standing alone', () => {
    const items =
      'We find that coherence between self-reports and behavior exists but is selective across personality traits. 2) Across separate conversations, coherence survives only for behaviors anchored outside the prompt.'
    expect(generateDigest(items, 'Self-reports of language models')?.text).toBe(
      'We find that coherence between self-reports and behavior exists but is selective across personality traits.',
    )
    const namely =
      'Deep learning has transformed vision-based systems in critical applications. In this article, we provide an overview of these software testing methods, namely differential, metamorphic, mutation, and combinatorial testing.'
    expect(generateDigest(namely, 'Testing deep learning models')?.text).toBe(
      'We provide an overview of these software testing methods, namely differential, metamorphic, mutation, and combinatorial testing.',
    )
  })

  it('prefers the main result to one added to it (`We further show`)', () => {
    const d = generateDigest(NEURAL_COLLAPSE)
    expect(d?.text).toMatch(/^We prove that every global minimizer exhibits neural collapse/)
    expect(d?.sentences[0]).toBe(2)
  })

  it('when every sentence points back, gives the one pointed back to with it', () => {
    // Two sentences of the daily-papers abstract of `Measuring the Intrinsic Dimension of Objective Landscapes`.
    const excerpt =
      'In this paper we attempt to answer this question by training networks not in their native parameter space, but ' +
      'instead in a smaller, randomly oriented subspace. We slowly increase the dimension of this subspace, note at which ' +
      'dimension solutions first appear, and define this to be the intrinsic dimension of the objective landscape.'
    const d = generateDigest(excerpt, 'Measuring the Intrinsic Dimension of Objective Landscapes')
    // It was the second alone: "We slowly increase the dimension of this subspace, …".
    expect(d?.sentences).toEqual([0, 1])
    expect(d?.text).toMatch(
      /^We attempt to answer this question by training networks .* the intrinsic dimension of the objective landscape\.$/,
    )
  })

  it('gives a contribution that answers the question right before it with that question', () => {
    const title = 'Measuring the Intrinsic Dimension of Objective Landscapes'
    const d = digestOf('daily-papers', title)
    // It was two sentences of background: "One may intuitively use the number of parameters required as a rough
    // gauge of the difficulty of a problem. Many problems have smaller intrinsic dimensions than …".
    expect(d?.sentences).toEqual([3, 4])
    expect(d?.text).toBe(
      'How many parameters are really needed? In this paper we attempt to answer this question by training networks not in their native parameter space, but instead in a smaller, randomly oriented subspace.',
    )
    const masked = (answer: string): string =>
      'Modern vision models are pretrained on billions of labelled images collected from the web. Do vision models still ' +
      `need labelled data to learn robust features? We answer ${answer} by training a masked autoencoder on unlabelled ` +
      'images only and measuring its robustness on ImageNet-C.'
    // It was the background sentence and the question.
    expect(generateDigest(masked('this question'), 'Masked autoencoders')?.text).toBe(
      'Do vision models still need labelled data to learn robust features? We answer this question by training a masked autoencoder on unlabelled images only and measuring its robustness on ImageNet-C.',
    )
    // One question is not `these questions`; and a lead-in that only points back is dropped instead.
    expect(generateDigest(masked('these questions'), 'Masked autoencoders')?.text).not.toMatch(/these questions/)
    expect(
      generateDigest(
        'Deep networks trained with SGD memorize noisy labels early in training. To address this, we propose a loss that down-weights examples whose gradients disagree with the rest of the batch.',
        'Label noise',
      )?.text,
    ).toBe('We propose a loss that down-weights examples whose gradients disagree with the rest of the batch.')
  })

  it('gives the answer to questions with the question right before it, `the answer to both questions` read as `the answer`', () => {
    const title = 'On the Generalization Mystery in Deep Learning'
    const d = digestOf('daily-papers', title)
    // It was the question alone ("The generalization mystery in deep learning is the following: Why do …?"); the
    // answer says `both questions`, and the two questions and the answer do not fit together.
    expect(d?.sentences).toEqual([1, 2])
    expect(d?.text).toBe(
      'From among all solutions that fit the training data, how does gradient descent (GD) find one that generalizes well (when such a well-generalizing solution exists)? We argue that the answer lies in the interaction of the gradients of different examples during training.',
    )
    // After a sentence that asks nothing, `both questions` still points back to what the digest leaves out.
    const noQuestion = generateDigest(
      'Two questions about pruning remain open. Pruned networks are known to train fast from a rewound initialization. We argue that the answer to both questions lies in the sign pattern of the weights at initialization.',
      'Pruning',
    )
    expect(noQuestion?.text).not.toMatch(/both questions|the answer lies/)
  })

  it('reads `we leverage`, `we move beyond` as what the paper does, and puts no background before it', () => {
    const connection = 'One-connection rule for structural equation models'
    // It opened on the background "Linear structural equation models are multivariate statistical models encoded by
    // mixed graphs.", put before a sentence that did not count as a contribution.
    expect(digestOf('daily-papers', connection)?.text).toBe(
      'We move beyond the acyclic case and give a closed form expression for the entries of the covariance matrices in terms of the one-connections in a graph obtained from D through some small operations.',
    )
    const extreme = 'Extreme Event Prediction with Multi-agent Reinforcement Learning-based Parametrization of Atmospheric and Oceanic Turbulence'
    // It opened on "In Scientific Multi-Agent Reinforcement Learning (SMARL) computational elements serve a dual role …".
    expect(digestOf('daily-papers', extreme)?.text).toBe(
      'We leverage Scientific Multi-Agent Reinforcement Learning (SMARL) and fundamentals of turbulence physics to learn closures for prototypes of atmospheric and oceanic turbulence.',
    )
  })

  it('opens on no `Concretely,` and reads `Instead of …, we present` as standing on its own', () => {
    const more = 'More is Better in Modern Machine Learning: when Infinite Overparameterization is Optimal and Overfitting is Obligatory'
    // It was "Concretely, we first show that …".
    expect(digestOf('daily-papers', more)?.text).toMatch(
      /^We first show that the test risk of random feature \(RF\) regression decreases monotonically/,
    )
    const soft = 'Regularizing Towards Soft Equivariance Under Mixed Symmetries'
    // It was the evaluation "Using synthetic function approximation and motion forecasting tasks, we demonstrate that our
    // method achieves …": `Instead of` was read as leaning on the sentence before, like `Instead,`.
    expect(digestOf('daily-papers', soft)?.text).toBe(
      'Instead of proposing a new architectural restriction as in most of the previous approaches, we present a regularizer-based method for building a model for a dataset with mixed approximate symmetries.',
    )
  })

  it('reads what the authors’ own method does (`Our method, called PROSE, learns …`) as a contribution, after `we propose`', () => {
    // It was "By using a transformer structure and a feature fusion approach, our network can simultaneously embed …":
    // `our method … learns` had no verb of a contribution, and the sentence that names the method lost to one on how.
    expect(digestOf('daily-papers', 'PROSE')?.text).toBe(
      'Our method, called Predicting Operators and Symbolic Expressions (PROSE), learns maps from multimodal inputs to multimodal outputs, capable of generating both numerical predictions and mathematical equations.',
    )
    // What the method achieves does not displace what the authors say they propose.
    expect(digestOf('daily-papers', 'VTrans')?.text).toMatch(/^We propose VTrans, an iterative pruning framework/)
    expect(digestOf('daily-papers', 'Self-Tuning Networks')?.text).toMatch(/^We show how to construct scalable best-response approximations/)
  })

  it('does not open on `These results …` when a sentence stands on its own', () => {
    const abstract =
      'We prove that gradient flow on a depth-$L$ linear network converges to weights with $\\|W_{\\ell}\\|_F^2$ equal across ' +
      'all layers. These results imply that weight decay acts on deep linear networks as a penalty on the Schatten ' +
      'quasi-norm of the product.'
    const d = generateDigest(abstract, 'Sharp Norm Bounds for Deep Linear Networks')
    // It was "These results imply that …" alone: the result they are about was left out for its LaTeX.
    expect(d?.text).toMatch(/^We prove that gradient flow on a depth-L linear network converges to weights with ‖W_ℓ‖_F\^2 equal across all layers\./)
    // No digest of the corpus's abstracts opens on a word that points back; every one of them has a sentence that
    // stands on its own, or one that comes with the sentence it points back to.
    const POINTING = /^(?:This|These|Those|Such|They|It|Its|Their)\b(?!\s+(?:paper|work|study)\b)/
    for (const { title, digest } of corpusDigests()) expect(digest ?? '', title).not.toMatch(POINTING)
  })

  it('does not open on a result added to one it leaves out, nor on an item of a list (`We also`, `We then`, `We rather`, `Our first bound`)', () => {
    const ADDED = /^(?:We|This (?:paper|work|study)) (?:also|further|then|additionally|next|finally|moreover|furthermore|subsequently|rather|now|again)\b|^Our (?:first|second|third|fourth|last|final|other)\b/
    const digests = corpusDigests()
    expect(digests.filter((d) => ADDED.test(d.digest ?? '')).map((d) => `${d.title}: ${d.digest}`)).toEqual([])
    // *Deep Learning on a Data Diet* had opened on `We also use our scores to detect noisy examples …`.
    expect(digests.find((d) => d.title === 'Deep Learning on a Data Diet: Finding Important Examples Early in Training')?.digest).toMatch(/^We make the striking observation that/)
  })

  it('drops a lead-in of the kind `To the implementation end,` and `Building on this insight,` before what the paper does', () => {
    const end = generateDigest(
      'Attention with a prefix of any length is costly to compute. To the implementation end, we propose our NTK-Attention method, which is equivalent to attention computation with arbitrary prefix length.',
      'Toward Infinite-Long Prefix in Transformer',
    )
    expect(end?.text).toBe('We propose our NTK-Attention method, which is equivalent to attention computation with arbitrary prefix length.')
    const insight = generateDigest(
      'Recent work has connected self-supervised learning to the top eigenspace of a graph Laplacian. Building on this insight, this work delves into a statistical analysis of augmentation-based pretraining.',
      'Augmentation-based Self-Supervised Learning',
    )
    expect(insight?.text).toBe('This work delves into a statistical analysis of augmentation-based pretraining.')
  })

  it('spells out an acronym the abstract defined in a sentence the digest left out', () => {
    const title = 'Benign Overfitting and Grokking in ReLU Networks for XOR Cluster Data'
    const d = digestOf('daily-papers', title)
    // It read "… trained by GD on XOR cluster data …"; GD is defined in the first sentence.
    expect(d?.text).toMatch(/ReLU networks trained by gradient descent \(GD\) on XOR cluster data/)
    expect(d?.text).toMatch(READS_AS_SENTENCE)
  })

  it('writes a word a line break split after its hyphen whole, as the text writes it elsewhere', () => {
    const d = digestOf('researcher-profile', 'Exact Dynamics of Multi-class Stochastic Gradient Descent')
    // It read `… on a variety of high- dimensional optimization problems …`; the abstract goes on with `high-dimensional SGD`.
    expect(d?.text).toMatch(/on a variety of high-dimensional optimization problems/)
    // A hyphen the text never closes up stays (the Upsample or Upweight abstract: `between high- and low-resource languages`).
    const upsample = 'We focus on multilingual settings, where data sizes vary significantly between high- and low-resource languages.'
    expect(rejoinBrokenWords(upsample, upsample)).toBe(upsample)
    expect(rejoinBrokenWords('the question computa- tion to fundamental physics', 'Tur- ing s picture of what is computable, and computation')).toBe(
      'the question computation to fundamental physics',
    )
    expect(rejoinBrokenWords('it changed Tur- ing s picture.', 'a paper on computation')).toBe('it changed Tur- ing s picture.')
  })

  it('spells out acronyms only where that reads right', () => {
    expect(spellOutAcronyms('We train with GD.', 'We use gradient descent (GD). We train with GD.')).toBe('We train with gradient descent (GD).')
    expect(spellOutAcronyms('GD converges.', 'Gradient descent (GD) is used. GD converges.')).toBe('Gradient descent (GD) converges.')
    // The phrase follows the use's number, and a definition that opened a sentence is not a name.
    expect(spellOutAcronyms('We show that the DNN is stable.', 'Deep neural networks (DNNs) are used. We show that the DNN is stable.')).toBe(
      'We show that the deep neural network (DNN) is stable.',
    )
    expect(spellOutAcronyms('We scale CNNs.', 'A convolutional neural network (CNN) is used. We scale CNNs.')).toBe('We scale convolutional neural networks (CNNs).')
    expect(spellOutAcronyms('We study NTK regimes.', 'The Neural Tangent Kernel (NTK) is used. We study NTK regimes.')).toBe('We study Neural Tangent Kernel (NTK) regimes.')
    // A name's capital stays when the definition did not open its sentence.
    expect(spellOutAcronyms('We fit a GPR model.', 'We use Gaussian process regression (GPR). We fit a GPR model.')).toBe('We fit a Gaussian process regression (GPR) model.')
    expect(spellOutAcronyms('RL agents learn.', 'Reinforcement learning (RL) is hard. RL agents learn.')).toBe('Reinforcement learning (RL) agents learn.')
    expect(spellOutAcronyms('We use RL here.', 'Reinforcement learning (RL) is hard. We use RL here.')).toBe('We use reinforcement learning (RL) here.')
    // A hyphenated word gives one initial or one per part (Informer's abstract, Semantic Scholar fixture).
    const informer = 'Long sequence time-series forecasting (LSTF) demands a high prediction capacity. We propose Informer for LSTF.'
    expect(spellOutAcronyms('We propose Informer for LSTF.', informer)).toBe('We propose Informer for long sequence time-series forecasting (LSTF).')
    expect(spellOutAcronyms('SSL helps.', 'We study self-supervised learning (SSL). SSL helps.')).toBe('Self-supervised learning (SSL) helps.')
    // Inside a name, before another bracket, already defined, or initials that do not match: left alone.
    const abstract = 'The neural tangent kernel (NTK) and partial differential equations (PDE) and a subgradient method (SubGM) appear.'
    for (const digest of ['We propose NTK-Attention.', 'We use PDE Parameter Embeddings (CAPE).', 'A latent NTK (LNTK) helps.', 'The neural tangent kernel (NTK) helps.', 'A simple SubGM works.'])
      expect(spellOutAcronyms(digest, abstract)).toBe(digest)
  })

  it('says a sentence the text repeats once, and reads through `Fig. 2` and `(Thm. 3.1)`', () => {
    const twice = 'We show that grokking happens in small transformers. We show that grokking happens in small transformers. It is unexplained.'
    expect(generateDigest(twice)?.text).not.toMatch(/transformers\. We show/)
    expect(generateDigest('Prior work is limited. We prove, see Fig. 2, that SGD converges fast for smooth networks.')?.text).toBe(
      'We prove, see Fig. 2, that SGD converges fast for smooth networks.',
    )
    expect(generateDigest('Prior work is limited. We prove that SGD converges at a fast rate for smooth losses (Thm. 3.1).')?.text).toBe(
      'We prove that SGD converges at a fast rate for smooth losses (Thm. 3.1).',
    )
  })

  it('uses a sentence followed by one that opens on a term written in lower case (`k-means`, `t-SNE`, `e.g.`)', () => {
    const first = 'We propose a new pruning method that finds sparse trainable subnetworks in transformers.'
    const openers = [
      'k-means clustering of the weights gives the masks.',
      't-SNE plots show the clusters.',
      'e.g. BERT can be pruned to half its size.',
      'i.e. half of the weights go.',
      'p-values are below 0.01 in every run.',
      'mRNA data are not used.',
      'iPhone apps run the pruned model.',
      'x-axis values give the sparsity.',
      'word2vec embeddings are pruned too.',
    ]
    // Each gave no digest: the first sentence was taken for one cut at a stray full stop.
    for (const second of openers) expect(generateDigest(`${first} ${second}`, 'Pruning transformers with clustering')?.text, second).toBe(first)
  })

  it('still takes no sentence cut at a stray full stop or at an abbreviation before lower case', () => {
    const title = 'Pruning transformers with clustering'
    expect(generateDigest('Data availability across domains often follows a long-tail distribution, while most face dat . a scarcity of labelled data.', title)).toBeNull()
    expect(generateDigest('We propose a new pruning method that finds sparse trainable subnetworks in the models of Ref. k-means clustering of the weights gives the masks.', title)).toBeNull()
    expect(generateDigest('We propose a new pruning method that finds sparse trainable subnetworks of ca. t-SNE plots show the clusters.', title)).toBeNull()
    // Read through by the splitter: a whole sentence, not a fragment.
    expect(generateDigest('We propose a new pruning method that finds sparse subnetworks as shown in Fig. 3 of the appendix.', title)?.text).toBe(
      'We propose a new pruning method that finds sparse subnetworks as shown in Fig. 3 of the appendix.',
    )
  })

  it('takes no sentence a quoted question cut short (`… the question, \' Can machines think ? \' is to be sought …`)', () => {
    const paper = fixturePaper(TURING, 'PSYCHOLOGY AND PHILOSOPHY')
    expect(paper.abstract).toContain("the answer to tlie question, ' Can machines think ? ' is to be sought in a statistical survey")
    // It ended on `… the answer to tlie question, ' Can machines think ?`, the rest of its sentence left out.
    expect(storedDigest(paper)?.text).not.toMatch(/tlie question/)
  })

  it('takes no item of a numbered list cut at its numbers (a table of contents)', () => {
    const paper = fixturePaper(TURING, 'The Essential Turing')
    expect(paper.abstract).toContain('8. Memorandum to OP-20-G on Naval Enigma (c. 1941) Artificial Intelligence 9. Lecture on')
    // It was `Memorandum to OP-20-G on Naval Enigma (c. 1941) Artificial Intelligence 9. Computing Machinery and
    // Intelligence (1950) 12.`, then `Can Automatic Calculating Machines Be Said to Think?` (item 14): a list has no
    // sentence that says what the book does.
    expect(storedDigest(paper)).toBeNull()
    // A sentence that ends on a number is no list item by itself.
    expect(generateDigest('We measure the superfluid density of helium films at 12 temperatures down to T = 1. The film is thin.', 'Helium films')?.text).toMatch(/^We measure/)
  })

  it('reads a sentence that opens an enumeration continued in the next sentences up to its colon', () => {
    const paper = fixturePaper('semanticscholar/paper_search_transformer_limit5_rich_fields.json', 'Informer')
    expect(paper.abstract).toContain('with three distinctive characteristics: (i) a ProbSparse self-attention mechanism')
    // It was the sentence with its item (i) alone, of three; leaving it out gave background.
    expect(storedDigest(paper)?.text).toBe(
      'We design an efficient transformer-based model for long sequence time-series forecasting (LSTF), named Informer, with three distinctive characteristics.',
    )
    // An enumeration the sentence finishes stays whole.
    const whole = 'We propose a pruning method with two parts: (i) a magnitude score and (ii) a rewinding step. It works.'
    expect(generateDigest(whole, 'Pruning')?.text).toBe('We propose a pruning method with two parts: (i) a magnitude score and (ii) a rewinding step.')
  })

  it('reads `He`, `For each law,` and `all of them` as leaning on what comes before', () => {
    const turing = fixturePaper(TURING, 'Computing Machinery and Intelligence 1.')
    expect(turing.abstract).toContain('He knows them by labels X and Y')
    // It added `He knows them by labels X and Y, …` to the opening question, with no `he` before it.
    expect(storedDigest(turing)?.text).not.toMatch(/\bHe knows/)
    const rParity = fixturePaper('arxiv/oai_pmh_listrecords_arXiv_format_physics_hep-ex.xml', 'R-Parity Violation at the LHC')
    expect(rParity.abstract).toContain('We use the nature of the LSP to classify the possible signatures. For each possible scenario we present')
    // It opened on `For each possible scenario we present …`; all of them would be `We find that virtually all of them …`.
    expect(storedDigest(rParity)?.text).toMatch(/^We investigate the phenomenology of the MSSM extended by a single R-parity violating coupling/)
    expect(storedDigest(rParity)?.text).not.toMatch(/For each|all of them/)
    const dd = fixturePaper('semanticscholar/paper_batch_full_fields_with_null_entry.json', 'How Much Should We Trust')
    expect(dd.abstract).toContain('placebo laws in state-level data on female wages from the Current Population Survey. For each law, we use OLS')
    expect(storedDigest(dd)?.text).not.toMatch(/^For each law/)
  })

  it('reads what the authors did told in the past (`we performed`, `We have performed`) as a contribution', () => {
    const rest = fixturePaper('arxiv/api_query_search_testing_max10.xml', 'Automated Test Generation for REST APIs')
    expect(rest.abstract).toContain('To fill this gap, we performed an empirical study aimed to understand the landscape')
    // It was the background `Modern web services routinely provide REST APIs …` and the first step of the study;
    // `in this area` (the field) points back to nothing a reader misses.
    expect(storedDigest(rest)?.text).toBe(
      'We performed an empirical study aimed to understand the landscape in automated testing of REST APIs and guide future research in this area.',
    )
    const helium = fixturePaper('arxiv/legacy_api_query_search_au_del_maestro_2016.xml', 'Local Superfluidity at the Nanoscale')
    // It was the setting `Within the two-fluid model, the portion of the normal liquid …`.
    expect(storedDigest(helium)?.text).toMatch(/^We have performed quantum Monte Carlo simulations measuring the finite size and temperature superfluid response/)
    // A participle further on is an adjective or a passive, not what the authors did: read with `we` anywhere before
    // it, `Prompting and contextual-based fine-tuning methods, which we call Prefix Learning, have been proposed …`
    // opened the digest of Toward Infinite-Long Prefix in Transformer.
    expect(digestOf('daily-papers', 'Toward Infinite-Long Prefix in Transformer')?.text).toMatch(/^We propose our NTK-Attention method/)
  })

  it('reads `In this systematic review, we` as the paper speaking, whatever words stand before its noun', () => {
    const review = fixturePaper('arxiv/api_query_search_testing_max10.xml', 'A Systematic Literature Review of Automated Techniques')
    expect(review.abstract).toContain('Objective. In this systematic review, we attempt to provide a broad picture of existing mobile testing tools')
    // It was two of its conclusions (`For effectiveness, we observe …`): `In this systematic review,` was read as
    // pointing back like `In this setting,`.
    expect(storedDigest(review)?.text).toMatch(/^We attempt to provide a broad picture of existing mobile testing tools/)
  })

  it('reads `… has been introduced in this paper` as the paper\'s contribution, not others\' work', () => {
    const cup = fixturePaper('arxiv/api_query_all_transformer_and_cat_cs.LG_max5.xml', 'Adjusted Cup-Product Neural Layer')
    // It opened on the background `Many important observables in physics and geometry are cup products of cochains.`
    expect(storedDigest(cup)?.text).toBe(
      'The adjusted cup product neural layer has been introduced in this paper. It is a neural primitive that hard wires the cup product with an adjustment term from higher gauge theory.',
    )
  })

  it('reads a sentence whose `its` comes before anything it could stand for as leaning on the one before', () => {
    // A Hugging Face paper: its daily page gives a summary, but another source may give the abstract alone.
    const paper = fixturePaper('huggingface/daily_papers_2026-06-12_limit20_p1.json', 'SG-OPD')
    expect(paper.abstract).toContain('However, we find that its effectiveness implicitly relies on two assumptions')
    // It was `We find that its effectiveness implicitly relies on two assumptions …`, `its` standing for nothing given.
    expect(storedDigest(paper)?.text).not.toMatch(/^We find that its effectiveness/)
    // Once the sentence has named something, `its` may stand for it.
    const flash = fixturePaper('huggingface/daily_papers_2026-06-12_limit20_p0.json', 'Flash-GMM')
    expect(storedDigest(flash)?.text).toMatch(/^We present Flash-GMM/)
  })

  it('sets a number\'s lost `times` as × and a quotation opened with a closing quote with an opening one', () => {
    const flash = fixturePaper('huggingface/daily_papers_2026-06-12_limit20_p0.json', 'Flash-GMM')
    expect(flash.abstract).toContain('with up to 1.7times fewer distance computations')
    expect(storedDigest(flash)?.text).toContain('with up to 1.7× fewer distance computations')
    const turing = fixturePaper(TURING, 'Alan Turing')
    expect(turing.abstract).toContain('When the name ”Alan Turing” is mentioned')
    expect(storedDigest(turing)?.text).toMatch(/^When the name “Alan Turing” is mentioned most people think of one or more of the following words: “Turing Machine”, “Turing Test”/)
  })

  it('takes no sentence of over 60 words (two the source ran together)', () => {
    const church = fixturePaper(TURING, "A formal theorem in Church's theory of types")
    expect(church.abstract).toContain('(and called (C) in this note) It was shewn in his paper')
    // It was that run-on of 68 words, `This note is concerned with … It was shewn in his paper (Theorem 26α) that …`.
    const d = storedDigest(church)?.text ?? ''
    expect(d).not.toMatch(/It was shewn/)
    expect(d).toMatch(/^A formal proof of Yα is now given for all types α containing ι/)
    for (const sentence of d.split(/(?<=\.) (?=[A-Z])/)) expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(60)
  })

  it('never gives where the code or data is (`The source code … is available at https://…`)', () => {
    const papers = [
      fixturePaper('semanticscholar/paper_search_transformer_limit5_rich_fields.json', 'Restormer'),
      fixturePaper('huggingface/daily_papers_2026-06-12_limit20_p1.json', 'Robust-U1'),
      fixturePaper('huggingface/daily_papers_2026-06-12_limit20_p1.json', 'MiniMax Sparse Attention'),
    ]
    for (const paper of papers) {
      // The abstract's own sentences that give a link: each alone would have been its digest.
      const links = paper.abstract.split(/(?<=\.) (?=[A-Z])/).filter((sentence) => /https?:\/\//.test(sentence))
      expect(links.length, paper.title).toBeGreaterThan(0)
      for (const sentence of links) expect(generateDigest(sentence, paper.title), sentence).toBeNull()
      expect(storedDigest(paper)?.text).not.toMatch(/https?:|available at/)
    }
  })

  it('reads `this contribution`, `this two-part essay` as the paper naming itself', () => {
    // It was a result (`Our results show that Equilibrium Neural Operator (EquiNO) achieves speedup factors …`):
    // `In this contribution, we propose` was read as pointing back.
    expect(digestOf('daily-papers', 'EquiNO')?.text).toMatch(/^We propose Equilibrium Neural Operator \(EquiNO\) as a complementary physics-informed/)
    const essay = fixturePaper(TURING, 'Artificial Intelligence : Usfssg Computers')
    // It opened on `At some point unknown to the interrogator, the man is replaced by a machine.`
    expect(storedDigest(essay)?.text).toMatch(/^The first part of this two-part essay will review some of the theones AI researchers have developed/)
  })

  it('writes a Greek letter whose backslash a source lost as its symbol where the digest uses it as one', () => {
    const d = digestOf('daily-papers', 'The Monge Gap: A Regularizer to Learn All Transport Maps')
    // The abstract writes `a reference measure rho` and `the Monge gap M^c_{rho}(T)`.
    expect(d?.text).toContain('Given a cost c and a reference measure ρ, we introduce a regularizer, the Monge gap M^c_ρ(T) of a map T.')
    // A name no script marks as math stays a word (`Phi` is a model's name too).
    expect(digestOf('daily-papers', 'On the Provable Advantage of Unsupervised Pretraining')?.text).toMatch(/latent variable models Phi and/)
  })

  it('shortens `In this paper, our main insight is` to `Our main insight is`', () => {
    const paper = fixturePaper('huggingface/daily_papers_2026-06-12_limit20_p0.json', 'Leveraging Morphology for Historical Script')
    expect(paper.abstract).toContain('In this paper, our main insight is that morphological script analysis')
    expect(storedDigest(paper)?.text).toMatch(/^Our main insight is that morphological script analysis/)
  })

  it('drops a leading label (`Abstract:`, `Summary:`)', () => {
    const sentence = 'We propose a new pruning method that finds sparse trainable subnetworks in transformers.'
    const title = 'Pruning transformers with clustering'
    // The corpus's abstracts.txt writes `Abstract:` before each abstract, with or without a space.
    expect(generateDigest(`Abstract: ${sentence}`, title)?.text).toBe(sentence)
    expect(generateDigest(`Abstract:${sentence}`, title)?.text).toBe(sentence)
    expect(generateDigest(`Summary: ${sentence} It works.`, title)?.text).toBe(sentence)
    expect(generateDigest(`Background: Pruning is costly for large models. Results: ${sentence}`, title)?.text).not.toMatch(/Background:|Results:/)
  })

  it('drops a heading in capitals run into the text (`SUMMARY An account …`)', () => {
    const paper = fixturePaper(TURING, 'Studies in the History of Probability and Statistics')
    expect(paper.abstract).toMatch(/^SUMMARY An account is given/)
    expect(storedDigest(paper)?.text).toBe("An account is given of A. M. Turing's unpublished contributions to statistics during 1941 or 1940.")
    // A word in capitals that is no heading stays.
    expect(generateDigest('SUMMARY statistics of the runs are given in a table for every model we trained.', 'Runs')?.text).toMatch(/^SUMMARY statistics/)
  })

  it('takes no sentence that only restates the title or is a reference entry', () => {
    const paper = fixturePaper(TURING, 'Arthur W. Burks')
    expect(paper.abstract).toMatch(/^ARTHUR W\. BURKS\. The logic of programming electronic digital computers\. Industrial mathematics \(Detroit\), vol\. 1/)
    // It was `The logic of programming electronic digital computers. Industrial mathematics (Detroit), vol. 1 (1950),
    // pp. 36-52.`, the title again; without those, `… Planning and coding of problems …, vol. 1, Institute for
    // Advanced Study, 1947.`, the reference the review ends on.
    expect(storedDigest(paper)?.text).toMatch(/^This article does not deal primarily with "logic" in the technical sense\. I t is an account of the general principles of programming/)
  })

  it('never picks a sentence a run too long to be a word was left out of', () => {
    const abstract = `We show that magnitude pruning finds sparse trainable subnetworks at ${'x'.repeat(600)} in transformers of every size.`
    expect(generateDigest(abstract, 'Pruning')).toBeNull()
  })

  it('always reads as a sentence', () => {
    const sentence = fc
      .tuple(
        fc.constantFrom('We show that', 'However, we find that', 'In this work, we prove that', 'This suggests that', 'Our results reveal that', 'Deep networks'),
        fc.constantFrom(' pruning', ' the $\\alpha$-norm', ' neural collapse (NC', ' grokking', ' a \\emph{kernel}'),
        fc.constantFrom(' happens early in training.', ' scales with depth.', ' is rare', ' depends on data (see Fig. 2).', '.'),
      )
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 6 }), (sentences) => {
        const d = generateDigest(sentences.join(' '))
        if (d === null) return
        expect(d.text).toMatch(READS_AS_SENTENCE)
        expect(d.text).not.toMatch(/[$\\]/)
        expect(d.text.length).toBeLessThanOrEqual(400)
      }),
      { numRuns: 60 },
    )
  })
})
