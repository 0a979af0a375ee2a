package io.github.motcua.catalogue.imports;

import tools.jackson.databind.JsonNode;

/**
 * One national record read from a file: its origin (the file, {@code file[i]} inside a JSON array) and its
 * JSON. Immutable.
 */
record RecordInput(String origin, JsonNode json) {
}
