package io.github.motcua.forms.spi;

import java.util.Map;

/**
 * A store of data the State already holds about an applicant (nguồn dữ liệu đã có), e.g. the
 * national population database (Cơ sở dữ liệu quốc gia về dân cư) looked up by personal
 * identification number, or the civil-status database. Prefill uses it so the applicant is not
 * asked again for what is already known (tái sử dụng dữ liệu).
 *
 * <p>Implementations must be thread-safe: one instance serves concurrent requests. A source that
 * fails may throw any runtime exception; prefill records the source as unavailable and goes on.
 */
public interface DataSource {

    /** A stable id naming the source in the prefill result, e.g. {@code "CSDL_QG_DAN_CU"}. */
    String id();

    /**
     * The values this source knows for the query, keyed by the JSON Pointer of the form field they
     * fill, e.g. {@code "/me/hoTen" -> "Nguyễn Thị B"}. Values are strings, numbers, booleans, or
     * maps/lists of those. Return an empty map when nothing is known; never {@code null}.
     */
    Map<String, Object> lookup(PrefillQuery query);
}
