/**
 * The desk web application (ứng dụng Bộ phận Một cửa) and citizen portal (Cổng dịch vụ công); the
 * entry point is {@link io.github.motcua.examples.desk.DeskServer} ({@code motcua-cli desk PACK}
 * runs it through {@link io.github.motcua.examples.desk.DeskCommand}). Demo register data comes from
 * {@link io.github.motcua.examples.desk.DemoPopulationRegister}.
 */
package io.github.motcua.examples.desk;
