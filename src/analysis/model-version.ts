/**
 * @module The version of the analysis's fitted models. It goes up when the text pipeline or a model changes
 * what it would fit (2: topic pairs get a second look; `data` keyed as `data`. 3: the topic model knows how
 * far from every topic a text may be before it is off topic; the key-word model keeps its key words' keys.
 * 4: no curated key word is shown again in pieces, and no key phrase holds a word of praise, so every
 * paper's key words are chosen again. 5: a finite verb ends a phrase, a phrase a Title-Case title cut short is
 * shown whole, and a digest opens on no sentence that points back to one it leaves out. 6: the terms shown
 * for a topic or shared by two papers are written as the text writes them and name something; a novelty
 * percentile ranks among the papers of its year; a digest may pair a contribution with the question it
 * answers and keep a sentence with `ℓ2` or `GL^+`; a key phrase a Title-Case title cut short is grown by the
 * word the tagger misread (`Deep Image Prior`); and `the group G. Invariant …` is two sentences. 7: a
 * Title-Case title's `High-Dimensional` is shown as `high-dimensional`, and a key word is not shown beside
 * a curated one it restates under a title's capitals (`Curricula` beside `Curriculum Learning`); two papers
 * are not said to share words most papers use (`learning`, `paper`). 8: the key-word model holds a classifier
 * per curated key word listed at least twice, and its ranker a feature more for it. 9: a TF-IDF model keeps
 * the terms it left out as too common, so that the topic centroids count a text's never-seen words in its
 * length (a bread recipe that says `grokking` is off topic). 10: topical centrality takes out what a text's length
 * alone gives (an abstract had ranked above a title with a one-line digest whatever it was about). 11: a paper not in
 * English gets no key words (its phrases had been `les` or a whole Chinese title), and a digest opens on no sentence
 * added to one it leaves out (`We also use our scores …`). 12: beside a curator's key words, a phrase under 0.15 no longer fills the
 * list to two (`letter`), and a phrase that grows a listed one (`Lottery Ticket Hypothesis` beside `Lottery Tickets`) is
 * not shown. 13: a digest states what the paper does before anything else: a contribution, alone or with the sentence
 * it leans on (`… biases that outweigh its benefits. This work tackles these issues by …`), wins over background, no
 * background is put before it, a title made from the abstract's opening is not counted, and an acronym defined over a hyphenated word
 * (`time-series forecasting (TF)` or `(TSF)`) is spelled out. 14: a key word the text does not spell out is
 * suggested only with support in the text (a word of it, its acronym, or its classifier above the share of curated
 * papers that list it, which the key-word model now keeps), no phrase under 0.15 fills any list to two, and a word most
 * papers write (`model`, `data`) fills in last. 15: a digest reads `we leverage` and `we move beyond` as what the paper
 * does, gives an answer with the question right before it (`the answer to both questions` as `the answer`), opens on no
 * `Concretely,`, and does not read `Instead of …, we present` as leaning on the sentence before it. 16: a digest reads what the authors'
 * own method does (`Our method, called PROSE, learns …`) as a contribution, counted for less than `we propose`. 17: an
 * acronym is matched to a phrase by a hyphenated word's initials per part or per word (`SAM` of `Sharpness-Aware
 * Minimization`, `LSTF` of `Long Sequence Time-series Forecasting`), so `LSTF` is shown spelled out. 18: a
 * digest's contribution that points back only through words that name what they point to stands alone (`We show this
 * delayed generalization is …` read `the delayed generalization`), as does one pointing to a phenomenon the title names
 * (`both of these phenomena` beside *Benign Overfitting and Grokking …*). 19: a word that is no key word on its own
 * is shown as the phrase the text first writes it in when other papers write that phrase too (`adversarial attacks`,
 * not `attacks`). 20: a digest reads a sentence set in the paper's model or setting (`In our model, data is sampled …`,
 * `In this setting,`) as its setup, not as what the paper does. 21: a topic's weight of a word is split by the compound
 * its papers write it in, so `coordinate descent` is not the `descent` of `double descent`, and a best topic under 40%
 * that one word of the text decides is left unsorted. 22: a paper the classifier leaves unsorted although a topic
 * reached the bar (one word decided it, or off topic) gets no key word from its topics (`Deep Double Descent` had been
 * suggested for *Coordinate Descent for Sparse Regression* partly by that topic). 23: key words read a word by the
 * compound it heads too: the per-key-word classifiers split a key word's weight of a word by its papers' compounds, and
 * a word of a suggestion, or a piece of it the text completes, supports it only where the text writes it alone or in
 * the key word's compound (`coordinate descent` no longer supports `Deep Double Descent`). 24: the paper vectors read a
 * word the library writes almost only inside two or more named compounds (`descent`) by its compound's sense
 * (`descent (double)`), so similar papers of a coordinate-descent text are no longer double-descent papers. 25: the
 * key-word ranker has a feature more, how much of a phrase the text writes only inside a longer phrase (a candidate
 * records the phrases around each of its uses), so `Spectral Regularization` is no longer shown as `Regularization`. 26: a
 * close call is not said to rest on one word when the text writes that word in the topic's name (`Kernel` of `Neural
 * Tangent Kernel (NTK)`, whose `tangent` decided it as much), so such a paper is sorted under that topic. 27: a
 * one-word key word the text only writes as a verb followed by its object (`Deconstructing Lottery Tickets`, `resetting
 * the critical layers`) is not shown unless curators list it. 28: a digest takes no item of a numbered list the
 * splitter cut at its numbers (a table of contents), nor a sentence a quoted question cut short (`… ' Can machines think ?
 * ' is to be sought …`), and reads a sentence that opens an enumeration the next sentences go on with up to its colon. 29: a digest reads a sentence
 * opening on `He`, `She` or `For each law,`, or pointing back with `all of them`, as leaning on what comes before it. 30: a digest
 * drops a heading in capitals run into the text (`SUMMARY An account …`) and takes no sentence that only restates the
 * title or is a reference entry (`…, vol. 1, Institute for Advanced Study, 1947.`). 31: a past participle starts a key
 * phrase the text abbreviates word by word right after it (`rectified linear units (ReLU)`), so the acronym is shown
 * spelled out and `Units` is no key word of its own. 32: a digest writes a word a line break split after its hyphen whole
 * as the text writes it elsewhere (`high- dimensional` → `high-dimensional`) and shows `rtimes`, `otimes`, `oplus` as
 * their symbols. 33: a digest reads what the authors did told in the past (`we performed an empirical study`, `We have
 * performed quantum Monte Carlo simulations`) as a contribution, and `this area` or `this field` as no reference back. 34: a digest reads `In this
 * systematic review, we` (up to two words before the noun) as the paper speaking, not as a reference back. 35: a digest reads `… has
 * been introduced in this paper` as the paper's contribution. 36: a TeX quote a source made typographic one mark at a time
 * (`‘‘recipher’’`) is read as one (`“recipher”`). 37: a digest reads a sentence whose `its`, `they` or `he` comes
 * before it has named anything (`We find that its effectiveness …`) as leaning on the sentence before. 38: a digest shows a number's lost
 * `times` as `×` (`1.7times` → `1.7×`) and opens a quotation opened with `”` with `“`. 39: a digest takes no sentence of
 * over 60 words. 40: nor one that says where the code or data is (`… available at https://…`). 41: a digest reads
 * `this contribution`, `this essay`, `this book`, `this tutorial`, `this dissertation` as the paper naming itself. 42: a digest writes a Greek
 * letter's name it uses as a sub- or superscript as the letter, there and where it names it alone (`measure rho`, `M^c_rho(T)` →
 * `measure ρ`, `M^c_ρ(T)`). 43: a digest shortens `In this paper, our main insight is` to `Our main insight is`. 44: a novelty percentile ranks novelty with what a
 * text of its length gets in its year taken out. 45: the vector model keeps the terms too common to say why two
 * papers are alike, counted among the texts with more than a title (`neural network`, `model`, `training`), and no
 * similar paper is said to share them. 46: a paper of whose text the vector model knows fewer than two words (`Highway networks`:
 * `networks` alone) has no novelty, with those words as the reason, and is not ranked among its year's papers. 47: similar
 * papers' key words weigh by similarity squared, in the key-word ranker's fit and when ranking. 48: a paper the vector
 * model knows too little of (46) has no topical centrality either, nor a rank among the library's; that reason comes before 'no date'.
 * 49: a phrase that restates a curated key word (not shown beside it) hides no phrase it is inside (`Sharpness` had
 * hidden `Sharpness Minimization Algorithms`), and a key word the text does not write is no piece of a chain of its phrases.
 * 50: a title's framing (`Role of Over-Parametrization`, `Normalization effects`) is not shown, and a capitalised
 * irregular plural clashes with its singular (`Curricula` and `curriculum` were both shown).
 * 51: a phrase the text writes only as a piece of a longer noun phrase is not shown (`Overfitted Three-Layer` before
 * `Neural Tangent Kernel Model`, `Squares Problems` after `Least`). 52: a one-word name that modifies what follows
 * (`GPT-4` of *GPT-4 Technical Report*) is no such piece.
 * 53: a suggested key word that no similar paper and no topic of the paper lists (every one of an off-topic paper's) is
 * shown only when papers worded like it list it one time in twenty (`Gaussian Process` for *A Markovian Decision Process*).
 * 54: a phrase of two or more words the text writes only on into a longer noun phrase, and the library's other texts only
 * so too, is not shown (`Long short-term` of *Long short-term memory*).
 * 55: every suggested key word of a paper left unsorted though not off topic (one word decided its topic, or none was
 * confident) needs papers worded like it to list it one time in twenty and more often than average, as one no similar
 * paper or topic lists does (`Data Augmentation` for *The Art of Statistics*).
 * 56: a word, `to` and the same word again are one word to a paper's key phrases (`Sequence to sequence learning`).
 * 57: a capitalised word is read as its lower-case noun where phrases are compared (`Learning Dynamics` of a title as
 * the text's `learning dynamics`, `Matrices` as `matrices`), so `Early-Time Learning` of `… Learning Dynamics` is a cut piece.
 * 58: a key phrase no other text writes, cut where the text's noun phrase runs on, is shown as the whole noun phrase
 * (`efficient foundation language models` of *LLaMA*, not `efficient foundation`), or not at all past four words.
 * 59: the analysis stores the language it told of each paper's text, so that a paper with no key words says why for its
 * language (an English one no longer adds that a text not in English gets none).
 * 60: a Latin-script text of under 60 letters that franc calls foreign is so only when it writes two function words of
 * another language: six English titles of the d2l references (`Training compute-optimal large language models`) were
 * read as French, Madurese or Uzbek and had no key words.
 * 61: the key-word model keeps the year the library first wrote or listed each curated key word, and no key word a
 * paper's text does not spell out is suggested to a paper dated five or more years before it (`Neural Tangent Kernel`
 * for *Learning the kernel with hyperkernels*, 2005).
 * 62: nor is a paper put under a topic whose name is such a key word (`Neural Tangent Kernel` for *Theory of reproducing
 * kernels*, 1950): it gets the next confident topic or is unsorted as `named-later`, and its stored probability of that
 * topic is 0, so it is near no paper by it.
 * 63: a key phrase is shown with the noun its noun phrase opens with before its adjective (`graph convolutional
 * networks`), a gerund before a noun runs a noun phrase on (`support vector learning machines`), a one-word name no other
 * text writes with its head noun (`Swin transformer`, beside `Transformers`), and a curated key word the text writes word
 * for word is extracted, not suggested (`No Free Lunch Theorem` of *No free lunch theorems for search*).
 * 64: such a key word's reasons are those of one the text writes (`papers worded like it list it`, none that it is not in
 * the text or completes a phrase of it).
 * 65: a paper unsorted because its closest topic was named long after it keeps no topic vector, so its similar papers
 * are near it by wording alone (what was left of its confidences was near nothing, and any two such papers looked alike).
 * 66: a key phrase of the title no other text writes is shown with the words that open its noun phrase wherever the text writes it
 * (`Generative adversarial nets`, not `adversarial nets`; `Single shot multibox detector`), and `X of` a gerund read as a
 * verb before its object is not shown (`Theory of reproducing` of *Theory of reproducing kernels*).
 * 67: a suggested key word under 0.3 is not supported by a word a twentieth or more of the library's texts write that
 * curators do not list alone (`Neural Tangent Kernel` for *Neural collaborative filtering*, on `neural`).
 * 68: a title opening on a word in -ing that other texts write as a modifier of the title phrase's noun (`Discrete
 * Denoising Models`) shows that noun phrase whole (`Denoising diffusion probabilistic models`, was `probabilistic models`).
 * A library whose stored models carry another version is refitted on its next import, sync or `analyze`, so an upgrade
 * never mixes the old keys or model parts with the new.
 */
export const MODEL_VERSION = 68
