package io.github.motcua.examples.cli;

/**
 * Exit codes of the command line (mã thoát), also printed by {@code --help}.
 *
 * <p>Thread-safe (constants).
 */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** {@code check}: the pack loads but some case failed. */
    public static final int CASES_FAILED = 1;
    /** The pack has problems (parse, schema, lint, compile). */
    public static final int PACK_PROBLEMS = 2;
    /**
     * {@code decide}, {@code explain}: the dossier was not decided — it is invalid, names an unknown
     * procedure, or its decision is INDETERMINATE or not assessed (the decision is still printed).
     */
    public static final int BAD_DOSSIER = 3;
    /** A file could not be read or written. */
    public static final int IO = 4;
    /**
     * A value given on the command line is wrong: a date outside 1900..2199, FROM after TO, an
     * unknown procedure code ({@code guide}), a code with path characters or an existing procedure
     * folder ({@code new-procedure}).
     */
    public static final int BAD_ARGUMENT = 5;
    /** Wrong arguments. */
    public static final int USAGE = 64;
    /** An unexpected internal error (a bug: please report it). */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
