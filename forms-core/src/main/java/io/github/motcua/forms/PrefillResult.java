package io.github.motcua.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of prefill (điền sẵn tờ khai): the form data with known values filled in, each filled
 * field with its source, and the sources that could not be reached.
 *
 * <p>Immutable and thread-safe.
 *
 * @param data        the form data after prefill (values already entered are never overwritten)
 * @param filled      the fields prefill filled, in the order filled
 * @param unavailable ids of sources that threw or returned nothing usable, with the reason
 */
public record PrefillResult(Map<String, Object> data, List<PrefilledField> filled, Map<String, String> unavailable) {
    public PrefillResult {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        filled = List.copyOf(filled);
        unavailable = Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
    }

    /** The source of the field at {@code pointer}, if prefill filled it. */
    public Optional<String> sourceOf(String pointer) {
        return filled.stream().filter(f -> f.pointer().equals(pointer)).map(PrefilledField::sourceId).findFirst();
    }
}
