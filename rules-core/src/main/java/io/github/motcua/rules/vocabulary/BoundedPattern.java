package io.github.motcua.rules.vocabulary;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The regular expressions rules use: {@code text("x") matches "^[0-9]{12}$"} in a condition compiles
 * to this class instead of the JDK's {@link Pattern}. The matcher reads the value through a
 * {@link CharSequence} that counts reads and gives up after {@code 1,000,000 + 100 × length} of them,
 * so a pattern with nested quantifiers ({@code ^((a+)+)+$}) cannot hold a decision on a crafted
 * citizen value: the decision ends INDETERMINATE with cause {@code REGEX_BUDGET}
 * ({@link RegexBudgetException}), never "condition not met". Immutable and thread-safe.
 */
public final class BoundedPattern {
    private final Pattern pattern;

    private BoundedPattern(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiled patterns by source; rule packs hold a bounded number of literal patterns. */
    private static final java.util.concurrent.ConcurrentHashMap<String, BoundedPattern> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 4096;

    /** Compiles {@code regex} (JDK syntax), or returns the pattern compiled for it before. */
    public static BoundedPattern compile(String regex) {
        Objects.requireNonNull(regex, "regex");
        BoundedPattern p = CACHE.get(regex);
        if (p == null) {
            p = new BoundedPattern(Pattern.compile(regex));
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(regex, p);
        }
        return p;
    }

    /** A match of this pattern against {@code input}, not yet run. */
    public Match matcher(CharSequence input) {
        return new Match(this, input);
    }

    /** One value to match; {@link #matches()} runs it within the work budget. */
    public static final class Match {
        private final BoundedPattern owner;
        private final CharSequence input;

        Match(BoundedPattern owner, CharSequence input) {
            this.owner = owner;
            this.input = input;
        }

        /**
         * Whether the whole value matches.
         *
         * @throws RegexBudgetException when the pattern needs more work than the budget allows
         */
        public boolean matches() {
            String value = input.toString();
            try {
                return owner.pattern.matcher(new Budgeted(value, 1_000_000L + 100L * value.length())).matches();
            } catch (OutOfBudget e) {
                throw new RegexBudgetException(owner.pattern.pattern());
            } catch (StackOverflowError e) {
                throw new RegexBudgetException(owner.pattern.pattern());
            }
        }
    }

    private static final class OutOfBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfBudget() {
            super(null, null, false, false);
        }
    }

    /** The value, counting every character the matcher reads. */
    private static final class Budgeted implements CharSequence {
        private final String value;
        private long left;

        Budgeted(String value, long budget) {
            this.value = value;
            this.left = budget;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw new OutOfBudget();
            }
            return value.charAt(index);
        }

        @Override
        public int length() {
            return value.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(value.substring(start, end), left);
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
