package io.github.motcua.rules.vocabulary;

/**
 * The actions a rule takes, on the global {@code decision} (hành động của quy tắc). Each action is
 * recorded with the firing rule's name, file, line and {@code @basis}.
 *
 * <p>The engine binds a fresh instance per decision: an instance is confined to one thread.
 */
public interface Actions {
    /** Marks the dossier ineligible (không đủ điều kiện) with a reason in Vietnamese. */
    void ineligible(String reasonVi);

    /** Marks the dossier ineligible with a reason in Vietnamese and English. */
    void ineligible(String reasonVi, String reasonEn);

    /** Requires a component of the catalogue. */
    void require(String componentId);

    /** Requires one of two components (group id first). */
    void requireOneOf(String group, String id1, String id2);

    /** Requires one of three components. */
    void requireOneOf(String group, String id1, String id2, String id3);

    /** Requires one of four components. */
    void requireOneOf(String group, String id1, String id2, String id3, String id4);

    /** Lists a component as optional (không bắt buộc). */
    void optional(String componentId);

    /** Waives a component because a database holds the data (naming that source). */
    void waive(String componentId, String source);

    /** Extends the time limit, e.g. {@code extend(10, "WORKING_DAYS", "xã đặc biệt khó khăn")}. */
    void extend(long amount, String unit, String reasonVi);

    /** Pauses the clock for a known length (thời gian không tính). */
    void pause(long amount, String unit, String reasonVi);

    /** Replaces the base time limit, e.g. {@code replaceDeadline(5, "WORKING_DAYS", "cần xác minh")}. */
    void replaceDeadline(long amount, String unit, String reasonVi);

    /**
     * Extends the time limit with the reason in Vietnamese and English, e.g. {@code extend(10, "WORKING_DAYS",
     * "xã đặc biệt khó khăn", "especially disadvantaged commune")}: English texts of the decision show the English.
     * The default (for an implementation written before it) drops the English.
     */
    default void extend(long amount, String unit, String reasonVi, String reasonEn) {
        extend(amount, unit, reasonVi);
    }

    /** Pauses the clock for a known length, the reason in Vietnamese and English (default: drops the English). */
    default void pause(long amount, String unit, String reasonVi, String reasonEn) {
        pause(amount, unit, reasonVi);
    }

    /** Replaces the base time limit, the reason in Vietnamese and English (default: drops the English). */
    default void replaceDeadline(long amount, String unit, String reasonVi, String reasonEn) {
        replaceDeadline(amount, unit, reasonVi);
    }

    /** Adds a note in Vietnamese. */
    void note(String messageVi);

    /** Adds a note in Vietnamese and English. */
    void note(String messageVi, String messageEn);

    /** Adds a fee line of the fee table (item = its row key) with a quantity. */
    void addFee(String item, long quantity);

    /** Exempts a fee item (miễn). */
    void exempt(String item, String reasonVi);

    /** Reduces a fee item by a percentage 0–100 (giảm). */
    void reduce(String item, int percent, String reasonVi);
}
