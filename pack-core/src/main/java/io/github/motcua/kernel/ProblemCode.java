package io.github.motcua.kernel;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable machine code of a {@link Problem}, e.g. {@code LINK_OUTSIDE_PACK}: upper-case letters,
 * digits and underscores, starting with a letter. Tools and tests match on it; the words of the
 * message may change, the code does not. The codes of the kernel are the constants here; each module
 * names its own codes (listed in its guide in docs/).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the code, e.g. {@code FILE_TOO_LARGE}
 */
public record ProblemCode(String name) {
    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** The pack folder (or a file the caller asked for) does not exist. */
    public static final ProblemCode PACK_NOT_FOUND = new ProblemCode("PACK_NOT_FOUND");
    /** A symbolic link leads outside the pack folder. */
    public static final ProblemCode LINK_OUTSIDE_PACK = new ProblemCode("LINK_OUTSIDE_PACK");
    /** A file is larger than the reader's limit. */
    public static final ProblemCode FILE_TOO_LARGE = new ProblemCode("FILE_TOO_LARGE");
    /** The pack has more files than the reader's limit. */
    public static final ProblemCode PACK_TOO_LARGE = new ProblemCode("PACK_TOO_LARGE");
    /** The pack has more folders than the reader's file limit ({@link PackReader.Limits#maxFiles()}); hidden ones aside. */
    public static final ProblemCode PACK_TOO_MANY_FOLDERS = new ProblemCode("PACK_TOO_MANY_FOLDERS");
    /** The pack's files together exceed the reader's total ({@link PackReader.Limits#maxTotalBytes()}). */
    public static final ProblemCode PACK_TOO_MANY_BYTES = new ProblemCode("PACK_TOO_MANY_BYTES");
    /** A file is not valid UTF-8. */
    public static final ProblemCode NOT_UTF8 = new ProblemCode("NOT_UTF8");
    /** A file could not be read (permissions, I/O). */
    public static final ProblemCode IO = new ProblemCode("IO");
    /** A YAML or JSON file does not parse. */
    public static final ProblemCode YAML_SYNTAX = new ProblemCode("YAML_SYNTAX");
    /** A YAML or JSON file holds nothing. */
    public static final ProblemCode YAML_EMPTY = new ProblemCode("YAML_EMPTY");
    /** A mapping names the same key twice (YAML would silently keep the last value). */
    public static final ProblemCode DUPLICATE_KEY = new ProblemCode("DUPLICATE_KEY");
    /** A YAML alias ({@code *name}): the parser would read the anchor's name as text, so aliases are refused. */
    public static final ProblemCode YAML_ALIAS = new ProblemCode("YAML_ALIAS");
    /** YAML or JSON nested deeper than the reader's limit. */
    public static final ProblemCode TOO_DEEP = new ProblemCode("TOO_DEEP");
    /** A CSV field's closing quote is followed by something other than a comma or a line end. */
    public static final ProblemCode CSV_AFTER_QUOTE = new ProblemCode("CSV_AFTER_QUOTE");
    /** A CSV field's quote is never closed. */
    public static final ProblemCode CSV_UNCLOSED_QUOTE = new ProblemCode("CSV_UNCLOSED_QUOTE");
    /**
     * A CSV text has more cells than its reader's limit ({@link PackReader#csv(String, String, int)}, argument
     * {@code max}): not read on from the record holding the first cell past it (at that record's line).
     */
    public static final ProblemCode CSV_TOO_MANY_CELLS = new ProblemCode("CSV_TOO_MANY_CELLS");

    /**
     * The last problem of a bounded list ({@link ProblemSink}): counts the problems, from its place on, that were not
     * listed (its arguments {@code count} and {@code max}).
     */
    public static final ProblemCode PROBLEMS_MORE = new ProblemCode("PROBLEMS_MORE");

    public ProblemCode {
        Objects.requireNonNull(name, "name");
        if (!SHAPE.matcher(name).matches()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a problem code is upper-case letters, digits and '_': [%s]", name));
        }
    }

    /** The code itself. */
    @Override
    public String toString() {
        return name;
    }
}
