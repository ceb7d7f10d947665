/**
 * @module Local sentence-embedding models (ONNX, run with onnxruntime-node) as the analysis's
 * `TextEmbedder`. Loaded only when a library is set to use one, so the runtime costs nothing otherwise.
 */
export {
  loadOnnxEmbedder,
  locateModelFiles,
  embeddingText,
  type OnnxEmbedder,
  type OnnxEmbedderOptions,
  type OnnxRuntimePort,
  type OnnxSessionPort,
} from './onnx-embedder.js'
