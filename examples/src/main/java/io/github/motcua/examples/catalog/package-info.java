/**
 * Catalogue publication (công bố danh mục thủ tục hành chính) and dossier guides (hướng dẫn chuẩn
 * bị hồ sơ); the entry point is {@link io.github.motcua.examples.catalog.Catalogues}, which builds a
 * {@link io.github.motcua.examples.catalog.Catalogue} or a
 * {@link io.github.motcua.examples.catalog.ProcedureGuide} from a loaded engine and writes HTML,
 * CSV, JSON or text. Uses motcua's public API only.
 */
package io.github.motcua.examples.catalog;
