/**
 * The decision service (dịch vụ ra quyết định): start it with {@link io.github.motcua.service.DecisionService#builder}.
 * A pack behind a JSON HTTP API described by OpenAPI 3.1, with RFC 9457 problems in Vietnamese and
 * English, reloads without restart, on the JDK's own HTTP server. docs/service.md is the guide.
 */
package io.github.motcua.service;
